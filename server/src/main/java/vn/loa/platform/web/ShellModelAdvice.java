package vn.loa.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import vn.loa.platform.DatabaseMode;
import vn.loa.platform.NavigationItem;
import vn.loa.platform.ProvinceSettings;
import vn.loa.platform.ShellModel;

/**
 * Puts what every page of the shell needs into the model: the navigation the user may see, whether
 * demo data is on, and the province the banner names.
 */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice implements ShellModel {

    private final List<NavigationItem> navigation;
    private final DatabaseMode databaseMode;
    private final ProvinceSettings province;

    ShellModelAdvice(List<NavigationItem> navigation, DatabaseMode databaseMode, ProvinceSettings province) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        this.databaseMode = databaseMode;
        this.province = province;
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return List.of();
        }
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .collect(Collectors.toSet());
        return navigation.stream()
                .filter(item -> item.roles().isEmpty() || item.roles().stream().anyMatch(roles::contains))
                .toList();
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return databaseMode.embedded();
    }

    @ModelAttribute("provinceName")
    String provinceName() {
        return province.name();
    }

    @Override
    public void addTo(Model model) {
        model.addAttribute("navigation", navigation());
        model.addAttribute("demoMode", demoMode());
        model.addAttribute("provinceName", provinceName());
    }
}

package vn.loa.coordination.web;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.loa.coordination.Leadership;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.platform.NavigationItem;

/** The leader's view ("Điều hành"): one page of what needs the province's leadership, each item a link. */
@Controller
@ConditionalOnWebApplication
class LeadershipController {

    private final Leadership leadership;

    LeadershipController(Leadership leadership) {
        this.leadership = leadership;
    }

    @GetMapping("/leadership")
    String view(Model model, Locale locale) {
        model.addAttribute("view", leadership.view(SignedInPrincipal.current().orElseThrow(), locale.getLanguage()));
        return "coordination/leadership";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem leadershipNavigation() {
            return new NavigationItem("nav.leadership", "/leadership", 2, Set.of("ADMIN", "COORDINATOR", "LEADER"));
        }
    }
}

package vn.loa.listening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.AgencyRouting;
import vn.loa.listening.PostLabels;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/** Coordinators and administrators edit the rules that route posts to agencies. */
@Controller
@RequestMapping("/listening/rules")
@ConditionalOnWebApplication
class RoutingRulesController {

    private final AgencyRouting routing;
    private final AgencyDirectory agencies;

    RoutingRulesController(AgencyRouting routing, AgencyDirectory agencies) {
        this.routing = routing;
        this.agencies = agencies;
    }

    @GetMapping
    String list(Model model) {
        editor();
        fill(model);
        model.addAttribute("kind", "KEYWORD");
        return "listening/rules";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String value, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        SignedInUser user = editor();
        try {
            routing.add(agency, kind, value, user.actor());
        } catch (InvalidInput e) {
            fill(model);
            model.addAttribute("problems", e.all());
            model.addAttribute("agency", agency);
            model.addAttribute("kind", kind);
            model.addAttribute("value", value);
            response.setStatus(422);
            return "listening/rules";
        }
        redirect.addFlashAttribute("flashKey", "rules.added");
        return "redirect:/listening/rules";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        routing.remove(id, editor().actor());
        redirect.addFlashAttribute("flashKey", "rules.removed");
        return "redirect:/listening/rules";
    }

    private void fill(Model model) {
        model.addAttribute("rules", routing.all());
        model.addAttribute("agencies", agencies.validOn(LocalDate.now(LocalTime.ZONE)));
        model.addAttribute("topics", PostPagesController.TOPICS);
        model.addAttribute("domains", PostLabels.DOMAINS);
    }

    private static SignedInUser editor() {
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        if (!user.has(Role.ADMIN) && !user.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("routing rules are for coordinators and administrators");
        }
        return user;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem rulesNavigation() {
            return new NavigationItem("nav.rules", "/listening/rules", 40, Set.of("ADMIN", "COORDINATOR"));
        }
    }
}

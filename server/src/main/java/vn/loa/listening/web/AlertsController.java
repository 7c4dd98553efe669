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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Alerts;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/** Alerts in the app: the list, one alert with its posts, acknowledging, and the rules. */
@Controller
@ConditionalOnWebApplication
class AlertsController {

    private final Alerts alerts;
    private final AgencyDirectory agencies;

    AlertsController(Alerts alerts, AgencyDirectory agencies) {
        this.alerts = alerts;
        this.agencies = agencies;
    }

    @GetMapping("/alerts")
    String list(@RequestParam(defaultValue = "false") boolean open, Model model) {
        SignedInUser user = user();
        model.addAttribute("alerts", alerts.alerts(user, open, 200));
        model.addAttribute("open", open);
        return "listening/alerts";
    }

    @GetMapping("/alerts/{id}")
    String one(@PathVariable long id, Model model) {
        Alerts.Alert alert = alerts.alert(id, user());
        model.addAttribute("alert", alert);
        model.addAttribute("posts", alerts.posts(alert));
        return "listening/alert";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        alerts.acknowledge(id, user());
        redirect.addFlashAttribute("flashKey", "alerts.acknowledged");
        return "redirect:/alerts/" + id;
    }

    @GetMapping("/alerts/rules")
    String rules(Model model) {
        SignedInUser user = user();
        fill(model, user);
        model.addAttribute("form", new Alerts.RuleForm(user.agencyCode(), "NEGATIVE_VOLUME", "", "", ""));
        return "listening/alert-rules";
    }

    @PostMapping("/alerts/rules")
    String addRule(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String threshold, @RequestParam(defaultValue = "") String keyword,
            @RequestParam(defaultValue = "") String email, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        SignedInUser user = user();
        Alerts.RuleForm form = new Alerts.RuleForm(agencyCode, kind, threshold, keyword, email);
        try {
            alerts.addRule(form, user);
        } catch (InvalidInput e) {
            fill(model, user);
            model.addAttribute("form", form);
            model.addAttribute("problems", e.all());
            response.setStatus(422);
            return "listening/alert-rules";
        }
        redirect.addFlashAttribute("flashKey", "alerts.rule.added");
        return "redirect:/alerts/rules";
    }

    @PostMapping("/alerts/rules/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        alerts.disableRule(id, user());
        redirect.addFlashAttribute("flashKey", "alerts.rule.disabled");
        return "redirect:/alerts/rules";
    }

    private void fill(Model model, SignedInUser user) {
        model.addAttribute("rules", alerts.rules(user));
        model.addAttribute("kinds", Alerts.KINDS);
        model.addAttribute("agencies", agencies.validOn(LocalDate.now(LocalTime.ZONE)));
        model.addAttribute("provinceWide", user.has(vn.loa.identity.Role.ADMIN) || user.has(vn.loa.identity.Role.COORDINATOR)
                || user.has(vn.loa.identity.Role.LEADER));
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem alertsNavigation() {
            return new NavigationItem("nav.alerts", "/alerts", 9, Set.of("ADMIN", "COORDINATOR", "LEADER", "OFFICER",
                    "SPOKESPERSON"));
        }
    }
}

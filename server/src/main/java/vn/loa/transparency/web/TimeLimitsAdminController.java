package vn.loa.transparency.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.InvalidInput;
import vn.loa.transparency.Channel;
import vn.loa.transparency.InformationRequests;

/**
 * The time limits of information requests, for administrators: the table in force and before, and a form (and
 * {@code GET/POST /api/v1/admin/access-time-limits}, {@link TimeLimitsApiController}) to enter those of a later law with its source document.
 */
@Controller
@ConditionalOnWebApplication
class TimeLimitsAdminController {

    private final InformationRequests requests;

    TimeLimitsAdminController(InformationRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/admin/access-time-limits")
    String page(Model model) {
        model.addAttribute("rules", requests.timeLimits());
        model.addAttribute("channels", Channel.values());
        return "admin/access-time-limits";
    }

    @PostMapping("/admin/access-time-limits")
    String enter(@RequestParam(required = false) String validFrom, @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "false") boolean complex, @RequestParam(required = false) Integer answerDays,
            @RequestParam(required = false) Integer noticeDays, @RequestParam(required = false) Integer extensionDays,
            @RequestParam(defaultValue = "") String source, RedirectAttributes redirect) {
        try {
            LocalDate from;
            try {
                from = validFrom == null || validFrom.isBlank() ? null : LocalDate.parse(validFrom);
            } catch (DateTimeParseException e) {
                from = null;
            }
            Channel chosen;
            try {
                chosen = channel == null ? null : Channel.valueOf(channel);
            } catch (IllegalArgumentException e) {
                chosen = null;
            }
            requests.enterTimeLimit(new InformationRequests.TimeLimitRule(null, from, null, chosen, complex, answerDays, noticeDays,
                    extensionDays, source, null), SignedInPrincipal.current().orElseThrow().actor());
            redirect.addFlashAttribute("flashKey", "transparency.limits.entered");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
        }
        return "redirect:/admin/access-time-limits";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem timeLimitsNavigation() {
            return new NavigationItem("nav.access-time-limits", "/admin/access-time-limits", 926, Set.of("ADMIN"));
        }
    }
}

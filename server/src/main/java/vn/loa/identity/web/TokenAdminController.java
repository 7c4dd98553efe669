package vn.loa.identity.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.ApiArea;
import vn.loa.identity.ApiTokens;
import vn.loa.identity.ApiTokens.IssuedToken;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/** Administrators' screen for API tokens: issue (shown once), list, revoke. */
@Controller
@RequestMapping("/admin/tokens")
class TokenAdminController {

    private final ApiTokens tokens;
    private final AgencyDirectory agencies;
    private final Clock clock;

    TokenAdminController(ApiTokens tokens, AgencyDirectory agencies, Clock clock) {
        this.tokens = tokens;
        this.agencies = agencies;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        Map<AgencyId, Agency> byId = agencies.all().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("byId", byId);
        java.time.LocalDate today = clock.instant().atZone(LocalTime.ZONE).toLocalDate();
        model.addAttribute("agencyOptions", agencies.validOn(today));
        model.addAttribute("today", today);
        model.addAttribute("areaOptions", ApiArea.values());
        if (!model.containsAttribute("expiresOn")) {
            model.addAttribute("expiresOn", LocalTime.format(today.plus(ApiTokens.DEFAULT_LIFE)));
        }
        return "admin/tokens";
    }

    @PostMapping
    String issue(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long agencyId,
            @RequestParam(required = false) String expiresOn, @RequestParam(defaultValue = "false") boolean readOnly,
            @RequestParam(required = false) List<String> areas, RedirectAttributes redirect) {
        List<String> typedAreas = areas == null ? List.of() : areas;
        try {
            // the form offers the units of today: a unit dissolved in 2025 gets no new token (its successor does)
            java.time.LocalDate today = clock.instant().atZone(LocalTime.ZONE).toLocalDate();
            if (agencyId != null && agencies.find(new AgencyId(agencyId)).filter(a -> a.validOn(today)).isEmpty()
                    && agencies.find(new AgencyId(agencyId)).isPresent()) {
                throw new InvalidInput("agency", "user.error.agency-ended");
            }
            java.time.LocalDate lastDay = null;
            if (expiresOn != null && !expiresOn.isBlank()) {
                try {
                    lastDay = java.time.LocalDate.parse(expiresOn.strip(), LocalTime.DAY_INPUT);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidInput("expiresOn", "token.error.expires-day");
                }
            }
            Set<ApiArea> chosen = EnumSet.noneOf(ApiArea.class);
            for (String code : typedAreas) {
                chosen.add(ApiArea.ofCode(code).orElseThrow(() -> new InvalidInput("areas", "token.error.area")));
            }
            IssuedToken issued = tokens.issue(name, agencyId == null ? null : new AgencyId(agencyId), lastDay, readOnly,
                    chosen, CurrentUserAdvice.signedIn().orElseThrow().actor());
            redirect.addFlashAttribute("issuedSecret", issued.secret());
            redirect.addFlashAttribute("flashKey", "token.issued");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorField", e.field());
            // what was typed stays in the form
            redirect.addFlashAttribute("typedName", name);
            redirect.addFlashAttribute("expiresOn", expiresOn == null ? "" : expiresOn);
            redirect.addFlashAttribute("typedReadOnly", readOnly);
            redirect.addFlashAttribute("typedAreas", typedAreas);
        }
        return "redirect:/admin/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(id, CurrentUserAdvice.signedIn().orElseThrow().actor());
        redirect.addFlashAttribute("flashKey", "token.revoked");
        return "redirect:/admin/tokens";
    }
}

package vn.loa.identity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.CommuneProfiles;
import vn.loa.identity.CommuneProfiles.CommuneProfile;
import vn.loa.identity.CommuneProfiles.Minority;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** Administrators' screen for the communes' flags that campaigns' audiences start from (minorities, remote). */
@Controller
@RequestMapping("/admin/communes")
class CommuneAdminController {

    private final CommuneProfiles profiles;
    private final Clock clock;

    CommuneAdminController(CommuneProfiles profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        return page(model, null);
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        CommuneProfile editing = profiles.find(code, today()).orElseThrow(() -> new NotFound("commune", code));
        return page(model, editing);
    }

    @PostMapping("/{code}")
    String save(@PathVariable String code, @RequestParam(required = false) List<Minority> minorities,
            @RequestParam(defaultValue = "false") boolean remote, RedirectAttributes redirect) {
        SignedInUser user = CurrentUserAdvice.signedIn().orElseThrow();
        Set<Minority> groups = minorities == null || minorities.isEmpty() ? EnumSet.noneOf(Minority.class)
                : EnumSet.copyOf(minorities);
        profiles.update(code, today(), groups, remote, user.actor());
        redirect.addFlashAttribute("flashKey", "communes.saved");
        return "redirect:/admin/communes";
    }

    private String page(Model model, CommuneProfile editing) {
        List<CommuneProfile> communes = profiles.onDay(today());
        model.addAttribute("communeList", communes);
        model.addAttribute("remoteCount", communes.stream().filter(CommuneProfile::remote).count());
        model.addAttribute("minorityCount", communes.stream().filter(c -> !c.minorities().isEmpty()).count());
        model.addAttribute("minorities", Minority.values());
        model.addAttribute("editing", editing);
        return "admin/communes";
    }

    private LocalDate today() {
        return clock.instant().atZone(LocalTime.ZONE).toLocalDate();
    }
}

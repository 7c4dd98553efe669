package vn.loa.transparency.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.ProvinceSettings;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.transparency.DisclosureCatalogue;
import vn.loa.transparency.DisclosureCategory;

/** The disclosure catalogue: kept by the agencies at {@code /transparency/disclosure}, published ones on the portal. */
@Controller
@ConditionalOnWebApplication
class DisclosureController {

    private final DisclosureCatalogue catalogue;
    private final AgencyDirectory agencies;
    private final ProvinceSettings province;

    DisclosureController(DisclosureCatalogue catalogue, AgencyDirectory agencies, ProvinceSettings province) {
        this.catalogue = catalogue;
        this.agencies = agencies;
        this.province = province;
    }

    @GetMapping("/transparency/disclosure")
    String desk(Model model) {
        SignedInUser user = user();
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        model.addAttribute("items", catalogue.items(user));
        model.addAttribute("categories", DisclosureCategory.values());
        model.addAttribute("today", today);
        model.addAttribute("agencyOptions", user.has(Role.COORDINATOR) ? agencies.validOn(today)
                : agencies.validOn(today).stream().filter(a -> a.code().equals(user.agencyCode())).toList());
        return "transparency/disclosure";
    }

    @PostMapping("/transparency/disclosure")
    String add(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String title,
            @RequestParam(required = false) String category, @RequestParam(required = false) String dueOn,
            @RequestParam(required = false) String reviewOn, RedirectAttributes redirect) {
        try {
            DisclosureCategory chosen = null;
            try {
                chosen = category == null ? null : DisclosureCategory.valueOf(category);
            } catch (IllegalArgumentException e) {
                chosen = null;
            }
            catalogue.add(new DisclosureCatalogue.NewItem(agencyCode, title, chosen, day(dueOn), day(reviewOn)), user());
            redirect.addFlashAttribute("flashKey", "disclosure.added");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
        }
        return "redirect:/transparency/disclosure";
    }

    @PostMapping("/transparency/disclosure/{id}/published")
    String published(@PathVariable long id, @RequestParam(required = false) String publishedOn,
            @RequestParam(defaultValue = "") String place, @RequestParam(defaultValue = "") String url,
            @RequestParam(required = false) String reviewOn, RedirectAttributes redirect) {
        try {
            catalogue.published(id, new DisclosureCatalogue.Publication(day(publishedOn), place, url, day(reviewOn)), user());
            redirect.addFlashAttribute("flashKey", "disclosure.published");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
        }
        return "redirect:/transparency/disclosure";
    }

    @GetMapping("/public/access-to-information/disclosure")
    String publicList(Model model) {
        List<DisclosureCatalogue.Item> items = catalogue.publicItems();
        model.addAttribute("items", items);
        model.addAttribute("provinceName", province.name());
        return "public/disclosure";
    }

    private static LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }
}

package vn.loa.press.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.press.ContactPreference;
import vn.loa.press.MediaDirectory;
import vn.loa.press.OutletKind;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The media directory: press agencies and their journalists valid today, their beats and how they want to be reached,
 * and the size of the address list releases go to. Coordinators and administrators add and end entries.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/press/media")
class MediaController {

    private final MediaDirectory media;
    private final Clock clock;

    MediaController(MediaDirectory media, Clock clock) {
        this.media = media;
        this.clock = clock;
    }

    @GetMapping
    String directory(Model model) {
        prepare(model);
        return "press/media";
    }

    @PostMapping("/outlets")
    String addOutlet(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String newsroomEmail, @RequestParam(defaultValue = "") String validFrom,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        List<InvalidInput> problems = new ArrayList<>();
        OutletKind chosen = PressApiController.parse(OutletKind.class, kind, "kind", problems);
        LocalDate from = day(validFrom, problems);
        try {
            InvalidInput.throwIfAny(problems);
            media.addOutlet(new MediaDirectory.Outlet(null, name, chosen, null, newsroomEmail, from, null),
                    PressDeskController.user());
            redirect.addFlashAttribute("flashKey", "press.media.added");
            return "redirect:/press/media";
        } catch (InvalidInput e) {
            return refused(e, response, model);
        }
    }

    @PostMapping("/journalists")
    String addJournalist(@RequestParam(required = false) Long outletId, @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String beats,
            @RequestParam(defaultValue = "") String contactPreference,
            @RequestParam(defaultValue = "false") boolean receivesReleases, @RequestParam(defaultValue = "") String validFrom,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        List<InvalidInput> problems = new ArrayList<>();
        ContactPreference preference = PressApiController.parse(ContactPreference.class, contactPreference,
                "contactPreference", problems);
        LocalDate from = day(validFrom, problems);
        try {
            InvalidInput.throwIfAny(problems);
            media.addJournalist(new MediaDirectory.Journalist(null, outletId, null, fullName, username, email, phone,
                    Arrays.stream(beats.split(",")).map(String::strip).filter(b -> !b.isEmpty()).toList(), preference,
                    receivesReleases, from, null), PressDeskController.user());
            redirect.addFlashAttribute("flashKey", "press.media.added");
            return "redirect:/press/media";
        } catch (InvalidInput e) {
            return refused(e, response, model);
        }
    }

    @PostMapping("/journalists/{id}/end")
    String end(@PathVariable long id, RedirectAttributes redirect) {
        try {
            media.endJournalist(id, LocalDate.ofInstant(clock.instant(), LocalTime.ZONE), PressDeskController.user());
            redirect.addFlashAttribute("flashKey", "press.media.ended");
        } catch (Conflict | InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e instanceof Conflict c ? c.messageKey() : ((InvalidInput) e).messageKey());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "press.error.not-yours");
        }
        return "redirect:/press/media";
    }

    private String refused(InvalidInput e, HttpServletResponse response, Model model) {
        response.setStatus(422);
        model.addAttribute("problems", e.all());
        prepare(model);
        return "press/media";
    }

    private void prepare(Model model) {
        SignedInUser user = PressDeskController.user();
        if (!PressFollowUp.readsMediaDirectory(user)) {
            // journalists' phones and e-mail addresses are for the officials who write to them
            throw new AccessDeniedException("the media directory is for officials");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        model.addAttribute("outlets", media.outlets(today));
        model.addAttribute("journalists", media.journalists(null, today));
        model.addAttribute("addresses", media.addressList(today).size());
        model.addAttribute("kinds", OutletKind.values());
        model.addAttribute("preferences", ContactPreference.values());
        model.addAttribute("mayKeep", user.has(Role.COORDINATOR) || user.has(Role.ADMIN));
        model.addAttribute("today", today);
        model.addAttribute("form", Map.of());
    }

    private static LocalDate day(String text, List<InvalidInput> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput("validFrom", "press.error.validFrom"));
            return null;
        }
    }
}

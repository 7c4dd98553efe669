package vn.loa.press.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.press.SpeakerCapacity;
import vn.loa.press.Spokesperson;
import vn.loa.press.Spokespersons;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * The spokesperson registry on the desk: who may speak for each agency today, every row ever entered with its changes
 * (ended and withdrawn rows stay), the form to enter a person, and the notice to the press management agency as DOCX.
 * An agency's staff keep their own agency's rows; coordinators and administrators every agency's.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/press/spokespersons")
class RegistryController {

    private final Spokespersons registry;
    private final AgencyDirectory agencies;
    private final Clock clock;

    RegistryController(Spokespersons registry, AgencyDirectory agencies, Clock clock) {
        this.registry = registry;
        this.agencies = agencies;
        this.clock = clock;
    }

    @GetMapping
    String registry(@RequestParam(required = false) String agency, Model model) {
        SignedInUser user = PressDeskController.user();
        if (user.has(Role.PRESS) && !user.has(Role.OFFICER)) {
            return "redirect:/public/spokespersons";
        }
        prepare(model, agency, Map.of());
        return "press/spokespersons";
    }

    @PostMapping
    String appoint(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String capacity,
            @RequestParam(defaultValue = "") String matter, @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validTo,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        List<InvalidInput> problems = new ArrayList<>();
        SpeakerCapacity chosen = PressApiController.parse(SpeakerCapacity.class, capacity, "capacity", problems);
        LocalDate from = day(validFrom, "validFrom", problems);
        LocalDate to = day(validTo, "validTo", problems);
        try {
            InvalidInput.throwIfAny(problems);
            registry.appoint(new Spokespersons.Appointment(agencyCode, chosen, matter, fullName, title, phone, email, username,
                    from, to), PressDeskController.user());
            redirect.addFlashAttribute("flashKey", "press.registry.appointed");
            return "redirect:/press/spokespersons?agency=" + agencyCode;
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            // the register as the form was sent from, every agency's: not narrowed to the agency being added, which may
            // have nobody yet and would read as an empty register
            prepare(model, null, Map.of("agencyCode", agencyCode, "capacity", capacity, "matter", matter, "fullName",
                    fullName, "title", title, "phone", phone, "email", email, "username", username, "validFrom", validFrom,
                    "validTo", validTo));
            return "press/spokespersons";
        }
    }

    @PostMapping("/{id}/end")
    String end(@PathVariable long id, @RequestParam(defaultValue = "") String validTo,
            @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        return change(id, redirect, () -> {
            List<InvalidInput> problems = new ArrayList<>();
            LocalDate last = day(validTo, "validTo", problems);
            InvalidInput.throwIfAny(problems);
            return registry.end(id, last, note, PressDeskController.user());
        }, "press.registry.ended");
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return change(id, redirect, () -> registry.withdraw(id, reason, PressDeskController.user()), "press.registry.withdrawn");
    }

    @GetMapping("/notice/{agencyCode}.docx")
    ResponseEntity<byte[]> notice(@PathVariable String agencyCode) {
        SignedInUser user = PressDeskController.user();
        if (!registry.mayKeep(agencyCode, user)) {
            throw new NotFound("agency", agencyCode);
        }
        return docx(registry.notice(agencyCode, user));
    }

    static ResponseEntity<byte[]> docx(Spokespersons.Notice notice) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(notice.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(notice.content());
    }

    private String change(long id, RedirectAttributes redirect, java.util.function.Supplier<Spokesperson> change, String done) {
        String agency = "";
        try {
            agency = change.get().agencyCode();
            redirect.addFlashAttribute("flashKey", done);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "press.error.not-yours");
        }
        return "redirect:/press/spokespersons" + (agency.isEmpty() ? "" : "?agency=" + agency);
    }

    private void prepare(Model model, String agency, Map<String, String> form) {
        SignedInUser user = PressDeskController.user();
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        List<Agency> speaking = agencies.validOn(today).stream()
                .filter(a -> a.kind() == AgencyKind.PROVINCE || a.kind() == AgencyKind.DEPARTMENT
                        || a.kind() == AgencyKind.COMMUNE || a.kind() == AgencyKind.DISTRICT).toList();
        String chosen = agency == null || agency.isBlank() ? null : agency.strip();
        List<Spokesperson> history = registry.history(chosen);
        model.addAttribute("valid", registry.validOn(today).stream()
                .filter(s -> chosen == null || s.agencyCode().equals(chosen)).toList());
        model.addAttribute("history", history);
        model.addAttribute("changes", history.stream().collect(Collectors.toMap(Spokesperson::id, s -> registry.changes(s.id()))));
        model.addAttribute("agency", chosen);
        model.addAttribute("agencyFilter", speaking.stream().filter(a -> a.kind() != AgencyKind.COMMUNE).toList());
        List<Agency> keepable = speaking.stream().filter(a -> registry.mayKeep(a.code(), user)).toList();
        model.addAttribute("keepable", keepable);
        model.addAttribute("keepableCodes", keepable.stream().map(Agency::code).collect(Collectors.toSet()));
        model.addAttribute("withoutSpokesperson", registry.agenciesWithoutSpokesperson(today));
        model.addAttribute("capacities", SpeakerCapacity.values());
        model.addAttribute("today", today);
        model.addAttribute("form", form);
        model.addAttribute("user", user);
    }

    private static LocalDate day(String text, String field, List<InvalidInput> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput(field, "press.error." + field));
            return null;
        }
    }
}

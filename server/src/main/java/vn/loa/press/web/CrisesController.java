package vn.loa.press.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.press.Crises;
import vn.loa.press.Crisis;
import vn.loa.press.CrisisSource;
import vn.loa.press.Enquiries;
import vn.loa.press.Enquiry;
import vn.loa.press.EnquiryChannel;
import vn.loa.press.Statement;
import vn.loa.press.StatementChannel;
import vn.loa.press.StatementForm;
import vn.loa.press.Statements;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Crisis mode on the desk: the crises the user may see with their clocks, the form to open one (from an alert, a
 * story, a case or by hand), one crisis with its clock, timeline, holding statements and the enquiries it raised; and
 * the review and the step that issue a refutation of the misinformation desk as a statement.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/press/crises")
class CrisesController {

    private final Crises crises;
    private final AgencyDirectory agencies;
    private final Clock clock;

    CrisesController(Crises crises, AgencyDirectory agencies, Clock clock) {
        this.crises = crises;
        this.agencies = agencies;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String source, @RequestParam(required = false) Long sourceId, Model model) {
        SignedInUser user = staff();
        model.addAttribute("crises", crises.list(false, user, 200));
        model.addAttribute("now", clock.instant());
        prepare(model, Map.of("source", source == null ? "MANUAL" : source, "sourceId", sourceId == null ? "" : sourceId.toString()));
        return "press/crises";
    }

    @PostMapping
    String open(@RequestParam(defaultValue = "") String source, @RequestParam(required = false) String sourceId,
            @RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary, HttpServletResponse response, Model model) {
        SignedInUser user = staff();
        List<InvalidInput> problems = new ArrayList<>();
        CrisisSource chosen = PressApiController.parse(CrisisSource.class, source, "source", problems);
        Long id = null;
        if (sourceId != null && !sourceId.isBlank()) {
            try {
                id = Long.parseLong(sourceId.strip());
            } catch (NumberFormatException e) {
                problems.add(new InvalidInput("sourceId", "press.error.crisis-source-id"));
            }
        }
        try {
            InvalidInput.throwIfAny(problems);
            Crisis c = crises.open(new Crises.Opening(chosen, id, agencyCode, title, summary), user);
            return "redirect:/press/crises/" + c.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
        } catch (NotFound e) {
            response.setStatus(422);
            model.addAttribute("problems", List.of(new InvalidInput("sourceId", "press.error.crisis-source-id")));
        }
        model.addAttribute("crises", crises.list(false, user, 200));
        model.addAttribute("now", clock.instant());
        prepare(model, Map.of("source", source, "sourceId", sourceId == null ? "" : sourceId, "agencyCode", agencyCode,
                "title", title, "summary", summary));
        return "press/crises";
    }

    @GetMapping("/{id}")
    String crisis(@PathVariable long id, Model model) {
        SignedInUser user = staff();
        Crisis c = crises.get(id, user);
        model.addAttribute("c", c);
        model.addAttribute("mayAct", user.has(Role.COORDINATOR) || user.has(Role.ADMIN)
                || ((user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON)) && c.agencyCode().equals(user.agencyCode())));
        model.addAttribute("mayCloseUnanswered", user.has(Role.COORDINATOR) || user.has(Role.ADMIN)
                || (user.has(Role.SPOKESPERSON) && c.agencyCode().equals(user.agencyCode())));
        model.addAttribute("now", clock.instant());
        model.addAttribute("timeline", crises.timeline(id, user));
        model.addAttribute("enquiries", crises.enquiries(id, user));
        model.addAttribute("templates", c.open() ? crises.templates(id, user) : List.of());
        model.addAttribute("forms", StatementForm.values());
        model.addAttribute("channels", StatementChannel.values());
        return "press/crisis";
    }

    /** The clock alone, for the page to ask again every minute. */
    @GetMapping("/{id}/clock")
    String clock(@PathVariable long id, Model model) {
        model.addAttribute("c", crises.get(id, staff()));
        model.addAttribute("now", clock.instant());
        return "press/clock :: live";
    }

    @PostMapping("/{id}/statements")
    String draft(@PathVariable long id, @RequestParam(defaultValue = "") String form,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("statementForm", form, "statementChannel", channel, "title", title, "body", body);
        return change("redirect:/press/crises/" + id, redirect, typed, () -> {
            List<InvalidInput> problems = new ArrayList<>();
            StatementForm f = PressApiController.parse(StatementForm.class, form, "form", problems);
            StatementChannel ch = PressApiController.parse(StatementChannel.class, channel, "channel", problems);
            InvalidInput.throwIfAny(problems);
            Statement s = crises.draftStatement(id, new Statements.Draft(null, f, ch, title, body, null, null), staff());
            return "redirect:/press/statements/" + s.id();
        });
    }

    @PostMapping("/{id}/enquiries")
    String link(@PathVariable long id, @RequestParam(defaultValue = "0") long enquiryId, RedirectAttributes redirect) {
        return change("redirect:/press/crises/" + id, redirect, () -> {
            try {
                crises.linkEnquiry(id, enquiryId, staff());
                redirect.addFlashAttribute("flashKey", "press.crisis.linked");
            } catch (NotFound e) {
                redirect.addFlashAttribute("errorKey", "press.error.enquiry-not-found");
            }
            return "redirect:/press/crises/" + id;
        });
    }

    @PostMapping("/{id}/questions")
    String record(@PathVariable long id, @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "") String journalistName, @RequestParam(defaultValue = "") String outletName,
            @RequestParam(defaultValue = "") String contactEmail, @RequestParam(defaultValue = "") String contactPhone,
            @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String question,
            RedirectAttributes redirect) {
        Map<String, String> typed = Map.of("channel", channel, "journalistName", journalistName, "outletName", outletName,
                "contactEmail", contactEmail, "contactPhone", contactPhone, "subject", subject, "question", question);
        return change("redirect:/press/crises/" + id, redirect, typed, () -> {
            List<InvalidInput> problems = new ArrayList<>();
            EnquiryChannel ch = PressApiController.parse(EnquiryChannel.class, channel, "channel", problems);
            InvalidInput.throwIfAny(problems);
            Enquiry e = crises.recordEnquiry(id, new Enquiries.Question(null, null, ch, journalistName, outletName,
                    contactEmail, contactPhone, subject, question, null), staff());
            return "redirect:/press/enquiries/" + e.id();
        });
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        // what was typed comes back with the message
        redirect.addFlashAttribute("closeNote", note);
        return change("redirect:/press/crises/" + id, redirect, () -> {
            try {
                crises.close(id, note, staff());
            } catch (AccessDeniedException e) {
                throw new InvalidInput("note", "press.error.close-role");
            }
            redirect.addFlashAttribute("flashKey", "press.crisis.closed-done");
            return "redirect:/press/crises/" + id;
        });
    }

    /**
     * What a refutation will go public as, to read before it does: the title (editable) and the text, and the one
     * button that publishes them. Refused as the publication would be, back where it was asked from.
     */
    @GetMapping("/refutations/new")
    String refutationPreview(@RequestParam long caseId, @RequestParam(required = false) Long crisisId, Model model,
            RedirectAttributes redirect) {
        String back = refutationBack(caseId, crisisId);
        return change(back, redirect, () -> {
            model.addAttribute("draft", crises.refutationDraft(caseId, crisisId, staff()));
            model.addAttribute("back", back.substring("redirect:".length()));
            return "press/refutation-new";
        });
    }

    @PostMapping("/refutations")
    String refutation(@RequestParam long caseId, @RequestParam(required = false) Long crisisId,
            @RequestParam(required = false) String title, RedirectAttributes redirect) {
        String preview = "redirect:/press/crises/refutations/new?caseId=" + caseId + (crisisId == null ? "" : "&crisisId=" + crisisId);
        return change(title == null ? refutationBack(caseId, crisisId) : preview, redirect,
                title == null ? null : Map.of("title", title), () -> {
                    Statement s = crises.issueRefutation(caseId, crisisId, title, staff());
                    redirect.addFlashAttribute("flashKey", "press.refutation.issued");
                    return "redirect:/press/statements/" + s.id();
                });
    }

    /** Where a refutation was asked for: the crisis's page, else the case's. */
    private static String refutationBack(long caseId, Long crisisId) {
        return crisisId == null ? "redirect:/cases/" + caseId : "redirect:/press/crises/" + crisisId;
    }

    /**
     * Makes a change asked for on a crisis's page: where the change leads, or {@code back} with what was wrong (the
     * fields at fault, a change the crisis's state refuses, or a crisis of another agency).
     */
    private static String change(String back, RedirectAttributes redirect, Supplier<String> change) {
        return change(back, redirect, null, change);
    }

    /** As {@link #change(String, RedirectAttributes, Supplier)}, giving back what was typed when a field is refused. */
    private static String change(String back, RedirectAttributes redirect, Map<String, String> typed,
            Supplier<String> change) {
        try {
            return change.get();
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
            if (typed != null) {
                redirect.addFlashAttribute("entered", typed);
            }
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "press.error.not-yours");
        }
        return back;
    }

    /** Journalists never see the desk's internal records. */
    static SignedInUser staff() {
        SignedInUser user = PressDeskController.user();
        if (!(user.has(Role.ADMIN) || user.has(Role.COORDINATOR) || user.has(Role.LEADER)
                || ((user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON)) && user.agencyCode() != null))) {
            throw new AccessDeniedException("the desk's records are internal");
        }
        return user;
    }

    private void prepare(Model model, Map<String, String> form) {
        SignedInUser user = PressDeskController.user();
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        var valid = agencies.validOn(today).stream().filter(a -> a.kind() != AgencyKind.PRESS).toList();
        model.addAttribute("agencyOptions", user.has(Role.COORDINATOR) || user.has(Role.ADMIN) ? valid
                : valid.stream().filter(a -> a.code().equals(user.agencyCode())).toList());
        model.addAttribute("sources", CrisisSource.values());
        model.addAttribute("mayOpen", user.has(Role.COORDINATOR) || user.has(Role.ADMIN) || user.has(Role.OFFICER)
                || user.has(Role.SPOKESPERSON));
        model.addAttribute("rule", crises.rule(today));
        model.addAttribute("form", form);
    }
}

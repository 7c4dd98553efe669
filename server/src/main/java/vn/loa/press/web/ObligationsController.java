package vn.loa.press.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
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
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.press.ComplianceReports;
import vn.loa.press.ConferenceStatus;
import vn.loa.press.MediaDirectory;
import vn.loa.press.Obligations;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * Periodic obligations on the desk: the rules with their sources, what is coming, the conferences scheduled and held,
 * the form to schedule one and the record of one; and the quarterly compliance per agency, as a page, XLSX and DOCX.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/press")
class ObligationsController {

    private final Obligations obligations;
    private final ComplianceReports reports;
    private final MediaDirectory media;
    private final AgencyDirectory agencies;
    private final Clock clock;

    ObligationsController(Obligations obligations, ComplianceReports reports, MediaDirectory media,
            AgencyDirectory agencies, Clock clock) {
        this.obligations = obligations;
        this.reports = reports;
        this.media = media;
        this.agencies = agencies;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @GetMapping("/obligations")
    String obligations(Model model) {
        prepare(model, Map.of());
        return "press/obligations";
    }

    private void prepare(Model model, Map<String, String> form) {
        SignedInUser user = CrisesController.staff();
        model.addAttribute("rules", obligations.rules(user));
        model.addAttribute("upcoming", obligations.upcoming(user, 50));
        model.addAttribute("conferences", obligations.conferences(today().minusDays(120), today().plusDays(120), user));
        var valid = agencies.validOn(today()).stream().filter(a -> a.kind() != AgencyKind.PRESS).toList();
        model.addAttribute("agencyOptions", user.has(Role.COORDINATOR) || user.has(Role.ADMIN) ? valid
                : valid.stream().filter(a -> a.code().equals(user.agencyCode())).toList());
        model.addAttribute("outlets", media.outlets(today()));
        model.addAttribute("mayPlan", user.has(Role.COORDINATOR) || user.has(Role.ADMIN) || user.has(Role.OFFICER)
                || user.has(Role.SPOKESPERSON));
        model.addAttribute("form", form);
        model.addAttribute("mayEnterRules", user.has(Role.ADMIN));
        model.addAttribute("obligationKinds", vn.loa.press.Obligation.values());
        model.addAttribute("agencyKinds", List.of(AgencyKind.PROVINCE, AgencyKind.DEPARTMENT, AgencyKind.COMMUNE));
    }

    @PostMapping("/obligations/rules")
    String enterRule(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String agencyKind,
            @RequestParam(defaultValue = "") String obligation, @RequestParam(defaultValue = "0") int everyMonths,
            @RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "false") boolean legal,
            @RequestParam(defaultValue = "") String source, RedirectAttributes redirect) {
        List<InvalidInput> problems = new ArrayList<>();
        vn.loa.press.Obligation chosen = PressApiController.parse(vn.loa.press.Obligation.class, obligation, "obligation",
                problems);
        LocalDate from = null;
        try {
            from = validFrom.isBlank() ? null : LocalDate.parse(validFrom);
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput("validFrom", "press.error.valid-from"));
        }
        try {
            InvalidInput.throwIfAny(problems);
            obligations.enterRule(new Obligations.Rule(null, agencyCode, agencyKind, chosen, everyMonths, from, null, legal,
                    source), CrisesController.staff());
            redirect.addFlashAttribute("flashKey", "press.obligations.rule-entered");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "press.error.not-yours");
        }
        return "redirect:/press/obligations";
    }

    @PostMapping("/obligations/conferences")
    String schedule(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String scheduledAt, @RequestParam(defaultValue = "") String place,
            @RequestParam(defaultValue = "") String agenda, @RequestParam(required = false) List<Long> invited,
            HttpServletResponse response, Model model) {
        SignedInUser user = CrisesController.staff();
        List<InvalidInput> problems = new ArrayList<>();
        Instant at = null;
        if (!scheduledAt.isBlank()) {
            try {
                at = LocalDateTime.parse(scheduledAt).atZone(LocalTime.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInput("scheduledAt", "press.error.scheduled-at"));
            }
        }
        try {
            InvalidInput.throwIfAny(problems);
            Obligations.Conference c = obligations.schedule(new Obligations.Plan(agencyCode, title, at, place, agenda,
                    invited, null), user);
            return "redirect:/press/obligations/conferences/" + c.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepare(model, Map.of("agencyCode", agencyCode, "title", title, "scheduledAt", scheduledAt, "place", place,
                    "agenda", agenda));
            // the outlets ticked stay ticked, as the fields keep what was typed
            model.addAttribute("invitedChosen", invited == null ? List.of() : invited);
            return "press/obligations";
        }
    }

    @GetMapping("/obligations/conferences/{id}")
    String conference(@PathVariable long id, Model model) {
        SignedInUser user = CrisesController.staff();
        Obligations.Conference c = obligations.conference(id, user);
        model.addAttribute("c", c);
        model.addAttribute("invited", c.invited().stream().map(media::outlet).toList());
        model.addAttribute("mayRecord", c.status() == ConferenceStatus.PLANNED && (user.has(Role.COORDINATOR)
                || user.has(Role.ADMIN) || ((user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON))
                        && c.agencyCode().equals(user.agencyCode()))));
        return "press/conference";
    }

    @PostMapping("/obligations/conferences/{id}/held")
    String held(@PathVariable long id, @RequestParam(defaultValue = "") String materials,
            @RequestParam(defaultValue = "") String transcript, @RequestParam(defaultValue = "") String questions,
            RedirectAttributes redirect) {
        try {
            obligations.recordHeld(id, new Obligations.Held(materials, transcript, parseQuestions(questions)),
                    CrisesController.staff());
            redirect.addFlashAttribute("flashKey", "press.conference.recorded");
            return "redirect:/press/obligations/conferences/" + id;
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            if (e.arguments().length > 0) {
                redirect.addFlashAttribute("errorArguments", e.arguments());
            }
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "press.error.not-yours");
        }
        // what was typed comes back with the message: a transcript is long, and typed again it is lost work
        redirect.addFlashAttribute("entered", Map.of("questions", questions, "materials", materials, "transcript",
                transcript));
        return "redirect:/press/obligations/conferences/" + id;
    }

    @PostMapping("/obligations/conferences/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            obligations.cancel(id, CrisesController.staff());
            redirect.addFlashAttribute("flashKey", "press.conference.cancelled");
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "press.error.not-yours");
        }
        return "redirect:/press/obligations/conferences/" + id;
    }

    /**
     * Questions as typed in the record's form, one block per question separated by a blank line: the first line who
     * asked ("Báo X - Nguyễn Văn A"), the second the question, the rest the answer given (none when not answered).
     */
    static List<Obligations.Question> parseQuestions(String text) {
        List<Obligations.Question> questions = new ArrayList<>();
        // a browser sends a text area's lines ended by CR LF: each a line break, not a blank line between two
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        for (String block : unix.strip().split("\n[\\h]*\n")) {
            List<String> lines = block.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (lines.isEmpty()) {
                continue;
            }
            questions.add(new Obligations.Question(lines.get(0), lines.size() > 1 ? lines.get(1) : null,
                    lines.size() > 2 ? String.join("\n", lines.subList(2, lines.size())) : null));
        }
        return questions;
    }

    @GetMapping("/compliance")
    String compliance(@RequestParam(required = false) String year, @RequestParam(required = false) String quarter,
            Model model) {
        SignedInUser user = CrisesController.staff();
        LocalDate today = today();
        Integer askedYear = whole(year);
        Integer askedQuarter = whole(quarter);
        int y = askedYear == null ? today.getYear() : askedYear;
        int q = askedQuarter == null ? (today.getMonthValue() - 1) / 3 + 1 : askedQuarter;
        boolean unreadable = year != null && !year.isBlank() && askedYear == null
                || quarter != null && !quarter.isBlank() && askedQuarter == null;
        if (unreadable || q < 1 || q > 4 || y < 2017 || y > 2100) {
            // a period that cannot be shown is said to be so, and the current quarter shown instead
            model.addAttribute("errorKey", "press.error.period");
            model.addAttribute("errorArguments", new Object[] {year == null ? "" : year, quarter == null ? "" : quarter});
            y = today.getYear();
            q = (today.getMonthValue() - 1) / 3 + 1;
        }
        Obligations.Compliance compliance = obligations.compliance(y, q, user);
        model.addAttribute("compliance", compliance);
        model.addAttribute("figures", obligations.figures(compliance.from(), compliance.to(), user));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(today.getYear() - 3, today.getYear()).boxed().toList());
        return "press/compliance";
    }

    private static Integer whole(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GetMapping("/compliance/export.xlsx")
    ResponseEntity<byte[]> spreadsheet(@RequestParam int year, @RequestParam int quarter) {
        return download(reports.spreadsheet(year, quarter, CrisesController.staff(), LocaleContextHolder.getLocale()),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GetMapping("/compliance/export.docx")
    ResponseEntity<byte[]> document(@RequestParam int year, @RequestParam int quarter) {
        return download(reports.document(year, quarter, CrisesController.staff()),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    static ResponseEntity<byte[]> download(ComplianceReports.Report report, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(report.fileName())
                        .build().toString())
                .body(report.content());
    }
}

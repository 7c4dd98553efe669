package vn.loa.press.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.SignedInUser;
import vn.loa.press.Corrections;
import vn.loa.press.Crises;
import vn.loa.press.Crisis;
import vn.loa.press.CrisisSource;
import vn.loa.press.Enquiry;
import vn.loa.press.Obligation;
import vn.loa.press.Obligations;
import vn.loa.press.Statement;
import vn.loa.press.StatementChannel;
import vn.loa.press.StatementForm;
import vn.loa.press.Statements;
import vn.loa.shared.InvalidInput;

/**
 * The API of crises, periodic obligations and correction requests, for the desk's staff only (403 for a journalist).
 * {@code GET/POST /api/v1/press/crises} ({@code {source, sourceId, agencyCode, title, summary}}; 201, 422 naming each
 * field, 404 for a source the user may not see), {@code GET /crises/{id}}, {@code GET /crises/{id}/timeline},
 * {@code POST /crises/{id}/statements}, {@code POST /crises/{id}/enquiries} ({@code {enquiryId}}),
 * {@code POST /crises/{id}/close} ({@code {note}}; 409 when closed), {@code POST /crises/refutations}
 * ({@code {caseId, crisisId}}; 409 for a case without a published answer or issued already),
 * {@code GET/POST /crises/rules}; {@code GET/POST /obligations/rules}, {@code GET/POST /obligations/conferences},
 * {@code GET /obligations/conferences/{id}}, {@code POST /obligations/conferences/{id}/held},
 * {@code GET /obligations/compliance?year=&quarter=}, {@code GET /corrections}.
 */
@RestController
@RequestMapping("/api/v1/press")
@ConditionalOnWebApplication
class PressFollowUpApiController {

    private final Crises crises;
    private final Obligations obligations;
    private final Corrections corrections;

    PressFollowUpApiController(Crises crises, Obligations obligations, Corrections corrections) {
        this.crises = crises;
        this.obligations = obligations;
        this.corrections = corrections;
    }

    record PostedCrisis(String source, Long sourceId, String agencyCode, String title, String summary) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CrisisStatement")
    record PostedStatement(String form, String channel, String title, String body) {
    }

    record PostedLink(Long enquiryId) {
    }

    record PostedNote(String note) {
    }

    /** A refutation to issue; {@code title} null for the one Loa proposes. */
    record PostedRefutation(Long caseId, Long crisisId, String title) {
    }

    record PostedCrisisRule(String validFrom, Integer hours, Boolean legal, String source) {
    }

    record PostedObligationRule(String agencyCode, String agencyKind, String obligation, Integer everyMonths,
            String validFrom, Boolean legal, String source) {
    }

    record PostedConference(String agencyCode, String title, String scheduledAt, String place, String agenda,
            List<Long> invited, Long crisisId) {
    }

    @GetMapping("/crises")
    List<Crisis> crises(@RequestParam(defaultValue = "false") boolean open) {
        return crises.list(open, user(), 500);
    }

    @PostMapping("/crises")
    @ResponseStatus(HttpStatus.CREATED)
    Crisis open(@RequestBody PostedCrisis posted) {
        List<InvalidInput> problems = new ArrayList<>();
        CrisisSource source = PressApiController.parse(CrisisSource.class, posted.source(), "source", problems);
        InvalidInput.throwIfAny(problems);
        return crises.open(new Crises.Opening(source, posted.sourceId(), posted.agencyCode(), posted.title(),
                posted.summary()), user());
    }

    @GetMapping("/crises/{id}")
    Crisis crisis(@PathVariable long id) {
        return crises.get(id, user());
    }

    @GetMapping("/crises/{id}/timeline")
    List<Crises.TimelineEntry> timeline(@PathVariable long id) {
        return crises.timeline(id, user());
    }

    @PostMapping("/crises/{id}/statements")
    @ResponseStatus(HttpStatus.CREATED)
    Statement draft(@PathVariable long id, @RequestBody PostedStatement posted) {
        List<InvalidInput> problems = new ArrayList<>();
        StatementForm form = PressApiController.parse(StatementForm.class, posted.form(), "form", problems);
        StatementChannel channel = PressApiController.parse(StatementChannel.class, posted.channel(), "channel", problems);
        InvalidInput.throwIfAny(problems);
        return crises.draftStatement(id, new Statements.Draft(null, form, channel, posted.title(), posted.body(), null,
                null), user());
    }

    @PostMapping("/crises/{id}/enquiries")
    Enquiry link(@PathVariable long id, @RequestBody PostedLink posted) {
        if (posted.enquiryId() == null) {
            throw new InvalidInput("enquiryId", "press.error.enquiry-not-found");
        }
        return crises.linkEnquiry(id, posted.enquiryId(), user());
    }

    @PostMapping("/crises/{id}/close")
    Crisis close(@PathVariable long id, @RequestBody(required = false) PostedNote posted) {
        return crises.close(id, posted == null ? null : posted.note(), user());
    }

    @PostMapping("/crises/refutations")
    @ResponseStatus(HttpStatus.CREATED)
    Statement refutation(@RequestBody PostedRefutation posted) {
        if (posted.caseId() == null) {
            throw new InvalidInput("caseId", "press.error.case-not-published");
        }
        return crises.issueRefutation(posted.caseId(), posted.crisisId(), posted.title(), user());
    }

    @GetMapping("/crises/rules")
    List<Crises.Rule> crisisRules() {
        user();
        return crises.rules();
    }

    @PostMapping("/crises/rules")
    @ResponseStatus(HttpStatus.CREATED)
    Crises.Rule enterCrisisRule(@RequestBody PostedCrisisRule posted) {
        return crises.enterRule(new Crises.Rule(null, day(posted.validFrom()), null,
                posted.hours() == null ? 0 : posted.hours(), Boolean.TRUE.equals(posted.legal()), posted.source()), user());
    }

    @GetMapping("/obligations/rules")
    List<Obligations.Rule> obligationRules() {
        return obligations.rules(user());
    }

    @PostMapping("/obligations/rules")
    @ResponseStatus(HttpStatus.CREATED)
    Obligations.Rule enterObligationRule(@RequestBody PostedObligationRule posted) {
        List<InvalidInput> problems = new ArrayList<>();
        Obligation obligation = PressApiController.parse(Obligation.class, posted.obligation(), "obligation", problems);
        InvalidInput.throwIfAny(problems);
        return obligations.enterRule(new Obligations.Rule(null, posted.agencyCode(), posted.agencyKind(), obligation,
                posted.everyMonths() == null ? 0 : posted.everyMonths(), day(posted.validFrom()), null,
                Boolean.TRUE.equals(posted.legal()), posted.source()), user());
    }

    @GetMapping("/obligations/conferences")
    List<Obligations.Conference> conferences(@RequestParam String from, @RequestParam String to) {
        LocalDate start = day(from);
        LocalDate end = day(to);
        if (start == null || end == null) {
            throw new InvalidInput(start == null ? "from" : "to", "press.error.valid-from");
        }
        return obligations.conferences(start, end, user());
    }

    @PostMapping("/obligations/conferences")
    @ResponseStatus(HttpStatus.CREATED)
    Obligations.Conference schedule(@RequestBody PostedConference posted) {
        Instant at = null;
        if (posted.scheduledAt() != null && !posted.scheduledAt().isBlank()) {
            try {
                at = OffsetDateTime.parse(posted.scheduledAt().strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInput("scheduledAt", "press.error.scheduled-at");
            }
        }
        return obligations.schedule(new Obligations.Plan(posted.agencyCode(), posted.title(), at, posted.place(),
                posted.agenda(), posted.invited(), posted.crisisId()), user());
    }

    @GetMapping("/obligations/conferences/{id}")
    Obligations.Conference conference(@PathVariable long id) {
        return obligations.conference(id, user());
    }

    @PostMapping("/obligations/conferences/{id}/held")
    Obligations.Conference held(@PathVariable long id, @RequestBody Obligations.Held record) {
        return obligations.recordHeld(id, record, user());
    }

    @GetMapping("/obligations/compliance")
    Obligations.Compliance compliance(@RequestParam int year, @RequestParam int quarter) {
        return obligations.compliance(year, quarter, user());
    }

    @GetMapping("/corrections")
    List<Corrections.Watch> corrections() {
        return corrections.list(user(), 500);
    }

    private static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("validFrom", "press.error.valid-from");
        }
    }

    private static SignedInUser user() {
        return CrisesController.staff();
    }
}

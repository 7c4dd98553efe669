package vn.loa.press.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.Pager;
import vn.loa.press.Enquiries;
import vn.loa.press.Enquiry;
import vn.loa.press.EnquiryAction;
import vn.loa.press.EnquiryChannel;
import vn.loa.press.EnquiryKind;
import vn.loa.press.EnquiryStatus;
import vn.loa.press.SpeakerCapacity;
import vn.loa.press.Spokespersons;
import vn.loa.press.Statement;
import vn.loa.press.StatementChannel;
import vn.loa.press.StatementForm;
import vn.loa.press.Statements;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * The press desk's API. {@code GET /api/v1/press/spokespersons} is public (no sign-in): who may speak for each agency
 * today. {@code POST /api/v1/press/enquiries} (201; 422 naming each field; as for the channel, the name and the time
 * received, the service settles what a journalist may not choose: their {@code kind} CRISIS is taken as a request for
 * crisis handling on a ROUTINE enquiry, not refused), {@code GET /api/v1/press/enquiries}
 * (filters {@code status}, {@code agencyCode}, {@code open}; paged), {@code GET /{id}}, {@code GET /{id}/history},
 * {@code POST /{id}/transitions} ({@code {action, draft, note, publish, transferTo}}; 409 for an action the status
 * does not allow, an approval by the drafter or a crisis request decided already, 403 for an action the user may not
 * take).
 * {@code GET /api/v1/press/statements}, {@code POST /api/v1/press/statements}, {@code GET /{id}} and
 * {@code POST /{id}/publish}.
 */
@RestController
@RequestMapping("/api/v1/press")
@ConditionalOnWebApplication
class PressApiController {

    private final Spokespersons registry;
    private final Enquiries enquiries;
    private final Statements statements;
    private final AgencyDirectory agencies;

    PressApiController(Spokespersons registry, Enquiries enquiries, Statements statements, AgencyDirectory agencies) {
        this.registry = registry;
        this.enquiries = enquiries;
        this.statements = statements;
        this.agencies = agencies;
    }

    /** A person who may speak for an agency, as the public sees it. */
    record PublicSpokesperson(String agencyCode, String agencyName, SpeakerCapacity capacity, String matter,
            String fullName, String title, String phone, String email, LocalDate validFrom, LocalDate validTo) {
    }

    record PostedEnquiry(String agencyCode, String kind, String channel, String journalistName, String outletName,
            String contactEmail, String contactPhone, String subject, String question, String receivedAt) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "EnquiryTransition")
    record PostedTransition(String action, String draft, String note, Boolean publish, String transferTo, String draftSeen) {
    }

    record PostedStatement(String agencyCode, String form, String channel, String title, String body, Long outletId,
            Long enquiryId) {
    }

    @GetMapping("/spokespersons")
    List<PublicSpokesperson> spokespersons() {
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        return registry.validOn(today).stream().map(s -> new PublicSpokesperson(s.agencyCode(),
                agencies.findByCode(s.agencyCode(), today).map(a -> a.nameVi()).orElse(s.agencyCode()), s.capacity(),
                s.matter(), s.fullName(), s.title(), s.phone(), s.email(), s.validFrom(), s.validTo())).toList();
    }

    @PostMapping("/enquiries")
    @ResponseStatus(HttpStatus.CREATED)
    Enquiry ask(@RequestBody PostedEnquiry posted) {
        List<InvalidInput> problems = new ArrayList<>();
        EnquiryKind kind = parse(EnquiryKind.class, posted.kind(), "kind", problems);
        EnquiryChannel channel = parse(EnquiryChannel.class, posted.channel(), "channel", problems);
        OffsetDateTime received = null;
        if (posted.receivedAt() != null && !posted.receivedAt().isBlank()) {
            try {
                received = OffsetDateTime.parse(posted.receivedAt().strip());
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInput("receivedAt", "press.error.received-format"));
            }
        }
        InvalidInput.throwIfAny(problems);
        return enquiries.submit(new Enquiries.Question(posted.agencyCode(), kind, channel, posted.journalistName(),
                posted.outletName(), posted.contactEmail(), posted.contactPhone(), posted.subject(), posted.question(),
                received), user());
    }

    @GetMapping("/enquiries")
    ResponseEntity<List<Enquiry>> enquiries(@RequestParam(required = false) String status,
            @RequestParam(required = false) String agencyCode, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<InvalidInput> problems = new ArrayList<>();
        EnquiryStatus chosen = parse(EnquiryStatus.class, status, "status", problems);
        InvalidInput.throwIfAny(problems);
        Page<Enquiry> list = enquiries.list(new Enquiries.Filter(chosen, agencyCode, open), PageRequest.parse(page, size), user());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", chosen == null ? "" : chosen.name());
        filters.put("agencyCode", agencyCode == null ? "" : agencyCode);
        filters.put("open", open ? "true" : "");
        return ResponseEntity.ok().headers(Pager.apiHeaders("/api/v1/press/enquiries", filters, list)).body(list.items());
    }

    @GetMapping("/enquiries/{id}")
    Enquiry enquiry(@PathVariable long id) {
        return enquiries.get(id, user());
    }

    @GetMapping("/enquiries/{id}/history")
    List<Enquiries.HistoryEntry> history(@PathVariable long id) {
        return enquiries.history(id, user());
    }

    @PostMapping("/enquiries/{id}/transitions")
    Enquiry transition(@PathVariable long id, @RequestBody PostedTransition t) {
        List<InvalidInput> problems = new ArrayList<>();
        EnquiryAction action = parse(EnquiryAction.class, t.action(), "action", problems);
        if (action == null && problems.isEmpty()) {
            problems.add(new InvalidInput("action", "press.error.action"));
        }
        InvalidInput.throwIfAny(problems);
        return enquiries.act(id, new Enquiries.Transition(action, t.draft(), t.note(), t.publish(), t.transferTo(), t.draftSeen()), user());
    }

    @GetMapping("/statements")
    ResponseEntity<List<Statement>> statements(@RequestParam(required = false) String form,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<InvalidInput> problems = new ArrayList<>();
        StatementForm chosen = parse(StatementForm.class, form, "form", problems);
        InvalidInput.throwIfAny(problems);
        Page<Statement> list = statements.list(chosen, PageRequest.parse(page, size), user());
        return ResponseEntity.ok().headers(Pager.apiHeaders("/api/v1/press/statements",
                Map.of("form", chosen == null ? "" : chosen.name()), list)).body(list.items());
    }

    @PostMapping("/statements")
    @ResponseStatus(HttpStatus.CREATED)
    Statement draft(@RequestBody PostedStatement posted) {
        List<InvalidInput> problems = new ArrayList<>();
        StatementForm form = parse(StatementForm.class, posted.form(), "form", problems);
        StatementChannel channel = parse(StatementChannel.class, posted.channel(), "channel", problems);
        InvalidInput.throwIfAny(problems);
        return statements.draft(new Statements.Draft(posted.agencyCode(), form, channel, posted.title(), posted.body(),
                posted.outletId(), posted.enquiryId()), user());
    }

    @GetMapping("/statements/{id}")
    Statement statement(@PathVariable long id) {
        return statements.get(id, user());
    }

    /** {@code basis} only for a coordinator publishing in the place of an agency where nobody may approve. */
    @PostMapping("/statements/{id}/publish")
    Statement publish(@PathVariable long id, @RequestBody(required = false) Publication publication) {
        return statements.publish(id, publication == null ? null : publication.basis(), user());
    }

    /** How a statement is published: the basis of a publication in an agency's place, or nothing. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "StatementPublication")
    record Publication(String basis) {
    }

    /** A name of a constant in any case, null for a blank one; a wrong one is named among the problems. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput(field, "press.error." + field));
            return null;
        }
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }
}

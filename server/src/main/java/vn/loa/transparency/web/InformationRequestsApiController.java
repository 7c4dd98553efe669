package vn.loa.transparency.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.Pager;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.transparency.Channel;
import vn.loa.transparency.InformationRequest;
import vn.loa.transparency.InformationRequests;
import vn.loa.transparency.NoticeMeans;
import vn.loa.transparency.RefusalGround;
import vn.loa.transparency.RequestAction;
import vn.loa.transparency.RequestStatus;

/**
 * {@code POST /api/v1/information-requests} (201 with {@code id}, {@code status}, {@code dueDate} and
 * {@code deadlineExplanation}; 422 naming each field at fault), {@code GET /api/v1/information-requests} (filters
 * {@code status}, {@code agencyCode}, {@code open}; paged), {@code GET /{id}}, {@code GET /{id}/history},
 * {@code POST /{id}/transitions} ({@code {action, note, days, refusalGround, transferTo, answer, partial, costVnd,
 * delivery, publishConsent, reviewed, thirdParty, consentGiven, noticeSentAt, noticeMeans}}; 409 for an action its
 * status does not allow, and for a notice of handling already recorded), {@code GET /{id}/redactions},
 * {@code POST /{id}/publish} ({@code {redact: [...]}}), {@code GET /{id}/documents/{form}} (a DOCX notice:
 * {@code RECEIPT}, {@code HANDLING}, {@code EXTENSION}, {@code REFUSAL}, {@code ANSWER}), and the answer's files:
 * {@code GET /{id}/files}, {@code POST /{id}/files} (multipart, a provided request's) and {@code GET /{id}/files/{fileId}}.
 */
@RestController
@RequestMapping("/api/v1/information-requests")
@ConditionalOnWebApplication
class InformationRequestsApiController {

    private final InformationRequests requests;

    InformationRequestsApiController(InformationRequests requests) {
        this.requests = requests;
    }

    /** A request as posted; {@code receivedAt} is ISO-8601 with an offset, as text so that a bad one is named. */
    record Posted(String channel, String receivedAt, String agencyCode, PostedRequester requester, String description,
            String purpose, String deliveryForm, Boolean complex) {
    }

    record PostedRequester(String name, String idNumber, String email, String phone, String address) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "InformationRequestTransition")
    record Transition(String action, String note, Integer days, String refusalGround, String transferTo, String answer,
            Boolean partial, Long costVnd, String delivery, Boolean publishConsent, Boolean reviewed, String thirdParty,
            Boolean consentGiven, String noticeSentAt, String noticeMeans, Long signerId) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "RequestPublication")
    record Publication(List<String> redact) {
    }

    /** The request and, after an answer sent as a link, the link's path (shown once). */
    record Answered(InformationRequest request, String downloadPath) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    InformationRequest submit(@RequestBody Posted posted) {
        Channel channel = null;
        OffsetDateTime received = null;
        java.util.List<InvalidInput> problems = new java.util.ArrayList<>();
        if (posted.channel() != null && !posted.channel().isBlank()) {
            try {
                channel = Channel.valueOf(posted.channel().strip());
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInput("channel", "transparency.error.channel"));
            }
        }
        if (posted.receivedAt() != null && !posted.receivedAt().isBlank()) {
            try {
                received = OffsetDateTime.parse(posted.receivedAt().strip());
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInput("receivedAt", "transparency.error.received-format"));
            }
        }
        try {
            PostedRequester r = posted.requester();
            return requests.submit(new InformationRequests.Submission(channel, received, posted.agencyCode(),
                    r == null ? null : new InformationRequests.Requester(r.name(), r.idNumber(), r.email(), r.phone(), r.address()),
                    posted.description(), posted.purpose(), posted.deliveryForm(), posted.complex(), null, null), user());
        } catch (InvalidInput e) {
            // a malformed channel or time is named with the other problems, not instead of them
            List<InvalidInput> all = new java.util.ArrayList<>(problems);
            e.all().stream().filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field()))).forEach(all::add);
            InvalidInput.throwIfAny(all);
            throw e;
        }
    }

    @GetMapping
    ResponseEntity<List<InformationRequest>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String agencyCode, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        RequestStatus chosen = null;
        if (status != null && !status.isBlank()) {
            try {
                chosen = RequestStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "transparency.error.status");
            }
        }
        Page<InformationRequest> list = requests.list(new InformationRequests.Filter(chosen, agencyCode, open),
                PageRequest.parse(page, size), user());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", chosen == null ? "" : chosen.name());
        filters.put("agencyCode", agencyCode == null ? "" : agencyCode);
        filters.put("open", open ? "true" : "");
        return ResponseEntity.ok().headers(Pager.apiHeaders("/api/v1/information-requests", filters, list)).body(list.items());
    }

    @GetMapping("/{id}")
    InformationRequest one(@PathVariable long id) {
        return requests.get(id, user());
    }

    @GetMapping("/{id}/history")
    List<InformationRequests.HistoryEntry> history(@PathVariable long id) {
        return requests.history(id, user());
    }

    @PostMapping("/{id}/transitions")
    Answered transition(@PathVariable long id, @RequestBody Transition t) {
        RequestAction action;
        try {
            action = RequestAction.valueOf(t.action() == null ? "" : t.action().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("action", "transparency.error.action");
        }
        RefusalGround ground = RefusalGround.of(t.refusalGround());
        if (ground == null && t.refusalGround() != null && !t.refusalGround().isBlank()) {
            throw new InvalidInput("refusalGround", "transparency.error.ground");
        }
        // the notice's time and means as text, so that a malformed one is named rather than read as "now" or none
        List<InvalidInput> unreadable = new java.util.ArrayList<>();
        OffsetDateTime noticeSentAt = null;
        if (t.noticeSentAt() != null && !t.noticeSentAt().isBlank()) {
            try {
                noticeSentAt = OffsetDateTime.parse(t.noticeSentAt().strip());
            } catch (DateTimeParseException e) {
                unreadable.add(new InvalidInput("noticeSentAt", "transparency.error.notice-sent-iso"));
            }
        }
        NoticeMeans means = null;
        if (t.noticeMeans() != null && !t.noticeMeans().isBlank()) {
            try {
                means = NoticeMeans.valueOf(t.noticeMeans().strip());
            } catch (IllegalArgumentException e) {
                unreadable.add(new InvalidInput("noticeMeans", "transparency.error.notice-means"));
            }
        }
        InvalidInput.throwIfAny(unreadable);
        InformationRequests.Outcome outcome = requests.act(id, new InformationRequests.Transition(action, t.note(), t.days(),
                ground, t.transferTo(), t.answer(), t.partial(), t.costVnd(), t.delivery(), t.publishConsent(), t.reviewed(), t.thirdParty(),
                t.consentGiven(), noticeSentAt, means, t.signerId()), user());
        return new Answered(outcome.request(), outcome.downloadPath());
    }

    @GetMapping("/{id}/redactions")
    List<InformationRequests.PersonalDatum> redactions(@PathVariable long id) {
        return requests.redactionSuggestions(id, user());
    }

    @PostMapping("/{id}/publish")
    InformationRequest publish(@PathVariable long id, @RequestBody(required = false) Publication publication) {
        return requests.publish(id, publication == null ? List.of() : publication.redact(), user());
    }

    /** The files kept with the answer, in the order uploaded. */
    @GetMapping("/{id}/files")
    List<InformationRequests.AnswerFile> files(@PathVariable long id) {
        return requests.answerFiles(id, user());
    }

    /**
     * Adds files to a provided request's answer ({@code multipart/form-data}, part {@code files}, repeated): 422 naming
     * {@code files}, 409 when the request is not provided.
     */
    @PostMapping(value = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<InformationRequests.AnswerFile>> attach(@PathVariable long id,
            @RequestParam(name = "files", required = false) List<org.springframework.web.multipart.MultipartFile> files) {
        return ResponseEntity.status(201).body(requests.attachToAnswer(id, TransparencyDeskController.uploads(files), user()));
    }

    /** One file of the answer, as a download. */
    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        InformationRequests.Document file = requests.answerFile(id, fileId, user());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(file.content());
    }

    @GetMapping("/{id}/documents/{form}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String form) {
        return docx(requests.notice(id, notice(form), user()));
    }

    /** The notice a path names, in any case; 404 for another word. */
    static InformationRequests.NoticeForm notice(String form) {
        try {
            return InformationRequests.NoticeForm.valueOf(form.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFound("notice", form);
        }
    }

    @GetMapping("/figures")
    InformationRequests.YearFigures figures(@RequestParam(required = false) Integer year) {
        return requests.figures(year == null ? LocalDate.now(vn.loa.shared.LocalTime.ZONE).getYear() : year, user());
    }

    static ResponseEntity<byte[]> docx(InformationRequests.Document document) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }
}

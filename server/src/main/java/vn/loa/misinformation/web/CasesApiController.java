package vn.loa.misinformation.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.Cases;
import vn.loa.misinformation.CitizenReports;
import vn.loa.misinformation.Evidence;
import vn.loa.platform.Pager;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * {@code /api/v1/cases}: open ({@code POST}, 201), list with filters, read, take a transition
 * ({@code POST /{id}/transitions}, 409 when the state does not allow it), evidence and its package;
 * {@code POST /api/v1/evidence/verify} checks a package.
 */
@RestController
@RequestMapping("/api/v1")
@ConditionalOnWebApplication
class CasesApiController {

    private final Cases cases;
    private final CitizenReports reports;
    private final Evidence evidence;
    private final Clock clock;

    CasesApiController(Cases cases, CitizenReports reports, Evidence evidence, Clock clock) {
        this.cases = cases;
        this.reports = reports;
        this.evidence = evidence;
        this.clock = clock;
    }

    @PostMapping("/cases")
    @ApiResponse(responseCode = "201", description = "The case opened; `Location` is its address")
    ResponseEntity<CaseResource> open(@RequestBody(required = false) Cases.NewCase form) {
        if (form == null) {
            throw new InvalidInput("claim", "case.error.claim-required");
        }
        SignedInUser user = user();
        Case opened = cases.open(form, user);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id())).body(resource(opened, user));
    }

    /**
     * A page of the cases the caller may see, open and overdue ones first ({@code page} from 1, {@code size} up to
     * 200, 50 when not given; 422 naming the parameter otherwise), with {@code Link} and {@code X-Total-Count}.
     */
    @GetMapping("/cases")
    ResponseEntity<List<CaseResource>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String agency, @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        Page<Case> list = cases.list(new Cases.Filter(status, agency, open, overdue), deskWorker(),
                PageRequest.parse(page, size));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("agency", agency);
        filters.put("open", open ? "true" : "");
        filters.put("overdue", overdue ? "true" : "");
        return ResponseEntity.ok().headers(Pager.apiHeaders("/api/v1/cases", filters, list))
                .body(list.items().stream().map(c -> CaseResource.brief(c, clock.instant())).toList());
    }

    @GetMapping("/cases/{id}")
    CaseResource one(@PathVariable long id) {
        SignedInUser user = user();
        return resource(cases.get(id, user), user);
    }

    @PostMapping("/cases/{id}/transitions")
    CaseResource transition(@PathVariable long id, @RequestBody(required = false) Cases.Transition transition) {
        if (transition == null) {
            throw new InvalidInput("action", "case.error.action-required");
        }
        SignedInUser user = user();
        return resource(cases.act(id, transition, user), user);
    }

    /** What linking posts needs. */
    record PostLinks(List<Long> postIds) {
    }

    @PostMapping("/cases/{id}/posts")
    CaseResource linkPosts(@PathVariable long id, @RequestBody(required = false) PostLinks links) {
        SignedInUser user = user();
        cases.linkPosts(id, links == null ? List.of() : links.postIds(), user);
        return resource(cases.get(id, user), user);
    }

    @GetMapping("/cases/{id}/history")
    List<Cases.HistoryEntry> history(@PathVariable long id) {
        return cases.history(cases.get(id, user()));
    }

    @GetMapping("/cases/repeats")
    List<Map<String, Object>> repeats() {
        return cases.desk(deskWorker()).repeats().stream().map(r -> Map.<String, Object>of("caseId", r.caseId(),
                "postId", r.post().id(), "matchedBy", r.matchedBy(), "refutedAt", r.refutedAt(), "linkedAt", r.linkedAt()))
                .toList();
    }

    @GetMapping("/cases/{id}/evidence")
    List<Evidence.Item> evidence(@PathVariable long id) {
        return evidence.items(id, user());
    }

    @PostMapping("/cases/{id}/evidence")
    List<Evidence.Item> capture(@PathVariable long id) {
        return evidence.capture(id, user());
    }

    @GetMapping("/cases/{id}/evidence/package")
    @ApiResponse(responseCode = "200", description = "The case's evidence as a ZIP file with its manifest", content =
            @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> evidencePackage(@PathVariable long id) throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        evidence.writePackage(id, user(), body);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chung-cu-vu-viec-" + id + ".zip\"")
                .body(body.toByteArray());
    }

    @PostMapping(path = "/evidence/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Evidence.Verification verify(@RequestParam("file") MultipartFile file) throws IOException {
        deskUser();
        try (InputStream in = file.getInputStream()) {
            return evidence.verify(in);
        }
    }

    private CaseResource resource(Case c, SignedInUser user) {
        return CaseResource.of(c, cases.posts(c), cases.actionsFor(c, user), reports.received(c.id(), user), clock.instant());
    }

    /** The press has no business with evidence: checking packages is for the desk's roles and agencies' machines. */
    private static SignedInUser deskUser() {
        SignedInUser user = user();
        boolean desk = user.apiClient() || user.roles().stream().anyMatch(r -> r != vn.loa.identity.Role.PRESS);
        if (!desk) {
            throw new AccessDeniedException("evidence packages are checked by the desk");
        }
        return user;
    }

    /** The list and the repeats are the desk's: refused to anyone who does not work on it. */
    private SignedInUser deskWorker() {
        SignedInUser user = user();
        if (!cases.worksOnDesk(user)) {
            throw new AccessDeniedException("the desk is for the province's coordinators and the agencies' staff");
        }
        return user;
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}

package vn.loa.coordination.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.coordination.PeriodicReports;
import vn.loa.coordination.ReportPeriod;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The periodic reports API (COORDINATOR writes; LEADER and ADMIN read; anyone else 403 on the list, 404 on a report):
 * {@code GET /api/v1/reports}; {@code POST} {@code {"kind":"QUARTERLY","year":2026,"period":3}} or {@code {"kind":
 * "MONTHLY","periodStart":"2026-11-01"}} → 201 with the draft (422 naming {@code kind}, {@code year}, {@code period} or
 * {@code periodStart}); {@code GET /{id}} (figures, sections, status, version); {@code PUT /{id}/sections} {@code
 * {"version":…, "sections":{"press":"…"}}} (409 when stale or issued); {@code POST /{id}/regenerate} ({@code
 * ?redraft=true} drafts edited texts again too); {@code POST /{id}/issue} (409 when issued; 422 before the period is over, unless
 * {@code ?beforePeriodEnd=true}); {@code GET /{id}/docx};
 * {@code GET /{id}/seal} (the seal check).
 */
@RestController
@RequestMapping("/api/v1/reports")
@ConditionalOnWebApplication
class ReportsApiController {

    static final MediaType DOCX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final PeriodicReports reports;
    private final Clock clock;

    ReportsApiController(PeriodicReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    record NewReport(String kind, Integer year, Integer period, String periodStart) {
    }

    record SectionsEdit(Long version, Map<String, String> sections) {
    }

    @GetMapping
    List<PeriodicReports.Summary> list() {
        return reports.list(user());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PeriodicReports.Report create(@RequestBody NewReport body) {
        return reports.generate(period(body.kind(), body.year(), body.period(), body.periodStart(),
                LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)), user());
    }

    static ReportPeriod period(String kind, Integer year, Integer period, String periodStart, LocalDate today) {
        if (periodStart != null && !periodStart.isBlank()) {
            LocalDate start;
            try {
                start = LocalDate.parse(periodStart.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInput("periodStart", "periodic.error.period-start");
            }
            return ReportPeriod.starting(kind, start, today);
        }
        return ReportPeriod.of(kind, year, period, today);
    }

    @GetMapping("/{id:\\d+}")
    PeriodicReports.Report get(@PathVariable long id) {
        return reports.get(id, user());
    }

    @PutMapping("/{id:\\d+}/sections")
    PeriodicReports.Report edit(@PathVariable long id, @RequestBody SectionsEdit body) {
        if (body.version() == null) {
            reports.get(id, user());
            throw new InvalidInput("version", "periodic.error.version");
        }
        return reports.edit(id, body.sections(), body.version(), user());
    }

    @PostMapping("/{id:\\d+}/regenerate")
    PeriodicReports.Report regenerate(@PathVariable long id, @RequestParam(defaultValue = "false") boolean redraft,
            @RequestParam(required = false) Long version) {
        unchangedSince(id, version);
        return reports.regenerate(id, redraft, user());
    }

    @PostMapping("/{id:\\d+}/issue")
    PeriodicReports.Report issue(@PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(defaultValue = "false") boolean beforePeriodEnd, @RequestParam(required = false) Long signerId) {
        unchangedSince(id, version);
        return reports.issue(id, beforePeriodEnd, signerId, user());
    }

    /** Refuses (409) when a version is given and the report was edited or recomputed since. */
    private void unchangedSince(long id, Long version) {
        if (version != null && reports.get(id, user()).version() != version) {
            throw new vn.loa.shared.Conflict("periodic.error.stale");
        }
    }

    @GetMapping("/{id:\\d+}/docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        return download(reports.docx(id, user()));
    }

    @GetMapping("/{id:\\d+}/seal")
    PeriodicReports.SealCheck seal(@PathVariable long id) {
        return reports.seal(id, user());
    }

    static ResponseEntity<byte[]> download(PeriodicReports.Document document) {
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(document.fileName())
                        .build().toString())
                .body(document.content());
    }

    static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }
}

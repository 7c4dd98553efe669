package vn.loa.listening.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ListeningOverview;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.Trends;

/**
 * {@code GET /api/v1/trends}: the emerging issues with their series and 72-hour forecasts; with
 * {@code dimension} and {@code value}, that one series. {@code GET /api/v1/overview}: the dashboard's figures.
 * Both in the caller's scope ({@code province=true} asks an agency's officer for the province's public posts).
 */
@RestController
@RequestMapping("/api/v1")
@ConditionalOnWebApplication
class TrendsApiController {

    private final Trends trends;
    private final ListeningOverview overview;
    private final IssueCoverage issueCoverage;

    TrendsApiController(Trends trends, ListeningOverview overview, IssueCoverage issueCoverage) {
        this.trends = trends;
        this.overview = overview;
        this.issueCoverage = issueCoverage;
    }

    @GetMapping("/trends")
    @ApiResponse(responseCode = "200", description = "The report of emerging issues and series, or one series when "
            + "a dimension or value is asked", content = @Content(schema = @Schema(oneOf = {Trends.Report.class,
                    Trends.Series.class})))
    Object trends(@RequestParam(required = false) String dimension, @RequestParam(required = false) String value,
            @RequestParam(defaultValue = "false") boolean province) {
        ListeningScope scope = ListeningScope.of(user(), province);
        String language = LocaleContextHolder.getLocale().getLanguage();
        if (dimension != null || value != null) {
            return trends.series(ListeningScope.forSeries(user(), province, dimension, value),
                    dimension == null ? "" : dimension, value, language);
        }
        Trends.Report report = trends.report(scope, language);
        return new Trends.Report(report.at(), issueCoverage.forReader(report.emerging(), user()), report.series());
    }

    @GetMapping("/overview")
    ListeningOverview.Overview overview(@RequestParam(defaultValue = "30") int days,
            @RequestParam(defaultValue = "false") boolean province) {
        return overview.overview(ListeningScope.of(user(), province), days, LocaleContextHolder.getLocale().getLanguage());
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}

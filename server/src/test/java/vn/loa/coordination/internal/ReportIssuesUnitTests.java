package vn.loa.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.coordination.ReportFigures;
import vn.loa.listening.Alerts;

class ReportIssuesUnitTests {

    private static Alerts.Alert burst(String title, String at, long posts, List<Long> postIds) {
        return new Alerts.Alert(1, 1, "BURST", null, 3, Instant.parse(at), posts, null, postIds, null, null, null, null,
                posts, title, posts + " bài trong 1 giờ qua", null, null, null, null, null, null, null, null);
    }

    @Test
    void anIssueOfThePeriodCountsThePostsOfAllItsAlertsOnceAndBeganWithItsFirst() {
        List<ReportFigures.Issue> issues = ReportFigureQueries.issues(List.of(
                burst("ngập Cam Ranh", "2026-11-02T03:00:00Z", 8, List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L)),
                burst("ngập Cam Ranh", "2026-11-01T01:00:00Z", 6, List.of(7L, 8L, 9L, 10L, 11L, 12L)),
                burst("giá điện", "2026-11-05T01:00:00Z", 20, List.of())));
        assertThat(issues).extracting(ReportFigures.Issue::title).containsExactly("giá điện", "ngập Cam Ranh");
        assertThat(issues.get(1).posts()).isEqualTo(12);
        assertThat(issues.get(1).raisedAt()).isEqualTo(Instant.parse("2026-11-01T01:00:00Z"));
        // an alert that named none of its posts counts as many as it said
        assertThat(issues.get(0).posts()).isEqualTo(20);
    }

    @Test
    void aReportListsAtMostFiveIssues() {
        List<Alerts.Alert> many = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> burst("vấn đề " + i, "2026-11-01T01:00:00Z", 10 + i, List.of())).toList();
        assertThat(ReportFigureQueries.issues(many)).hasSize(5).first().extracting(ReportFigures.Issue::posts)
                .isEqualTo(17L);
    }
}

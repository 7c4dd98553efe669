package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.TestClock;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;

/**
 * The counts the trend computation keeps between runs (a word's posts by hour, the normal volume by
 * time of day) are brought up to date from new posts only, within the hour; they must equal what a
 * count from scratch over the database gives, also after posts arrive that were published days ago.
 */
@SpringBootTest
@Import(TestClock.Config.class)
class KeptCountsIntegrationTests {

    @Autowired
    TestClock clock;

    @Autowired
    TrendService trends;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    private final String marker = "gieng" + ProcessHandle.current().pid();

    @Test
    void keptCountsEqualCountsFromScratchAfterNewAndBackdatedPosts() throws Exception {
        Instant now = Instant.parse("2025-11-14T03:20:00Z");
        clock.advance(Duration.between(clock.instant(), now));
        ListeningScope province = new ListeningScope(null, true);
        store(now, 0, 60, 9 * 24 * 60);  // sixty posts over nine days
        Instant at = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        assertSeriesCountedRight(province, at);
        assertVolumeCountedRight(province, now);

        // within the same hour: posts published now, and others published days ago, arrive
        clock.advance(Duration.ofMinutes(10));
        now = now.plus(10, ChronoUnit.MINUTES);
        store(now, 60, 12, 10);
        store(now.minus(3, ChronoUnit.DAYS), 72, 20, 6 * 60);
        assertSeriesCountedRight(province, at);
        assertVolumeCountedRight(province, now);

        // the next hour counts from scratch, and the same posts give the same counts
        clock.advance(Duration.ofMinutes(45));
        now = now.plus(45, ChronoUnit.MINUTES);
        assertSeriesCountedRight(province, at.plus(1, ChronoUnit.HOURS));
        assertVolumeCountedRight(province, now);
    }

    private void assertSeriesCountedRight(ListeningScope scope, Instant at) {
        TrendService.Raw raw = trends.keywordSeries(scope, List.of(marker), at).get(marker);
        Instant start = at.minus(TrendService.HISTORY_HOURS, ChronoUnit.HOURS);
        double[] expected = new double[TrendService.HISTORY_HOURS];
        double[] negative = new double[TrendService.HISTORY_HOURS];
        jdbc.sql("SELECT published_at, sentiment FROM post WHERE lower(normalized_text) LIKE ? AND published_at >= ? AND published_at < ?")
                .params("%" + marker + "%", Timestamp.from(start), Timestamp.from(at)).query(rs -> {
                    int h = (int) ChronoUnit.HOURS.between(start, rs.getTimestamp(1).toInstant());
                    expected[h]++;
                    if ("negative".equals(rs.getString(2))) {
                        negative[h]++;
                    }
                });
        assertThat(java.util.Arrays.stream(expected).sum()).isPositive();
        assertThat(raw.posts()).containsExactly(expected);
        assertThat(raw.negative()).containsExactly(negative);
    }

    private void assertVolumeCountedRight(ListeningScope scope, Instant now) {
        double[] expected = new double[3];
        jdbc.sql("""
                SELECT count(*) FILTER (WHERE p.published_at >= (?::timestamptz - d * interval '1 day') - interval '30 minutes'),
                       count(*) FILTER (WHERE p.published_at >= (?::timestamptz - d * interval '1 day') - interval '60 minutes'),
                       count(*)
                FROM generate_series(1, 27) AS d JOIN post p
                  ON p.published_at >= (?::timestamptz - d * interval '1 day') - interval '1 day'
                 AND p.published_at < (?::timestamptz - d * interval '1 day')""")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now)).query(rs -> {
                    expected[0] = rs.getLong(1) / 27.0;
                    expected[1] = rs.getLong(2) / 27.0;
                    expected[2] = rs.getLong(3) / 27.0;
                });
        assertThat(expected[2]).isPositive();
        assertThat(trends.volume(scope, now)).containsExactly(expected);
    }

    /** {@code count} posts holding the marker, the first at {@code newest}, spread over the {@code minutes} before it. */
    private void store(Instant newest, int first, int count, int minutes) throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            Instant published = newest.minusSeconds((long) (i - first) * minutes * 60 / count);
            String text = i % 3 == 0 ? "Giếng nước " + marker + " ở thôn " + i + " bị ô nhiễm, người dân rất bức xúc và lo lắng"
                    : "Thôn " + i + " đã khoan xong giếng " + marker + ", nước sạch về tận nhà, cảm ơn chính quyền";
            file.append("{\"source\":\"kept-counts\",\"platform\":\"facebook\",\"external_id\":\"k").append(i)
                    .append("\",\"author\":\"nguoi ").append(i).append("\",\"published_at\":\"").append(published)
                    .append("\",\"text\":\"").append(text).append("\"}\n");
        }
        assertThat(importer.importFile("kept-counts.jsonl", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null).quarantined()).isEmpty();
    }
}

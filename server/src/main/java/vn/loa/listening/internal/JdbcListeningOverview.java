package vn.loa.listening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.loa.identity.AgencyDirectory;
import vn.loa.listening.ListeningOverview;
import vn.loa.listening.ListeningScope;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/** The dashboard from the hourly roll-ups; stories from the posts of the period. */
@Service
class JdbcListeningOverview implements ListeningOverview {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00 dd/MM");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AgencyDirectory agencies;
    private final TextAnalyzer analyzer;

    JdbcListeningOverview(JdbcClient jdbc, Clock clock, AgencyDirectory agencies, TextAnalyzer analyzer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.agencies = agencies;
        this.analyzer = analyzer;
    }

    @Override
    public Overview overview(ListeningScope scope, int days, String language) {
        if (days < 1 || days > 366) {
            throw new InvalidInput("days", "listening.overview.days");
        }
        boolean hourly = days <= 3;
        ZonedDateTime end = ZonedDateTime.ofInstant(clock.instant(), LocalTime.ZONE).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        ZonedDateTime start = hourly ? end.minusDays(days) : end.truncatedTo(ChronoUnit.DAYS).plusDays(1).minusDays(days);
        Instant from = start.toInstant();
        Instant to = end.toInstant();
        String restricted = scope.restricted() ? "" : " AND NOT restricted";
        Map<Instant, long[]> buckets = new LinkedHashMap<>();
        for (ZonedDateTime at = start; at.isBefore(end); at = hourly ? at.plusHours(1) : at.plusDays(1)) {
            buckets.put(at.toInstant(), new long[3]);
        }
        long[] totals = new long[3];
        jdbc.sql("SELECT hour, sum(negative), sum(neutral), sum(positive), sum(posts), sum(toxic) FROM post_hourly "
                + "WHERE scope = ? AND dim = 'all' AND hour >= ? AND hour < ?" + restricted + " GROUP BY hour")
                .params(scope.key(), Timestamp.from(from), Timestamp.from(to)).query(rs -> {
                    ZonedDateTime hour = rs.getTimestamp(1).toInstant().atZone(LocalTime.ZONE);
                    Instant bucket = (hourly ? hour : hour.truncatedTo(ChronoUnit.DAYS)).toInstant();
                    long[] counts = buckets.get(bucket);
                    if (counts != null) {
                        for (int i = 0; i < 3; i++) {
                            counts[i] += rs.getLong(2 + i);
                        }
                    }
                    totals[0] += rs.getLong(5);
                    totals[1] += rs.getLong(2);
                    totals[2] += rs.getLong(6);
                });
        List<Volume> volume = new ArrayList<>();
        buckets.forEach((at, counts) -> volume.add(new Volume(at, (hourly ? HOUR : DAY).format(at.atZone(LocalTime.ZONE)),
                counts[0], counts[1], counts[2])));
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        return new Overview(scope, from, to, hourly, totals[0], totals[1], totals[2], volume,
                shares(scope, "topic", from, to, 20, null),
                shares(scope, "agency", from, to, 15, code -> agencyName(code, today, language)),
                shares(scope, "place", from, to, 15, this::placeName),
                shares(scope, "platform", from, to, 20, null),
                stories(scope, from, to, "posts"), stories(scope, from, to, "negative"));
    }

    private List<Share> shares(ListeningScope scope, String dim, Instant from, Instant to, int limit,
            java.util.function.Function<String, String> names) {
        String restricted = scope.restricted() ? "" : " AND NOT restricted";
        return jdbc.sql("SELECT val, sum(posts) AS posts, sum(negative) FROM post_hourly WHERE scope = ? AND dim = ? "
                + "AND hour >= ? AND hour < ?" + restricted + " GROUP BY val HAVING sum(posts) > 0 ORDER BY posts DESC, val LIMIT ?")
                .params(scope.key(), dim, Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, row) -> new Share(rs.getString(1), names == null ? null : names.apply(rs.getString(1)),
                        rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private List<StoryRow> stories(ListeningScope scope, Instant from, Instant to, String order) {
        StringBuilder sql = new StringBuilder("""
                SELECT p.story_id, count(*) AS posts, count(*) FILTER (WHERE p.sentiment = 'negative') AS negative,
                       count(*) FILTER (WHERE p.toxicity <> 'CLEAN') AS toxic, min(p.id) AS first_post,
                       min(p.published_at), max(p.published_at)
                FROM post p WHERE p.story_id IS NOT NULL AND p.published_at >= ? AND p.published_at < ?
                """);
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        if (scope.agency() != null) {
            sql.append(" AND p.agencies @> ARRAY[?]::text[]");
            params.add(scope.agency());
        }
        if (!scope.restricted()) {
            sql.append(" AND p.platform NOT IN ('HOTLINE', 'OFFICE')");
        }
        sql.append(" GROUP BY p.story_id HAVING count(*) > 1");
        sql.append("negative".equals(order) ? " AND count(*) FILTER (WHERE p.sentiment = 'negative') > 0 ORDER BY negative DESC, posts DESC"
                : " ORDER BY posts DESC, negative DESC");
        sql.append(", p.story_id LIMIT 10");
        List<long[]> rows = jdbc.sql(sql.toString()).params(params).query((rs, row) -> new long[] {rs.getLong(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getTimestamp(6).getTime(),
                rs.getTimestamp(7).getTime()}).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, String> texts = new LinkedHashMap<>();
        jdbc.sql("SELECT id, left(text, 300) FROM post WHERE id = ANY(?)")
                .param(rows.stream().map(r -> r[4]).toArray(Long[]::new))
                .query(rs -> {
                    texts.put(rs.getLong(1), rs.getString(2));
                });
        return rows.stream().map(r -> new StoryRow(r[0], r[1], r[2], r[3], texts.get(r[4]), Instant.ofEpochMilli(r[5]),
                Instant.ofEpochMilli(r[6]))).toList();
    }

    String agencyName(String code, LocalDate on, String language) {
        return agencies.findByCode(code, on).map(a -> a.name(language))
                .orElseGet(() -> analyzer.agencies().entry(code).map(Gazetteer.Entry::name).orElse(code));
    }

    String placeName(String id) {
        return analyzer.places().entry(id).map(Gazetteer.Entry::name).orElse(id);
    }
}

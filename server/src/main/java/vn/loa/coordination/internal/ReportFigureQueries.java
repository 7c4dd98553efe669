package vn.loa.coordination.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.coordination.ReportFigures;
import vn.loa.coordination.ReportFigures.Count;
import vn.loa.coordination.ReportKind;
import vn.loa.coordination.ReportPeriod;
import vn.loa.coordination.TaskStatusClass;
import vn.loa.shared.LocalTime;

/**
 * Counts what a periodic report states, each part with the rule of the page that shows it:
 * <ul>
 * <li>listening: the daily roll-ups of the whole province ({@code post_daily}, scope '' with feedback), as the listening
 * overview reads them for periods of whole days; the emerging issues are the burst alerts raised in the period, with
 * the sentence they were sent with;</li>
 * <li>the misinformation desk: cases opened, closed ({@code closed_at}), open at the end; the median time from opening
 * to the published answer of the cases answered or refuted in the period (as the desk's page computes it over 90
 * days); cases referred to the police (status REFERRED, closed in the period);</li>
 * <li>transparency: the requests received in the period, answered (provided or refused), answered on time (the last
 * provide or refuse not after the due date), still open and overdue on the day the figures stand on (as the
 * transparency figures count them for a year);</li>
 * <li>press: enquiries received and those answered by their due time; statements published (correction requests
 * apart, as the compliance report counts them); press conferences held; crises opened;</li>
 * <li>campaigns and reach: campaigns running at some time in the period; publications due in it and not withdrawn; their
 * deliveries sent, simulated or confirmed, by channel; broadcasts confirmed by the communes in the period;</li>
 * <li>consultations opened (published) and closed in the period, contributions received;</li>
 * <li>tasks (V35): the occurrences, of tasks not cancelled, that are due in the period or, started by its end, are not
 * done by the day the figures stand on; an occurrence of a task passed to successors counts only if it was done before
 * (the successors' tasks carry the rest). Status class by {@link TaskStatusClass#of} on that day, a completion after it
 * not yet known. Difficulties and proposals sent and answered in the period.</li>
 * </ul>
 */
@Component
class ReportFigureQueries {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    /** The most topics and emerging issues a report lists. */
    static final int TOP = 10;
    static final int ISSUES = 5;

    private final JdbcClient jdbc;
    private final Clock clock;

    ReportFigureQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    ReportFigures compute(ReportPeriod period) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        LocalDate asOf = period.to().isAfter(today) ? today : period.to();
        Timestamp from = start(period.from());
        Timestamp until = start(asOf.plusDays(1));
        return new ReportFigures(period.kind().name(), period.from(), period.to(), asOf, clock.instant(),
                listening(period, asOf), desk(from, until), transparency(from, until, asOf), press(from, until),
                reach(period.from(), asOf, from, until), consultations(period.from(), asOf, from, until),
                tasks(period.from(), period.to(), asOf, from, until));
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(LocalTime.ZONE).toInstant());
    }

    // ---- listening

    private ReportFigures.Listening listening(ReportPeriod period, LocalDate asOf) {
        Date from = Date.valueOf(period.from());
        Date to = Date.valueOf(asOf);
        long[] all = jdbc.sql("""
                SELECT coalesce(sum(posts), 0), coalesce(sum(negative), 0), coalesce(sum(neutral), 0), coalesce(sum(positive), 0)
                FROM post_daily WHERE scope = '' AND dim = 'all' AND day >= ? AND day <= ?""").params(from, to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        List<ReportFigures.Bucket> buckets = new ArrayList<>();
        boolean monthly = period.kind() == ReportKind.YEARLY;
        Map<LocalDate, long[]> byBucket = new LinkedHashMap<>();
        for (LocalDate day = bucketOf(period.from(), monthly); !day.isAfter(asOf); day = monthly ? day.plusMonths(1) : day.plusWeeks(1)) {
            byBucket.put(day, new long[4]);
        }
        jdbc.sql("""
                SELECT day, sum(posts), sum(negative), sum(neutral), sum(positive) FROM post_daily
                WHERE scope = '' AND dim = 'all' AND day >= ? AND day <= ? GROUP BY day""").params(from, to)
                .query(rs -> {
                    long[] counts = byBucket.get(bucketOf(rs.getDate(1).toLocalDate(), monthly));
                    counts[0] += rs.getLong(3);
                    counts[1] += rs.getLong(4);
                    counts[2] += rs.getLong(5);
                    counts[3] += rs.getLong(2) - rs.getLong(3) - rs.getLong(4) - rs.getLong(5);
                });
        byBucket.forEach((start, c) -> buckets.add(new ReportFigures.Bucket(start,
                (monthly ? MONTH : WEEK).format(start.isBefore(period.from()) ? period.from() : start), c[0], c[1], c[2], c[3])));
        List<ReportFigures.Issue> issues = jdbc.sql("""
                SELECT DISTINCT ON (a.title) a.title, a.sentence, coalesce(a.posts, 0), a.raised_at
                FROM alert a JOIN alert_rule r ON r.id = a.rule_id
                WHERE r.kind = 'BURST' AND a.title IS NOT NULL AND a.raised_at >= ? AND a.raised_at < ?
                ORDER BY a.title, a.posts DESC NULLS LAST, a.id""").params(start(period.from()), start(asOf.plusDays(1)))
                .query((rs, n) -> new ReportFigures.Issue(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant())).list();
        issues = issues.stream().sorted((x, y) -> Long.compare(y.posts(), x.posts())).limit(ISSUES).toList();
        return new ReportFigures.Listening(all[0], all[1], all[2], all[3], shares("register", from, to, 10),
                shares("domain", from, to, 20), shares("topic", from, to, TOP), buckets, issues);
    }

    /** The week (from Monday) or month a day falls in. */
    private static LocalDate bucketOf(LocalDate day, boolean monthly) {
        return monthly ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private List<Count> shares(String dim, Date from, Date to, int limit) {
        return jdbc.sql("""
                SELECT val, sum(posts) FROM post_daily WHERE scope = '' AND dim = ? AND day >= ? AND day <= ?
                GROUP BY val HAVING sum(posts) > 0 ORDER BY 2 DESC, 1 LIMIT ?""").params(dim, from, to, limit)
                .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
    }

    // ---- the misinformation desk

    private ReportFigures.Desk desk(Timestamp from, Timestamp until) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE opened_at >= ? AND opened_at < ?),
                       count(*) FILTER (WHERE closed_at >= ? AND closed_at < ?),
                       count(*) FILTER (WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - opened_at))
                           FILTER (WHERE status IN ('ANSWERED', 'REFUTED') AND published_at >= ? AND published_at < ?),
                       count(*) FILTER (WHERE status IN ('ANSWERED', 'REFUTED') AND published_at >= ? AND published_at < ?),
                       count(*) FILTER (WHERE status = 'REFERRED' AND closed_at >= ? AND closed_at < ?)
                FROM misinformation_case""")
                .params(from, until, from, until, until, until, from, until, from, until, from, until)
                .query((rs, n) -> new ReportFigures.Desk(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4) == null ? null : Math.round(rs.getDouble(4) / 360.0) / 10.0, rs.getLong(5),
                        rs.getLong(6))).single();
    }

    // ---- transparency and press

    private ReportFigures.Transparency transparency(Timestamp from, Timestamp until, LocalDate asOf) {
        return jdbc.sql("""
                SELECT count(*),
                       count(*) FILTER (WHERE r.status IN ('PROVIDED', 'REFUSED')),
                       count(*) FILTER (WHERE r.status IN ('PROVIDED', 'REFUSED')
                                        AND (r.due_date IS NULL OR (h.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= r.due_date)),
                       count(*) FILTER (WHERE r.status IN ('NEEDS_COMPLETION', 'ACCEPTED', 'IN_PROGRESS', 'EXTENDED')),
                       count(*) FILTER (WHERE r.status IN ('ACCEPTED', 'IN_PROGRESS', 'EXTENDED') AND r.due_date < ?)
                FROM information_request r
                LEFT JOIN LATERAL (SELECT occurred_at FROM information_request_history x
                                   WHERE x.request_id = r.id AND x.action IN ('PROVIDE', 'REFUSE') ORDER BY x.id DESC LIMIT 1) h ON true
                WHERE r.received_at >= ? AND r.received_at < ?""").params(Date.valueOf(asOf), from, until)
                .query((rs, n) -> new ReportFigures.Transparency(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).single();
    }

    private ReportFigures.Press press(Timestamp from, Timestamp until) {
        long[] enquiries = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE answered_at IS NOT NULL),
                       count(*) FILTER (WHERE answered_at IS NOT NULL AND answered_at <= due_at)
                FROM press_enquiry WHERE received_at >= ? AND received_at < ?""").params(from, until)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        long statements = count("""
                SELECT count(*) FROM press_statement WHERE status = 'PUBLISHED' AND form <> 'CORRECTION_REQUEST'
                AND published_at >= ? AND published_at < ?""", from, until);
        long conferences = count("SELECT count(*) FROM press_conference WHERE status = 'HELD' AND scheduled_at >= ? AND scheduled_at < ?",
                from, until);
        long crises = count("SELECT count(*) FROM press_crisis WHERE opened_at >= ? AND opened_at < ?", from, until);
        return new ReportFigures.Press(enquiries[0], enquiries[1], enquiries[2], statements, conferences, crises);
    }

    // ---- campaigns, reach and consultations

    private ReportFigures.Reach reach(LocalDate first, LocalDate asOf, Timestamp from, Timestamp until) {
        long campaigns = count("SELECT count(*) FROM campaign WHERE starts_on <= ? AND ends_on >= ?", Date.valueOf(asOf),
                Date.valueOf(first));
        long publications = count("""
                SELECT count(*) FROM pub_publication WHERE withdrawn_at IS NULL AND publish_at >= ? AND publish_at < ?""",
                from, until);
        List<Count> deliveries = jdbc.sql("""
                SELECT d.channel, count(*) FROM pub_delivery d JOIN pub_publication p ON p.id = d.publication_id
                WHERE d.status IN ('SENT', 'SIMULATED', 'CONFIRMED') AND p.publish_at >= ? AND p.publish_at < ?
                GROUP BY d.channel ORDER BY 2 DESC, 1""").params(from, until)
                .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2))).list();
        long broadcasts = count("SELECT count(*) FROM pub_broadcast WHERE confirmed_at >= ? AND confirmed_at < ?", from, until);
        return new ReportFigures.Reach(campaigns, publications, deliveries, broadcasts);
    }

    private ReportFigures.Consultations consultations(LocalDate first, LocalDate asOf, Timestamp from, Timestamp until) {
        long opened = count("SELECT count(*) FROM consultation WHERE status <> 'DRAFT' AND opens_on >= ? AND opens_on <= ?",
                Date.valueOf(first), Date.valueOf(asOf));
        long closed = count("""
                SELECT count(*) FROM consultation WHERE status IN ('CLOSED', 'ADOPTED') AND closes_on >= ? AND closes_on <= ?""",
                Date.valueOf(first), Date.valueOf(asOf));
        long contributions = count("SELECT count(*) FROM consultation_contribution WHERE received_at >= ? AND received_at < ?",
                from, until);
        return new ReportFigures.Consultations(opened, closed, contributions);
    }

    // ---- tasks

    private ReportFigures.Tasks tasks(LocalDate first, LocalDate last, LocalDate asOf, Timestamp from, Timestamp until) {
        Map<TaskStatusClass, Long> all = new EnumMap<>(TaskStatusClass.class);
        Map<String, Map<TaskStatusClass, Long>> byKind = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT o.due_on, o.done_on, a.kind FROM coord_occurrence o
                JOIN coord_task t ON t.id = o.task_id JOIN agency a ON a.id = t.lead_agency_id
                WHERE t.state <> 'CANCELLED' AND (t.state = 'OPEN' OR o.done_on IS NOT NULL)
                  AND ((o.due_on >= ? AND o.due_on <= ?)
                       OR (o.period_start <= ? AND (o.done_on IS NULL OR o.done_on > ?)))
                ORDER BY a.kind""").params(Date.valueOf(first), Date.valueOf(last), Date.valueOf(asOf), Date.valueOf(asOf))
                .query(rs -> {
                    LocalDate due = rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate();
                    LocalDate done = rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate();
                    // a completion after the day the figures stand on is not known yet on that day
                    TaskStatusClass statusClass = TaskStatusClass.of(due, done != null && done.isAfter(asOf) ? null : done, asOf);
                    all.merge(statusClass, 1L, Long::sum);
                    byKind.computeIfAbsent(rs.getString(3), k -> new EnumMap<>(TaskStatusClass.class))
                            .merge(statusClass, 1L, Long::sum);
                });
        Map<String, List<Count>> kinds = new LinkedHashMap<>();
        byKind.forEach((kind, counts) -> kinds.put(kind, counts(counts)));
        long received = count("SELECT count(*) FROM coord_difficulty WHERE created_at >= ? AND created_at < ?", from, until);
        long answered = count("SELECT count(*) FROM coord_difficulty WHERE answered_at >= ? AND answered_at < ?", from, until);
        return new ReportFigures.Tasks(counts(all), kinds, received, answered);
    }

    private static List<Count> counts(Map<TaskStatusClass, Long> counts) {
        List<Count> list = new ArrayList<>();
        for (TaskStatusClass statusClass : TaskStatusClass.values()) {
            list.add(new Count(statusClass.name(), counts.getOrDefault(statusClass, 0L)));
        }
        return list;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

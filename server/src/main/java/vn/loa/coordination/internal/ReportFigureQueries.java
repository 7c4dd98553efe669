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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.campaigns.Campaigns;
import vn.loa.consultation.Consultation;
import vn.loa.consultation.ConsultationStatus;
import vn.loa.consultation.Consultations;
import vn.loa.coordination.ReportFigures;
import vn.loa.coordination.ReportFigures.Count;
import vn.loa.coordination.ReportKind;
import vn.loa.coordination.ReportPeriod;
import vn.loa.coordination.TaskStatusClass;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Alerts;
import vn.loa.listening.ListeningOverview;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostSearch;
import vn.loa.misinformation.Cases;
import vn.loa.press.Obligations;
import vn.loa.publishing.Publishing;
import vn.loa.shared.LocalTime;
import vn.loa.transparency.InformationRequests;

/**
 * Counts what a periodic report states, as the coordinator who generates it sees it (the whole province), each part
 * through the module's own public query where it has one, so that the report says what the module's pages say:
 * <ul>
 * <li>listening: {@link ListeningOverview#summary} (the daily roll-ups the dashboard reads, feedback included), by week
 * or month; the emerging issues are the period's burst alerts ({@link Alerts#raised}), one per issue, with the
 * sentence they were sent with;</li>
 * <li>the misinformation desk: {@link Cases#figures} (opened, closed, open at the end, the median time to the published
 * answer as the desk computes it, referred to the police);</li>
 * <li>transparency: {@link InformationRequests#figures(LocalDate, LocalDate, LocalDate, SignedInUser)}, the year figures'
 * rule over the period, overdue on the day the figures stand on; answered on time is answered less answered late;</li>
 * <li>press: {@link Obligations#figures} (enquiries and those answered by their due time, statements and conferences
 * as the compliance report counts them, crises);</li>
 * <li>reach: {@link Publishing#figures} (publications due in the period and not withdrawn, their deliveries sent,
 * simulated or confirmed by channel, broadcasts confirmed by the communes in it);</li>
 * <li>campaigns: the campaigns page's list ({@link Campaigns#list}), those running at some time in the period;</li>
 * <li>consultations: the consultations page's list ({@link Consultations#list}), published ones opened in the period and
 * closed (or adopted) ones that closed in it; contributions received in it (counted here: the module has no count
 * over consultations);</li>
 * <li>tasks (V35): the occurrences, of tasks not cancelled, that are due in the period or, started by the day the figures
 * stand on, are not done by then; an occurrence of a task passed to successors counts only if it was done before (the
 * successors' tasks carry the rest). Status class by {@link TaskStatusClass#of} on that day, a completion after it not
 * yet known; by the kind of the lead agency. Difficulties and proposals sent and answered in the period.</li>
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
    private final ListeningOverview overview;
    private final Alerts alerts;
    private final Cases cases;
    private final InformationRequests requests;
    private final Obligations press;
    private final Publishing publishing;
    private final Campaigns campaignList;
    private final Consultations consultationList;
    private final vn.loa.coordination.Tasks taskList;
    private final org.springframework.beans.factory.ObjectProvider<PostSearch> search;

    ReportFigureQueries(JdbcClient jdbc, Clock clock, ListeningOverview overview, Alerts alerts, Cases cases,
            InformationRequests requests, Obligations press, Publishing publishing, Campaigns campaignList,
            Consultations consultationList, vn.loa.coordination.Tasks taskList,
            org.springframework.beans.factory.ObjectProvider<PostSearch> search) {
        this.search = search;
        this.taskList = taskList;
        this.publishing = publishing;
        this.campaignList = campaignList;
        this.consultationList = consultationList;
        this.jdbc = jdbc;
        this.clock = clock;
        this.overview = overview;
        this.alerts = alerts;
        this.cases = cases;
        this.requests = requests;
        this.press = press;
    }

    /** The figures of a period as {@code user} (a coordinator: the whole province) sees them. */
    ReportFigures compute(ReportPeriod period, SignedInUser user) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        LocalDate asOf = period.to().isAfter(today) ? today : period.to();
        Timestamp from = start(period.from());
        Timestamp until = start(asOf.plusDays(1));
        return new ReportFigures(period.kind().name(), period.from(), period.to(), asOf, clock.instant(),
                listening(period, asOf, user), desk(from, until, user), transparency(period.from(), asOf, user),
                press(period.from(), asOf, user),
                reach(period.from(), asOf, user), consultations(period.from(), asOf, from, until, user),
                tasks(period.from(), period.to(), asOf, from, until));
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(LocalTime.ZONE).toInstant());
    }

    // ---- listening

    private ReportFigures.Listening listening(ReportPeriod period, LocalDate asOf, SignedInUser user) {
        ListeningOverview.Summary summary = overview.summary(ListeningScope.of(user, true), period.from(), asOf, TOP);
        boolean monthly = period.kind() == ReportKind.YEARLY;
        List<ReportFigures.Bucket> buckets = buckets(summary.days(), period, monthly);
        List<ReportFigures.Bucket> opinion = buckets(summary.opinionDays(), period, monthly);
        // how many of them are about the province at all (the dashboard's "bài về tỉnh"): national news is not its own
        // (the search index runs in the server; a command line without it counts none and says nothing of it)
        PostSearch index = search.getIfAvailable();
        Long aboutProvince = index == null ? null : index.search(new PostSearch.Query(null, null, null, null, null, null,
                null, null, null, start(period.from()).toInstant(), start(asOf.plusDays(1)).toInstant(), true, 0, 1, null,
                false, true, false), user).total();
        List<ReportFigures.Issue> issues = issues(alerts.raised("BURST", start(period.from()).toInstant(),
                start(asOf.plusDays(1)).toInstant(), user, 200));
        List<Count> registers = summary.registers().entrySet().stream().filter(e -> e.getValue().posts() > 0)
                .sorted((x, y) -> Long.compare(y.getValue().posts(), x.getValue().posts()))
                .map(e -> new Count(e.getKey(), e.getValue().posts())).toList();
        List<ReportFigures.Tone> tones = summary.registers().entrySet().stream().filter(e -> e.getValue().posts() > 0)
                .sorted((x, y) -> Long.compare(y.getValue().posts(), x.getValue().posts()))
                .map(e -> new ReportFigures.Tone(e.getKey(), e.getValue().posts(), e.getValue().negative(),
                        e.getValue().neutral(), e.getValue().positive())).toList();
        return new ReportFigures.Listening(summary.total(), summary.negative(), summary.neutral(), summary.positive(),
                registers, counts(summary.domains()), counts(summary.topics()), buckets, issues, tones,
                aboutProvince, opinion);
    }

    /** Days summed into weeks (from Monday) or months, each labelled from the period's first day at the earliest. */
    private static List<ReportFigures.Bucket> buckets(List<ListeningOverview.Volume> days, ReportPeriod period,
            boolean monthly) {
        Map<LocalDate, long[]> byBucket = new LinkedHashMap<>();
        for (ListeningOverview.Volume day : days) {
            long[] counts = byBucket.computeIfAbsent(bucketOf(LocalDate.ofInstant(day.start(), LocalTime.ZONE), monthly),
                    k -> new long[4]);
            counts[0] += day.negative();
            counts[1] += day.neutral();
            counts[2] += day.positive();
            counts[3] += day.unclear();
        }
        List<ReportFigures.Bucket> buckets = new ArrayList<>();
        byBucket.forEach((start, c) -> buckets.add(new ReportFigures.Bucket(start,
                (monthly ? MONTH : WEEK).format(start.isBefore(period.from()) ? period.from() : start), c[0], c[1], c[2], c[3])));
        return buckets;
    }

    private static List<Count> counts(List<ListeningOverview.Share> shares) {
        return shares.stream().map(s -> new Count(s.value(), s.posts())).toList();
    }

    /** The week (from Monday) or month a day falls in. */
    private static LocalDate bucketOf(LocalDate day, boolean monthly) {
        return monthly ? day.withDayOfMonth(1) : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    // ---- the misinformation desk

    private ReportFigures.Desk desk(Timestamp from, Timestamp until, SignedInUser user) {
        Cases.PeriodFigures f = cases.figures(from.toInstant(), until.toInstant(), user);
        return new ReportFigures.Desk(f.opened(), f.closed(), f.openAtEnd(),
                f.medianTimeToAnswer() == null ? null : Math.round(f.medianTimeToAnswer().toSeconds() / 360.0) / 10.0,
                f.answered(), f.referred());
    }

    // ---- transparency and press

    private ReportFigures.Transparency transparency(LocalDate first, LocalDate asOf, SignedInUser user) {
        InformationRequests.PeriodFigures f = requests.figures(first, asOf, asOf, user);
        return new ReportFigures.Transparency(f.received(), f.answered(), f.answered() - f.answeredLate(), f.open(),
                f.overdue(), f.withdrawnLate());
    }

    private ReportFigures.Press press(LocalDate first, LocalDate asOf, SignedInUser user) {
        Obligations.PeriodFigures f = press.figures(first, asOf, user);
        return new ReportFigures.Press(f.enquiries(), f.answered(), f.answeredInTime(), f.statements(), f.conferences(),
                f.crises(), f.withdrawnByAgency(), f.late());
    }

    // ---- campaigns, reach and consultations

    private ReportFigures.Reach reach(LocalDate first, LocalDate asOf, SignedInUser user) {
        // the campaigns page's list: those running at some time in the period
        long campaigns = campaignList.list(null, user).stream()
                .filter(c -> !c.startsOn().isAfter(asOf) && !c.endsOn().isBefore(first)).count();
        Publishing.PeriodFigures f = publishing.figures(first, asOf, user);
        List<Count> deliveries = f.deliveries().entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
        return new ReportFigures.Reach(campaigns, f.publications(), deliveries, f.broadcastsConfirmed());
    }

    private ReportFigures.Consultations consultations(LocalDate first, LocalDate asOf, Timestamp from, Timestamp until,
            SignedInUser user) {
        // the consultations page's list: published ones opened in the period, closed or adopted ones that closed in it
        List<Consultation> all = consultationList.list(user);
        long opened = all.stream().filter(c -> c.status() != ConsultationStatus.DRAFT && within(c.opensOn(), first, asOf))
                .count();
        long closed = all.stream().filter(c -> (c.status() == ConsultationStatus.CLOSED || c.status() == ConsultationStatus.ADOPTED)
                && within(c.closesOn(), first, asOf)).count();
        long contributions = count("SELECT count(*) FROM consultation_contribution WHERE received_at >= ? AND received_at < ?",
                from, until);
        return new ReportFigures.Consultations(opened, closed, contributions);
    }

    private static boolean within(LocalDate day, LocalDate first, LocalDate last) {
        return !day.isBefore(first) && !day.isAfter(last);
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
        return new ReportFigures.Tasks(counts(all), kinds, received, answered, counts(taskList.countByClass(asOf)));
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

    /**
     * The period's emerging issues from its burst alerts, the most posts first: one per issue (by title), told by what
     * happened in the period, its posts there (those its alerts named, or its largest alert's count if more) and the
     * first time it was raised; the sentence of its largest alert, which speaks of the hour before it, is kept aside.
     */
    static List<ReportFigures.Issue> issues(List<Alerts.Alert> raised) {
        Map<String, List<Alerts.Alert>> byTitle = new LinkedHashMap<>();
        for (Alerts.Alert a : raised) {
            if (a.title() != null) {
                byTitle.computeIfAbsent(a.title(), k -> new ArrayList<>()).add(a);
            }
        }
        List<ReportFigures.Issue> issues = new ArrayList<>();
        byTitle.forEach((title, all) -> {
            Alerts.Alert largest = all.stream().max(Comparator.comparingLong(Alerts.Alert::posts)).orElseThrow();
            long named = all.stream().flatMap(a -> a.postIds().stream()).distinct().count();
            Instant first = all.stream().map(Alerts.Alert::raisedAt).min(Comparator.naturalOrder())
                    .orElseThrow();
            issues.add(new ReportFigures.Issue(title, largest.sentence(), Math.max(named, largest.posts()), first));
        });
        issues.sort(Comparator.comparingLong(ReportFigures.Issue::posts).reversed());
        return List.copyOf(issues.subList(0, Math.min(ISSUES, issues.size())));
    }
}

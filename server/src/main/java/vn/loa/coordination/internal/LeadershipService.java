package vn.loa.coordination.internal;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.loa.coordination.Leadership;
import vn.loa.coordination.TaskStatusClass;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyNames;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.IssueSentences;
import vn.loa.listening.ListeningOverview;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.Trends;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.Cases;
import vn.loa.press.Crises;
import vn.loa.press.Crisis;
import vn.loa.shared.AgencyId;
import vn.loa.shared.LocalTime;

/**
 * The leader's view from the coordination tables (read as V35 describes them) and the other modules' public APIs, with a
 * fixed number of queries whatever the data.
 */
@Service
class LeadershipService implements Leadership {

    /** Items shown at most in a section. */
    static final int SHOWN = 100;
    static final int ISSUES = 5;

    private final JdbcClient jdbc;
    private final Trends trends;
    private final Cases cases;
    private final Crises crises;
    private final AgencyDirectory agencies;
    private final AgencyNames names;
    private final IssueSentences sentences;
    private final Clock clock;

    LeadershipService(JdbcClient jdbc, Trends trends, Cases cases, Crises crises, AgencyDirectory agencies,
            AgencyNames names, IssueSentences sentences, Clock clock) {
        this.sentences = sentences;
        this.jdbc = jdbc;
        this.trends = trends;
        this.cases = cases;
        this.crises = crises;
        this.agencies = agencies;
        this.names = names;
        this.clock = clock;
    }

    @Override
    public View view(SignedInUser user, String language) {
        if (!(user.has(Role.LEADER) || user.has(Role.COORDINATOR) || user.has(Role.ADMIN))) {
            throw new AccessDeniedException("the leader's view is for leaders, coordinators and administrators");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, LocalTime.ZONE);
        Locale locale = Locale.of(language);
        Map<Long, String> agencyNames = new LinkedHashMap<>();

        List<TaskItem> atRisk = occurrences(false, today, today.plusDays(AT_RISK_DAYS), agencyNames, language);
        List<TaskItem> reportTasks = occurrences(true, today, today.plusDays(REPORT_DAYS), agencyNames, language);
        Map<Long, int[]> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT t.lead_agency_id, count(*) FILTER (WHERE o.due_on < :today) AS overdue,"
                + " count(*) FILTER (WHERE o.due_on >= :today) AS soon FROM coord_occurrence o"
                + " JOIN coord_task t ON t.id = o.task_id WHERE t.state = 'OPEN' AND o.done_on IS NULL"
                + " AND o.due_on <= :until GROUP BY t.lead_agency_id")
                .param("today", today).param("until", today.plusDays(AT_RISK_DAYS))
                .query((ResultSet rs) -> {
                    counts.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)});
                });
        List<AgencyCount> byAgency = counts.entrySet().stream()
                .map(e -> new AgencyCount(e.getKey(), agencyName(e.getKey(), agencyNames, language), e.getValue()[0],
                        e.getValue()[1]))
                .sorted(Comparator.comparingInt(AgencyCount::overdue).reversed()
                        .thenComparing(Comparator.comparingInt(AgencyCount::dueSoon).reversed())
                        .thenComparing(AgencyCount::agencyName))
                .toList();

        List<IssueItem> issues = trends.emerging(ListeningScope.of(user, false), language).stream().limit(ISSUES)
                .map(i -> {
                    ListeningOverview.StoryRow largest = i.stories() == null || i.stories().isEmpty() ? null
                            : i.stories().getFirst();
                    boolean tells = largest != null && largest.story() > 0 && 2 * largest.posts() >= i.observed();
                    return new IssueItem(sentences.title(i, locale), i.dimension(), i.value(), i.observed(), i.growth(),
                            tells ? largest.story() : null, tells ? largest.posts() : 0);
                })
                .toList();

        List<CrisisItem> openCrises = crises.list(true, user, SHOWN).stream().filter(Crisis::open)
                .map(c -> new CrisisItem(c.id(), c.title(), names.name(c.agencyCode(), today, locale), c.openedAt(),
                        c.firstStatementId() == null ? c.firstStatementDue() : null,
                        c.firstStatementId() == null && c.firstStatementDue() != null && now.isAfter(c.firstStatementDue())))
                .toList();

        List<Case> open = cases.list(new Cases.Filter(null, null, true, false), user, SHOWN);
        List<CaseItem> openCases = open.stream()
                .map(c -> new CaseItem(c.id(), c.claim(), names.name(c.agencyCode(), today, locale), c.deadline(),
                        c.overdue(now)))
                .sorted(Comparator.comparing((CaseItem c) -> !c.overdue()).thenComparing(CaseItem::deadline))
                .toList();

        int total = byAgency.stream().mapToInt(a -> a.overdue() + a.dueSoon()).sum();
        return new View(today, atRisk, total, byAgency, issues, openCrises, openCases, reportTasks, reports(today));
    }

    /** Not-done occurrences of open tasks due by {@code until} (overdue ones included), the most overdue first. */
    private List<TaskItem> occurrences(boolean reports, LocalDate today, LocalDate until, Map<Long, String> agencyNames,
            String language) {
        return jdbc.sql("SELECT o.id, o.task_id, o.due_on, o.escalated_at, t.title, t.clause, t.lead_agency_id, d.number"
                + " FROM coord_occurrence o JOIN coord_task t ON t.id = o.task_id"
                + " JOIN coord_directive d ON d.id = t.directive_id"
                + " WHERE t.state = 'OPEN' AND o.done_on IS NULL AND o.due_on IS NOT NULL AND o.due_on <= :until"
                + (reports ? " AND t.is_report" : "") + " ORDER BY o.due_on, o.id LIMIT :limit")
                .param("until", until).param("limit", SHOWN)
                .query((rs, row) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    boolean overdue = TaskStatusClass.of(due, null, today) == TaskStatusClass.OVERDUE;
                    Timestamp escalated = rs.getTimestamp("escalated_at");
                    long agency = rs.getLong("lead_agency_id");
                    return new TaskItem(rs.getLong("task_id"), rs.getLong("id"), rs.getString("title"),
                            rs.getString("number"), rs.getString("clause"), agency,
                            agencyName(agency, agencyNames, language),
                            due, overdue, Math.abs(ChronoUnit.DAYS.between(today, due)),
                            escalated == null ? null : escalated.toInstant());
                }).list();
    }

    private String agencyName(long id, Map<Long, String> cache, String language) {
        return cache.computeIfAbsent(id, key -> agencies.find(new AgencyId(key)).map(a -> a.name(language))
                .orElse(String.valueOf(key)));
    }

    private record Found(long id, boolean issued) {
    }

    /** The province's monthly, quarterly and yearly report for the last closed period of each, unless issued. */
    private List<ReportItem> reports(LocalDate today) {
        LocalDate month = today.withDayOfMonth(1).minusMonths(1);
        LocalDate quarter = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
        LocalDate year = LocalDate.of(today.getYear() - 1, 1, 1);
        List<ReportItem> due = new ArrayList<>();
        for (ReportItem period : List.of(new ReportItem("MONTHLY", month, month.plusMonths(1).minusDays(1), null),
                new ReportItem("QUARTERLY", quarter, quarter.plusMonths(3).minusDays(1), null),
                new ReportItem("YEARLY", year, year.plusYears(1).minusDays(1), null))) {
            List<Found> found = jdbc.sql("SELECT id, status FROM coord_report WHERE kind = :kind AND period_start = :start"
                    + " ORDER BY (status = 'ISSUED') DESC, id DESC")
                    .param("kind", period.kind()).param("start", period.periodStart())
                    .query((rs, row) -> new Found(rs.getLong("id"), "ISSUED".equals(rs.getString("status")))).list();
            if (found.isEmpty()) {
                due.add(period);
            } else if (!found.getFirst().issued()) {
                due.add(new ReportItem(period.kind(), period.periodStart(), period.periodEnd(), found.getFirst().id()));
            }
        }
        return due;
    }
}

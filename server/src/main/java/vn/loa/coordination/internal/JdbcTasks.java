package vn.loa.coordination.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.coordination.CoordinationEvent;
import vn.loa.coordination.Directive;
import vn.loa.coordination.Files.StoredFile;
import vn.loa.coordination.ProgressReport;
import vn.loa.coordination.Recurrence;
import vn.loa.coordination.Task;
import vn.loa.coordination.TaskEvent;
import vn.loa.coordination.TaskOccurrence;
import vn.loa.coordination.TaskSchedule;
import vn.loa.coordination.TaskStatusClass;
import vn.loa.coordination.Tasks;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencySuccession;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.MessagePart;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * Tasks on PostgreSQL: created one per lead agency, followed per occurrence, reminded of and escalated once per due
 * date, passed to the successors of a dissolved lead agency with their history.
 */
@Service
class JdbcTasks implements Tasks {

    static final int TEXT_MAX = 10_000;
    private static final int MAX_FIGURES = 20;
    /** The fields a recurring task's periods follow from: while one is refused, its periods are not counted. */
    private static final Set<String> SCHEDULE_FIELDS = Set.of("dueOn", "dueDay", "dueMonth", "startsOn");

    private final JdbcClient jdbc;
    private final JdbcDirectives directives;
    private final AgencyDirectory agencies;
    private final WorkingDays calendar;
    private final CoordinationMail mail;
    private final CoordinationFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int remindDays;
    private final ObjectMapper json = JsonMapper.builder().build();
    private volatile LocalDate refreshedOn;

    JdbcTasks(JdbcClient jdbc, JdbcDirectives directives, AgencyDirectory agencies, WorkingDays calendar,
            CoordinationMail mail, CoordinationFiles files, ApplicationEventPublisher events, Clock clock,
            @Value("${loa.coordination.remind-days:3}") int remindDays) {
        if (remindDays < 0 || remindDays > 60) {
            throw new IllegalArgumentException("loa.coordination.remind-days must be 0 to 60, was " + remindDays);
        }
        this.jdbc = jdbc;
        this.directives = directives;
        this.agencies = agencies;
        this.calendar = calendar;
        this.mail = mail;
        this.files = files;
        this.events = events;
        this.clock = clock;
        this.remindDays = remindDays;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    // ---- creation ----

    @Override
    @Transactional
    public List<Task> add(long directiveId, NewTask t, SignedInUser by) {
        if (!CoordinationAccess.coordinates(by)) {
            throw new NotFound("directive", directiveId);
        }
        Directive directive = directives.find(directiveId);
        List<InvalidInput> problems = new ArrayList<>();
        String title = CoordinationAccess.text(t.title());
        String result = CoordinationAccess.text(t.expectedResult());
        String clause = CoordinationAccess.text(t.clause());
        if (title == null || title.length() > 1000) {
            problems.add(new InvalidInput("title", "coordination.error.task-title"));
        }
        if (result == null || result.length() > 2000) {
            problems.add(new InvalidInput("expectedResult", "coordination.error.expected-result"));
        }
        if (clause != null && clause.length() > 50) {
            problems.add(new InvalidInput("clause", "coordination.error.clause"));
        }
        LocalDate starts = t.startsOn() == null ? directive.issuedOn() : t.startsOn();
        if (starts.isBefore(directive.issuedOn())) {
            problems.add(new InvalidInput("startsOn", "coordination.error.starts-before-issue"));
        }
        List<Agency> leads = new ArrayList<>();
        List<String> leadCodes = t.leadCodes() == null ? List.of()
                : t.leadCodes().stream().map(CoordinationAccess::text).filter(c -> c != null).distinct().toList();
        if (leadCodes.isEmpty()) {
            problems.add(new InvalidInput("leadCodes", "coordination.error.lead"));
        }
        for (String code : leadCodes) {
            Agency agency = unit(code, starts, directive.issuedOn());
            if (agency == null) {
                problems.add(new InvalidInput("leadCodes", "coordination.error.lead-unknown", code));
            } else {
                leads.add(agency);
            }
        }
        List<Agency> supports = new ArrayList<>();
        for (String code : t.supportCodes() == null ? List.<String>of() : t.supportCodes()) {
            String c = CoordinationAccess.text(code);
            if (c == null) {
                continue;
            }
            Agency agency = unit(c, starts, directive.issuedOn());
            if (agency == null) {
                problems.add(new InvalidInput("supportCodes", "coordination.error.support-unknown", c));
            } else if (leads.stream().anyMatch(a -> a.id().equals(agency.id()))) {
                // it would have been dropped without a word: a task's lead does not also support it
                problems.add(new InvalidInput("supportCodes", "coordination.error.support-is-lead", agency.nameVi()));
            } else if (supports.stream().noneMatch(a -> a.id().equals(agency.id()))) {
                supports.add(agency);
            }
        }
        Recurrence recurrence = t.recurrence() == null ? Recurrence.ONCE : t.recurrence();
        if (recurrence == Recurrence.ONCE) {
            if (t.dueOn() != null && t.dueOn().isBefore(directive.issuedOn())) {
                problems.add(new InvalidInput("dueOn", "coordination.error.due-before-issue"));
            } else if (t.dueOn() != null && t.dueOn().isBefore(today()) && !t.assignedEarlier()) {
                // a task given today with a due date gone by would be overdue the moment it is saved
                problems.add(new InvalidInput("dueOn", "coordination.error.due-past", LocalTime.format(t.dueOn()),
                        LocalTime.format(today())));
            }
            if (t.dueDay() != null) {
                problems.add(new InvalidInput("dueDay", "coordination.error.due-day-once"));
            }
        } else {
            if (t.dueDay() == null || t.dueDay() < 1 || t.dueDay() > 31) {
                problems.add(new InvalidInput("dueDay", "coordination.error.due-day"));
            }
            if (t.dueOn() != null) {
                problems.add(new InvalidInput("dueOn", "coordination.error.due-on-recurring"));
            }
        }
        if (t.dueMonth() != null && (recurrence != Recurrence.YEARLY || t.dueMonth() < 1 || t.dueMonth() > 12)) {
            problems.add(new InvalidInput("dueMonth", "coordination.error.due-month"));
        }
        if (t.endsOn() != null && t.endsOn().isBefore(starts)) {
            problems.add(new InvalidInput("endsOn", "coordination.error.ends-before-start"));
        }
        if (recurrence != Recurrence.ONCE && problems.stream().noneMatch(p -> SCHEDULE_FIELDS.contains(p.field()))
                && !t.assignedEarlier()) {
            // as a one-off task due before today: every period due by now would be overdue the moment it is saved
            List<LocalDate> pastDues = new TaskSchedule(recurrence, null, t.dueDay(), t.dueMonth(), starts, t.endsOn())
                    .periodsUpTo(today()).stream().map(TaskSchedule.Period::due).filter(d -> d.isBefore(today()))
                    .toList();
            if (!pastDues.isEmpty()) {
                problems.add(new InvalidInput("startsOn", "coordination.error.periods-past",
                        LocalTime.format(pastDues.get(0)), LocalTime.format(today()), pastDues.size()));
            }
        }
        InvalidInput.throwIfAny(problems);
        Instant now = clock.instant();
        List<Task> created = new ArrayList<>();
        for (Agency lead : leads) {
            long id = insertTask(directiveId, clause, title, result, lead.id().value(), recurrence, t.dueOn(),
                    recurrence == Recurrence.ONCE ? null : t.dueDay(), recurrence == Recurrence.YEARLY ? t.dueMonth() : null,
                    starts, t.endsOn(), t.isReport(), null, by.username(), now);
            for (Agency s : supports) {
                if (!s.id().equals(lead.id())) {
                    jdbc.sql("INSERT INTO coord_task_support (task_id, agency_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                            .params(id, s.id().value()).update();
                }
            }
            event(id, null, "CREATED", by.username(), null, now);
            generate(id);
            events.publishEvent(new CoordinationEvent.TaskChanged(by.actor(), id, "CREATED", lead.code(), title));
            created.add(find(id));
        }
        return created;
    }

    /** The unit with the code valid on the first day, the directive's day or today. */
    private Agency unit(String code, LocalDate starts, LocalDate issued) {
        return agencies.findByCode(code, starts).or(() -> agencies.findByCode(code, issued))
                .or(() -> agencies.findByCode(code, today())).orElse(null);
    }

    private long insertTask(long directiveId, String clause, String title, String result, long lead, Recurrence recurrence,
            LocalDate dueOn, Integer dueDay, Integer dueMonth, LocalDate starts, LocalDate ends, boolean isReport,
            Long inheritedFrom, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO coord_task (directive_id, clause, title, expected_result, lead_agency_id, recurrence, due_on,
                    due_day, due_month, starts_on, ends_on, is_report, inherited_from, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(directiveId, clause, title, result, lead, recurrence.name(), date(dueOn), dueDay, dueMonth,
                        Date.valueOf(starts), date(ends), isReport, inheritedFrom, by, Timestamp.from(at))
                .query(Long.class).single();
    }

    private void event(long taskId, Long occurrenceId, String kind, String actor, String detail, Instant at) {
        event(taskId, occurrenceId, kind, actor, detail, null, at);
    }

    /** An event whose detail is Loa's own words: the Vietnamese text, and the part each reader reads in their language. */
    private void event(long taskId, Long occurrenceId, String kind, String actor, String detail, MessagePart part,
            Instant at) {
        jdbc.sql("""
                INSERT INTO coord_task_event (task_id, occurrence_id, kind, actor, detail, detail_key, detail_args, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(taskId, occurrenceId, kind, actor, detail, part == null ? null : part.key(),
                        part == null ? null : part.args().toArray(String[]::new), Timestamp.from(at)).update();
    }

    private static MessagePart part(java.sql.ResultSet rs) throws java.sql.SQLException {
        String key = rs.getString("detail_key");
        if (key == null) {
            return null;
        }
        java.sql.Array args = rs.getArray("detail_args");
        return new MessagePart(key, args == null ? List.of() : java.util.Arrays.asList((String[]) args.getArray()));
    }

    // ---- occurrences ----

    /** Creates the task's occurrences of the periods begun by today; a one-off task gets its one occurrence once. */
    private void generate(long taskId) {
        Row row = row(taskId);
        if (row == null || !row.state().equals("OPEN")) {
            return;
        }
        TaskSchedule schedule = row.schedule();
        if (schedule.recurrence() == Recurrence.ONCE && jdbc.sql("SELECT count(*) FROM coord_occurrence WHERE task_id = ?")
                .param(taskId).query(Long.class).single() > 0) {
            return;
        }
        for (TaskSchedule.Period p : schedule.periodsUpTo(today())) {
            jdbc.sql("""
                    INSERT INTO coord_occurrence (task_id, period_start, period_end, due_on) VALUES (?, ?, ?, ?)
                    ON CONFLICT (task_id, period_start) DO NOTHING""")
                    .params(taskId, Date.valueOf(p.start()), Date.valueOf(p.end()), date(p.due())).update();
        }
    }

    @Override
    @Transactional
    public void refreshOccurrences() {
        LocalDate today = today();
        List<Long> due = jdbc.sql("""
                SELECT t.id FROM coord_task t WHERE t.state = 'OPEN' AND t.recurrence <> 'ONCE' AND t.starts_on <= ?
                  AND NOT EXISTS (SELECT 1 FROM coord_occurrence o WHERE o.task_id = t.id AND o.period_end >= ?)
                  AND (t.ends_on IS NULL OR NOT EXISTS (SELECT 1 FROM coord_occurrence o WHERE o.task_id = t.id
                       AND o.period_end >= t.ends_on))""")
                .params(Date.valueOf(today), Date.valueOf(today)).query(Long.class).list();
        due.forEach(this::generate);
        refreshedOn = today;
    }

    private void refreshIfNewDay() {
        if (!today().equals(refreshedOn)) {
            refreshOccurrences();
        }
    }

    // ---- reading ----

    /** A task's row with its current occurrence (the earliest not done, else the latest). */
    private record Row(long id, long directiveId, String clause, String title, String expectedResult, long leadAgencyId,
            String leadCode, LocalDate leadValidTo, TaskSchedule schedule, boolean isReport, String state,
            Long inheritedFrom, LocalDate currentDue, LocalDate currentDone, boolean hasCurrent, String createdBy,
            Instant createdAt) {
    }

    /**
     * Tasks with their current occurrence as they stand on a day: the occurrences of periods begun by then, a completion
     * dated after it not yet known (the choice {@link #countByClass} makes, so that a report's counts and the task
     * list agree). {@code %1$s} is the day as an SQL date literal.
     */
    private static final String SELECT = """
            SELECT t.*, a.code AS lead_code, a.valid_to AS lead_valid_to, cur.due_on AS cur_due, cur.done_on AS cur_done,
                   cur.id AS cur_id
            FROM coord_task t JOIN agency a ON a.id = t.lead_agency_id
            LEFT JOIN LATERAL (SELECT o.id, o.due_on, CASE WHEN o.done_on <= %1$s THEN o.done_on END AS done_on
                FROM coord_occurrence o WHERE o.task_id = t.id AND o.period_start <= %1$s
                ORDER BY (o.done_on IS NULL OR o.done_on > %1$s) DESC,
                         CASE WHEN o.done_on IS NULL OR o.done_on > %1$s THEN o.period_start END ASC,
                         o.period_start DESC LIMIT 1) cur ON TRUE
            """;

    /** {@link #SELECT} as of a day (a date Java formats: nothing of a user's is written into the SQL). */
    private static String select(LocalDate day) {
        return SELECT.formatted("DATE '" + day + "'");
    }

    private Row row(long id) {
        return jdbc.sql(select(today()) + " WHERE t.id = ?").param(id).query(JdbcTasks::row).optional().orElse(null);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Recurrence recurrence = Recurrence.valueOf(rs.getString("recurrence"));
        Date validTo = rs.getDate("lead_valid_to");
        rs.getLong("cur_id");
        boolean hasCurrent = !rs.wasNull();
        return new Row(rs.getLong("id"), rs.getLong("directive_id"), rs.getString("clause"), rs.getString("title"),
                rs.getString("expected_result"), rs.getLong("lead_agency_id"), rs.getString("lead_code"),
                validTo == null ? null : validTo.toLocalDate(),
                new TaskSchedule(recurrence, day(rs, "due_on"), (Integer) intOrNull(rs, "due_day"),
                        (Integer) intOrNull(rs, "due_month"), rs.getDate("starts_on").toLocalDate(), day(rs, "ends_on")),
                rs.getBoolean("is_report"), rs.getString("state"), (Long) rs.getObject("inherited_from"),
                day(rs, "cur_due"), day(rs, "cur_done"), hasCurrent, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private Task task(Row r, LocalDate today) {
        List<String> supports = jdbc.sql("""
                SELECT a.code FROM coord_task_support s JOIN agency a ON a.id = s.agency_id WHERE s.task_id = ?
                ORDER BY a.code""").param(r.id()).query(String.class).list();
        TaskStatusClass statusClass = TaskStatusClass.of(r.currentDue(), r.currentDone(), today);
        if (!r.hasCurrent()) {
            statusClass = TaskStatusClass.IN_PROGRESS;
        }
        return new Task(r.id(), r.directiveId(), r.clause(), r.title(), r.expectedResult(), r.leadAgencyId(), r.leadCode(),
                supports, r.schedule(), r.isReport(), r.state(), r.inheritedFrom(), statusClass, r.currentDue(),
                r.createdBy(), r.createdAt());
    }

    private Task find(long id) {
        Row r = row(id);
        if (r == null) {
            throw new NotFound("task", id);
        }
        return task(r, today());
    }

    /** Whether the user may see the task: province-wide roles all; an agency's staff the tasks it leads or supports. */
    private boolean visible(long taskId, SignedInUser user) {
        if (CoordinationAccess.seesProvince(user)) {
            return true;
        }
        if (!CoordinationAccess.agencyStaff(user)) {
            return false;
        }
        long agency = user.agency().value();
        return jdbc.sql(VISIBLE_COUNT).params(taskId, agency, agency, agency, agency).query(Long.class).single() > 0;
    }

    private static final String VISIBLE_CONDITION = """
            (t.lead_agency_id = ? OR EXISTS (SELECT 1 FROM coord_task_support s WHERE s.task_id = t.id AND s.agency_id = ?)
             OR EXISTS (SELECT 1 FROM coord_task c WHERE c.inherited_from = t.id AND (c.lead_agency_id = ?
                 OR EXISTS (SELECT 1 FROM coord_task c2 WHERE c2.inherited_from = c.id AND c2.lead_agency_id = ?))))""";

    private static final String VISIBLE_COUNT = "SELECT count(*) FROM coord_task t WHERE t.id = ? AND " + VISIBLE_CONDITION;

    private Row visibleRow(long id, SignedInUser user) {
        Row r = row(id);
        if (r == null || !visible(id, user)) {
            throw new NotFound("task", id);
        }
        return r;
    }

    @Override
    public Task get(long id, SignedInUser user) {
        visibleRow(id, user);
        refreshIfNewDay();
        return find(id);
    }

    @Override
    public Page<Task> list(TaskFilter filter, PageRequest asked, SignedInUser user) {
        refreshIfNewDay();
        List<Task> all = matching(filter, user);
        PageRequest page = asked.within(all.size());
        int from = (int) Math.min(page.offset(), all.size());
        return new Page<>(all.subList(from, Math.min(all.size(), from + page.size())), page, all.size());
    }

    @Override
    public List<Task> ofDirective(long directiveId, SignedInUser user) {
        directives.find(directiveId);
        refreshIfNewDay();
        return matching(new TaskFilter(null, null, directiveId, null, null), user);
    }

    private List<Task> matching(TaskFilter filter, SignedInUser user) {
        LocalDate today = today();
        // a task recorded after today (a clock that was ahead) is not on today's list, as countByClass counts
        StringBuilder sql = new StringBuilder(select(today)).append(" WHERE t.created_at < ?");
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(today.plusDays(1).atStartOfDay(LocalTime.ZONE).toInstant())));
        if (!CoordinationAccess.seesProvince(user)) {
            if (!CoordinationAccess.agencyStaff(user)) {
                return List.of();
            }
            sql.append(" AND ").append(VISIBLE_CONDITION);
            long agency = user.agency().value();
            params.addAll(List.of(agency, agency, agency, agency));
        }
        if (filter.directiveId() != null) {
            sql.append(" AND t.directive_id = ?");
            params.add(filter.directiveId());
        }
        if (filter.agencyCode() != null && !filter.agencyCode().isBlank()) {
            sql.append(" AND (a.code = ? OR EXISTS (SELECT 1 FROM coord_task_support s JOIN agency sa ON sa.id = s.agency_id"
                    + " WHERE s.task_id = t.id AND sa.code = ?))");
            params.add(filter.agencyCode().strip());
            params.add(filter.agencyCode().strip());
        }
        if (Boolean.TRUE.equals(filter.openOnly())) {
            sql.append(" AND t.state = 'OPEN'");
        }
        if (filter.dueBefore() != null) {
            sql.append(" AND cur.due_on < ?");
            params.add(Date.valueOf(filter.dueBefore()));
        }
        sql.append(" ORDER BY t.directive_id DESC, a.code, t.clause NULLS LAST, t.id LIMIT 5000");
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query(JdbcTasks::row).list();
        Map<Long, List<String>> supports = supportsOf(rows.stream().map(Row::id).toList());
        List<Task> tasks = new ArrayList<>();
        for (Row r : rows) {
            TaskStatusClass statusClass = r.hasCurrent() ? TaskStatusClass.of(r.currentDue(), r.currentDone(), today)
                    : TaskStatusClass.IN_PROGRESS;
            if (filter.statusClass() != null && (statusClass != filter.statusClass() || !r.state().equals("OPEN"))) {
                continue;
            }
            tasks.add(new Task(r.id(), r.directiveId(), r.clause(), r.title(), r.expectedResult(), r.leadAgencyId(),
                    r.leadCode(), supports.getOrDefault(r.id(), List.of()), r.schedule(), r.isReport(), r.state(),
                    r.inheritedFrom(), statusClass, r.currentDue(), r.createdBy(), r.createdAt()));
        }
        return tasks;
    }

    private Map<Long, List<String>> supportsOf(List<Long> taskIds) {
        Map<Long, List<String>> map = new LinkedHashMap<>();
        if (taskIds.isEmpty()) {
            return map;
        }
        jdbc.sql("""
                SELECT s.task_id, a.code FROM coord_task_support s JOIN agency a ON a.id = s.agency_id
                WHERE s.task_id = ANY (?) ORDER BY a.code""").param(taskIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                .forEach(e -> map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return map;
    }

    @Override
    public List<TaskOccurrence> occurrences(long taskId, SignedInUser user) {
        visibleRow(taskId, user);
        return occurrencesOf(taskId);
    }

    private List<TaskOccurrence> occurrencesOf(long taskId) {
        LocalDate today = today();
        return jdbc.sql("SELECT * FROM coord_occurrence WHERE task_id = ? ORDER BY period_start DESC, id DESC")
                .param(taskId).query((rs, n) -> {
                    LocalDate due = day(rs, "due_on");
                    LocalDate done = day(rs, "done_on");
                    Timestamp escalatedAt = rs.getTimestamp("escalated_at");
                    return new TaskOccurrence(rs.getLong("id"), rs.getLong("task_id"), day(rs, "period_start"),
                            day(rs, "period_end"), due, done, rs.getString("done_by"), day(rs, "reminded_due"),
                            day(rs, "escalated_due"), escalatedAt == null ? null : escalatedAt.toInstant(),
                            TaskStatusClass.of(due, done, today));
                }).list();
    }

    @Override
    public List<TaskEvent> events(long taskId, SignedInUser user) {
        visibleRow(taskId, user);
        return jdbc.sql("SELECT * FROM coord_task_event WHERE task_id = ? ORDER BY id").param(taskId)
                .query((rs, n) -> new TaskEvent(rs.getLong("id"), rs.getLong("task_id"), (Long) rs.getObject("occurrence_id"),
                        rs.getString("kind"), rs.getString("actor"), rs.getString("detail"), part(rs),
                        rs.getTimestamp("at").toInstant())).list();
    }

    @Override
    public List<ProgressReport> progress(long taskId, SignedInUser user) {
        visibleRow(taskId, user);
        return jdbc.sql("""
                SELECT p.*, a.code AS agency_code FROM coord_progress p JOIN coord_occurrence o ON o.id = p.occurrence_id
                JOIN agency a ON a.id = p.agency_id WHERE o.task_id = ? ORDER BY p.reported_at DESC, p.id DESC""")
                .param(taskId).query(this::progressRow).list();
    }

    private ProgressReport progressRow(ResultSet rs, int n) throws SQLException {
        Map<String, Double> figures = new LinkedHashMap<>();
        String raw = rs.getString("figures");
        if (raw != null) {
            json.readTree(raw).properties().forEach(e -> figures.put(e.getKey(), e.getValue().asDouble()));
        }
        long id = rs.getLong("id");
        return new ProgressReport(id, rs.getLong("occurrence_id"), rs.getString("agency_code"), rs.getString("body"),
                intOrNull(rs, "percent"), figures, rs.getBoolean("marks_done"), rs.getString("reported_by"),
                rs.getTimestamp("reported_at").toInstant(), files.ofProgress(id));
    }

    @Override
    public List<Task> passedTo(long taskId, SignedInUser user) {
        visibleRow(taskId, user);
        LocalDate today = today();
        return jdbc.sql(select(today) + """
                 WHERE t.inherited_from = ?
                    OR t.id IN (SELECT p.to_task_id FROM coord_task_passed p WHERE p.from_task_id = ?) ORDER BY a.code""")
                .params(taskId, taskId).query(JdbcTasks::row).list()
                .stream().map(r -> task(r, today)).toList();
    }

    @Override
    public boolean mayOpen(long taskId, SignedInUser user) {
        return row(taskId) != null && visible(taskId, user);
    }

    @Override
    public StoredFile attachment(long attachmentId, SignedInUser user) {
        CoordinationFiles.Owned owned = files.find(attachmentId);
        if (owned.progressId() == null) {
            throw new NotFound("attachment", attachmentId);
        }
        long taskId = jdbc.sql("""
                SELECT o.task_id FROM coord_progress p JOIN coord_occurrence o ON o.id = p.occurrence_id WHERE p.id = ?""")
                .param(owned.progressId()).query(Long.class).single();
        visibleRow(taskId, user);
        return owned.file();
    }

    // ---- following ----

    private boolean leads(Row r, SignedInUser user) {
        return CoordinationAccess.agencyStaff(user) && user.agency().value() == r.leadAgencyId();
    }

    private boolean supports(Row r, SignedInUser user) {
        return CoordinationAccess.agencyStaff(user) && jdbc.sql(
                "SELECT count(*) FROM coord_task_support WHERE task_id = ? AND agency_id = ?")
                .params(r.id(), user.agency().value()).query(Long.class).single() > 0;
    }

    /** The occurrence asked for (it must be the task's), or the current one not done. */
    private long occurrence(Row r, Long asked, boolean open) {
        if (asked != null) {
            return jdbc.sql("SELECT id FROM coord_occurrence WHERE id = ? AND task_id = ?").params(asked, r.id())
                    .query(Long.class).optional().orElseThrow(() -> new InvalidInput("occurrenceId",
                            "coordination.error.occurrence"));
        }
        String sql = open
                ? "SELECT id FROM coord_occurrence WHERE task_id = ? AND done_on IS NULL ORDER BY period_start LIMIT 1"
                : "SELECT id FROM coord_occurrence WHERE task_id = ? AND done_on IS NOT NULL ORDER BY period_start DESC LIMIT 1";
        return jdbc.sql(sql).param(r.id()).query(Long.class).optional()
                .orElseThrow(() -> new Conflict(open ? "coordination.conflict.no-open-occurrence"
                        : "coordination.conflict.nothing-done"));
    }

    /** The earliest occurrence not done, else the latest. */
    private long current(Row r) {
        return jdbc.sql("""
                SELECT id FROM coord_occurrence WHERE task_id = ?
                ORDER BY (done_on IS NULL) DESC, CASE WHEN done_on IS NULL THEN period_start END ASC, period_start DESC
                LIMIT 1""").param(r.id()).query(Long.class).optional()
                .orElseThrow(() -> new Conflict("coordination.conflict.no-open-occurrence"));
    }

    @Override
    @Transactional
    public ProgressReport report(long taskId, NewProgress p, SignedInUser by) {
        Row r = visibleRow(taskId, by);
        boolean lead = CoordinationAccess.coordinates(by) || leads(r, by);
        if (!lead && !supports(r, by)) {
            throw new NotFound("task", taskId);
        }
        if (!r.state().equals("OPEN")) {
            throw new Conflict("coordination.conflict.not-open");
        }
        List<InvalidInput> problems = new ArrayList<>();
        String body = CoordinationAccess.text(p.body());
        if (body == null || body.length() > TEXT_MAX) {
            problems.add(new InvalidInput("body", "coordination.error.progress-body"));
        }
        if (p.percent() != null && (p.percent() < 0 || p.percent() > 100)) {
            problems.add(new InvalidInput("percent", "coordination.error.percent"));
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        if (p.figures() != null) {
            if (p.figures().size() > MAX_FIGURES) {
                problems.add(new InvalidInput("figures", "coordination.error.figures-count", MAX_FIGURES));
            }
            p.figures().forEach((name, value) -> {
                String n = CoordinationAccess.text(name);
                if (n == null || n.length() > 100 || value == null || value.isNaN() || value.isInfinite()) {
                    problems.add(new InvalidInput("figures", "coordination.error.figure"));
                } else {
                    figures.put(n, value);
                }
            });
        }
        if (p.done() && !lead) {
            problems.add(new InvalidInput("done", "coordination.error.done-not-lead"));
        }
        try {
            files.check(p.attachments());
        } catch (InvalidInput e) {
            problems.add(e);
        }
        InvalidInput.throwIfAny(problems);
        long occurrenceId = p.done() || p.occurrenceId() != null ? occurrence(r, p.occurrenceId(), true)
                : current(r);
        Instant now = clock.instant();
        long agency = CoordinationAccess.agencyStaff(by) ? by.agency().value() : r.leadAgencyId();
        long id = jdbc.sql("""
                INSERT INTO coord_progress (occurrence_id, agency_id, body, percent, figures, marks_done, reported_by,
                    reported_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING id""")
                .params(occurrenceId, agency, body, p.percent(), json.writeValueAsString(figures), p.done(), by.username(),
                        Timestamp.from(now)).query(Long.class).single();
        files.store(id, null, p.attachments(), by.username(), now);
        event(taskId, occurrenceId, "PROGRESS", by.username(), p.percent() == null ? null : p.percent() + "%", now);
        events.publishEvent(new CoordinationEvent.TaskChanged(by.actor(), taskId, "PROGRESS", r.leadCode(),
                p.percent() == null ? null : p.percent() + "%"));
        if (p.done()) {
            markDone(r, occurrenceId, by, now);
        }
        return jdbc.sql("""
                SELECT p.*, a.code AS agency_code FROM coord_progress p JOIN agency a ON a.id = p.agency_id
                WHERE p.id = ?""").param(id).query(this::progressRow).single();
    }

    private void markDone(Row r, long occurrenceId, SignedInUser by, Instant now) {
        int changed = jdbc.sql("UPDATE coord_occurrence SET done_on = ?, done_by = ? WHERE id = ? AND done_on IS NULL")
                .params(Date.valueOf(today()), by.username(), occurrenceId).update();
        if (changed == 0) {
            throw new Conflict("coordination.conflict.already-done");
        }
        event(r.id(), occurrenceId, "DONE", by.username(), LocalTime.format(today()), now);
        events.publishEvent(new CoordinationEvent.TaskChanged(by.actor(), r.id(), "DONE", r.leadCode(), today().toString()));
    }

    @Override
    @Transactional
    public Task transition(long taskId, Transition t, SignedInUser by) {
        Row r = visibleRow(taskId, by);
        if (t == null || t.action() == null) {
            throw new InvalidInput("action", "coordination.error.action");
        }
        boolean coordinator = CoordinationAccess.coordinates(by);
        if (!coordinator && !(t.action() == Action.DONE && leads(r, by))) {
            throw new NotFound("task", taskId);
        }
        if (!r.state().equals("OPEN")) {
            throw new Conflict("coordination.conflict.not-open");
        }
        Instant now = clock.instant();
        String reason = CoordinationAccess.text(t.reason());
        if (reason != null && reason.length() > TEXT_MAX) {
            throw new InvalidInput("reason", "coordination.error.reason");
        }
        switch (t.action()) {
            case DONE -> markDone(r, occurrence(r, t.occurrenceId(), true), by, now);
            case REOPEN -> {
                if (reason == null) {
                    throw new InvalidInput("reason", "coordination.error.reason");
                }
                long occurrenceId = occurrence(r, t.occurrenceId(), false);
                if (jdbc.sql("UPDATE coord_occurrence SET done_on = NULL, done_by = NULL WHERE id = ? AND done_on IS NOT NULL")
                        .param(occurrenceId).update() == 0) {
                    throw new Conflict("coordination.conflict.not-done");
                }
                event(taskId, occurrenceId, "REOPENED", by.username(), reason, now);
                events.publishEvent(new CoordinationEvent.TaskChanged(by.actor(), taskId, "REOPENED", r.leadCode(), reason));
            }
            case CANCEL -> {
                if (reason == null) {
                    throw new InvalidInput("reason", "coordination.error.reason");
                }
                jdbc.sql("UPDATE coord_task SET state = 'CANCELLED' WHERE id = ?").param(taskId).update();
                event(taskId, null, "CANCELLED", by.username(), reason, now);
                events.publishEvent(new CoordinationEvent.TaskChanged(by.actor(), taskId, "CANCELLED", r.leadCode(), reason));
            }
            case RESCHEDULE -> {
                Directive directive = directives.find(r.directiveId());
                if (t.dueOn() == null) {
                    throw new InvalidInput("dueOn", "coordination.error.new-due");
                }
                if (t.dueOn().isBefore(directive.issuedOn())) {
                    throw new InvalidInput("dueOn", "coordination.error.due-before-issue");
                }
                long occurrenceId = occurrence(r, t.occurrenceId(), true);
                LocalDate before = jdbc.sql("SELECT due_on FROM coord_occurrence WHERE id = ?").param(occurrenceId)
                        .query(LocalDate.class).optional().orElse(null);
                if (before == null) {
                    // a standing task ("thường xuyên") has no due date to move: giving it one would end it that day
                    throw new InvalidInput("dueOn", "coordination.error.new-due-standing");
                }
                if (t.dueOn().equals(before)) {
                    throw new InvalidInput("dueOn", "coordination.error.new-due-same", LocalTime.format(before));
                }
                if (t.dueOn().isBefore(today())) {
                    // a new due date already past would make the task late the moment it is moved
                    throw new InvalidInput("dueOn", "coordination.error.new-due-past", LocalTime.format(today()));
                }
                if (jdbc.sql("UPDATE coord_occurrence SET due_on = ? WHERE id = ? AND done_on IS NULL")
                        .params(Date.valueOf(t.dueOn()), occurrenceId).update() == 0) {
                    throw new Conflict("coordination.conflict.already-done");
                }
                String detail = "hạn " + LocalTime.format(before) + " → " + LocalTime.format(t.dueOn())
                        + (reason == null ? "" : "; " + reason);
                event(taskId, occurrenceId, "CHANGED", by.username(), detail, MessagePart.of("coordination.history.rescheduled",
                        LocalTime.format(before), LocalTime.format(t.dueOn()), reason == null ? "" : "; " + reason), now);
                events.publishEvent(new CoordinationEvent.TaskChanged(by.actor(), taskId, "RESCHEDULED", r.leadCode(), detail));
            }
        }
        return find(taskId);
    }

    // ---- reminders and escalation ----

    /** An occurrence not done, with its task. */
    private record Open(long occurrenceId, long taskId, LocalDate due, long leadId, String leadCode, String title,
            String directive) {
    }

    private List<Open> open(String condition, Object... params) {
        return jdbc.sql("""
                SELECT o.id, o.task_id, o.due_on, t.lead_agency_id, a.code, t.title, d.number
                FROM coord_occurrence o JOIN coord_task t ON t.id = o.task_id JOIN agency a ON a.id = t.lead_agency_id
                JOIN coord_directive d ON d.id = t.directive_id
                WHERE t.state = 'OPEN' AND o.done_on IS NULL AND o.due_on IS NOT NULL AND """ + " " + condition
                + " ORDER BY o.due_on, o.id LIMIT 500").params(List.of(params))
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    @Override
    @Transactional
    public int[] remind() {
        refreshOccurrences();
        LocalDate today = today();
        LocalDate soon = remindDays == 0 ? today : calendar.add(today, remindDays, PeriodUnit.WORKING_DAYS, null).date();
        Instant now = clock.instant();
        List<Open> dueSoon = open("o.due_on >= ? AND o.due_on <= ? AND o.reminded_due IS DISTINCT FROM o.due_on",
                Date.valueOf(today), Date.valueOf(soon));
        for (Open o : dueSoon) {
            jdbc.sql("UPDATE coord_occurrence SET reminded_due = due_on WHERE id = ?").param(o.occurrenceId()).update();
            CoordinationMail.Sent sent = mail.send(mail.agencyPeople(o.leadId()), "Nhắc hạn nhiệm vụ: " + o.title()
                    + " (hạn " + LocalTime.format(o.due()) + ")", text(o, "sắp đến hạn"));
            event(o.taskId(), o.occurrenceId(), "REMINDED", Actor.SYSTEM.username(), "hạn " + LocalTime.format(o.due())
                    + "; " + sent.vietnamese(), sent.about(o.due()), now);
        }
        List<Open> overdue = open("o.due_on < ? AND o.escalated_due IS DISTINCT FROM o.due_on", Date.valueOf(today));
        for (Open o : overdue) {
            jdbc.sql("UPDATE coord_occurrence SET escalated_due = due_on, escalated_at = ? WHERE id = ?")
                    .params(Timestamp.from(now), o.occurrenceId()).update();
            List<String> to = new ArrayList<>(mail.coordinatorsAndLeaders());
            to.addAll(mail.agencyPeople(o.leadId()));
            CoordinationMail.Sent sent = mail.send(to.stream().distinct().toList(), "Quá hạn nhiệm vụ: " + o.title()
                    + " (hạn " + LocalTime.format(o.due()) + ")", text(o, "đã quá hạn"));
            String detail = "hạn " + LocalTime.format(o.due()) + "; " + sent.vietnamese();
            event(o.taskId(), o.occurrenceId(), "ESCALATED", Actor.SYSTEM.username(), detail, sent.about(o.due()), now);
            events.publishEvent(new CoordinationEvent.TaskChanged(Actor.SYSTEM, o.taskId(), "ESCALATED", o.leadCode(),
                    o.due().toString()));
        }
        return new int[] {dueSoon.size(), overdue.size()};
    }

    private String text(Open o, String what) {
        // the lead agency by its name, as the directive names it: its code means nothing to the reader
        String lead = agencies.find(new AgencyId(o.leadId())).map(Agency::nameVi).orElse(o.leadCode());
        return "Nhiệm vụ \"" + o.title() + "\" theo văn bản số " + o.directive() + ", giao " + lead + " chủ trì, "
                + what + ": hạn " + LocalTime.format(o.due()) + ".\nTheo dõi và báo cáo tại: "
                + mail.link("/coordination/tasks/" + o.taskId()) + "\n";
    }

    // ---- succession ----

    @Override
    public Map<TaskStatusClass, Long> countByClass(LocalDate asOf) {
        Map<TaskStatusClass, Long> counts = new java.util.EnumMap<>(TaskStatusClass.class);
        for (TaskStatusClass statusClass : TaskStatusClass.values()) {
            counts.put(statusClass, 0L);
        }
        Timestamp dayEnd = Timestamp.from(asOf.plusDays(1).atStartOfDay(LocalTime.ZONE).toInstant());
        Date day = Date.valueOf(asOf);
        // the same choice of current occurrence as the task list (SELECT above), as it stood at the end of that day
        jdbc.sql("""
                SELECT cur.due_on, cur.done_on, cur.period_start IS NOT NULL AS has_current FROM coord_task t
                JOIN agency a ON a.id = t.lead_agency_id
                LEFT JOIN LATERAL (SELECT o.due_on, CASE WHEN o.done_on <= ? THEN o.done_on END AS done_on, o.period_start
                    FROM coord_occurrence o WHERE o.task_id = t.id AND o.period_start <= ?
                    ORDER BY (o.done_on IS NULL OR o.done_on > ?) DESC,
                             CASE WHEN o.done_on IS NULL OR o.done_on > ? THEN o.period_start END ASC,
                             o.period_start DESC LIMIT 1) cur ON TRUE
                WHERE (t.created_at < ? OR (? AND t.starts_on <= ?))
                  AND (t.state = 'OPEN' OR (t.state = 'TRANSFERRED' AND a.valid_to >= ?))""")
                // a past day counts the tasks whose work had begun by then, also those entered later (a directive
                // recorded after the fact): the report of that period counts their periods, so it counts them too;
                // today, a task recorded after today (a clock that was ahead) is not known yet, as on the task list.
                // A task passed on counts on the days its unit still existed: after, its successor's task counts
                // (begun on the succession), whenever the transfer was recorded
                .params(day, day, day, day, dayEnd, asOf.isBefore(today()), day, day)
                .query(rs -> {
                    TaskStatusClass statusClass = rs.getBoolean("has_current")
                            ? TaskStatusClass.of(day(rs, "due_on"), day(rs, "done_on"), asOf) : TaskStatusClass.IN_PROGRESS;
                    counts.merge(statusClass, 1L, Long::sum);
                });
        return counts;
    }

    @Override
    @Transactional
    public int transferFromEndedAgencies() {
        LocalDate today = today();
        Instant now = clock.instant();
        List<Row> ended = jdbc.sql(select(today) + " WHERE t.state = 'OPEN' AND a.valid_to < ? ORDER BY t.id")
                .param(Date.valueOf(today)).query(JdbcTasks::row).list();
        int passed = 0;
        for (Row r : ended) {
            Agency from = agencies.find(new AgencyId(r.leadAgencyId())).orElseThrow();
            List<Agency> successors = successorsValidOn(from, today);
            if (successors.isEmpty()) {
                continue;
            }
            LocalDate effective = from.validTo().plusDays(1);
            TaskSchedule s = r.schedule();
            // a one-off task passes with its work not done, whatever its due date; a recurring one with its periods
            // due from the succession on; a one-off task done, or a recurring one ended, stays as history
            List<Long> moving = s.recurrence() == Recurrence.ONCE
                    ? jdbc.sql("SELECT id FROM coord_occurrence WHERE task_id = ? AND done_on IS NULL ORDER BY period_start")
                            .param(r.id()).query(Long.class).list()
                    : jdbc.sql("""
                            SELECT id FROM coord_occurrence WHERE task_id = ? AND done_on IS NULL
                              AND (due_on IS NULL OR due_on >= ?) ORDER BY period_start""")
                            .params(r.id(), Date.valueOf(effective)).query(Long.class).list();
            boolean stillOwed = s.recurrence() == Recurrence.ONCE ? !moving.isEmpty()
                    : s.endsOn() == null || !s.endsOn().isBefore(effective);
            if (!stillOwed) {
                continue;
            }
            List<Long> supportIds = jdbc.sql("SELECT agency_id FROM coord_task_support WHERE task_id = ?").param(r.id())
                    .query(Long.class).list();
            Set<Long> newSupports = new LinkedHashSet<>();
            for (long supportId : supportIds) {
                Agency support = agencies.find(new AgencyId(supportId)).orElseThrow();
                if (support.validOn(today)) {
                    newSupports.add(supportId);
                } else {
                    successorsValidOn(support, today).forEach(a -> newSupports.add(a.id().value()));
                }
            }
            LocalDate starts = s.startsOn().isBefore(effective) ? effective : s.startsOn();
            String names = successors.stream().map(Agency::nameVi).collect(Collectors.joining(", "));
            String namesEn = successors.stream().map(a -> a.name("en")).collect(Collectors.joining(", "));
            boolean first = true;
            for (Agency successor : successors) {
                // a unit that took over from two dissolved ones (a commune from two districts) may already hold the same
                // task of the same directive, passed from the other: it is one task to do, not two
                Optional<Long> same = jdbc.sql("""
                        SELECT id FROM coord_task WHERE directive_id = ? AND lead_agency_id = ? AND state = 'OPEN'
                          AND id <> ? AND clause IS NOT DISTINCT FROM ? AND title = ? AND recurrence = ?
                          AND due_on IS NOT DISTINCT FROM ? AND due_day IS NOT DISTINCT FROM ?
                          AND due_month IS NOT DISTINCT FROM ? ORDER BY id LIMIT 1""")
                        .params(r.directiveId(), successor.id().value(), r.id(), r.clause(), r.title(), s.recurrence().name(),
                                s.dueOn() == null ? null : Date.valueOf(s.dueOn()), s.dueDay(), s.dueMonth())
                        .query(Long.class).optional();
                if (same.isPresent()) {
                    long id = same.get();
                    for (long support : newSupports) {
                        if (support != successor.id().value()) {
                            jdbc.sql("INSERT INTO coord_task_support (task_id, agency_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                                    .params(id, support).update();
                        }
                    }
                    for (long occurrenceId : moving) {
                        if (first) {
                            // the period leaves the old task: it joins the one held, or moves there when the held
                            // one has no such period; left behind, it would be owed (and counted) twice
                            int joined = jdbc.sql("""
                                    DELETE FROM coord_occurrence o WHERE o.id = ?
                                      AND EXISTS (SELECT 1 FROM coord_occurrence twin WHERE twin.task_id = ?
                                                  AND twin.period_start = o.period_start)
                                      AND NOT EXISTS (SELECT 1 FROM coord_progress r WHERE r.occurrence_id = o.id)
                                      AND NOT EXISTS (SELECT 1 FROM coord_task_event e WHERE e.occurrence_id = o.id)""")
                                    .params(occurrenceId, id).update();
                            if (joined == 0) {
                                jdbc.sql("""
                                        UPDATE coord_occurrence o SET task_id = ? WHERE o.id = ?
                                          AND NOT EXISTS (SELECT 1 FROM coord_occurrence twin WHERE twin.task_id = ?
                                                          AND twin.period_start = o.period_start)""")
                                        .params(id, occurrenceId, id).update();
                            }
                        } else {
                            copyOccurrence(occurrenceId, id);
                        }
                    }
                    first = false;
                    jdbc.sql("INSERT INTO coord_task_passed (from_task_id, to_task_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                            .params(r.id(), id).update();
                    String detail = "Nhận thêm từ " + from.nameVi() + " theo sắp xếp từ ngày " + LocalTime.format(effective)
                            + ": trùng nhiệm vụ đã nhận, gộp làm một";
                    event(id, null, "TRANSFERRED_IN", Actor.SYSTEM.username(), detail, MessagePart.of(
                            "coordination.history.transferred-in-merged", from.name("vi"), from.name("en"),
                            LocalTime.format(effective)), now);
                    events.publishEvent(new CoordinationEvent.TaskChanged(Actor.SYSTEM, id, "TRANSFERRED_IN",
                            successor.code(), detail));
                    continue;
                }
                long id = insertTask(r.directiveId(), r.clause(), r.title(), r.expectedResult(), successor.id().value(),
                        s.recurrence(), s.dueOn(), s.dueDay(), s.dueMonth(), starts, s.endsOn(), r.isReport(), r.id(),
                        Actor.SYSTEM.username(), now);
                for (long support : newSupports) {
                    if (support != successor.id().value()) {
                        jdbc.sql("INSERT INTO coord_task_support (task_id, agency_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                                .params(id, support).update();
                    }
                }
                for (long occurrenceId : moving) {
                    if (first) {
                        jdbc.sql("UPDATE coord_occurrence SET task_id = ? WHERE id = ?").params(id, occurrenceId).update();
                    } else {
                        copyOccurrence(occurrenceId, id);
                    }
                }
                first = false;
                String detail = "Nhận từ " + from.nameVi() + " theo sắp xếp từ ngày "
                        + LocalTime.format(effective);
                event(id, null, "TRANSFERRED_IN", Actor.SYSTEM.username(), detail, MessagePart.of(
                        "coordination.history.transferred-in", from.name("vi"), from.name("en"), LocalTime.format(effective)),
                        now);
                events.publishEvent(new CoordinationEvent.TaskChanged(Actor.SYSTEM, id, "TRANSFERRED_IN", successor.code(),
                        detail));
                generate(id);
            }
            jdbc.sql("UPDATE coord_task SET state = 'TRANSFERRED' WHERE id = ?").param(r.id()).update();
            String detail = "Chuyển cho " + names + " theo sắp xếp từ ngày " + LocalTime.format(effective)
                    + " (" + from.nameVi() + " kết thúc ngày " + LocalTime.format(from.validTo()) + ")";
            event(r.id(), null, "TRANSFERRED_OUT", Actor.SYSTEM.username(), detail, MessagePart.of(
                    "coordination.history.transferred-out", names, namesEn, LocalTime.format(effective), from.name("vi"),
                    from.name("en"), LocalTime.format(from.validTo())), now);
            events.publishEvent(new CoordinationEvent.TaskChanged(Actor.SYSTEM, r.id(), "TRANSFERRED_OUT", from.code(),
                    detail));
            passed++;
        }
        replaceEndedSupports(today, now);
        return passed;
    }

    /** A period of a task passed to a second successor as well: each owes it (a period it already has stays one). */
    private void copyOccurrence(long occurrenceId, long toTask) {
        jdbc.sql("""
                INSERT INTO coord_occurrence (task_id, period_start, period_end, due_on)
                SELECT ?, period_start, period_end, due_on FROM coord_occurrence WHERE id = ?
                ON CONFLICT (task_id, period_start) DO NOTHING""").params(toTask, occurrenceId).update();
    }

    private void replaceEndedSupports(LocalDate today, Instant now) {
        List<Map.Entry<Long, Long>> endedSupports = jdbc.sql("""
                SELECT s.task_id, s.agency_id FROM coord_task_support s JOIN coord_task t ON t.id = s.task_id
                JOIN agency a ON a.id = s.agency_id WHERE t.state = 'OPEN' AND a.valid_to < ? ORDER BY s.task_id""")
                .param(Date.valueOf(today)).query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list();
        for (Map.Entry<Long, Long> e : endedSupports) {
            Agency from = agencies.find(new AgencyId(e.getValue())).orElseThrow();
            List<Agency> successors = successorsValidOn(from, today);
            if (successors.isEmpty()) {
                continue;
            }
            long lead = jdbc.sql("SELECT lead_agency_id FROM coord_task WHERE id = ?").param(e.getKey()).query(Long.class).single();
            jdbc.sql("DELETE FROM coord_task_support WHERE task_id = ? AND agency_id = ?").params(e.getKey(), e.getValue())
                    .update();
            for (Agency a : successors) {
                if (a.id().value() != lead) {
                    jdbc.sql("INSERT INTO coord_task_support (task_id, agency_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                            .params(e.getKey(), a.id().value()).update();
                }
            }
            String detail = "Đơn vị phối hợp " + from.nameVi() + " thay bằng "
                    + successors.stream().map(Agency::nameVi).collect(Collectors.joining(", "));
            event(e.getKey(), null, "CHANGED", Actor.SYSTEM.username(), detail, MessagePart.of(
                    "coordination.history.support-replaced", from.name("vi"), from.name("en"),
                    successors.stream().map(a -> a.name("vi")).collect(Collectors.joining(", ")),
                    successors.stream().map(a -> a.name("en")).collect(Collectors.joining(", "))), now);
            events.publishEvent(new CoordinationEvent.TaskChanged(Actor.SYSTEM, e.getKey(), "CHANGED", from.code(), detail));
        }
    }

    /** The units valid on the day that took over from the ended one, through later successions too. */
    private List<Agency> successorsValidOn(Agency ended, LocalDate on) {
        List<Agency> found = new ArrayList<>();
        Set<AgencyId> seen = new HashSet<>(List.of(ended.id()));
        ArrayDeque<AgencyId> next = new ArrayDeque<>(List.of(ended.id()));
        while (!next.isEmpty()) {
            for (AgencySuccession succession : agencies.successorsOf(next.poll())) {
                if (seen.add(succession.successor())) {
                    Agency successor = agencies.find(succession.successor()).orElseThrow();
                    if (successor.validOn(on)) {
                        found.add(successor);
                    } else if (successor.validTo() != null && successor.validTo().isBefore(on)) {
                        next.add(successor.id());
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Agency::code));
        return found;
    }
}

package vn.loa.calendar.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.loa.calendar.CalendarAdministration;
import vn.loa.calendar.CalendarDay;
import vn.loa.calendar.CalendarEvent;
import vn.loa.calendar.DayKind;
import vn.loa.calendar.DueDate;
import vn.loa.calendar.LunarCalendar;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;
import vn.loa.shared.MessagePart;
import vn.loa.shared.NotFound;

/**
 * The calendar from its rules and entries: a year's days off are worked out once (rules, then the entries that fix
 * or add days, then compensatory days for holidays on a weekly rest day) and kept until an entry changes, or for a
 * minute, so that another server's entries are seen too.
 */
@Service
class JdbcCalendar implements WorkingDays, CalendarAdministration {

    static final int FIRST_YEAR = LunarCalendar.FIRST_YEAR + 1;
    static final int LAST_YEAR = LunarCalendar.LAST_YEAR - 1;
    static final int MAX_DAYS = 1000;
    private static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final long KEEP_MILLIS = 60_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<Integer, Kept<Map<LocalDate, CalendarDay>>> years = new ConcurrentHashMap<>();
    private volatile Kept<Map<String, Set<DayOfWeek>>> weeks;

    private record Kept<T>(T value, long at) {
    }

    private final MessageSource messages;

    JdbcCalendar(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.messages = messages;
    }

    // ---- working days ----

    @Override
    public List<CalendarDay> year(int year) {
        checkYear(year, "year");
        return List.copyOf(days(year).values());
    }

    @Override
    public DueDate add(LocalDate from, int amount, PeriodUnit unit, String agencyCode) {
        List<InvalidInput> problems = new ArrayList<>();
        if (from == null || from.getYear() < FIRST_YEAR || from.getYear() > LAST_YEAR - 3) {
            problems.add(new InvalidInput("from", "calendar.error.from", FIRST_YEAR, LAST_YEAR - 3));
        }
        if (amount < 0 || amount > MAX_DAYS) {
            problems.add(new InvalidInput("days", "calendar.error.days", MAX_DAYS));
        }
        if (unit == null) {
            problems.add(new InvalidInput("unit", "calendar.error.unit"));
        }
        InvalidInput.throwIfAny(problems);
        Set<DayOfWeek> week = week(agencyCode);
        List<DueDate.Skipped> skipped = new ArrayList<>();
        LocalDate day = from;
        if (unit == PeriodUnit.WORKING_DAYS) {
            int counted = 0;
            while (counted < amount) {
                day = day.plusDays(1);
                DueDate.Skipped why = whyOff(day, week);
                if (why == null) {
                    counted++;
                } else {
                    skipped.add(why);
                }
            }
        } else {
            day = from.plusDays(amount);
        }
        // a period that ends on a day off ends on the next working day: calendar days, and "on the day" (no working
        // days, such as a request made in person); counted working days always end on one. No calendar days stays put.
        if (unit == PeriodUnit.WORKING_DAYS || amount > 0) {
            for (DueDate.Skipped why = whyOff(day, week); why != null; why = whyOff(day, week)) {
                skipped.add(why);
                day = day.plusDays(1);
            }
        }
        return new DueDate(from, amount, unit, day, skipped);
    }

    @Override
    public boolean isWorkingDay(LocalDate day, String agencyCode) {
        return whyOff(day, week(agencyCode)) == null;
    }

    /** Why the day is not worked in that week, or null when it is a working day. */
    private DueDate.Skipped whyOff(LocalDate day, Set<DayOfWeek> week) {
        CalendarDay special = days(day.getYear()).get(day);
        if (special != null) {
            return special.kind().off() ? new DueDate.Skipped(day, null, special) : null;
        }
        return week.contains(day.getDayOfWeek()) ? null : new DueDate.Skipped(day, day.getDayOfWeek(), null);
    }

    private Map<LocalDate, CalendarDay> days(int year) {
        Kept<Map<LocalDate, CalendarDay>> kept = years.get(year);
        long now = System.currentTimeMillis();
        if (kept == null || now - kept.at() > KEEP_MILLIS) {
            kept = new Kept<>(compute(year), now);
            years.put(year, kept);
        }
        return kept.value();
    }

    /** The year's special days: the rules' holidays, the entries, then compensatory days. */
    Map<LocalDate, CalendarDay> compute(int year) {
        List<Entry> entries = activeEntries(year);
        Set<String> fixed = entries.stream().filter(e -> e.kind() == DayKind.HOLIDAY && e.replacesRule() != null)
                .map(Entry::replacesRule).collect(Collectors.toSet());
        TreeMap<LocalDate, CalendarDay> days = new TreeMap<>();
        for (Rule rule : rules(year)) {
            LocalDate anchor = rule.lunar() ? LunarCalendar.VIETNAM.toSolar(year, rule.month(), rule.day(), false)
                    : LocalDate.of(year, rule.month(), rule.day());
            if (anchor.isBefore(rule.validFrom()) || rule.validTo() != null && anchor.isAfter(rule.validTo())
                    || fixed.contains(rule.code())) {
                continue;
            }
            for (int i = 0; i < rule.days(); i++) {
                LocalDate day = anchor.plusDays(rule.firstOffset() + i);
                days.put(day, new CalendarDay(day, DayKind.HOLIDAY, rule.nameVi(), rule.nameEn(), rule.source(),
                        rule.code(), null, null));
            }
        }
        for (Entry entry : entries) {
            days.put(entry.date(), new CalendarDay(entry.date(), entry.kind(), entry.name(), entry.name(),
                    entry.sourceDocument(), entry.replacesRule(), entry.id(), null));
        }
        // Labour Code 2019 Art. 111(3): a holiday on a weekly rest day is made up on the next working day; the days
        // of a holiday a notice fixed are as the notice says
        List<CalendarDay> holidays = days.values().stream()
                .filter(d -> d.kind() == DayKind.HOLIDAY && !(d.entryId() != null && d.ruleCode() != null))
                .filter(d -> !MONDAY_TO_FRIDAY.contains(d.date().getDayOfWeek())).toList();
        for (CalendarDay holiday : holidays) {
            LocalDate next = holiday.date().plusDays(1);
            while (!MONDAY_TO_FRIDAY.contains(next.getDayOfWeek()) || days.containsKey(next)) {
                next = next.plusDays(1);
            }
            days.put(next, new CalendarDay(next, DayKind.COMPENSATORY, "Nghỉ bù " + holiday.nameVi(),
                    "Day off in lieu of " + holiday.nameEn(), holiday.source(), holiday.ruleCode(), null, holiday.date()));
        }
        // a compensatory day may fall in the next year (a holiday on the last weekend of December): keep only this year's
        days.keySet().removeIf(day -> day.getYear() != year);
        return java.util.Collections.unmodifiableMap(days);
    }

    private Set<DayOfWeek> week(String agencyCode) {
        if (agencyCode == null || agencyCode.isBlank()) {
            return MONDAY_TO_FRIDAY;
        }
        Kept<Map<String, Set<DayOfWeek>>> kept = weeks;
        long now = System.currentTimeMillis();
        if (kept == null || now - kept.at() > KEEP_MILLIS) {
            Map<String, Set<DayOfWeek>> all = new ConcurrentHashMap<>();
            workWeeks().forEach(w -> all.put(w.agencyCode(), w.days()));
            kept = new Kept<>(all, now);
            weeks = kept;
        }
        return kept.value().getOrDefault(agencyCode, MONDAY_TO_FRIDAY);
    }

    private static void checkYear(int year, String field) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInput(field, "calendar.error.year", FIRST_YEAR, LAST_YEAR);
        }
    }

    // ---- administration ----

    @Override
    @Transactional
    public Entry enter(EntryForm form, Actor by) {
        List<InvalidInput> problems = new ArrayList<>();
        if (form.date() == null || form.date().getYear() < FIRST_YEAR || form.date().getYear() > LAST_YEAR) {
            problems.add(new InvalidInput("date", "calendar.error.date", FIRST_YEAR, LAST_YEAR));
        }
        if (form.kind() == null || form.kind() == DayKind.COMPENSATORY) {
            problems.add(new InvalidInput("kind", "calendar.error.kind"));
        }
        String name = trim(form.name());
        if (name == null || name.length() > 200) {
            problems.add(new InvalidInput("name", "calendar.error.name"));
        }
        String source = trim(form.sourceDocument());
        if (source == null || source.length() > 300) {
            problems.add(new InvalidInput("sourceDocument", "calendar.error.source"));
        }
        String replaces = trim(form.replacesRule());
        if (replaces != null && (form.kind() != DayKind.HOLIDAY || form.date() == null
                || rules(form.date().getYear()).stream().noneMatch(r -> r.code().equals(replaces)))) {
            problems.add(new InvalidInput("replacesRule", "calendar.error.replaces"));
        }
        if (form.date() != null && form.kind() == DayKind.WORKING_DAY_SWAP
                && MONDAY_TO_FRIDAY.contains(form.date().getDayOfWeek())) {
            problems.add(new InvalidInput("date", "calendar.error.swap-weekday"));
        }
        String note = trim(form.note());
        if (note != null && note.length() > 1000) {
            problems.add(new InvalidInput("note", "calendar.error.note"));
        }
        InvalidInput.throwIfAny(problems);
        int year = form.date().getYear();
        Map<LocalDate, CalendarDay> before = compute(year);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO calendar_entry (day, kind, replaces_rule, name, source_document, note, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(Date.valueOf(form.date()), form.kind().name(), replaces, name, source, note, by.username(),
                        Timestamp.from(now))
                .query(Long.class).single();
        events.publishEvent(new CalendarEvent.EntryAdded(by, id, form.date(), form.kind(), name, source));
        changed(year, before, MessagePart.of("calendar.change.entered." + form.kind().name(), DAY.format(form.date()), name,
                source), by);
        return entry(id);
    }

    @Override
    @Transactional
    public void withdraw(long id, String reason, Actor by) {
        Entry entry = jdbc.sql("SELECT * FROM calendar_entry WHERE id = ?").param(id).query(JdbcCalendar::entry)
                .optional().orElseThrow(() -> new NotFound("calendar entry", id));
        String why = trim(reason);
        if (why == null || why.length() > 1000) {
            throw new InvalidInput("reason", "calendar.error.reason");
        }
        if (entry.withdrawn()) {
            return;
        }
        int year = entry.date().getYear();
        Map<LocalDate, CalendarDay> before = compute(year);
        jdbc.sql("UPDATE calendar_entry SET withdrawn_by = ?, withdrawn_at = ?, withdrawn_reason = ? WHERE id = ? AND withdrawn_at IS NULL")
                .params(by.username(), Timestamp.from(clock.instant()), why, id).update();
        events.publishEvent(new CalendarEvent.EntryWithdrawn(by, id, entry.date(), entry.name(), why));
        changed(year, before, MessagePart.of("calendar.change.withdrawn." + entry.kind().name(), DAY.format(entry.date()),
                entry.name(), why), by);
    }

    /**
     * After a change in the year: forget what was kept, and move the running deadlines that the change touches. The
     * change is told as a message key, so that each owner's history reads it in its reader's language; the deadline's
     * own record and the audit trail keep it in Vietnamese.
     */
    private void changed(int year, Map<LocalDate, CalendarDay> before, MessagePart change, Actor by) {
        years.remove(year);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // what another request kept while this transaction ran is of the calendar before it
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    years.remove(year);
                }
            });
        }
        Map<LocalDate, CalendarDay> after = compute(year);
        TreeSet<LocalDate> differ = new TreeSet<>();
        Set<LocalDate> all = new HashSet<>(before.keySet());
        all.addAll(after.keySet());
        for (LocalDate day : all) {
            CalendarDay was = before.get(day);
            CalendarDay is = after.get(day);
            if (was == null || is == null || was.kind() != is.kind()) {
                differ.add(day);
            }
        }
        if (!differ.isEmpty()) {
            String reason = messages.getMessage(change.key(), change.arguments(), Languages.VIETNAMESE);
            events.publishEvent(new CalendarChanged(differ.first(), differ.last(), reason, change, by));
        }
    }

    @Override
    public List<Entry> entries(int year) {
        checkYear(year, "year");
        return jdbc.sql("SELECT * FROM calendar_entry WHERE day >= ? AND day < ? ORDER BY day, id")
                .params(Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year + 1, 1, 1)))
                .query(JdbcCalendar::entry).list();
    }

    private List<Entry> activeEntries(int year) {
        return entries(year).stream().filter(e -> !e.withdrawn()).toList();
    }

    private Entry entry(long id) {
        return jdbc.sql("SELECT * FROM calendar_entry WHERE id = ?").param(id).query(JdbcCalendar::entry).single();
    }

    @Override
    public List<Rule> rules(int year) {
        return jdbc.sql("""
                SELECT * FROM holiday_rule WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY month, day, code""")
                .params(Date.valueOf(LocalDate.of(year, 12, 31)), Date.valueOf(LocalDate.of(year, 1, 1)))
                .query((rs, n) -> new Rule(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                        rs.getBoolean("lunar"), rs.getInt("month"), rs.getInt("day"), rs.getInt("first_offset"),
                        rs.getInt("days"), rs.getDate("valid_from").toLocalDate(),
                        rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate(), rs.getString("source")))
                .list();
    }

    @Override
    @Transactional
    public void setWorkWeek(String agencyCode, Set<DayOfWeek> days, Actor by) {
        String code = trim(agencyCode);
        if (code == null || jdbc.sql("SELECT count(*) FROM agency WHERE code = ?").param(code).query(Long.class).single() == 0) {
            throw new InvalidInput("agencyCode", "calendar.error.agency");
        }
        Set<DayOfWeek> chosen = days == null ? Set.of() : days;
        if (chosen.isEmpty() || chosen.equals(MONDAY_TO_FRIDAY)) {
            jdbc.sql("DELETE FROM calendar_work_week WHERE agency_code = ?").param(code).update();
        } else {
            jdbc.sql("""
                    INSERT INTO calendar_work_week (agency_code, days, set_by, set_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (agency_code) DO UPDATE SET days = EXCLUDED.days, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at""")
                    .params(code, text(chosen), by.username(), Timestamp.from(clock.instant())).update();
        }
        weeks = null;
        events.publishEvent(new CalendarEvent.WorkWeekSet(by, code, text(chosen.isEmpty() ? MONDAY_TO_FRIDAY : chosen)));
    }

    @Override
    public List<WorkWeek> workWeeks() {
        return jdbc.sql("SELECT agency_code, days FROM calendar_work_week ORDER BY agency_code")
                .query((rs, n) -> new WorkWeek(rs.getString(1), days(rs.getString(2)))).list();
    }

    private static String text(Set<DayOfWeek> days) {
        return new TreeSet<>(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static Set<DayOfWeek> days(String text) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(String::trim).map(DayOfWeek::valueOf).forEach(days::add);
        return days;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Entry(rs.getLong("id"), rs.getDate("day").toLocalDate(), DayKind.valueOf(rs.getString("kind")),
                rs.getString("name"), rs.getString("source_document"), rs.getString("replaces_rule"), rs.getString("note"),
                rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant(), rs.getString("withdrawn_by"),
                withdrawn == null ? null : withdrawn.toInstant(), rs.getString("withdrawn_reason"));
    }
}

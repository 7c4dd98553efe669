package vn.loa.calendar.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.calendar.CalendarEvent;
import vn.loa.calendar.Deadlines;
import vn.loa.calendar.DueDate;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/** Deadlines kept in the database, moved in the transaction that changes the calendar. */
@Service
class JdbcDeadlines implements Deadlines {

    private final JdbcClient jdbc;
    private final WorkingDays calendar;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcDeadlines(JdbcClient jdbc, WorkingDays calendar, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.events = events;
        this.clock = clock;
    }

    private record Row(long id, String ownerType, String ownerId, String agencyCode, LocalDate event, int amount,
            PeriodUnit unit, LocalDate due, boolean running, Long follows) {
    }

    @Override
    @Transactional
    public Deadline start(String ownerType, String ownerId, String agencyCode, LocalDate event, int amount,
            PeriodUnit unit, Actor by) {
        if (ownerType == null || ownerType.isBlank() || ownerId == null || ownerId.isBlank()) {
            throw new InvalidInput("owner", "calendar.error.owner");
        }
        DueDate due = calendar.add(event, amount, unit, agencyCode);
        long id = jdbc.sql("""
                INSERT INTO deadline (owner_type, owner_id, agency_code, event_date, amount, unit, due_date, started_by, started_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(ownerType, ownerId, agencyCode, Date.valueOf(event), amount, unit.name(), Date.valueOf(due.date()),
                        by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        return new Deadline(id, ownerType, ownerId, agencyCode, due, true);
    }

    @Override
    @Transactional
    public Deadline extend(long id, int amount, PeriodUnit unit, Actor by) {
        Row base = find(id);
        stop(id, by);
        // the extension starts after the deadline's last day as the calendar makes it now
        LocalDate event = calendar.add(base.event(), base.amount(), base.unit(), base.agencyCode()).date();
        DueDate due = calendar.add(event, amount, unit, base.agencyCode());
        long extension = jdbc.sql("""
                INSERT INTO deadline (owner_type, owner_id, agency_code, event_date, amount, unit, due_date, started_by, started_at,
                    follows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(base.ownerType(), base.ownerId(), base.agencyCode(), Date.valueOf(event), amount, unit.name(),
                        Date.valueOf(due.date()), by.username(), Timestamp.from(clock.instant()), id)
                .query(Long.class).single();
        return new Deadline(extension, base.ownerType(), base.ownerId(), base.agencyCode(), due, true);
    }

    private Row find(long id) {
        return jdbc.sql("SELECT * FROM deadline WHERE id = ?").param(id).query(JdbcDeadlines::row).optional()
                .orElseThrow(() -> new NotFound("deadline", id));
    }

    @Override
    @Transactional
    public void stop(long id, Actor by) {
        if (jdbc.sql("UPDATE deadline SET running = false WHERE id = ?").param(id).update() == 0) {
            throw new NotFound("deadline", id);
        }
    }

    @Override
    public Deadline deadline(long id) {
        Row row = find(id);
        DueDate now = calendar.add(row.event(), row.amount(), row.unit(), row.agencyCode());
        // the stored date stands (a stopped deadline no longer moves); its explanation is the calendar's, up to that date
        DueDate due = now.date().equals(row.due()) ? now : new DueDate(row.event(), row.amount(), row.unit(), row.due(),
                now.skipped().stream().filter(s -> s.date().isBefore(row.due())).toList());
        return new Deadline(row.id(), row.ownerType(), row.ownerId(), row.agencyCode(), due, row.running());
    }

    @Override
    public List<Move> history(long id) {
        return jdbc.sql("SELECT from_date, to_date, moved_by, moved_at, reason FROM deadline_move WHERE deadline_id = ? ORDER BY id")
                .param(id).query((rs, n) -> new Move(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    /**
     * Moves every running deadline whose period holds one of the changed days; an extension's period begins with the
     * deadline it extends, which is counted again first.
     */
    @EventListener
    void calendarChanged(CalendarChanged change) {
        List<Row> touched = jdbc.sql("""
                SELECT d.* FROM deadline d LEFT JOIN deadline b ON b.id = d.follows
                WHERE d.running AND coalesce(b.event_date, d.event_date) < ? AND d.due_date >= ? ORDER BY d.id""")
                .params(Date.valueOf(change.last()), Date.valueOf(change.first())).query(JdbcDeadlines::row).list();
        for (Row row : touched) {
            LocalDate event = row.event();
            if (row.follows() != null) {
                Row base = find(row.follows());
                event = calendar.add(base.event(), base.amount(), base.unit(), base.agencyCode()).date();
                if (!event.equals(row.event())) {
                    jdbc.sql("UPDATE deadline SET event_date = ? WHERE id = ?").params(Date.valueOf(event), row.id()).update();
                }
            }
            LocalDate due = calendar.add(event, row.amount(), row.unit(), row.agencyCode()).date();
            if (due.equals(row.due())) {
                continue;
            }
            jdbc.sql("UPDATE deadline SET due_date = ? WHERE id = ?").params(Date.valueOf(due), row.id()).update();
            jdbc.sql("INSERT INTO deadline_move (deadline_id, from_date, to_date, moved_by, moved_at, reason) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(row.id(), Date.valueOf(row.due()), Date.valueOf(due), change.by().username(),
                            Timestamp.from(clock.instant()), change.reason())
                    .update();
            events.publishEvent(new CalendarEvent.DeadlineMoved(change.by(), row.id(), row.ownerType(), row.ownerId(),
                    row.due(), due, change.reason(), change.change()));
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("owner_type"), rs.getString("owner_id"), rs.getString("agency_code"),
                rs.getDate("event_date").toLocalDate(), rs.getInt("amount"), PeriodUnit.valueOf(rs.getString("unit")),
                rs.getDate("due_date").toLocalDate(), rs.getBoolean("running"), (Long) rs.getObject("follows"));
    }
}

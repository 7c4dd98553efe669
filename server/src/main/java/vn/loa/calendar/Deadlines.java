package vn.loa.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.loa.shared.Actor;

/**
 * Deadlines that other modules start on the calendar (an information request's answer, a press enquiry's reply).
 * While a deadline runs, entering or withdrawing a day off that falls inside it moves it, and the move is kept
 * with who made it, when and why; the owner hears of it through {@link CalendarEvent.DeadlineMoved}.
 */
public interface Deadlines {

    /**
     * Starts a deadline of {@code amount} days after the day of the event.
     *
     * @param ownerType the kind of thing the deadline belongs to (for example {@code information-request})
     * @param ownerId its id
     */
    Deadline start(String ownerType, String ownerId, String agencyCode, LocalDate event, int amount, PeriodUnit unit,
            Actor by);

    /**
     * Extends a running deadline: stops it and starts one of {@code amount} days after its last day. The extension
     * follows it: while the extension runs, a change of the calendar counts the deadline it extends again from that
     * deadline's own event, and the extension from the day that gives, as if neither had been counted before.
     *
     * @throws vn.loa.shared.NotFound when there is no such deadline
     */
    Deadline extend(long id, int amount, PeriodUnit unit, Actor by);

    /** Stops a deadline (its matter was answered or withdrawn): it no longer moves. */
    void stop(long id, Actor by);

    /** A deadline, with how its date is reached now. */
    Deadline deadline(long id);

    /** How a deadline moved, oldest first. */
    List<Move> history(long id);

    /**
     * A deadline.
     *
     * @param due the last day, with the days it skipped
     * @param running whether it still moves with the calendar
     */
    record Deadline(long id, String ownerType, String ownerId, String agencyCode, DueDate due, boolean running) {
    }

    /**
     * A move of a deadline.
     *
     * @param from the last day before
     * @param to the last day after
     * @param by who changed the calendar
     * @param at when
     * @param reason the change, in Vietnamese (as the audit trail keeps it)
     */
    record Move(LocalDate from, LocalDate to, String by, Instant at, String reason) {
    }
}

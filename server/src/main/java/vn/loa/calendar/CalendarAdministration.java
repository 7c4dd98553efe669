package vn.loa.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.loa.shared.Actor;

/** What administrators enter: the government's yearly notices, and an agency's own working week. */
public interface CalendarAdministration {

    /**
     * Enters a day from a notice. A {@link DayKind#HOLIDAY} that names {@code replacesRule} fixes that holiday's days
     * for the year: the rule's own days for that year are no longer used, nor are compensatory days computed for
     * them (the notice says which days are off).
     *
     * @throws vn.loa.shared.InvalidInput naming the field: {@code date}, {@code kind} (not {@link DayKind#COMPENSATORY},
     *         which is computed), {@code name}, {@code sourceDocument}, {@code replacesRule}
     */
    Entry enter(EntryForm form, Actor by);

    /**
     * Withdraws an entry (it was entered by mistake, or the notice was replaced). Entries are never deleted.
     *
     * @throws vn.loa.shared.NotFound when there is no such entry
     * @throws vn.loa.shared.InvalidInput ({@code reason}) when no reason is given
     */
    void withdraw(long id, String reason, Actor by);

    /** The entries whose day falls in the year, withdrawn ones too, in date order. */
    List<Entry> entries(int year);

    /** The holiday rules in force on some day of the year. */
    List<Rule> rules(int year);

    /** Sets an agency's working week; an empty set goes back to Monday to Friday. */
    void setWorkWeek(String agencyCode, Set<DayOfWeek> days, Actor by);

    /** The agencies with a working week of their own. */
    List<WorkWeek> workWeeks();

    /**
     * What an administrator enters from a notice.
     *
     * @param replacesRule a rule code the entry fixes the days of, or null
     * @param note why, in the administrator's words; may be null
     */
    record EntryForm(LocalDate date, DayKind kind, String name, String sourceDocument, String replacesRule, String note) {
    }

    /** An entry as stored. */
    record Entry(long id, LocalDate date, DayKind kind, String name, String sourceDocument, String replacesRule,
            String note, String enteredBy, Instant enteredAt, String withdrawnBy, Instant withdrawnAt,
            String withdrawnReason) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /** A holiday rule of the Labour Code, as data. */
    record Rule(String code, String nameVi, String nameEn, boolean lunar, int month, int day, int firstOffset, int days,
            LocalDate validFrom, LocalDate validTo, String source) {
    }

    /** An agency's working week. */
    record WorkWeek(String agencyCode, Set<DayOfWeek> days) {
    }
}

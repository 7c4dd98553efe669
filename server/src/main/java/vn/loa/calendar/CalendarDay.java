package vn.loa.calendar;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A day the calendar treats differently, with where that comes from.
 *
 * @param date the day
 * @param kind holiday, compensatory day, extra day off or swapped working day
 * @param nameVi its name in Vietnamese; never blank
 * @param nameEn its name in English; never blank
 * @param source the law or notice it comes from (for a compensatory day, that of its holiday)
 * @param ruleCode the holiday rule it comes from ({@code TET}, {@code NATIONAL_DAY} ...), or null for an entry
 * @param entryId the administrator's entry it comes from, or null for a rule or a computed day
 * @param compensates for a compensatory day, the holiday on a rest day it makes up for; else null
 */
public record CalendarDay(LocalDate date, DayKind kind, String nameVi, String nameEn, String source, String ruleCode,
        Long entryId, LocalDate compensates) {

    /** The name in the language of the locale (Vietnamese unless English is asked for). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }
}

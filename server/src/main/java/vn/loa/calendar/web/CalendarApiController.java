package vn.loa.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.calendar.CalendarAdministration;
import vn.loa.calendar.DueDate;
import vn.loa.calendar.DueDateText;
import vn.loa.calendar.LunarCalendar;
import vn.loa.calendar.LunarDate;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.shared.InvalidInput;

/**
 * The calendar for anyone signed in or holding a token: {@code GET /api/v1/calendar/holidays?year=Y},
 * {@code GET /api/v1/calendar/working-days?from=YYYY-MM-DD&days=N} (optional {@code unit}: {@code WORKING_DAYS} or
 * {@code CALENDAR_DAYS}; optional {@code agency}: the agency's code, for its own working week) and
 * {@code GET /api/v1/calendar/lunar?date=YYYY-MM-DD}; for administrators, the entries from the government's notices
 * under {@code /api/v1/admin/calendar/entries}. A parameter that is missing or malformed answers 422 naming it.
 */
@RestController
@ConditionalOnWebApplication
class CalendarApiController {

    private final WorkingDays calendar;
    private final CalendarAdministration administration;
    private final DueDateText text;

    CalendarApiController(WorkingDays calendar, CalendarAdministration administration, DueDateText text) {
        this.calendar = calendar;
        this.administration = administration;
        this.text = text;
    }

    /** A day of the year's calendar. */
    record Day(LocalDate date, String name, String kind, String source) {
    }

    /** The end of a period, with each day skipped and why. */
    record Period(LocalDate date, List<Skipped> skipped, String explanation) {
    }

    record Skipped(LocalDate date, String reason) {
    }

    record Withdrawal(String reason) {
    }

    @GetMapping("/api/v1/calendar/holidays")
    List<Day> holidays(@RequestParam(required = false) String year) {
        Locale locale = LocaleContextHolder.getLocale();
        return calendar.year(number(year, "year")).stream()
                .map(day -> new Day(day.date(), day.name(locale), day.kind().name(), day.source())).toList();
    }

    @GetMapping("/api/v1/calendar/working-days")
    Period workingDays(@RequestParam(required = false) String from, @RequestParam(required = false) String days,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String agency) {
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate start = null;
        Integer amount = null;
        PeriodUnit counted = PeriodUnit.WORKING_DAYS;
        try {
            start = date(from, "from");
        } catch (InvalidInput e) {
            problems.add(e);
        }
        try {
            amount = number(days, "days");
        } catch (InvalidInput e) {
            problems.add(e);
        }
        if (unit != null && !unit.isBlank()) {
            try {
                counted = PeriodUnit.valueOf(unit.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInput("unit", "calendar.error.unit"));
            }
        }
        InvalidInput.throwIfAny(problems);
        Locale locale = LocaleContextHolder.getLocale();
        DueDate due = calendar.add(start, amount, counted, agency);
        return new Period(due.date(), due.skipped().stream().map(s -> new Skipped(s.date(), text.reason(s, locale))).toList(),
                text.explain(due, locale));
    }

    @GetMapping("/api/v1/calendar/lunar")
    LunarDate lunar(@RequestParam(required = false) String date) {
        LocalDate day = date(date, "date");
        if (day.getYear() < LunarCalendar.FIRST_YEAR || day.getYear() > LunarCalendar.LAST_YEAR) {
            throw new InvalidInput("date", "calendar.error.lunar-range", LunarCalendar.FIRST_YEAR, LunarCalendar.LAST_YEAR);
        }
        return LunarCalendar.VIETNAM.toLunar(day);
    }

    @GetMapping("/api/v1/admin/calendar/entries")
    List<CalendarAdministration.Entry> entries(@RequestParam(required = false) String year) {
        return administration.entries(number(year, "year"));
    }

    @PostMapping("/api/v1/admin/calendar/entries")
    @ResponseStatus(HttpStatus.CREATED)
    CalendarAdministration.Entry enter(@RequestBody CalendarAdministration.EntryForm form) {
        return administration.enter(form, SignedInPrincipal.current().orElseThrow().actor());
    }

    @PostMapping("/api/v1/admin/calendar/entries/{id}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable long id, @RequestBody(required = false) Withdrawal withdrawal) {
        administration.withdraw(id, withdrawal == null ? null : withdrawal.reason(),
                SignedInPrincipal.current().orElseThrow().actor());
    }

    static int number(String text, String field) {
        if (text == null || !text.strip().matches("-?\\d{1,9}")) {
            throw new InvalidInput(field, "calendar.error.number." + field);
        }
        return Integer.parseInt(text.strip());
    }

    static LocalDate date(String text, String field) {
        return date(text, field, false);
    }

    /**
     * A day as the API takes it (yyyy-MM-dd), or as a page's reader also writes it (dd/MM/yyyy) when {@code typedOnAPage} is
     * set; a day written the right way that does not exist is told so.
     */
    static LocalDate date(String text, String field, boolean typedOnAPage) {
        String key = typedOnAPage ? "calendar.error.page-date" : "calendar.error.iso-date";
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, key, field);
        }
        String typed = text.strip();
        try {
            return typedOnAPage && typed.contains("/") ? LocalDate.parse(typed, vn.loa.shared.LocalTime.DAY_INPUT)
                    : LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            if ((typedOnAPage ? WELL_FORMED_ON_A_PAGE : WELL_FORMED).matcher(typed).matches()) {
                // written the right way, but no such day (31/02, 2026-02-31): saying how to write it would mislead
                throw new InvalidInput(field, "calendar.error.no-such-date", field, typed);
            }
            throw new InvalidInput(field, key, field);
        }
    }

    /** A day written as dd/MM/yyyy or yyyy-MM-dd, whether or not it exists. */
    private static final java.util.regex.Pattern WELL_FORMED =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final java.util.regex.Pattern WELL_FORMED_ON_A_PAGE =
            java.util.regex.Pattern.compile("\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}-\\d{2}-\\d{2}");
}

package vn.loa.calendar.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.calendar.CalendarAdministration;
import vn.loa.calendar.CalendarDay;
import vn.loa.calendar.DayKind;
import vn.loa.calendar.DueDate;
import vn.loa.calendar.DueDateText;
import vn.loa.calendar.LunarCalendar;
import vn.loa.calendar.LunarDate;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The administrators' calendar: the year's months with holidays, compensatory days, days off and swapped working
 * days marked; the notices entered and withdrawn; agencies' own working weeks; and a calculator of periods that
 * shows the days it skipped.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    private final WorkingDays calendar;
    private final CalendarAdministration administration;
    private final DueDateText text;
    private final AgencyDirectory agencies;
    private final Clock clock;

    CalendarAdminController(WorkingDays calendar, CalendarAdministration administration, DueDateText text,
            AgencyDirectory agencies, Clock clock) {
        this.calendar = calendar;
        this.administration = administration;
        this.text = text;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** A day of a month's grid; {@code date} is null for the blanks before the first and after the last. */
    record Cell(LocalDate date, int day, String css, String title, String lunar) {
    }

    record Month(String name, List<List<Cell>> weeks) {
    }

    record Line(CalendarDay day, String kind, String reason) {
    }

    @GetMapping
    String show(@RequestParam(required = false) String year, @RequestParam(required = false) String from,
            @RequestParam(required = false) String days, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String agency, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        int shown = today.getYear();
        if (year != null && year.strip().matches("\\d{4}")) {
            int asked = Integer.parseInt(year.strip());
            shown = asked >= 1901 && asked <= 2198 ? asked : shown;
        }
        List<CalendarDay> special = calendar.year(shown);
        Map<LocalDate, CalendarDay> byDate = special.stream()
                .collect(Collectors.toMap(CalendarDay::date, Function.identity()));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(month(YearMonth.of(shown, m), byDate, today, locale));
        }
        model.addAttribute("year", shown);
        model.addAttribute("months", months);
        model.addAttribute("weekdays", EnumSet.allOf(DayOfWeek.class).stream()
                .map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList());
        model.addAttribute("lines", special.stream().map(day -> new Line(day, day.kind().name(),
                text.reason(new DueDate.Skipped(day.date(), null, day), locale))).toList());
        model.addAttribute("tet", LunarCalendar.VIETNAM.newYear(shown));
        model.addAttribute("entries", administration.entries(shown));
        model.addAttribute("rules", administration.rules(shown));
        model.addAttribute("workWeeks", administration.workWeeks().stream().map(w -> Map.entry(w.agencyCode(),
                w.days().stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).collect(Collectors.joining(", "))))
                .toList());
        model.addAttribute("agencyOptions", agencies.validOn(today));
        model.addAttribute("kinds", List.of(DayKind.HOLIDAY, DayKind.EXTRA_DAY_OFF, DayKind.WORKING_DAY_SWAP));
        model.addAttribute("allDays", EnumSet.allOf(DayOfWeek.class).stream()
                .map(d -> Map.entry(d.name(), d.getDisplayName(TextStyle.FULL, locale))).toList());
        if (from != null || days != null) {
            model.addAttribute("askedFrom", from);
            model.addAttribute("askedDays", days);
            model.addAttribute("askedUnit", unit);
            model.addAttribute("askedAgency", agency);
            try {
                LocalDate start = CalendarApiController.date(from, "from", true);
                int amount = CalendarApiController.number(days, "days");
                PeriodUnit counted = "CALENDAR_DAYS".equals(unit) ? PeriodUnit.CALENDAR_DAYS : PeriodUnit.WORKING_DAYS;
                DueDate due = calendar.add(start, amount, counted, agency == null || agency.isBlank() ? null : agency);
                model.addAttribute("due", due);
                model.addAttribute("dueText", text.explain(due, locale));
                model.addAttribute("dueReasons", due.skipped().stream().map(s -> text.reason(s, locale)).toList());
            } catch (InvalidInput e) {
                model.addAttribute("errorKey", e.messageKey());
                model.addAttribute("errorArgs", arguments(e));
                model.addAttribute("errorField", e.field());
            }
        }
        return "admin/calendar";
    }

    private static Month month(YearMonth month, Map<LocalDate, CalendarDay> special, LocalDate today, Locale locale) {
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        LocalDate first = month.atDay(1);
        for (int blank = 1; blank < first.getDayOfWeek().getValue(); blank++) {
            week.add(new Cell(null, 0, "blank", "", ""));
        }
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            CalendarDay day = special.get(date);
            String css;
            String title = "";
            if (day != null) {
                css = "day-" + day.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
                title = day.name(locale);
            } else {
                css = date.getDayOfWeek().getValue() >= 6 ? "day-rest" : "day-work";
            }
            if (date.equals(today)) {
                css += " day-today";
            }
            LunarDate lunar = LunarCalendar.VIETNAM.toLunar(date);
            String lunarText = lunar.day() == 1 ? "1/" + lunar.month() + (lunar.leap() ? "n" : "") : String.valueOf(lunar.day());
            week.add(new Cell(date, d, css, title, lunarText));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Cell(null, 0, "blank", "", ""));
            }
            weeks.add(week);
        }
        String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
        return new Month(name.substring(0, 1).toUpperCase(locale) + name.substring(1), weeks);
    }

    @PostMapping("/entries")
    String enter(@RequestParam(required = false) String date, @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String sourceDocument,
            @RequestParam(required = false) String replacesRule, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        int year = LocalDate.now(clock.withZone(LocalTime.ZONE)).getYear();
        try {
            LocalDate day = CalendarApiController.date(date, "date", true);
            year = day.getYear();
            DayKind chosen = kind == null ? null : switch (kind) {
                case "HOLIDAY", "EXTRA_DAY_OFF", "WORKING_DAY_SWAP" -> DayKind.valueOf(kind);
                default -> null;
            };
            administration.enter(new CalendarAdministration.EntryForm(day, chosen, name, sourceDocument,
                    replacesRule == null || replacesRule.isBlank() ? null : replacesRule, note),
                    SignedInPrincipal.current().orElseThrow().actor());
            redirect.addFlashAttribute("flashKey", "calendar.entered");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            if (arguments(e) != null) {
                redirect.addFlashAttribute("errorArgs", arguments(e));
            }
            redirect.addFlashAttribute("errorField", e.field());
            // what was typed comes back with the message, to be completed rather than typed again
            java.util.Map<String, String> entry = new java.util.HashMap<>();
            entry.put("date", date == null ? "" : date);
            entry.put("kind", kind == null ? "" : kind);
            entry.put("name", name);
            entry.put("sourceDocument", sourceDocument);
            entry.put("replacesRule", replacesRule == null ? "" : replacesRule);
            entry.put("note", note == null ? "" : note);
            redirect.addFlashAttribute("entry", entry);
        }
        return "redirect:/admin/calendar?year=" + year;
    }

    @PostMapping("/entries/{id}/withdraw")
    String withdraw(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "0") int year, RedirectAttributes redirect) {
        try {
            administration.withdraw(id, reason, SignedInPrincipal.current().orElseThrow().actor());
            redirect.addFlashAttribute("flashKey", "calendar.withdrawn");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            if (arguments(e) != null) {
                redirect.addFlashAttribute("errorArgs", arguments(e));
            }
            redirect.addFlashAttribute("errorField", e.field());
        }
        return "redirect:/admin/calendar" + (year >= 1901 && year <= 2198 ? "?year=" + year : "");
    }

    @PostMapping("/work-week")
    String workWeek(@RequestParam(defaultValue = "") String agencyCode,
            @RequestParam(name = "day", required = false) List<String> days, RedirectAttributes redirect) {
        try {
            Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
            for (String day : days == null ? List.<String>of() : days) {
                try {
                    chosen.add(DayOfWeek.valueOf(day));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput("day", "calendar.error.weekday");
                }
            }
            administration.setWorkWeek(agencyCode, chosen, SignedInPrincipal.current().orElseThrow().actor());
            redirect.addFlashAttribute("flashKey", "calendar.week-set");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            if (arguments(e) != null) {
                redirect.addFlashAttribute("errorArgs", arguments(e));
            }
            redirect.addFlashAttribute("errorField", e.field());
        }
        return "redirect:/admin/calendar";
    }

    /** The labels the page shows for the fields a message names. */
    private static final Map<String, String> LABELS = Map.of("date", "calendar.entry.date", "from", "calendar.calc.from",
            "days", "calendar.calc.days");

    /**
     * A refusal's arguments for the page's message: a field named by its label as the page shows it, not by its
     * parameter's name; null when there are none, so that the message is read as it is.
     */
    static Object[] arguments(InvalidInput e) {
        Object[] arguments = e.arguments();
        if (arguments.length == 0) {
            return null;
        }
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] instanceof String name && name.equals(e.field()) && LABELS.containsKey(name)) {
                arguments[i] = new DefaultMessageSourceResolvable(new String[] {LABELS.get(name)}, name);
            }
        }
        return arguments;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem calendarNavigation() {
            return new NavigationItem("nav.calendar", "/admin/calendar", 925, Set.of("ADMIN"));
        }
    }
}

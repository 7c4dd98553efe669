package vn.loa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;

/**
 * Holidays, compensatory days and working-day arithmetic on a real database; a notice entered or withdrawn while
 * deadlines run. Each test works in a year of its own, so that the entries of one do not move another's dates.
 */
@SpringBootTest
class WorkingDaysIntegrationTests {

    private static final Actor ADMIN = new Actor("admin", "SKHCN");

    @Autowired
    WorkingDays calendar;

    @Autowired
    CalendarAdministration administration;

    @Autowired
    Deadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DueDateText text;

    @Test
    void theHolidaysOf2026FromTheRulesWithHungKingsDayOnASundayMadeUpOnMonday() {
        Map<LocalDate, CalendarDay> days = byDate(calendar.year(2026));
        assertThat(days.get(LocalDate.of(2026, 1, 1)).kind()).isEqualTo(DayKind.HOLIDAY);
        // Tết Bính Ngọ: 17/02/2026, with the last day of the old year before it
        for (int d = 16; d <= 20; d++) {
            assertThat(days.get(LocalDate.of(2026, 2, d))).as("February %d", d).extracting(CalendarDay::ruleCode)
                    .isEqualTo("TET");
        }
        assertThat(days).doesNotContainKeys(LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 21));
        assertThat(days.get(LocalDate.of(2026, 4, 26)).nameVi()).isEqualTo("Giỗ Tổ Hùng Vương");
        CalendarDay inLieu = days.get(LocalDate.of(2026, 4, 27));
        assertThat(inLieu.kind()).isEqualTo(DayKind.COMPENSATORY);
        assertThat(inLieu.compensates()).isEqualTo(LocalDate.of(2026, 4, 26));
        assertThat(inLieu.nameVi()).isEqualTo("Nghỉ bù Giỗ Tổ Hùng Vương");
        assertThat(days.get(LocalDate.of(2026, 9, 1)).ruleCode()).isEqualTo("NATIONAL_DAY");
        assertThat(days.get(LocalDate.of(2026, 9, 2)).ruleCode()).isEqualTo("NATIONAL_DAY");
        assertThat(days.values().stream().filter(d -> d.kind() == DayKind.HOLIDAY)).hasSize(11);
    }

    @Test
    void in2023TwoHolidaysOnAWeekendGaveTuesdayAndWednesdayOff() {
        // Hùng Kings' Day on Saturday 29/04, Victory Day on Sunday 30/04, Labour Day on Monday 01/05
        Map<LocalDate, CalendarDay> days = byDate(calendar.year(2023));
        assertThat(days.get(LocalDate.of(2023, 5, 2)).compensates()).isEqualTo(LocalDate.of(2023, 4, 29));
        assertThat(days.get(LocalDate.of(2023, 5, 3)).compensates()).isEqualTo(LocalDate.of(2023, 4, 30));
        assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 4), null)).isTrue();
        // the Labour Code of 2012 gave one day for National Day
        assertThat(byDate(calendar.year(2019)).get(LocalDate.of(2019, 9, 1))).isNull();
        assertThat(byDate(calendar.year(2019)).get(LocalDate.of(2019, 9, 2)).source()).contains("2012");
    }

    @Test
    void anExplanationIsWholeInTheReadersLanguageAndVietnameseForALanguageLoaDoesNotSpeak() {
        DueDate due = calendar.add(LocalDate.of(2026, 4, 28), 3, PeriodUnit.WORKING_DAYS, null);
        String vietnamese = text.explain(due, Languages.VIETNAMESE);
        assertThat(vietnamese).isEqualTo("Hạn cuối 05/05/2026: 3 ngày làm việc tính từ ngày tiếp theo liền kề ngày 28/04/2026 (Bộ luật Dân sự,"
                + " Điều 147); không tính 30/04/2026 (Ngày Chiến thắng (Ngày lễ, Tết; Bộ luật Lao động 2019, Điều 112));"
                + " 01/05/2026 (Ngày Quốc tế lao động (Ngày lễ, Tết; Bộ luật Lao động 2019, Điều 112));"
                + " 02/05/2026 (Thứ Bảy, ngày nghỉ hằng tuần); 03/05/2026 (Chủ Nhật, ngày nghỉ hằng tuần).");
        String english = text.explain(due, Locale.ENGLISH);
        assertThat(english).isEqualTo("Last day 05/05/2026: 3 working days counted from the day after 28/04/2026 (Civil Code,"
                + " Art. 147); not counting 30/04/2026 (Reunification Day (Public holiday; Bộ luật Lao động 2019, Điều 112));"
                + " 01/05/2026 (International Labour Day (Public holiday; Bộ luật Lao động 2019, Điều 112));"
                + " 02/05/2026 (Saturday, weekly rest day); 03/05/2026 (Sunday, weekly rest day).");
        assertThat(text.explain(due, Locale.US)).isEqualTo(english);
        // not the Vietnamese bundle with French day names
        assertThat(text.explain(due, Locale.FRENCH)).isEqualTo(vietnamese);
        // outside a page or an API call, the reader is Vietnamese
        assertThat(text.explain(due)).isEqualTo(vietnamese);
    }

    @Test
    void workingDaysAreCountedFromTheDayAfterAndSkipHolidaysAndWeekendsSayingWhy() {
        DueDate due = calendar.add(LocalDate.of(2026, 4, 28), 3, PeriodUnit.WORKING_DAYS, null);
        // 29/04 counts; 30/04 and 01/05 are holidays, 02 and 03/05 a weekend; 04 and 05/05 count
        assertThat(due.date()).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(due.skipped()).extracting(DueDate.Skipped::date).containsExactly(LocalDate.of(2026, 4, 30),
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3));
        assertThat(due.skipped().get(0).day().ruleCode()).isEqualTo("VICTORY");
        assertThat(due.skipped().get(2).restDay()).isEqualTo(DayOfWeek.SATURDAY);
        // a period that starts on a Friday: the weekend is not counted
        assertThat(calendar.add(LocalDate.of(2026, 6, 5), 1, PeriodUnit.WORKING_DAYS, null).date())
                .isEqualTo(LocalDate.of(2026, 6, 8));
        assertThat(calendar.add(LocalDate.of(2026, 6, 5), 0, PeriodUnit.WORKING_DAYS, null).date())
                .isEqualTo(LocalDate.of(2026, 6, 5));
        // no working days from a day off (a request made in person on a Saturday): the next working day
        DueDate onTheDay = calendar.add(LocalDate.of(2026, 6, 6), 0, PeriodUnit.WORKING_DAYS, null);
        assertThat(onTheDay.date()).isEqualTo(LocalDate.of(2026, 6, 8));
        assertThat(onTheDay.skipped()).extracting(DueDate.Skipped::date).containsExactly(LocalDate.of(2026, 6, 6),
                LocalDate.of(2026, 6, 7));
        assertThat(calendar.add(LocalDate.of(2026, 4, 30), 0, PeriodUnit.WORKING_DAYS, null).date())
                .isEqualTo(LocalDate.of(2026, 5, 4));
        // fifteen working days over Tết 2026: 11-13/02, 23-27/02, 02-06/03, 09-10/03
        assertThat(calendar.add(LocalDate.of(2026, 2, 10), 15, PeriodUnit.WORKING_DAYS, null).date())
                .isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void aPeriodInCalendarDaysThatEndsOnADayOffEndsOnTheNextWorkingDay() {
        DueDate due = calendar.add(LocalDate.of(2026, 4, 25), 5, PeriodUnit.CALENDAR_DAYS, null);
        assertThat(due.date()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(due.skipped()).extracting(DueDate.Skipped::date).containsExactly(LocalDate.of(2026, 4, 30),
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 3));
        assertThat(calendar.add(LocalDate.of(2026, 4, 20), 5, PeriodUnit.CALENDAR_DAYS, null).date())
                .isEqualTo(LocalDate.of(2026, 4, 28));
    }

    @Test
    void anAgencyThatWorksOnSaturdaysCountsThem() {
        String agency = jdbc.sql("SELECT code FROM agency WHERE code = 'SYT' LIMIT 1").query(String.class).single();
        try {
            administration.setWorkWeek(agency, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), ADMIN);
            assertThat(calendar.add(LocalDate.of(2026, 6, 5), 1, PeriodUnit.WORKING_DAYS, agency).date())
                    .isEqualTo(LocalDate.of(2026, 6, 6));
            assertThat(calendar.add(LocalDate.of(2026, 6, 5), 1, PeriodUnit.WORKING_DAYS, null).date())
                    .isEqualTo(LocalDate.of(2026, 6, 8));
        } finally {
            administration.setWorkWeek(agency, Set.of(), ADMIN);
        }
        assertThat(calendar.add(LocalDate.of(2026, 6, 5), 1, PeriodUnit.WORKING_DAYS, agency).date())
                .isEqualTo(LocalDate.of(2026, 6, 8));
        assertThatThrownBy(() -> administration.setWorkWeek("NO-SUCH-AGENCY", Set.of(DayOfWeek.MONDAY), ADMIN))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("agencyCode"));
    }

    @Test
    void aDayOffEnteredWhileDeadlinesRunMovesThoseItTouchesAndTheirHistorySaysWhoWhenAndWhy() {
        String owner = "r" + System.nanoTime();
        // 2031: Tuesday 03/06 plus 5 working days is Tuesday 10/06
        Deadlines.Deadline touched = deadlines.start("test-request", owner, null, LocalDate.of(2031, 6, 3), 5,
                PeriodUnit.WORKING_DAYS, ADMIN);
        Deadlines.Deadline before = deadlines.start("test-request", "b", null, LocalDate.of(2031, 5, 26), 3,
                PeriodUnit.WORKING_DAYS, ADMIN);
        Deadlines.Deadline stopped = deadlines.start("test-request", "c", null, LocalDate.of(2031, 6, 2), 10,
                PeriodUnit.WORKING_DAYS, ADMIN);
        deadlines.stop(stopped.id(), ADMIN);
        assertThat(touched.due().date()).isEqualTo(LocalDate.of(2031, 6, 10));
        assertThat(before.due().date()).isEqualTo(LocalDate.of(2031, 5, 29));

        CalendarAdministration.Entry entry = administration.enter(new CalendarAdministration.EntryForm(
                LocalDate.of(2031, 6, 6), DayKind.EXTRA_DAY_OFF, "Nghỉ thử nghiệm", "Thông báo 1/TB-TEST", null, null), ADMIN);
        assertThat(deadlines.deadline(touched.id()).due().date()).isEqualTo(LocalDate.of(2031, 6, 11));
        assertThat(deadlines.deadline(touched.id()).due().skipped()).extracting(s -> s.date())
                .contains(LocalDate.of(2031, 6, 6));
        assertThat(deadlines.deadline(before.id()).due().date()).isEqualTo(LocalDate.of(2031, 5, 29));
        assertThat(deadlines.history(before.id())).isEmpty();
        assertThat(deadlines.deadline(stopped.id()).due().date()).isEqualTo(LocalDate.of(2031, 6, 16));
        assertThat(deadlines.history(stopped.id())).isEmpty();
        List<Deadlines.Move> moves = deadlines.history(touched.id());
        assertThat(moves).hasSize(1);
        assertThat(moves.get(0).from()).isEqualTo(LocalDate.of(2031, 6, 10));
        assertThat(moves.get(0).to()).isEqualTo(LocalDate.of(2031, 6, 11));
        assertThat(moves.get(0).by()).isEqualTo("admin");
        assertThat(moves.get(0).reason()).contains("06/06/2031", "Nghỉ thử nghiệm", "Thông báo 1/TB-TEST");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'deadline.moved' AND target_id = ?").param(owner)
                .query(Long.class).single()).isEqualTo(1);

        administration.withdraw(entry.id(), "Nhập nhầm", ADMIN);
        assertThat(deadlines.deadline(touched.id()).due().date()).isEqualTo(LocalDate.of(2031, 6, 10));
        assertThat(deadlines.history(touched.id())).hasSize(2);
        assertThat(deadlines.history(touched.id()).get(1).reason()).contains("Nhập nhầm");
        // the entry is kept, withdrawn
        assertThat(administration.entries(2031)).singleElement().satisfies(e -> {
            assertThat(e.withdrawn()).isTrue();
            assertThat(e.withdrawnReason()).isEqualTo("Nhập nhầm");
        });
    }

    @Test
    void aNoticeFixesTheDaysOfAHolidayAndASwappedSaturdayIsWorked() {
        // 2032: a decision gives 2 and 3 September instead of 1 and 2; a notice gives Monday 06/09 off, to be made up
        // on Saturday 11/09
        for (int day : new int[] {2, 3}) {
            administration.enter(new CalendarAdministration.EntryForm(LocalDate.of(2032, 9, day), DayKind.HOLIDAY,
                    "Quốc khánh", "Quyết định 99/QĐ-TTg", "NATIONAL_DAY", null), ADMIN);
        }
        administration.enter(new CalendarAdministration.EntryForm(LocalDate.of(2032, 9, 6), DayKind.EXTRA_DAY_OFF,
                "Nghỉ hoán đổi", "Thông báo 100/TB-BNV", null, null), ADMIN);
        administration.enter(new CalendarAdministration.EntryForm(LocalDate.of(2032, 9, 11), DayKind.WORKING_DAY_SWAP,
                "Làm bù cho 06/09", "Thông báo 100/TB-BNV", null, null), ADMIN);
        Map<LocalDate, CalendarDay> days = byDate(calendar.year(2032));
        assertThat(days).doesNotContainKey(LocalDate.of(2032, 9, 1));
        assertThat(days.get(LocalDate.of(2032, 9, 3)).source()).isEqualTo("Quyết định 99/QĐ-TTg");
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 9, 1), null)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 9, 6), null)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2032, 9, 11), null)).isTrue();
        // Wednesday 01/09 + 2 working days: 02, 03 holidays, 04-05 weekend, 06 off, 07 and 08 count
        assertThat(calendar.add(LocalDate.of(2032, 9, 1), 2, PeriodUnit.WORKING_DAYS, null).date())
                .isEqualTo(LocalDate.of(2032, 9, 8));
        // Friday 10/09 + 1 working day: the swapped Saturday
        assertThat(calendar.add(LocalDate.of(2032, 9, 10), 1, PeriodUnit.WORKING_DAYS, null).date())
                .isEqualTo(LocalDate.of(2032, 9, 11));
    }

    @Test
    void aNoticeThatIsIncompleteIsRefusedNamingEachField() {
        assertThatThrownBy(() -> administration.enter(new CalendarAdministration.EntryForm(null, DayKind.COMPENSATORY,
                " ", "", "TET", null), ADMIN))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.all()).extracting(InvalidInput::field)
                        .containsExactly("date", "kind", "name", "sourceDocument", "replacesRule"));
        assertThatThrownBy(() -> administration.enter(new CalendarAdministration.EntryForm(LocalDate.of(2033, 3, 2),
                DayKind.WORKING_DAY_SWAP, "Làm bù", "TB 1", null, null), ADMIN))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("date"));
        assertThatThrownBy(() -> calendar.add(LocalDate.of(2026, 1, 1), -1, PeriodUnit.WORKING_DAYS, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("days"));
        assertThatThrownBy(() -> administration.withdraw(Long.MAX_VALUE, "x", ADMIN))
                .isInstanceOf(vn.loa.shared.NotFound.class);
    }

    private static Map<LocalDate, CalendarDay> byDate(List<CalendarDay> days) {
        return days.stream().collect(Collectors.toMap(CalendarDay::date, d -> d));
    }
}

package vn.loa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Loa's lunar calendar against a reference table made by an independent implementation of Hồ Ngọc Đức's published
 * algorithm (src/test/resources/calendar/README.md), and against China's calendar where the two differ.
 */
class LunarCalendarUnitTests {

    private final LunarCalendar vietnam = LunarCalendar.VIETNAM;

    @Test
    void tetHungKingsDayAndTheLeapMonthOfEveryYearFrom1901To2199AreThoseOfTheReference() throws Exception {
        List<String> wrong = new ArrayList<>();
        int years = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/calendar/lunar-reference.csv"), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] field = line.split(",", -1);
                int year = Integer.parseInt(field[0]);
                String leap = IntStream.rangeClosed(1, 12).filter(month -> hasLeap(year, month)).mapToObj(String::valueOf)
                        .collect(Collectors.joining(" "));
                String ours = year + "," + vietnam.newYear(year) + "," + vietnam.toSolar(year, 3, 10, false) + "," + leap;
                if (!ours.equals(line)) {
                    wrong.add("reference " + line + ", Loa " + ours);
                }
                years++;
            }
        }
        assertThat(years).isEqualTo(299);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDatesTheGovernmentAnnouncedForRecentYears() {
        assertThat(vietnam.newYear(2023)).isEqualTo(LocalDate.of(2023, 1, 22));
        assertThat(vietnam.newYear(2024)).isEqualTo(LocalDate.of(2024, 2, 10));
        assertThat(vietnam.newYear(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
        assertThat(vietnam.newYear(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
        assertThat(vietnam.toSolar(2023, 3, 10, false)).isEqualTo(LocalDate.of(2023, 4, 29));
        assertThat(vietnam.toSolar(2025, 3, 10, false)).isEqualTo(LocalDate.of(2025, 4, 7));
        // 2023 had a leap second month; 2025 a leap sixth
        assertThat(vietnam.toLunar(LocalDate.of(2023, 3, 22))).isEqualTo(new LunarDate(1, 2, 2023, true));
        assertThat(vietnam.toLunar(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(1, 6, 2025, true));
        // the 11th and 12th months belong to the lunar year before: 16/02/2026 is the last day of Ất Tỵ
        assertThat(vietnam.toLunar(LocalDate.of(2026, 2, 16))).isEqualTo(new LunarDate(29, 12, 2025, false));
    }

    @Test
    void chinasCalendarAtUtcPlus8BeginsSomeYearsOnAnotherDayAndLoaKeepsVietnams() {
        LunarCalendar china = new LunarCalendar(ZoneOffset.ofHours(8));
        // 1985: the new moon of 21 January fell before midnight in Hanoi and after it in Beijing, and the months
        // were numbered apart all year
        assertThat(vietnam.newYear(1985)).isEqualTo(LocalDate.of(1985, 1, 21));
        assertThat(china.newYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
        assertThat(icuNewYear(1985)).isEqualTo(LocalDate.of(1985, 2, 20));
        assertThat(vietnam.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 17));
        assertThat(china.newYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
        assertThat(icuNewYear(2007)).isEqualTo(LocalDate.of(2007, 2, 18));
        assertThat(vietnam.newYear(1968)).isEqualTo(LocalDate.of(1968, 1, 29));
        assertThat(icuNewYear(1968)).isEqualTo(LocalDate.of(1968, 1, 30));
    }

    @Test
    void everyDayFrom1901To2198GoesToItsLunarDateAndBack() {
        LocalDate last = LocalDate.of(2198, 12, 31);
        int previousDay = 0;
        for (LocalDate day = LocalDate.of(1901, 1, 1); !day.isAfter(last); day = day.plusDays(1)) {
            LunarDate lunar = vietnam.toLunar(day);
            assertThat(vietnam.toSolar(lunar.year(), lunar.month(), lunar.day(), lunar.leap())).isEqualTo(day);
            // days follow one another: the next day, or the first of a month after a 29th or 30th
            assertThat(lunar.day() == previousDay + 1 || lunar.day() == 1 && (previousDay == 29 || previousDay == 30)
                    || previousDay == 0).as("%s after day %d", day, previousDay).isTrue();
            previousDay = lunar.day();
        }
    }

    @Test
    void aMonthThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> vietnam.toSolar(2026, 4, 1, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no leap month 4");
        int length = vietnam.lengthOfMonth(2026, 1, false);
        assertThatThrownBy(() -> vietnam.toSolar(2026, 1, length + 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vietnam.toLunar(LocalDate.of(1899, 12, 31))).isInstanceOf(IllegalArgumentException.class);
    }

    private boolean hasLeap(int year, int month) {
        try {
            vietnam.toSolar(year, month, 1, true);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The Chinese new year by ICU's ChineseCalendar, which reckons at UTC+8. */
    private static LocalDate icuNewYear(int year) {
        for (LocalDate day = LocalDate.of(year, 1, 15); ; day = day.plusDays(1)) {
            GregorianCalendar noon = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
            noon.clear();
            noon.set(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 12, 0);
            ChineseCalendar chinese = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
            chinese.setTimeInMillis(noon.getTimeInMillis());
            if (chinese.get(ChineseCalendar.MONTH) == 0 && chinese.get(ChineseCalendar.DAY_OF_MONTH) == 1
                    && chinese.get(ChineseCalendar.IS_LEAP_MONTH) == 0) {
                return day;
            }
        }
    }
}

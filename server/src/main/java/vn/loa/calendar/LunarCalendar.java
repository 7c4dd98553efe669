package vn.loa.calendar;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The lunisolar calendar as Vietnam keeps it: a month begins on the day of the new moon, the 11th month holds
 * the winter solstice, and in a year of 13 months the first month without a major solar term is the leap month.
 * Days are counted in the time zone given: Vietnam's calendar is reckoned at UTC+7 ({@link #VIETNAM}), China's
 * at UTC+8, so that a new moon or a solar term close to midnight falls on different days and the two calendars
 * sometimes begin a month, or the year, on different days (Tết 1985, 2007, 2030).
 *
 * <p>The new moon and the sun's longitude are computed with the series of Jean Meeus, <i>Astronomical
 * Algorithms</i> (1991), in the short form used by the published Vietnamese lunar calendar programs; good from
 * 1900 to 2199, the range this class accepts.
 */
public final class LunarCalendar {

    /** Vietnam's lunar calendar, reckoned at UTC+7. */
    public static final LunarCalendar VIETNAM = new LunarCalendar(ZoneOffset.ofHours(7));

    /** The first and last solar years this calendar converts. */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    /** Julian day number of 1 January 1970 (the epoch of {@link LocalDate#toEpochDay()}). */
    private static final long EPOCH_JULIAN_DAY = 2_440_588L;
    private static final double SYNODIC_MONTH = 29.530588853;
    /** Julian day of the mean new moon the lunation count starts from (early January 1900). */
    private static final double FIRST_LUNATION = 2_415_021.076998695;
    private static final double RADIANS = Math.PI / 180;

    private final double zoneDays;

    /** A lunar calendar reckoned in the given offset from UTC. */
    public LunarCalendar(ZoneOffset offset) {
        this.zoneDays = offset.getTotalSeconds() / 86_400.0;
    }

    /** The lunar date of a solar date. */
    public LunarDate toLunar(LocalDate date) {
        checkYear(date.getYear(), "date");
        long day = date.toEpochDay();
        int frame = day >= monthStart(month11(date.getYear())) ? date.getYear() + 1 : date.getYear();
        Year year = year(frame);
        for (int i = year.months() - 1; i >= 0; i--) {
            long start = monthStart(year.first() + i);
            if (day >= start) {
                return new LunarDate((int) (day - start + 1), year.number(i), year.lunarYear(i), year.isLeap(i));
            }
        }
        throw new IllegalStateException("no lunar month holds " + date);
    }

    /**
     * The solar date of a lunar date.
     *
     * @throws IllegalArgumentException when that year has no such month (a leap month asked for in a year without
     *         it) or the month is shorter than the day
     */
    public LocalDate toSolar(int lunarYear, int month, int day, boolean leap) {
        checkYear(lunarYear, "lunar year");
        // months 1 to 10 lie in the frame ending with this year's 11th month; 11 and 12 in the next one
        for (int frame : new int[] {lunarYear, lunarYear + 1}) {
            Year year = year(frame);
            for (int i = 0; i < year.months(); i++) {
                if (year.lunarYear(i) == lunarYear && year.number(i) == month && year.isLeap(i) == leap) {
                    long start = monthStart(year.first() + i);
                    long length = monthStart(year.first() + i + 1) - start;
                    if (day < 1 || day > length) {
                        throw new IllegalArgumentException("lunar month " + month + (leap ? " (leap)" : "") + " of "
                                + lunarYear + " has " + length + " days, not " + day);
                    }
                    return LocalDate.ofEpochDay(start + day - 1);
                }
            }
        }
        throw new IllegalArgumentException("lunar year " + lunarYear + " has no " + (leap ? "leap " : "") + "month " + month);
    }

    /** The first day of the lunar new year (Tết Nguyên đán) of a solar year. */
    public LocalDate newYear(int year) {
        return toSolar(year, 1, 1, false);
    }

    /** The number of days in a lunar month. */
    public int lengthOfMonth(int lunarYear, int month, boolean leap) {
        LocalDate first = toSolar(lunarYear, month, 1, leap);
        LunarDate probe = toLunar(first.plusDays(29));
        return probe.day() == 30 ? 30 : 29;
    }

    private static void checkYear(int year, String what) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(what + " must be in " + FIRST_YEAR + " to " + LAST_YEAR + ", was " + year);
        }
    }

    /**
     * The months from the 11th month of the solar year before {@code solarYear} up to, not including, the 11th
     * month of {@code solarYear}: twelve, or thirteen with a leap month.
     */
    private Year year(int solarYear) {
        long first = month11(solarYear - 1);
        int months = (int) (month11(solarYear) - first);
        int leap = -1;
        if (months == 13) {
            for (int i = 1; i < months; i++) {
                if (majorTerm(monthStart(first + i)) == majorTerm(monthStart(first + i + 1))) {
                    leap = i;
                    break;
                }
            }
        }
        return new Year(solarYear, first, months, leap);
    }

    /** The months of one winter solstice to the next, counted as lunations since January 1900. */
    private record Year(int solarYear, long first, int months, int leap) {

        /** The number of the i-th month: 11, 12, 1, 2 ... with the leap month repeating the one before it. */
        int number(int i) {
            int counted = leap >= 0 && i >= leap ? i - 1 : i;
            return (counted + 10) % 12 + 1;
        }

        boolean isLeap(int i) {
            return i == leap;
        }

        /** The lunar year of the i-th month: the year before until month 1 begins. */
        int lunarYear(int i) {
            int firstMonthOne = leap >= 0 && leap <= 2 ? 3 : 2;
            return i >= firstMonthOne ? solarYear : solarYear - 1;
        }
    }

    /** The lunation (since January 1900) that is the 11th month of the solar year: the one holding the winter solstice. */
    private long month11(int solarYear) {
        long lastDay = LocalDate.of(solarYear, 12, 31).toEpochDay();
        long k = (long) Math.floor((lastDay + EPOCH_JULIAN_DAY - FIRST_LUNATION) / SYNODIC_MONTH);
        while (monthStart(k) > lastDay) {
            k--;
        }
        while (monthStart(k + 1) <= lastDay) {
            k++;
        }
        // a month that begins after the sun passed 270 degrees began after the solstice: the 11th is the one before
        return majorTerm(monthStart(k)) >= 9 ? k - 1 : k;
    }

    /** The local day (epoch day) of the k-th new moon since January 1900. */
    private long monthStart(long k) {
        return (long) Math.floor(newMoon(k) + 0.5 + zoneDays) - EPOCH_JULIAN_DAY;
    }

    /** The sun's longitude at the local midnight that begins the day, in twelfths of the circle (0 to 11). */
    private int majorTerm(long epochDay) {
        double julianDay = epochDay + EPOCH_JULIAN_DAY - 0.5 - zoneDays;
        return (int) Math.floor(sunLongitude(julianDay) / (Math.PI / 6));
    }

    /** The Julian day (dynamical time corrected to universal time) of the k-th new moon since January 1900. */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double mean = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RADIANS);
        double sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RADIANS;
        double moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RADIANS;
        double latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RADIANS;
        double correction = (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) + 0.0021 * Math.sin(2 * sunAnomaly)
                - 0.4068 * Math.sin(moonAnomaly) + 0.0161 * Math.sin(2 * moonAnomaly) - 0.0004 * Math.sin(3 * moonAnomaly)
                + 0.0104 * Math.sin(2 * latitude) - 0.0051 * Math.sin(sunAnomaly + moonAnomaly)
                - 0.0074 * Math.sin(sunAnomaly - moonAnomaly) + 0.0004 * Math.sin(2 * latitude + sunAnomaly)
                - 0.0004 * Math.sin(2 * latitude - sunAnomaly) - 0.0006 * Math.sin(2 * latitude + moonAnomaly)
                + 0.0010 * Math.sin(2 * latitude - moonAnomaly) + 0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
        // the difference between dynamical and universal time, in days
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return mean + correction - deltaT;
    }

    /** The sun's apparent longitude at a Julian day, in radians from 0 to 2π. */
    static double sunLongitude(double julianDay) {
        double t = (julianDay - 2_451_545.0) / 36_525;
        double t2 = t * t;
        double anomaly = (357.52910 + 35_999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RADIANS;
        double meanLongitude = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
        double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) + 0.000290 * Math.sin(3 * anomaly);
        double longitude = (meanLongitude + centre) * RADIANS;
        longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
        return longitude;
    }
}

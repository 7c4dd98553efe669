package vn.loa.calendar;

/**
 * A date of the lunar calendar.
 *
 * @param day the day of the month, 1 to 30
 * @param month the month, 1 to 12 (a leap month has the number of the month before it)
 * @param year the lunar year, which begins at Tết, so 11th and 12th months fall in the next solar year
 * @param leap whether the month is the leap (intercalary) month of its year
 */
public record LunarDate(int day, int month, int year, boolean leap) {

    public LunarDate {
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("lunar day must be 1 to 30, was " + day);
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("lunar month must be 1 to 12, was " + month);
        }
    }
}

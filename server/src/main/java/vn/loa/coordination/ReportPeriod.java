package vn.loa.coordination;

import java.time.LocalDate;
import java.time.YearMonth;
import vn.loa.shared.InvalidInput;

/**
 * The period of a periodic report: a month (1 to 12), a quarter (1 to 4) or a year of the province's calendar.
 *
 * @param number the month or quarter; 1 for a year
 */
public record ReportPeriod(ReportKind kind, int year, int number, LocalDate from, LocalDate to) {

    /** The first and last year a report may be about. */
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2200;

    /**
     * The period of a kind, year and number, refusing (naming {@code kind}, {@code year} or {@code period}) what is not
     * one or has not started on {@code today}.
     */
    public static ReportPeriod of(String kind, Integer year, Integer number, LocalDate today) {
        ReportKind chosen;
        try {
            chosen = ReportKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "periodic.error.kind");
        }
        if (year == null || year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidInput("year", "periodic.error.year", MIN_YEAR, MAX_YEAR);
        }
        int n = chosen == ReportKind.YEARLY && number == null ? 1 : number == null ? 0 : number;
        int max = switch (chosen) {
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case YEARLY -> 1;
        };
        if (n < 1 || n > max) {
            throw new InvalidInput("period", "periodic.error.period", max);
        }
        LocalDate from = switch (chosen) {
            case MONTHLY -> LocalDate.of(year, n, 1);
            case QUARTERLY -> LocalDate.of(year, 3 * n - 2, 1);
            case YEARLY -> LocalDate.of(year, 1, 1);
        };
        LocalDate to = switch (chosen) {
            case MONTHLY -> YearMonth.of(year, n).atEndOfMonth();
            case QUARTERLY -> YearMonth.of(year, 3 * n).atEndOfMonth();
            case YEARLY -> LocalDate.of(year, 12, 31);
        };
        if (from.isAfter(today)) {
            throw new InvalidInput("period", "periodic.error.not-started");
        }
        return new ReportPeriod(chosen, year, n, from, to);
    }

    /** The period that starts on a day (the first of a month, quarter or year), as the API's {@code periodStart}. */
    public static ReportPeriod starting(String kind, LocalDate start, LocalDate today) {
        if (start == null) {
            throw new InvalidInput("periodStart", "periodic.error.period-start");
        }
        ReportPeriod period = of(kind, start.getYear(), switch (kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "MONTHLY" -> start.getMonthValue();
            case "QUARTERLY" -> (start.getMonthValue() + 2) / 3;
            default -> 1;
        }, today);
        if (!period.from().equals(start)) {
            throw new InvalidInput("periodStart", "periodic.error.period-start");
        }
        return period;
    }

    /** The period as the title says it: "tháng 11 năm 2026", "quý IV năm 2026", "năm 2026". */
    public String vietnamese() {
        return switch (kind) {
            case MONTHLY -> "tháng " + number + " năm " + year;
            case QUARTERLY -> "quý " + new String[] {"I", "II", "III", "IV"}[number - 1] + " năm " + year;
            case YEARLY -> "năm " + year;
        };
    }

    /** The short word for "in the period" in the text: "Trong tháng", "Trong quý", "Trong năm". */
    public String within() {
        return switch (kind) {
            case MONTHLY -> "Trong tháng";
            case QUARTERLY -> "Trong quý";
            case YEARLY -> "Trong năm";
        };
    }

    /**
     * What the text says for "in the period" with figures standing on {@code asOf}: {@link #within()} once the period is
     * over, "Từ đầu quý đến ngày 08/12/2026" for a period not over on that day (a quick report, or a draft).
     */
    public String within(LocalDate asOf) {
        if (asOf == null || !asOf.isBefore(to)) {
            return within();
        }
        String unit = switch (kind) {
            case MONTHLY -> "tháng";
            case QUARTERLY -> "quý";
            case YEARLY -> "năm";
        };
        return "Từ đầu " + unit + " đến ngày " + vn.loa.shared.LocalTime.format(asOf);
    }

    /** Where the figures of what is still open stand: "đến cuối kỳ", or "đến ngày 08/12/2026" before the period ends. */
    public String atEnd(LocalDate asOf) {
        return asOf == null || !asOf.isBefore(to) ? "đến cuối kỳ" : "đến ngày " + vn.loa.shared.LocalTime.format(asOf);
    }
}

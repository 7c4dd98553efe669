package vn.loa.platform.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.loa.shared.LocalTime;

/**
 * Formatting for templates, as {@code ${@fmt.dateTime(instant)}}: dates dd/MM/yyyy and times HH:mm in
 * Asia/Ho_Chi_Minh, numbers and percentages in the page's language (1.234,5 in Vietnamese, 1,234.5 in English).
 */
@Component("fmt")
public class Formats {

    /** {@code dd/MM/yyyy HH:mm} in Asia/Ho_Chi_Minh; empty for null. */
    public String dateTime(Instant instant) {
        return LocalTime.format(instant);
    }

    /** {@code dd/MM/yyyy}; empty for null. */
    public String date(LocalDate date) {
        return LocalTime.format(date);
    }

    /** A whole number with the page's thousands separator: 1.234 in Vietnamese, 1,234 in English; empty for null. */
    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(value);
    }

    /**
     * A number with at most {@code digits} decimals (trailing zeros dropped) in the page's language: 2,5 in
     * Vietnamese, 2.5 in English; empty for null.
     */
    public String decimal(Number value, int digits) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /** A share from 0 to 1 as a percentage with one decimal, in the page's language: 12,5% in Vietnamese, 12.5% in English. */
    public String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }
}

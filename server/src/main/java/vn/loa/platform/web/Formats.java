package vn.loa.platform.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.loa.shared.LocalTime;

/**
 * Formatting for templates, as {@code ${@fmt.dateTime(instant)}}: dates dd/MM/yyyy in Asia/Ho_Chi_Minh,
 * percentages in the page's language.
 */
@Component("fmt")
public class Formats {

    /** {@code dd/MM/yyyy HH:mm:ss} in Asia/Ho_Chi_Minh; empty for null. */
    public String dateTime(Instant instant) {
        return LocalTime.format(instant);
    }

    /** {@code dd/MM/yyyy}; empty for null. */
    public String date(LocalDate date) {
        return LocalTime.format(date);
    }

    /** A share from 0 to 1 as a percentage with one decimal, in the page's language: 12,5% in Vietnamese, 12.5% in English. */
    public String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }
}

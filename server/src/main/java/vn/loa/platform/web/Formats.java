package vn.loa.platform.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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

    /**
     * Each thread's number formats by language and kind: a page formats hundreds of numbers, and making a
     * {@link NumberFormat} costs more than using one (they are not thread-safe, hence one set per thread).
     */
    private static final ThreadLocal<Map<String, NumberFormat>> FORMATS = ThreadLocal.withInitial(HashMap::new);

    /** A whole number with the page's thousands separator: 1.234 in Vietnamese, 1,234 in English; empty for null. */
    public String number(Number value) {
        return value == null ? "" : format("integer", 0).format(value);
    }

    /**
     * A number with at most {@code digits} decimals (trailing zeros dropped) in the page's language: 2,5 in
     * Vietnamese, 2.5 in English; empty for null.
     */
    public String decimal(Number value, int digits) {
        if (value == null) {
            return "";
        }
        return format("decimal", digits).format(value);
    }

    /** A share from 0 to 1 as a percentage with one decimal, in the page's language: 12,5% in Vietnamese, 12.5% in English. */
    public String percent(double share) {
        return format("percent", 1).format(share);
    }

    /** The thread's format of this kind for the page's language, made on first use. */
    private static NumberFormat format(String kind, int digits) {
        Locale locale = LocaleContextHolder.getLocale();
        return FORMATS.get().computeIfAbsent(kind + digits + locale.toLanguageTag(), key -> switch (kind) {
            case "integer" -> NumberFormat.getIntegerInstance(locale);
            case "decimal" -> {
                NumberFormat format = NumberFormat.getNumberInstance(locale);
                format.setMaximumFractionDigits(digits);
                yield format;
            }
            default -> {
                NumberFormat format = NumberFormat.getPercentInstance(locale);
                format.setMinimumFractionDigits(digits);
                format.setMaximumFractionDigits(digits);
                yield format;
            }
        });
    }
}

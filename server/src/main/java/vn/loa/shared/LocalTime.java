package vn.loa.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * The province's clock face: times are stored in UTC and shown in Asia/Ho_Chi_Minh as
 * {@code dd/MM/yyyy HH:mm}.
 */
public final class LocalTime {

    /** The time zone every user-visible time is shown in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    /**
     * Reads a day typed as {@code dd/MM/yyyy} (one-digit day and month too): strictly, so that 31/02/2026 is refused
     * rather than read as 28/02/2026.
     */
    public static final DateTimeFormatter DAY_INPUT = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Reads a time typed as {@code dd/MM/yyyy HH:mm}, strictly (no 31/02, no 24:00). */
    public static final DateTimeFormatter DAY_TIME_INPUT = DateTimeFormatter.ofPattern("d/M/uuuu H:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private LocalTime() {
    }

    /** Formats an instant as {@code dd/MM/yyyy HH:mm} in Asia/Ho_Chi_Minh, as screens and e-mails show it; null gives an empty string. */
    public static String format(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
    }

    /**
     * Formats an instant as {@code dd/MM/yyyy HH:mm:ss} in Asia/Ho_Chi_Minh, where the second matters (evidence,
     * exports); null gives an empty string.
     */
    public static String formatWithSeconds(Instant instant) {
        return instant == null ? "" : DATE_TIME_SECONDS.format(instant.atZone(ZONE));
    }

    /** Formats the day of an instant in Asia/Ho_Chi_Minh as {@code dd/MM/yyyy}; null gives an empty string. */
    public static String formatDay(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(ZONE));
    }

    /** Formats a date as {@code dd/MM/yyyy}; null gives an empty string. */
    public static String format(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }
}

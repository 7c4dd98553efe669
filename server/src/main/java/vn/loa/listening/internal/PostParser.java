package vn.loa.listening.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import vn.loa.listening.Platform;
import vn.loa.nlp.io.JsonLine;
import vn.loa.shared.LocalTime;

/** Turns a JSON line or a CSV record into a validated {@link IncomingPost}, or says which field is wrong. */
final class PostParser {

    static final List<String> REQUIRED = List.of("source", "platform", "external_id", "published_at", "text");
    static final List<String> FIELDS = List.of("source", "platform", "external_id", "url", "author", "published_at",
            "text", "title", "parent_external_id", "reactions", "shares", "comments");
    static final int MAX_TEXT = 100_000;

    private final Clock clock;

    PostParser(Clock clock) {
        this.clock = clock;
    }

    IncomingPost fromJson(long line, String json) throws RejectedLine {
        Map<String, Object> object;
        try {
            object = JsonLine.object(json);
        } catch (IllegalArgumentException e) {
            throw new RejectedLine(e.getMessage().startsWith("the line is not a JSON object")
                    ? "not a JSON object with the post's fields" : "not valid JSON: " + e.getMessage());
        }
        return validate(line, field -> {
            Object value = object.get(field);
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                // a field written as an object or a list is a connector's mistake, not text to store as "{a=1}"
                throw new RejectedLine(field + ": must be text or a number, not " + (value instanceof Map<?, ?>
                        ? "an object" : "a list"));
            }
            return value == null ? null : value.toString();
        });
    }

    IncomingPost fromCsv(long line, List<String> header, List<String> record) throws RejectedLine {
        if (record.size() != header.size()) {
            throw new RejectedLine("expected " + header.size() + " columns, found " + record.size());
        }
        return validate(line, field -> {
            int at = header.indexOf(field);
            return at < 0 ? null : record.get(at);
        });
    }

    private interface Fields {
        String get(String name) throws RejectedLine;
    }

    private IncomingPost validate(long line, Fields given) throws RejectedLine {
        Fields fields = field -> {
            String value = given.get(field);
            if (value != null && value.indexOf('\u0000') >= 0) {
                // PostgreSQL's text holds no NUL: one such field would stop the whole import, so the line is set apart
                throw new RejectedLine(field + ": contains a NUL character (\\u0000), which cannot be stored");
            }
            return value;
        };
        String source = required(fields, "source", 100);
        String platformName = required(fields, "platform", 20);
        Platform platform = Platform.of(platformName).orElseThrow(() -> new RejectedLine(
                "platform: unknown platform '" + platformName + "'; one of " + Platform.names()));
        String externalId = required(fields, "external_id", 200);
        String url = optional(fields, "url", 2000);
        if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new RejectedLine("url: must start with http:// or https://");
        }
        Instant publishedAt = instant(required(fields, "published_at", 40));
        if (publishedAt.isAfter(clock.instant().plus(Duration.ofDays(1)))) {
            throw new RejectedLine("published_at: lies in the future");
        }
        String text = fields.get("text");
        if (text == null || text.isBlank()) {
            throw new RejectedLine("text: missing or empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new RejectedLine("text: longer than " + MAX_TEXT + " characters");
        }
        return new IncomingPost(line, source, platform, externalId, url, optional(fields, "author", 200), publishedAt,
                optional(fields, "title", 1000), text, optional(fields, "parent_external_id", 200),
                count(fields, "reactions"), count(fields, "shares"), count(fields, "comments"));
    }

    private static String required(Fields fields, String name, int max) throws RejectedLine {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new RejectedLine(name + ": missing or empty");
        }
        if (value.length() > max) {
            throw new RejectedLine(name + ": longer than " + max + " characters");
        }
        return value.trim();
    }

    private static String optional(Fields fields, String name, int max) throws RejectedLine {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new RejectedLine(name + ": longer than " + max + " characters");
        }
        return value.trim();
    }

    private static Integer count(Fields fields, String name) throws RejectedLine {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        String digits;
        if (VIETNAMESE_THOUSANDS.matcher(text).matches()) {
            // "12.000" is twelve thousand as Vietnamese writes it, never twelve
            digits = text.replace(".", "");
        } else if (ENGLISH_THOUSANDS.matcher(text).matches()) {
            digits = text.replace(",", "");
        } else if (WHOLE_DECIMAL.matcher(text).matches()) {
            // a whole number a JSON writer gave a decimal point ("12.0")
            digits = text.substring(0, text.indexOf('.'));
        } else {
            digits = text;
        }
        try {
            if (!digits.matches("[0-9]{1,10}")) {
                throw new NumberFormatException();
            }
            long number = Long.parseLong(digits);
            if (number > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) number;
        } catch (NumberFormatException e) {
            // the words QuarantineReasons reads back to say it in the reader's language
            throw new RejectedLine(name + ": must be a whole number of zero or more, was '" + value + "'");
        }
    }

    private static final java.util.regex.Pattern VIETNAMESE_THOUSANDS = java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{3})+");
    private static final java.util.regex.Pattern ENGLISH_THOUSANDS = java.util.regex.Pattern.compile("[0-9]{1,3}(,[0-9]{3})+");
    /** A decimal point followed by one or two zeros only: "12.000" (three) is thousands, above. */
    private static final java.util.regex.Pattern WHOLE_DECIMAL = java.util.regex.Pattern.compile("[0-9]+\\.0{1,2}");

    /**
     * The day and time as Loa's own CSV export writes them and Excel shows them, {@code 07/12/2026 13:25:00} (or
     * without the seconds), read in Asia/Ho_Chi_Minh: a file Loa exported imports again as it is.
     */
    private static final java.time.format.DateTimeFormatter VIETNAMESE = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/uuuu HH:mm[:ss]").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * ISO-8601 with an offset, or without one (then read in Asia/Ho_Chi_Minh), or {@code dd/MM/yyyy HH:mm[:ss]} in
     * Asia/Ho_Chi_Minh as Loa exports it.
     */
    static Instant instant(String text) throws RejectedLine {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(LocalTime.ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDateTime.parse(text, VIETNAMESE).atZone(LocalTime.ZONE).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new RejectedLine("published_at: not an ISO-8601 date and time, e.g. 2024-03-01T08:30:00+07:00,"
                            + " nor dd/MM/yyyy HH:mm:ss: '" + text + "'");
                }
            }
        }
    }
}

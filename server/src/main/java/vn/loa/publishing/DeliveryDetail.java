package vn.loa.publishing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What the delivery log says of a delivery or an attempt, kept so that each reader reads it in their own language:
 * Loa's own words as a message key of the bundles ({@code publishing.detail.*}) with its arguments, and words from
 * outside (a provider's or mail server's error, a withdrawal's reason, a commune's note) as text that is never a
 * message pattern. A key may name a reason Loa gave itself ({@code reasonKey}, "lỗi: {reason}; thử lại lúc ..."); the
 * text, when there is one, is the last argument of the message (in place of the reason when Loa did not give it). A
 * detail without a key is text only: a provider's own words, or a line logged before details had keys.
 *
 * @param key the message key, or null for text only
 * @param arguments the message's arguments (names, times dd/MM/yyyy HH:mm, numbers), never null
 * @param reasonKey the message key of a reason Loa gave itself, shown as the last argument; may be null
 * @param reasonArguments that reason's arguments, never null
 * @param text words from outside (untrusted; shown escaped), or null
 */
public record DeliveryDetail(String key, List<String> arguments, String reasonKey, List<String> reasonArguments,
        String text) {

    /** Text longer than this (a provider's whole answer) is cut. */
    public static final int MAX_TEXT = 500;

    public DeliveryDetail {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        reasonArguments = reasonArguments == null ? List.of() : List.copyOf(reasonArguments);
        if (key == null && reasonKey != null) {
            throw new IllegalArgumentException("a reason (" + reasonKey + ") needs a key that names it");
        }
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
    }

    /** Loa's own words: a message key and its arguments. */
    public static DeliveryDetail of(String key, Object... arguments) {
        return new DeliveryDetail(key, strings(arguments), null, List.of(), null);
    }

    /** Words from outside, shown as they are (escaped). */
    public static DeliveryDetail text(String text) {
        return new DeliveryDetail(null, List.of(), null, List.of(), text);
    }

    /** Loa's own words whose last argument is words from outside (a reason someone typed, a commune's note). */
    public static DeliveryDetail withText(String key, String text, Object... arguments) {
        return new DeliveryDetail(key, strings(arguments), null, List.of(), text);
    }

    /**
     * Loa's own words about a reason, which is the last argument: the reason's own key when Loa gave it, else its text.
     * A reason is one level deep: of a reason that names a reason itself (an adapter's detail built with this), the
     * reason it names is the one kept, so that recording an attempt never fails on how its detail was made.
     */
    public static DeliveryDetail about(String key, DeliveryDetail reason, Object... arguments) {
        return reason.reasonKey() != null
                ? new DeliveryDetail(key, strings(arguments), reason.reasonKey(), reason.reasonArguments(), reason.text())
                : new DeliveryDetail(key, strings(arguments), reason.key(), reason.arguments(), reason.text());
    }

    /** The detail in the locale's words; empty for none. */
    public String shown(MessageSource messages, Locale locale) {
        if (key == null) {
            return text == null ? "" : text;
        }
        List<Object> all = new ArrayList<>(arguments);
        // the reason or text is always the last argument; a message that names none ignores it
        all.add(reasonKey != null ? messages.getMessage(reasonKey, reasonArguments.toArray(), reasonKey, locale)
                : text == null ? "" : text);
        return messages.getMessage(key, all.toArray(), key, locale);
    }

    private static List<String> strings(Object... arguments) {
        return Arrays.stream(arguments).map(String::valueOf).toList();
    }
}

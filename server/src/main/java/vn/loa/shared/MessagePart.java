package vn.loa.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A sentence Loa wrote in its own words (a mail sent, a link made, a question transferred), kept as a message key and
 * its arguments so that each reader reads it in their own language: the press desk's notes and the access-to-information
 * desk's history remarks.
 *
 * @param key the message key, must not be null
 * @param args its arguments, already formatted (a date as dd/MM/yyyy HH:mm); a null argument is kept as empty
 */
public record MessagePart(String key, List<String> args) {

    public MessagePart {
        Objects.requireNonNull(key, "key must not be null");
        args = args == null ? List.of() : args.stream().map(a -> a == null ? "" : a).toList();
    }

    /** A part with the arguments given, each turned into text. */
    public static MessagePart of(String key, Object... args) {
        return new MessagePart(key, Arrays.stream(args).map(a -> a == null ? null : String.valueOf(a)).toList());
    }

    /** The arguments, for a message source. */
    public Object[] arguments() {
        return args.toArray();
    }
}

package vn.loa.press.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.loa.shared.MessagePart;

/** Stores note parts as a TEXT[]: each element a message key and its arguments, separated by U+001F. */
final class NoteParts {

    /** The key of a note written as text: stored before issue #10, or words from outside. */
    static final String TEXT = "press.note.text";

    private static final String SEPARATOR = "\u001F";

    private NoteParts() {
    }

    static String[] encode(List<MessagePart> parts) {
        if (parts == null || parts.isEmpty()) {
            return null;
        }
        return parts.stream().map(NoteParts::encode).toArray(String[]::new);
    }

    static String encode(MessagePart part) {
        List<String> fields = new ArrayList<>();
        fields.add(part.key());
        // an argument is text from outside at times (a name): it must not split itself into two
        part.args().forEach(a -> fields.add(a.replace(SEPARATOR, " ")));
        return String.join(SEPARATOR, fields);
    }

    static List<MessagePart> decode(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray()).map(NoteParts::decode).toList();
    }

    static MessagePart decode(String element) {
        String[] fields = element.split(SEPARATOR, -1);
        return new MessagePart(fields[0], Arrays.asList(fields).subList(1, fields.length));
    }
}

package vn.loa.shared;

import java.util.List;

/**
 * A user's input that Loa refuses, naming the field and a message-bundle key that explains why.
 * Forms show it beside the field; the API answers 422 with a problem body.
 */
public class InvalidInput extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final List<Object> arguments;

    public InvalidInput(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** The name of the field at fault, as the form and the JSON body spell it. */
    public String field() {
        return field;
    }

    /** The message-bundle key of the explanation. */
    public String messageKey() {
        return messageKey;
    }

    /** The arguments of the message, in order. */
    public Object[] arguments() {
        return arguments.toArray();
    }
}

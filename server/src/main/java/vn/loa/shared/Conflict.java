package vn.loa.shared;

/**
 * An action that the record's current state does not allow (a case already closed, a request
 * already answered): 409. The message key explains it to the user; the arguments fill it in.
 */
public class Conflict extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public Conflict(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The message-bundle key of the explanation. */
    public String messageKey() {
        return messageKey;
    }

    /** The arguments of the message, in order. */
    public Object[] arguments() {
        return arguments.clone();
    }
}

package vn.loa.consultation;

/** A limit on the public form was reached (per client address or per contact); the message says which and for how long. */
public class TooManyContributions extends RuntimeException {

    private final String messageKey;
    private final int limit;

    public TooManyContributions(String messageKey, int limit) {
        super(messageKey + " (" + limit + ")");
        this.messageKey = messageKey;
        this.limit = limit;
    }

    /** The message-bundle key of the explanation; its argument is the limit. */
    public String messageKey() {
        return messageKey;
    }

    public int limit() {
        return limit;
    }
}

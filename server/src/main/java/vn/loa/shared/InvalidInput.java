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
    private final List<InvalidInput> others;

    public InvalidInput(String field, String messageKey, Object... arguments) {
        this(field, messageKey, List.of(arguments), List.of());
    }

    private InvalidInput(String field, String messageKey, List<Object> arguments, List<InvalidInput> others) {
        super(field + ": " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
        this.others = others;
    }

    /**
     * Throws every problem found at once, so that a form can mark all its wrong fields together;
     * does nothing when the list is empty.
     */
    public static void throwIfAny(List<InvalidInput> problems) {
        if (!problems.isEmpty()) {
            InvalidInput first = problems.get(0);
            throw new InvalidInput(first.field, first.messageKey, first.arguments,
                    List.copyOf(problems.subList(1, problems.size())));
        }
    }

    /** This problem and every other one found with it, in order. */
    public List<InvalidInput> all() {
        List<InvalidInput> all = new java.util.ArrayList<>();
        all.add(new InvalidInput(field, messageKey, arguments, List.of()));
        all.addAll(others);
        return all;
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

package vn.loa.transparency;

import java.util.Locale;

/** The grounds of refusal of Art. 28(1) of the Law on Access to Information, each with the letter the law gives it. */
public enum RefusalGround {
    /** (a) Information of Art. 6, or of Art. 7 whose conditions are not met. */
    NOT_ACCESSIBLE("a"),
    /** (b) Information already disclosed under Art. 17 (save the cases of Art. 23(1)). */
    ALREADY_DISCLOSED("b"),
    /** (c) Information outside the agency's responsibility. */
    NOT_RESPONSIBLE("c"),
    /** (d) Information already given twice to the same requester, without a good reason. */
    GIVEN_TWICE("d"),
    /** (đ) A request beyond the agency's capacity, or one that disrupts its normal work. */
    BEYOND_CAPACITY("đ"),
    /** (e) The requester did not pay the actual costs. */
    COSTS_UNPAID("e");

    private final String letter;

    RefusalGround(String letter) {
        this.letter = letter;
    }

    /** The letter the law gives it. */
    public String letter() {
        return letter;
    }

    /** The ground of a name or of the law's letter ("a" to "e", "đ" or "dd"), or null. */
    public static RefusalGround of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String wanted = text.strip();
        for (RefusalGround ground : values()) {
            if (ground.name().equalsIgnoreCase(wanted) || ground.letter.equalsIgnoreCase(wanted)
                    || ground == BEYOND_CAPACITY && wanted.equalsIgnoreCase("dd")) {
                return ground;
            }
        }
        return null;
    }
}

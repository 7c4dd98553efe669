package vn.loa.nlp.classify;

/**
 * A text with its gold label.
 *
 * @param text the text; never null
 * @param label the label; never blank
 * @param register the text's register ({@code news}, {@code official}, {@code comment}), or null if unknown
 */
public record LabeledText(String text, String label, String register) {

    /** A text whose register is unknown. */
    public LabeledText(String text, String label) {
        this(text, label, null);
    }

    public LabeledText {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
    }
}

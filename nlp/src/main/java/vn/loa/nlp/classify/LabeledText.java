package vn.loa.nlp.classify;

/**
 * A text with its gold label.
 *
 * @param text the text; never null
 * @param label the label; never blank
 */
public record LabeledText(String text, String label) {

    public LabeledText {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("label must not be blank");
        }
    }
}

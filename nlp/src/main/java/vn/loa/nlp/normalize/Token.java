package vn.loa.nlp.normalize;

/**
 * A token of a text, with its place in the original text and its normal form.
 *
 * @param type what the token is
 * @param start the offset of its first character in the original text
 * @param end the offset after its last character in the original text
 * @param normal its normal form: NFC, canonical tone marks, lower case, elongation undone, teencode
 *     expanded (may hold several words); a typed placeholder such as {@code <url>} for addresses
 */
public record Token(TokenType type, int start, int end, String normal) {

    public Token {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a token needs 0 <= start < end, was " + start + ".." + end);
        }
        if (normal == null || normal.isEmpty()) {
            throw new IllegalArgumentException("a token needs a normal form");
        }
    }
}

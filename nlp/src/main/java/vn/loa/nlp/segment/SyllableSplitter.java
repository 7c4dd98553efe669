package vn.loa.nlp.segment;

import java.util.Arrays;

/**
 * Splits text into syllable-sized tokens with offsets: runs of letters, digits and joining marks
 * stay together, punctuation and symbols stand alone, white space separates. Never fails; any input
 * (control characters, lone surrogates, very long lines) gives tokens that never overlap and never
 * go backwards.
 */
public final class SyllableSplitter {

    private SyllableSplitter() {
    }

    /**
     * Syllable boundaries.
     *
     * @param starts start offsets, {@code count} of them used
     * @param ends end offsets, {@code count} of them used
     * @param count how many syllables
     */
    public record Syllabified(int[] starts, int[] ends, int count) {
    }

    /** Splits the text. */
    public static Syllabified split(CharSequence text) {
        int capacity = Math.max(8, text.length() / 4);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            int c = Character.codePointAt(text, i);
            int width = Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                i += width;
                continue;
            }
            int start = i;
            if (isWordChar(c)) {
                i += width;
                while (i < length) {
                    int d = Character.codePointAt(text, i);
                    if (isWordChar(d) || (isJoiner(d) && i + 1 < length && isWordChar(Character.codePointAt(text, i + 1))
                            && Character.isDigit(Character.codePointBefore(text, i)))) {
                        i += Character.charCount(d);
                    } else {
                        break;
                    }
                }
            } else {
                i += width;
                while (i < length && Character.getType(Character.codePointAt(text, i)) == Character.NON_SPACING_MARK) {
                    i += Character.charCount(Character.codePointAt(text, i));
                }
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
        return new Syllabified(starts, ends, count);
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** Characters inside a number: 1.000, 3,5, 10/3. */
    private static boolean isJoiner(int c) {
        return c == '.' || c == ',' || c == '/' || c == ':';
    }
}

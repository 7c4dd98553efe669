package vn.loa.nlp.segment;

import java.util.Arrays;

/**
 * Splits text into syllable-sized tokens with offsets: runs of letters, digits and joining marks
 * stay together, punctuation and symbols stand alone, white space separates ({@link #split}). For
 * word segmentation, {@link #tokens} also keeps whole what UD Vietnamese VTB keeps whole:
 * ellipses, abbreviations and initials, percentages, dates and codes with hyphens, hyphenated
 * acronyms and web addresses. Never fails; any input (control characters, lone surrogates, very
 * long lines) gives tokens that never overlap and never go backwards.
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

    /**
     * Splits the text into the units word segmentation works on: the syllables of {@link #split},
     * with these kept whole when nothing separates their parts, as the treebank keeps them:
     * <ul>
     * <li>an ellipsis: {@code ...};</li>
     * <li>an abbreviation or initial: {@code TP.HCM}, {@code Tp.HCM}, {@code q.1}, {@code J.Lehmann}, and
     * {@code TP.}, {@code PGS.} or {@code H.} (one to three capitals) when more text follows after a space
     * (at the end of the text the full stop ends a sentence: {@code VN.});</li>
     * <li>a percentage: {@code 95%}, {@code 10-15%};</li>
     * <li>a date, score or code with hyphens, any part of it holding a digit: {@code 30-4-2004},
     * {@code 43H-016}, {@code 07/CT-TTg}, {@code Covid-19};</li>
     * <li>capitalised parts joined by a hyphen, one of them an acronym: {@code GD-ĐT}, {@code QĐ-UBND},
     * {@code V-League} (but {@code Rang-Tháp} stays two);</li>
     * <li>a web address from {@code http://}, {@code https://} or {@code www.} to the next space, less
     * the punctuation that ends it.</li>
     * </ul>
     * Each unit is one or more side-by-side syllables of {@link #split}, so offsets are the same.
     */
    public static Syllabified tokens(CharSequence text) {
        Syllabified syllables = split(text);
        int[] starts = syllables.starts();
        int[] ends = syllables.ends();
        int n = syllables.count();
        int count = 0;
        for (int i = 0; i < n; ) {
            int last = lastJoined(text, starts, ends, n, i);
            starts[count] = starts[i];
            ends[count] = ends[last];
            count++;
            i = last + 1;
        }
        return new Syllabified(starts, ends, count);
    }

    /** The last syllable of the unit that begins with syllable {@code first}. */
    private static int lastJoined(CharSequence text, int[] starts, int[] ends, int n, int first) {
        if (first + 1 >= n || starts[first + 1] != ends[first]) {
            return first;
        }
        if (isChar(text, starts, ends, first, '.')) {
            int last = first;
            while (last + 1 < n && starts[last + 1] == ends[last] && isChar(text, starts, ends, last + 1, '.')) {
                last++;
            }
            return last;
        }
        if (!isWordChar(Character.codePointAt(text, starts[first]))) {
            return first;
        }
        if (startsWebAddress(text, starts, ends, n, first)) {
            return webAddressEnd(text, starts, ends, n, first);
        }
        int last = first;
        while (last + 1 < n && starts[last + 1] == ends[last]) {
            int joiner = last + 1;
            int next = joiner + 1;
            boolean nextTouches = next < n && starts[next] == ends[joiner] && isWordChar(Character.codePointAt(text, starts[next]));
            if (isChar(text, starts, ends, joiner, '%') && Character.isDigit(Character.codePointBefore(text, ends[last]))) {
                return joiner;
            }
            if (isChar(text, starts, ends, joiner, '-') && nextTouches && hyphenJoins(text, starts[last], ends[last], starts[next], ends[next])) {
                last = next;
            } else if (isChar(text, starts, ends, joiner, '.') && nextTouches && isAbbreviation(text, starts[last], ends[last])) {
                last = next;
            } else if (isChar(text, starts, ends, joiner, '.') && last == first && next < n && starts[next] > ends[joiner]
                    && isCapitalsAbbreviation(text, starts[last], ends[last])) {
                return joiner;
            } else {
                break;
            }
        }
        return last;
    }

    private static boolean isChar(CharSequence text, int[] starts, int[] ends, int syllable, char c) {
        return ends[syllable] - starts[syllable] == 1 && text.charAt(starts[syllable]) == c;
    }

    /** Letters of abbreviations: Latin letters without diacritics, and đ; "Mỹ" or "Hà" are syllables, not abbreviations. */
    private static boolean isAbbreviationLetter(int c) {
        return (c < 0x80 && Character.isLetter(c)) || c == 'Đ' || c == 'đ';
    }

    /** Letters before a dot that another letter or a digit follows: one letter ("q.1"), two or three capitals, or a capital and a letter ("Tp"). */
    private static boolean isAbbreviation(CharSequence text, int start, int end) {
        int length = end - start;
        if (length == 1) {
            return isAbbreviationLetter(text.charAt(start));
        }
        if (length > 3 || !Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        boolean capitals = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!isAbbreviationLetter(c)) {
                return false;
            }
            capitals &= Character.isUpperCase(c);
        }
        return capitals || length == 2;
    }

    /** One to three capitals: "TP", "H", "PGS", "QĐ". */
    private static boolean isCapitalsAbbreviation(CharSequence text, int start, int end) {
        if (end - start > 3) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!isAbbreviationLetter(c) || !Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** Parts joined by a hyphen are one unit when one holds a digit, or when both are capitalised and one is in capitals. */
    private static boolean hyphenJoins(CharSequence text, int leftStart, int leftEnd, int rightStart, int rightEnd) {
        int left = shape(text, leftStart, leftEnd);
        int right = shape(text, rightStart, rightEnd);
        if ((left & HAS_DIGIT) != 0 || (right & HAS_DIGIT) != 0) {
            return true;
        }
        return (left & STARTS_UPPER) != 0 && (right & STARTS_UPPER) != 0
                && ((left & ALL_UPPER) != 0 || (right & ALL_UPPER) != 0);
    }

    private static final int HAS_DIGIT = 1;
    private static final int STARTS_UPPER = 2;
    private static final int ALL_UPPER = 4;

    private static int shape(CharSequence text, int start, int end) {
        int shape = Character.isUpperCase(Character.codePointAt(text, start)) ? STARTS_UPPER | ALL_UPPER : 0;
        for (int i = start; i < end; ) {
            int c = Character.codePointAt(text, i);
            if (Character.isDigit(c)) {
                shape |= HAS_DIGIT;
            } else if (Character.isLetter(c) && !Character.isUpperCase(c)) {
                shape &= ~ALL_UPPER;
            }
            i += Character.charCount(c);
        }
        return shape;
    }

    private static boolean startsWebAddress(CharSequence text, int[] starts, int[] ends, int n, int first) {
        int start = starts[first];
        int length = ends[first] - start;
        if (length == 3 && regionMatches(text, start, "www")) {
            return isChar(text, starts, ends, first + 1, '.') && first + 2 < n && starts[first + 2] == ends[first + 1];
        }
        if ((length == 4 && regionMatches(text, start, "http")) || (length == 5 && regionMatches(text, start, "https"))) {
            return first + 3 < n && isChar(text, starts, ends, first + 1, ':') && starts[first + 2] == ends[first + 1]
                    && isChar(text, starts, ends, first + 2, '/') && starts[first + 3] == ends[first + 2]
                    && isChar(text, starts, ends, first + 3, '/');
        }
        return false;
    }

    private static boolean regionMatches(CharSequence text, int start, String lowerCase) {
        for (int i = 0; i < lowerCase.length(); i++) {
            if (Character.toLowerCase(text.charAt(start + i)) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The last syllable of a web address: up to the next space, less the punctuation that ends it (a full stop, a bracket). */
    private static int webAddressEnd(CharSequence text, int[] starts, int[] ends, int n, int first) {
        int last = first;
        while (last + 1 < n && starts[last + 1] == ends[last]) {
            last++;
        }
        while (last > first + 1 && ends[last] - starts[last] == 1 && ".,;:!?)]}>\"'".indexOf(text.charAt(starts[last])) >= 0) {
            last--;
        }
        return last;
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** Characters inside a number: 1.000, 3,5, 10/3. */
    private static boolean isJoiner(int c) {
        return c == '.' || c == ',' || c == '/' || c == ':';
    }
}

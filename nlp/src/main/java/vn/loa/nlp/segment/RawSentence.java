package vn.loa.nlp.segment;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

/**
 * A sentence as raw text with its gold words as character spans: word {@code i} is
 * {@code text[starts[i], ends[i])}. Spans are in order, never overlap and never hold white space
 * at their ends.
 *
 * @param text the raw text, in NFC
 * @param starts the offset of each gold word's first character
 * @param ends the offset after each gold word's last character
 */
public record RawSentence(String text, int[] starts, int[] ends) {

    public RawSentence {
        if (starts.length == 0 || starts.length != ends.length) {
            throw new IllegalArgumentException("a sentence needs words, one start and one end each; had "
                    + starts.length + " starts and " + ends.length + " ends");
        }
        int previousEnd = 0;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] < previousEnd || ends[i] <= starts[i] || ends[i] > text.length()) {
                throw new IllegalArgumentException("word " + i + " [" + starts[i] + ", " + ends[i]
                        + ") is empty, overlaps the one before or lies outside the text of length " + text.length());
            }
            previousEnd = ends[i];
        }
    }

    /**
     * Finds gold words in the text they were written in: each word's characters in order, white space
     * inside a word matching any white space (or none) in the text, white space between words skipped.
     *
     * @param text the raw text
     * @param words the gold words, syllables separated by spaces (CoNLL-U FORMs)
     * @return the sentence
     * @throws IllegalArgumentException naming the first word that is not where the text has it
     */
    public static RawSentence align(String text, List<String> words) {
        int[] starts = new int[words.size()];
        int[] ends = new int[words.size()];
        int at = 0;
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w).strip();
            at = skipWhitespace(text, at);
            int start = at;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (Character.isWhitespace(c)) {
                    at = skipWhitespace(text, at);
                } else if (at < text.length() && text.charAt(at) == c) {
                    at++;
                } else {
                    throw new IllegalArgumentException("word " + (w + 1) + " '" + word + "' is not at offset " + start
                            + " of the text");
                }
            }
            if (at == start) {
                throw new IllegalArgumentException("word " + (w + 1) + " is empty");
            }
            starts[w] = start;
            ends[w] = at;
        }
        if (skipWhitespace(text, at) != text.length()) {
            throw new IllegalArgumentException("the text goes on after the last word: '" + text.substring(at).strip() + "'");
        }
        return new RawSentence(text, starts, ends);
    }

    private static int skipWhitespace(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The number of gold words. */
    public int words() {
        return starts.length;
    }

    /** The same sentence typed without diacritics ("Bệnh viện" -> "Benh vien"), the same words. */
    public RawSentence withoutDiacritics() {
        StringBuilder plain = new StringBuilder(text.length());
        int[] offsets = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            offsets[i] = plain.length();
            char c = text.charAt(i);
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            int before = plain.length();
            for (int j = 0; j < decomposed.length(); j++) {
                char d = decomposed.charAt(j);
                if (Character.getType(d) != Character.NON_SPACING_MARK) {
                    plain.append(d == 'đ' ? 'd' : d == 'Đ' ? 'D' : d);
                }
            }
            if (plain.length() == before) {
                plain.append(c);
            }
        }
        offsets[text.length()] = plain.length();
        int[] plainStarts = Arrays.stream(starts).map(s -> offsets[s]).toArray();
        int[] plainEnds = Arrays.stream(ends).map(e -> offsets[e]).toArray();
        return new RawSentence(plain.toString(), plainStarts, plainEnds);
    }
}

package vn.loa.nlp.segment;

import java.util.ArrayList;
import java.util.List;
import vn.loa.nlp.Syllables;

/**
 * A sentence with its gold segmentation: its syllables, and for every gap whether the two
 * syllables are one word.
 *
 * @param syllables the syllables, none empty
 * @param joins one entry per gap
 */
public record SegmentedSentence(String[] syllables, boolean[] joins) {

    public SegmentedSentence {
        if (syllables.length == 0 || joins.length != syllables.length - 1) {
            throw new IllegalArgumentException("a sentence needs syllables and one join flag per gap");
        }
    }

    /** Reads the VLSP/UD convention: words separated by spaces, syllables of a word joined by "_". */
    public static SegmentedSentence fromUnderscored(String segmented) {
        List<String> syllables = new ArrayList<>();
        List<Boolean> joins = new ArrayList<>();
        for (String word : segmented.trim().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            String[] parts = word.split("_");
            int added = 0;
            for (String part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                if (!syllables.isEmpty()) {
                    joins.add(added > 0);
                }
                syllables.add(part);
                added++;
            }
            if (added == 0 && !word.isEmpty()) {
                if (!syllables.isEmpty()) {
                    joins.add(false);
                }
                syllables.add(word);
            }
        }
        if (syllables.isEmpty()) {
            throw new IllegalArgumentException("no words");
        }
        boolean[] flags = new boolean[joins.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = joins.get(i);
        }
        return new SegmentedSentence(syllables.toArray(String[]::new), flags);
    }

    /** Reads a sentence of words, each word's syllables separated by spaces (CoNLL-U FORMs). */
    public static SegmentedSentence fromWords(List<String> words) {
        StringBuilder underscored = new StringBuilder();
        for (String word : words) {
            if (!underscored.isEmpty()) {
                underscored.append(' ');
            }
            underscored.append(word.trim().replace(' ', '_'));
        }
        return fromUnderscored(underscored.toString());
    }

    /** The same sentence typed without diacritics ("Bệnh viện" -> "Benh vien"), same segmentation. */
    public SegmentedSentence withoutDiacritics() {
        String[] plain = new String[syllables.length];
        for (int i = 0; i < plain.length; i++) {
            String decomposed = java.text.Normalizer.normalize(syllables[i], java.text.Normalizer.Form.NFD);
            StringBuilder out = new StringBuilder(decomposed.length());
            for (int j = 0; j < decomposed.length(); j++) {
                char c = decomposed.charAt(j);
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    out.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
                }
            }
            plain[i] = out.isEmpty() ? syllables[i] : out.toString();
        }
        return new SegmentedSentence(plain, joins);
    }

    long[] foldedKeys() {
        long[] keys = new long[syllables.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Syllables.foldedKey(syllables[i], 0, syllables[i].length());
        }
        return keys;
    }

    long[] keys() {
        long[] keys = new long[syllables.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Syllables.key(syllables[i]);
        }
        return keys;
    }

    byte[] shapes() {
        byte[] shapes = new byte[syllables.length];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = (byte) Syllables.shape(syllables[i], 0, syllables[i].length());
        }
        return shapes;
    }
}

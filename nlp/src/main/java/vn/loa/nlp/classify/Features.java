package vn.loa.nlp.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import vn.loa.nlp.Syllables;
import vn.loa.nlp.segment.SyllableSplitter;
import vn.loa.nlp.vectors.SyllableClusters;

/**
 * Turns a text into hashed feature indices: syllable uni-, bi- and trigrams (case and tone-mark
 * placement ignored), the same without diacritics, and optionally character n-grams of the text
 * without diacritics (for teencode and misspellings). Allocation is one int array per text.
 *
 * @param bits log2 of the feature space
 * @param trigrams whether syllable trigrams are used
 * @param characterGrams whether character 2- to 4-grams are used
 * @param maxSyllables the most syllables read from one text (long articles are cut)
 * @param registers whether every feature also has a copy of its own per register (news, official,
 *     comment), so that one model learns what the registers share and where they differ (feature
 *     augmentation); a text without a register gets the shared features only
 * @param clusters whether each syllable's class ({@link SyllableClusters}, learnt from unlabelled
 *     text) and each pair of adjacent classes are features too, so that syllables never seen with a
 *     label are read like the ones of their class
 * @param lexicon whether the words of the offensive-words list ({@code lexicon/offensive-words.txt}, one to three
 *     syllables, in groups of one word and its variants) are features too: each group met, and how many of the list's
 *     words the text holds (1, 2, 3 or more), so that a variant never seen labelled is read like its group
 * @param spans a lexicon learnt from marked offensive spans ({@link SpanLexicon}), or null for none: when a text holds
 *     its entries, one feature says so and one how many (1, 2, 3 or more), as written and/or without diacritics
 * @param repeats whether a feature that occurs several times in a text has features of its own for occurring at least
 *     2, 4 and 8 times (a binned count of each syllable and n-gram, for long texts such as news articles, where how often
 *     a word comes back says more than its presence)
 */
public record Features(int bits, boolean trigrams, boolean characterGrams, int maxSyllables, boolean registers,
        boolean clusters, boolean lexicon, SpanLexicon spans, boolean repeats) {

    private static final long BOUNDARY = Syllables.mix(0x5eed);
    private static final String LEXICON_RESOURCE = "/vn/loa/nlp/lexicon/offensive-words.txt";

    public Features {
        if (bits < 12 || bits > 24) {
            throw new IllegalArgumentException("feature bits must be 12 to 24, was " + bits);
        }
    }

    /** Features without a span lexicon or counts. */
    public Features(int bits, boolean trigrams, boolean characterGrams, int maxSyllables, boolean registers,
            boolean clusters, boolean lexicon) {
        this(bits, trigrams, characterGrams, maxSyllables, registers, clusters, lexicon, null, false);
    }

    /** The same features with a span lexicon (null: none). */
    public Features withSpans(SpanLexicon newSpans) {
        return new Features(bits, trigrams, characterGrams, maxSyllables, registers, clusters, lexicon, newSpans,
                repeats);
    }

    /** The same features with or without binned counts. */
    public Features withRepeats(boolean newRepeats) {
        return new Features(bits, trigrams, characterGrams, maxSyllables, registers, clusters, lexicon, spans,
                newRepeats);
    }

    /** Features without per-register copies, syllable classes or the word list. */
    public Features(int bits, boolean trigrams, boolean characterGrams, int maxSyllables) {
        this(bits, trigrams, characterGrams, maxSyllables, false, false, false);
    }

    /** Features without syllable classes or the word list. */
    public Features(int bits, boolean trigrams, boolean characterGrams, int maxSyllables, boolean registers) {
        this(bits, trigrams, characterGrams, maxSyllables, registers, false, false);
    }

    /** The same features without per-register copies (the shared part). */
    public Features shared() {
        return registers
                ? new Features(bits, trigrams, characterGrams, maxSyllables, false, clusters, lexicon, spans, repeats)
                : this;
    }

    /** The offensive-words list: the key of each entry's syllables (as n-gram features key them) to its group. */
    private static final class Lexicon {

        static final Map<Long, Integer> GROUPS = load();

        private static Map<Long, Integer> load() {
            Map<Long, Integer> groups = new HashMap<>();
            try (InputStream in = Features.class.getResourceAsStream(LEXICON_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(LEXICON_RESOURCE + " is missing from the jar");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                int group = 0;
                boolean words = false;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String entry = line.strip().toLowerCase(Locale.ROOT);
                    if (entry.startsWith("#")) {
                        // comment lines after words start the next group
                        group += words ? 1 : 0;
                        words = false;
                        continue;
                    }
                    SyllableSplitter.Syllabified split = SyllableSplitter.split(entry);
                    if (split.count() == 0 || split.count() > 3) {
                        continue;
                    }
                    long key = 0;
                    for (int i = 0; i < split.count(); i++) {
                        long syllable = Syllables.key(entry, split.starts()[i], split.ends()[i]);
                        key = i == 0 ? syllable : Syllables.combine(key, syllable);
                    }
                    groups.putIfAbsent(key, group);
                    words = true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(groups);
        }
    }

    /** The distinct feature indices of a text of a register (null: unknown), sorted. */
    public int[] of(String text, String register) {
        int[] base = of(text);
        return registers && register != null ? augment(base, register) : base;
    }

    /**
     * Adds the register's own copy of each shared feature index (as {@link #of(String)} gives them,
     * with {@code registers} off) to them; the result is sorted and distinct.
     */
    public int[] augment(int[] shared, String register) {
        if (!registers || register == null) {
            return shared;
        }
        int mask = dimensions() - 1;
        long salt = Syllables.mix(register.hashCode() * 0x9E3779B97F4A7C15L + 0x7e9);
        int[] out = Arrays.copyOf(shared, shared.length * 2 + 1);
        int size = shared.length;
        for (int f : shared) {
            out[size++] = index(9, salt ^ f, mask);
        }
        // a bias of the register's own, so that registers can differ in how often each label occurs
        out[size++] = index(10, salt, mask);
        Arrays.sort(out, 0, size);
        int unique = 0;
        for (int i = 0; i < size; i++) {
            if (unique == 0 || out[unique - 1] != out[i]) {
                out[unique++] = out[i];
            }
        }
        return Arrays.copyOf(out, unique);
    }

    int dimensions() {
        return 1 << bits;
    }

    /** The distinct feature indices of a text, sorted (features are present or absent). */
    public int[] of(String text) {
        SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
        int n = Math.min(split.count(), maxSyllables);
        int mask = dimensions() - 1;
        int capacity = n * (trigrams ? 5 : 4) + (lexicon ? 2 * n : 0) + 4
                + (characterGrams ? Math.min(text.length(), 4000) * 3 : 0)
                + (clusters ? 2 * n + 2 : 0) + (spans != null ? 4 : 0);
        SyllableClusters classes = clusters ? SyllableClusters.standard() : null;
        long previousClass = BOUNDARY;
        int[] out = new int[capacity];
        int size = 0;
        long previous = BOUNDARY;
        long previous2 = BOUNDARY;
        long previousFolded = BOUNDARY;
        Map<Long, Integer> words = lexicon ? Lexicon.GROUPS : null;
        int listed = 0;
        long previous2Folded = BOUNDARY;
        SpanLexicon.Matcher spanned = spans == null ? null : spans.matcher(text);
        int spannedExact = 0;
        int spannedFolded = 0;
        for (int i = 0; i <= n; i++) {
            long key = i < n ? Syllables.key(text, split.starts()[i], split.ends()[i]) : BOUNDARY;
            long folded = i < n ? Syllables.foldedKey(text, split.starts()[i], split.ends()[i]) : BOUNDARY;
            if (i < n) {
                out[size++] = index(1, key, mask);
                out[size++] = index(2, folded, mask);
                if (words != null) {
                    // a listed word of one, two or three syllables ending here (the shortest first)
                    Integer group = words.get(key);
                    if (group == null && i > 0) {
                        group = words.get(Syllables.combine(previous, key));
                    }
                    if (group == null && i > 1) {
                        group = words.get(Syllables.combine(Syllables.combine(previous2, previous), key));
                    }
                    if (group != null) {
                        out[size++] = index(13, group, mask);
                        out[size++] = index(14, Math.min(++listed, 3), mask);
                    }
                }
            }
            if (spans != null && i < n) {
                // an entry of one, two or three syllables ending here counts once
                if (spans.matchesExact() && (spanned.exact(key)
                        || i > 0 && spanned.exact(Syllables.combine(previous, key))
                        || i > 1 && spanned.exact(Syllables.combine(Syllables.combine(previous2, previous), key)))) {
                    spannedExact++;
                }
                if (spans.matchesFolded() && (spanned.folded(folded)
                        || i > 0 && spanned.folded(Syllables.combine(previousFolded, folded))
                        || i > 1 && spanned.folded(Syllables.combine(Syllables.combine(previous2Folded, previousFolded),
                                folded)))) {
                    spannedFolded++;
                }
            }
            out[size++] = index(3, Syllables.combine(previous, key), mask);
            out[size++] = index(4, Syllables.combine(previousFolded, folded), mask);
            if (trigrams && i > 0) {
                out[size++] = index(5, Syllables.combine(Syllables.combine(previous2, previous), key), mask);
            }
            if (classes != null) {
                long syllableClass = i < n ? classes.classOf(key) + 1 : BOUNDARY;
                if (i < n) {
                    out[size++] = index(11, syllableClass, mask);
                }
                out[size++] = index(12, Syllables.combine(previousClass, syllableClass), mask);
                previousClass = syllableClass;
            }
            previous2 = previous;
            previous = key;
            previous2Folded = previousFolded;
            previousFolded = folded;
        }
        if (spannedExact > 0) {
            out[size++] = index(15, 1, mask);
            out[size++] = index(16, Math.min(spannedExact, 3), mask);
        }
        if (spannedFolded > 0) {
            out[size++] = index(17, 1, mask);
            out[size++] = index(18, Math.min(spannedFolded, 3), mask);
        }
        if (characterGrams) {
            size = characterGrams(text, mask, out, size);
        }
        Arrays.sort(out, 0, size);
        return repeats ? withCounts(out, size, mask) : distinct(out, size);
    }

    private static int[] distinct(int[] sorted, int size) {
        int unique = 0;
        for (int i = 0; i < size; i++) {
            if (unique == 0 || sorted[unique - 1] != sorted[i]) {
                sorted[unique++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, unique);
    }

    /**
     * The distinct features of sorted occurrences, and for each feature met at least 2, 4 or 8 times a feature for each
     * of those levels it reaches (so a linear model weighs a word by about the logarithm of its count).
     */
    private static int[] withCounts(int[] sorted, int size, int mask) {
        int[] out = new int[size * 2 + 1];
        int n = 0;
        for (int i = 0; i < size;) {
            int f = sorted[i];
            int j = i;
            while (j < size && sorted[j] == f) {
                j++;
            }
            out[n++] = f;
            for (int count = j - i, level = 1; count >= 2 && level <= 3; count >>= 1, level++) {
                out[n++] = index(19, (long) f << 2 | level, mask);
            }
            i = j;
        }
        Arrays.sort(out, 0, n);
        return distinct(out, n);
    }

    private static int characterGrams(String text, int mask, int[] out, int size) {
        int limit = Math.min(text.length(), 4000);
        char p1 = ' ';
        char p2 = ' ';
        char p3 = ' ';
        for (int i = 0; i < limit && size + 3 <= out.length; i++) {
            char c = text.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            char f = Character.isWhitespace(c) ? ' ' : Syllables.fold(c);
            if (f == ' ' && p1 == ' ') {
                continue;
            }
            long two = (long) p1 << 16 | f;
            long three = (long) p2 << 32 | two;
            long four = (long) p3 << 48 | three;
            out[size++] = index(6, two, mask);
            out[size++] = index(7, three, mask);
            out[size++] = index(8, four, mask);
            p3 = p2;
            p2 = p1;
            p1 = f;
        }
        return size;
    }

    private static int index(int template, long value, int mask) {
        return (int) (Syllables.mix(value * 0x9E3779B97F4A7C15L + template) >>> 17) & mask;
    }
}

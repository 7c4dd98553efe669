package vn.loa.nlp.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.loa.nlp.LongSet;
import vn.loa.nlp.Syllables;
import vn.loa.nlp.segment.SyllableSplitter;

/**
 * A lexicon learnt from comments whose offensive words are marked (ViHOS spans): the syllable n-grams of one
 * to three syllables, keyed as {@link Features} keys them ({@link Syllables#key} or {@link Syllables#foldedKey}
 * over {@link SyllableSplitter#split}, chained by {@link Syllables#combine}), that lie inside marked spans in at
 * least {@code minComments} distinct comments and are marked in at least {@code minShare} of the comments that
 * hold them. {@link Features} pools them: one feature when a text holds an entry, one for how many (1, 2, 3+).
 * The lexicon is built from training comments only (in cross-validation, from each fold's training part).
 */
public final class SpanLexicon {

    /** Which keys the entries are matched by. */
    public enum Keys {
        /** Syllables as written (case and tone-mark placement ignored). */
        EXACT,
        /** Syllables without diacritics ("dit me" meets "địt mẹ"). */
        FOLDED,
        /** Both, as two sets of features. */
        BOTH;

        /** The keys named on the command line: exact, folded or both. */
        public static Keys of(String name) {
            return switch (name) {
                case "exact" -> EXACT;
                case "folded" -> FOLDED;
                case "both" -> BOTH;
                default -> throw new IllegalArgumentException("span keys must be exact, folded or both, was '" + name + "'");
            };
        }
    }

    /**
     * A comment with marked syllables.
     *
     * @param normalised the text NFC-normalised, stripped and lower-cased (to match comments of another set)
     * @param keys each syllable's key
     * @param folded each syllable's key without diacritics
     * @param surface each syllable as written (NFC, lower case), for showing entries
     * @param marked whether each syllable lies inside a marked span
     */
    public record Comment(String normalised, long[] keys, long[] folded, String[] surface, boolean[] marked) {

        /**
         * A comment from its text as annotated and the marked characters, counted in Unicode code points (as
         * ViHOS counts them). A syllable is marked when any of its characters is.
         */
        public static Comment of(String text, Collection<? extends Number> markedCodePoints) {
            Set<Integer> marks = new HashSet<>();
            for (Number n : markedCodePoints) {
                marks.add(n.intValue());
            }
            int codePoints = text.codePointCount(0, text.length());
            boolean[] markedChar = new boolean[text.length()];
            for (int point : marks) {
                if (point < 0 || point >= codePoints) {
                    continue;
                }
                int at = text.offsetByCodePoints(0, point);
                markedChar[at] = true;
                if (Character.isHighSurrogate(text.charAt(at)) && at + 1 < text.length()) {
                    markedChar[at + 1] = true;
                }
            }
            SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
            int n = split.count();
            long[] keys = new long[n];
            long[] folded = new long[n];
            String[] surface = new String[n];
            boolean[] marked = new boolean[n];
            for (int i = 0; i < n; i++) {
                // each syllable on its own in NFC, as the texts the features read are
                String syllable = Normalizer.normalize(text.substring(split.starts()[i], split.ends()[i]),
                        Normalizer.Form.NFC);
                keys[i] = Syllables.key(syllable, 0, syllable.length());
                folded[i] = Syllables.foldedKey(syllable, 0, syllable.length());
                surface[i] = syllable.toLowerCase(Locale.ROOT);
                for (int c = split.starts()[i]; c < split.ends()[i]; c++) {
                    marked[i] |= markedChar[c];
                }
            }
            return new Comment(normalise(text), keys, folded, surface, marked);
        }
    }

    /** An entry with what it was learnt from. */
    public record Entry(String text, boolean folded, int markedIn, int heldIn) {
    }

    private final Keys keys;
    private final LongSet exact;
    private final LongSet folded;
    private final List<Entry> entries;
    private final int minComments;
    private final double minShare;
    /** For leave-one-out: the comments learnt from (by normalised text), and per key how many hold it, marked. */
    private final Map<String, Comment> sources;
    private final Map<Long, int[]> exactCounts;
    private final Map<Long, int[]> foldedCounts;
    /** The matcher of every text that is not a comment learnt from. */
    private final Matcher whole = new Matcher() {
        @Override
        public boolean exact(long key) {
            return exact.contains(key);
        }

        @Override
        public boolean folded(long key) {
            return folded.contains(key);
        }
    };

    private SpanLexicon(Keys keys, LongSet exact, LongSet folded, List<Entry> entries, int minComments,
            double minShare, Map<String, Comment> sources, Map<Long, int[]> exactCounts, Map<Long, int[]> foldedCounts) {
        this.keys = keys;
        this.exact = exact;
        this.folded = folded;
        this.entries = entries;
        this.minComments = minComments;
        this.minShare = minShare;
        this.sources = sources;
        this.exactCounts = exactCounts;
        this.foldedCounts = foldedCounts;
    }

    /**
     * A lexicon of entries' keys only, as a model stores it: every text sees all of it (no leave-one-out, no
     * entries' texts).
     */
    public static SpanLexicon of(Keys keys, long[] exact, long[] folded) {
        return new SpanLexicon(keys, LongSet.of(exact), LongSet.of(folded), List.of(), 1, 0, Map.of(), Map.of(), Map.of());
    }

    /** The keys of the entries as written, sorted. */
    long[] exactKeys() {
        return exact.sortedKeys();
    }

    /** The keys of the entries without diacritics, sorted. */
    long[] foldedKeys() {
        return folded.sortedKeys();
    }

    /** A text NFC-normalised, stripped and lower-cased: how comments of two sets are matched. */
    public static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Builds the lexicon from comments (several with one normalised text count once, marked where any marks).
     *
     * @param comments the training comments
     * @param minComments an entry lies inside marked spans in at least this many distinct comments
     * @param minShare and is marked in at least this share of the comments that hold it
     * @param keys which keys are matched
     */
    public static SpanLexicon build(List<Comment> comments, int minComments, double minShare, Keys keys) {
        return build(comments, minComments, minShare, keys, false);
    }

    /**
     * Builds the lexicon; with {@code leaveOneOut}, a text that is one of the comments learnt from is matched
     * against the lexicon as built without that comment (so that the rows a model trains on do not meet entries
     * that only their own marks made; texts that are not among them, such as held-out rows, see the whole lexicon).
     */
    public static SpanLexicon build(List<Comment> comments, int minComments, double minShare, Keys keys,
            boolean leaveOneOut) {
        if (minComments < 1 || minShare < 0 || minShare > 1) {
            throw new IllegalArgumentException("a span lexicon needs minComments >= 1 and minShare in [0, 1]");
        }
        Map<String, Comment> distinct = new HashMap<>();
        for (Comment comment : comments) {
            distinct.merge(comment.normalised(), comment, SpanLexicon::union);
        }
        List<Comment> sorted = new ArrayList<>(distinct.values());
        sorted.sort(Comparator.comparing(Comment::normalised));
        List<Entry> entries = new ArrayList<>();
        Map<Long, int[]> exactCounts = new HashMap<>();
        Map<Long, int[]> foldedCounts = new HashMap<>();
        Set<Long> exact = keys == Keys.FOLDED ? Set.of()
                : select(sorted, false, minComments, minShare, entries, exactCounts);
        Set<Long> folded = keys == Keys.EXACT ? Set.of()
                : select(sorted, true, minComments, minShare, entries, foldedCounts);
        entries.sort(Comparator.comparingInt(Entry::markedIn).reversed().thenComparing(Entry::text));
        return new SpanLexicon(keys, longSet(exact), longSet(folded), List.copyOf(entries), minComments, minShare,
                leaveOneOut ? distinct : Map.of(), exactCounts, foldedCounts);
    }

    /** Each n-gram (one to three syllables) of a comment, keyed, and whether it lies inside marked spans. */
    private static Map<Long, Boolean> ngrams(Comment comment, boolean useFolded, Map<Long, String> surfaces) {
        long[] k = useFolded ? comment.folded() : comment.keys();
        Map<Long, Boolean> seen = new HashMap<>();
        for (int end = 0; end < k.length; end++) {
            boolean allMarked = true;
            for (int length = 1; length <= 3 && end - length + 1 >= 0; length++) {
                int start = end - length + 1;
                // n-grams are keyed as Features keys them: the syllables combined from the first on
                long key = 0;
                for (int i = start; i <= end; i++) {
                    key = i == start ? k[i] : Syllables.combine(key, k[i]);
                }
                allMarked &= comment.marked()[start];
                seen.merge(key, allMarked, Boolean::logicalOr);
                if (allMarked && surfaces != null) {
                    surfaces.putIfAbsent(key, String.join(" ", List.of(comment.surface()).subList(start, end + 1)));
                }
            }
        }
        return seen;
    }

    /** Which n-gram keys of a text are entries, as written and without diacritics. */
    public interface Matcher {

        boolean exact(long key);

        boolean folded(long key);
    }

    /** The matcher for a text: the lexicon, or for a comment learnt from with leave-one-out, the lexicon without it. */
    Matcher matcher(String text) {
        Comment own = sources.isEmpty() ? null : sources.get(normalise(text));
        if (own == null) {
            return whole;
        }
        Map<Long, Boolean> ownExact = ngrams(own, false, null);
        Map<Long, Boolean> ownFolded = ngrams(own, true, null);
        return new Matcher() {
            @Override
            public boolean exact(long key) {
                Boolean ownMarked = ownExact.get(key);
                return ownMarked == null ? exact.contains(key) : without(exactCounts.get(key), ownMarked);
            }

            @Override
            public boolean folded(long key) {
                Boolean ownMarked = ownFolded.get(key);
                return ownMarked == null ? folded.contains(key) : without(foldedCounts.get(key), ownMarked);
            }
        };
    }

    /** Whether an n-gram's counts, less those of one comment that holds it, make it an entry. */
    private boolean without(int[] counts, boolean ownMarked) {
        if (counts == null) {
            return false;
        }
        int held = counts[0] - 1;
        int marked = counts[1] - (ownMarked ? 1 : 0);
        return marked >= minComments && marked >= minShare * held;
    }

    private static LongSet longSet(Set<Long> keys) {
        return LongSet.of(keys.stream().mapToLong(Long::longValue).toArray());
    }

    private static Comment union(Comment a, Comment b) {
        if (a.keys().length != b.keys().length) {
            return a;
        }
        boolean[] marked = a.marked().clone();
        for (int i = 0; i < marked.length; i++) {
            marked[i] |= b.marked()[i];
        }
        return new Comment(a.normalised(), a.keys(), a.folded(), a.surface(), marked);
    }

    private static Set<Long> select(List<Comment> comments, boolean useFolded, int minComments, double minShare,
            List<Entry> entries, Map<Long, int[]> counts) {
        Map<Long, String> surfaces = new HashMap<>();
        for (Comment comment : comments) {
            Map<Long, Boolean> seen = ngrams(comment, useFolded, surfaces);
            seen.forEach((key, marked) -> {
                int[] c = counts.computeIfAbsent(key, x -> new int[2]);
                c[0]++;
                c[1] += marked ? 1 : 0;
            });
        }
        Set<Long> selected = new HashSet<>();
        counts.forEach((key, c) -> {
            if (c[1] >= minComments && c[1] >= minShare * c[0]) {
                selected.add(key);
                entries.add(new Entry(surfaces.get(key), useFolded, c[1], c[0]));
            }
        });
        return Set.copyOf(selected);
    }

    /**
     * Two lexicons are equal when they match the same keys the same way: as a model stores them, for every text not
     * learnt from (leave-one-out and the entries' texts are not compared).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SpanLexicon that && keys == that.keys
                && java.util.Arrays.equals(exactKeys(), that.exactKeys())
                && java.util.Arrays.equals(foldedKeys(), that.foldedKeys());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * keys.hashCode() + java.util.Arrays.hashCode(exactKeys())) + java.util.Arrays.hashCode(foldedKeys());
    }

    /** Which keys are matched. */
    public Keys keys() {
        return keys;
    }

    /** Whether entries are matched as written. */
    boolean matchesExact() {
        return keys != Keys.FOLDED;
    }

    /** Whether entries are matched without diacritics. */
    boolean matchesFolded() {
        return keys != Keys.EXACT;
    }

    /** How many entries (as written plus without diacritics). */
    public int size() {
        return exact.size() + folded.size();
    }

    /** The entries, most often marked first. */
    public List<Entry> entries() {
        return entries;
    }
}

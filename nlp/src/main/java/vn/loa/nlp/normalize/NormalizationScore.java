package vn.loa.nlp.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.loa.nlp.Syllables;
import vn.loa.nlp.segment.SyllableSplitter;

/**
 * How close normalised text comes to a human's normalisation: the syllable error rate (edit
 * distance over lower-case syllables, punctuation ignored, tone-mark placement ignored, divided by
 * the reference's length), for the text as typed and after the normaliser, on the same pairs.
 *
 * @param pairs sentence pairs scored
 * @param referenceSyllables syllables in the references
 * @param errorsAsTyped edits between the text as typed and the reference
 * @param errorsNormalized edits between the normaliser's output and the reference
 * @param exactAsTyped pairs where the text as typed already equals the reference
 * @param exactNormalized pairs where the normaliser's output equals the reference
 */
public record NormalizationScore(int pairs, long referenceSyllables, long errorsAsTyped, long errorsNormalized,
        int exactAsTyped, int exactNormalized) {

    /** A text and its human normalisation. */
    public record Pair(String original, String normalized) {
    }

    public double errorRateAsTyped() {
        return referenceSyllables == 0 ? 0 : (double) errorsAsTyped / referenceSyllables;
    }

    public double errorRateNormalized() {
        return referenceSyllables == 0 ? 0 : (double) errorsNormalized / referenceSyllables;
    }

    /** Scores the normaliser on pairs. */
    public static NormalizationScore of(TextNormalizer normalizer, List<Pair> pairs) {
        long reference = 0;
        long asTyped = 0;
        long normalized = 0;
        int exactTyped = 0;
        int exactNormalized = 0;
        for (Pair pair : pairs) {
            long[] gold = keys(pair.normalized());
            long[] typed = keys(pair.original());
            long[] ours = keys(normalizer.normalize(pair.original()));
            reference += gold.length;
            int typedEdits = distance(typed, gold);
            int ourEdits = distance(ours, gold);
            asTyped += typedEdits;
            normalized += ourEdits;
            exactTyped += typedEdits == 0 ? 1 : 0;
            exactNormalized += ourEdits == 0 ? 1 : 0;
        }
        return new NormalizationScore(pairs.size(), reference, asTyped, normalized, exactTyped, exactNormalized);
    }

    private static long[] keys(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        SyllableSplitter.Syllabified split = SyllableSplitter.split(lower);
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < split.count(); i++) {
            if (Character.isLetterOrDigit(lower.codePointAt(split.starts()[i]))) {
                keys.add(Syllables.key(lower, split.starts()[i], split.ends()[i]));
            }
        }
        return keys.stream().mapToLong(Long::longValue).toArray();
    }

    private static int distance(long[] a, long[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}

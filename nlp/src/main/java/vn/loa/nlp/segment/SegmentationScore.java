package vn.loa.nlp.segment;

import java.util.List;

/**
 * Word-level precision, recall and F1 of a segmenter against gold sentences: a predicted word
 * counts when its first and last syllable match a gold word's. On raw text, where the segmenter
 * finds the syllables itself, a predicted word counts when its first and last character match a gold
 * word's: the same measure, so the two figures compare.
 *
 * @param sentences sentences scored
 * @param syllables syllables scored (on raw text, the syllables the segmenter found)
 * @param goldWords words in the gold data
 * @param predictedWords words the segmenter produced
 * @param correctWords predicted words that match a gold word
 * @param nanos time spent segmenting
 */
public record SegmentationScore(int sentences, long syllables, long goldWords, long predictedWords, long correctWords,
        long nanos) {

    public double precision() {
        return predictedWords == 0 ? 0 : (double) correctWords / predictedWords;
    }

    public double recall() {
        return goldWords == 0 ? 0 : (double) correctWords / goldWords;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double syllablesPerSecond() {
        return nanos == 0 ? 0 : syllables * 1e9 / nanos;
    }

    /** Scores a segmenter on gold sentences. Key computation is part of the measured time. */
    public static SegmentationScore of(WordSegmenter segmenter, List<SegmentedSentence> gold) {
        long syllables = 0;
        long goldWords = 0;
        long predictedWords = 0;
        long correct = 0;
        long nanos = 0;
        for (SegmentedSentence sentence : gold) {
            int n = sentence.syllables().length;
            long start = System.nanoTime();
            boolean[] predicted = segmenter.joins(sentence.keys(), sentence.foldedKeys(), sentence.shapes(), n);
            nanos += System.nanoTime() - start;
            syllables += n;
            boolean[] expected = sentence.joins();
            int goldStart = 0;
            int predictedStart = 0;
            for (int i = 0; i < n; i++) {
                boolean goldEnds = i == n - 1 || !expected[i];
                boolean predictedEnds = i == n - 1 || !predicted[i];
                if (goldEnds && predictedEnds && goldStart == predictedStart) {
                    correct++;
                }
                if (goldEnds) {
                    goldWords++;
                    goldStart = i + 1;
                }
                if (predictedEnds) {
                    predictedWords++;
                    predictedStart = i + 1;
                }
            }
        }
        return new SegmentationScore(gold.size(), syllables, goldWords, predictedWords, correct, nanos);
    }

    /**
     * Scores the whole raw-text pipeline (syllable splitting and segmentation) on gold sentences given
     * as raw text. Splitting is part of the measured time.
     */
    public static SegmentationScore ofRawText(WordSegmenter segmenter, List<RawSentence> gold) {
        long syllables = 0;
        long goldWords = 0;
        long predictedWords = 0;
        long correct = 0;
        long nanos = 0;
        for (RawSentence sentence : gold) {
            long start = System.nanoTime();
            List<WordSegmenter.Word> predicted = segmenter.segment(sentence.text());
            nanos += System.nanoTime() - start;
            int[] starts = sentence.starts();
            int[] ends = sentence.ends();
            int g = 0;
            for (WordSegmenter.Word word : predicted) {
                syllables += word.syllables();
                while (g < starts.length && starts[g] < word.start()) {
                    g++;
                }
                if (g < starts.length && starts[g] == word.start() && ends[g] == word.end()) {
                    correct++;
                }
            }
            predictedWords += predicted.size();
            goldWords += starts.length;
        }
        return new SegmentationScore(gold.size(), syllables, goldWords, predictedWords, correct, nanos);
    }
}

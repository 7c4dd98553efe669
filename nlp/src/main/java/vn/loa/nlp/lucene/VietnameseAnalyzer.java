package vn.loa.nlp.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * Loa's analyzer for Vietnamese search: words from the segmenter, lower case, one tone-mark
 * placement, plus each word without diacritics at the same position. Use the same analyzer for
 * indexing and for queries. Thread-safe, as Lucene analyzers are; the segmenter is shared.
 */
public final class VietnameseAnalyzer extends Analyzer {

    private final WordSegmenter segmenter;

    /** An analyzer over the given segmenter; must not be null. */
    public VietnameseAnalyzer(WordSegmenter segmenter) {
        if (segmenter == null) {
            throw new IllegalArgumentException("the analyzer needs a segmenter");
        }
        this.segmenter = segmenter;
    }

    /** An analyzer over the segmenter shipped in the jar. */
    public static VietnameseAnalyzer standard() {
        return new VietnameseAnalyzer(WordSegmenter.loadDefault());
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        VietnameseTokenizer tokenizer = new VietnameseTokenizer(segmenter);
        TokenStream stream = new AccentFoldingFilter(tokenizer);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

package vn.loa.nlp.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * Loa's analyzer for Vietnamese search: words from the segmenter, lower case, one tone-mark
 * placement, plus the forms of {@link AccentFoldingFilter} at the same position. Index with this
 * analyzer and parse queries with {@link #queries()}, which finds a word typed with diacritics as
 * typed or written without them, not with other diacritics; parsed with this analyzer itself, a
 * query finds every form of its words. Thread-safe, as Lucene analyzers are; the segmenter is shared.
 */
public final class VietnameseAnalyzer extends Analyzer {

    private final WordSegmenter segmenter;
    private final AccentFoldingFilter.Mode mode;
    private volatile VietnameseAnalyzer queries;

    /** An analyzer over the given segmenter; must not be null. */
    public VietnameseAnalyzer(WordSegmenter segmenter) {
        this(segmenter, AccentFoldingFilter.Mode.INDEX);
    }

    private VietnameseAnalyzer(WordSegmenter segmenter, AccentFoldingFilter.Mode mode) {
        if (segmenter == null) {
            throw new IllegalArgumentException("the analyzer needs a segmenter");
        }
        this.segmenter = segmenter;
        this.mode = mode;
    }

    /** An analyzer over the segmenter shipped in the jar. */
    public static VietnameseAnalyzer standard() {
        return new VietnameseAnalyzer(WordSegmenter.loadDefault());
    }

    /** The analyzer for the text of queries over text indexed by this one, on the same segmenter. */
    public VietnameseAnalyzer queries() {
        if (mode == AccentFoldingFilter.Mode.QUERY) {
            return this;
        }
        VietnameseAnalyzer analyzer = queries;
        if (analyzer == null) {
            analyzer = new VietnameseAnalyzer(segmenter, AccentFoldingFilter.Mode.QUERY);
            queries = analyzer;
        }
        return analyzer;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        VietnameseTokenizer tokenizer = new VietnameseTokenizer(segmenter);
        TokenStream stream = new AccentFoldingFilter(tokenizer, mode);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

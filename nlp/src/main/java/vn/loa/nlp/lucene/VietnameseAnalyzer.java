package vn.loa.nlp.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * Loa's analyzer for Vietnamese search: words from the segmenter, lower case, one tone-mark
 * placement, plus the forms of {@link AccentFoldingFilter} at the same position. Index with this
 * analyzer and parse queries with {@link #queries()}, which finds a word typed with diacritics as
 * typed or written without them, not with other diacritics, a word typed without them in every form,
 * and a name written without diacritics ("Nha Trang") as written. Thread-safe, as Lucene analyzers
 * are; the segmenter is shared.
 */
public final class VietnameseAnalyzer extends Analyzer {

    private final WordSegmenter segmenter;
    private final AccentFoldingFilter.Mode mode;
    private final java.util.Set<String> namesAsWritten;
    private volatile VietnameseAnalyzer queries;

    /** An analyzer over the given segmenter; must not be null. */
    public VietnameseAnalyzer(WordSegmenter segmenter) {
        this(segmenter, java.util.List.of());
    }

    /**
     * An analyzer over the given segmenter whose queries find the given names written without diacritics ("Nha
     * Trang", "Cam Ranh") only as written, not as words with diacritics that fold to the same letters ("Nhà
     * Trắng"); a name with diacritics is ignored (its diacritics already tell it apart).
     */
    public VietnameseAnalyzer(WordSegmenter segmenter, java.util.Collection<String> namesWithoutDiacritics) {
        this(segmenter, AccentFoldingFilter.Mode.INDEX, termsOf(namesWithoutDiacritics));
    }

    private VietnameseAnalyzer(WordSegmenter segmenter, AccentFoldingFilter.Mode mode, java.util.Set<String> names) {
        if (segmenter == null) {
            throw new IllegalArgumentException("the analyzer needs a segmenter");
        }
        this.segmenter = segmenter;
        this.mode = mode;
        this.namesAsWritten = names;
    }

    private static java.util.Set<String> termsOf(java.util.Collection<String> names) {
        java.util.Set<String> terms = new java.util.HashSet<>();
        for (String name : names) {
            String term = VietnameseTokenizer.termOf(name.strip());
            if (!term.isEmpty() && AccentFoldingFilter.fold(term).equals(term)) {
                terms.add(term);
            }
        }
        return java.util.Set.copyOf(terms);
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
            analyzer = new VietnameseAnalyzer(segmenter, AccentFoldingFilter.Mode.QUERY, namesAsWritten);
            queries = analyzer;
        }
        return analyzer;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        VietnameseTokenizer tokenizer = new VietnameseTokenizer(segmenter);
        TokenStream stream = new AccentFoldingFilter(tokenizer, mode, namesAsWritten);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

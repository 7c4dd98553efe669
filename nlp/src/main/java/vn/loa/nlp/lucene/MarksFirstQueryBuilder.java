package vn.loa.nlp.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds queries over text analysed by {@link VietnameseAnalyzer}; give it {@link VietnameseAnalyzer#queries()}. A word
 * typed with its diacritics ("ngộ") finds the text that has it as typed, and the text written without diacritics (a
 * comment typed on a phone, "ngo"), not a word with other diacritics ("ngô"); the word as typed counts
 * {@value #AS_TYPED} times the text without diacritics, so that it ranks first. A word typed without diacritics finds
 * every form alike.
 */
public class MarksFirstQueryBuilder extends QueryBuilder {

    /** How much more the word as typed, with its diacritics, counts than its form without them. */
    public static final float AS_TYPED = 4f;

    public MarksFirstQueryBuilder(Analyzer analyzer) {
        super(analyzer);
    }

    @Override
    protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (TermAndBoost alternative : terms) {
            String text = alternative.term().utf8ToString();
            float boost = alternative.boost() * (AccentFoldingFilter.fold(text).equals(text) ? 1f : AS_TYPED);
            Query query = new TermQuery(new Term(field, alternative.term()));
            any.add(boost == 1f ? query : new BoostQuery(query, boost), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }
}

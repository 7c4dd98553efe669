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
 * Builds queries over text analysed by {@link VietnameseAnalyzer}, where each word with diacritics is also indexed
 * without them. A word typed with its diacritics ("hòa") still finds the text written without them (a comment typed
 * on a phone, "hoa"), but the text that has the word as typed ranks first, well ahead of "hoa" (a flower) or "hóa":
 * the word as typed counts {@value #AS_TYPED} times its form without diacritics, instead of the two blending into one
 * term. A word typed without diacritics finds every form alike, as before.
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

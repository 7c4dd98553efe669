package vn.loa.listening.internal;

import java.time.LocalDate;
import java.util.List;
import vn.loa.nlp.analyze.Analysis;
import vn.loa.nlp.analyze.Register;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.gazetteer.Gazetteer;

/**
 * The places and the agencies a post's text names as of its day, by their gazetteer ids, each once: what is stored
 * of them ({@code post.places}) and what routing reads. The importer and the re-analysis take them from here, so
 * that a post stored and a post re-analysed name the same.
 *
 * @param places the places' ids ("22786@2025-07-01"), in the order the text names them
 * @param agencies the agencies' codes, in the order the text names them
 */
record NamesInText(String[] places, String[] agencies) {

    /** What an analysis found. */
    static NamesInText of(Analysis analysis) {
        return new NamesInText(ids(analysis.places()), ids(analysis.agencies()));
    }

    /**
     * What the analyzer's gazetteers find in a normalised text as of a day, without analysing it again, as the
     * analysis would: a commune's short name alone counts in feedback by the province's hotline or at an office.
     */
    static NamesInText find(TextAnalyzer analyzer, TextAnalyzer.Normalized normal, LocalDate day, Register.Hint hint) {
        return new NamesInText(ids(analyzer.places().find(normal.text(), day, hint == Register.Hint.FEEDBACK)),
                ids(analyzer.agencies().find(normal.text(), day)));
    }

    private static String[] ids(List<Gazetteer.Match> matches) {
        return matches.stream().map(match -> match.entry().id()).distinct().toArray(String[]::new);
    }
}

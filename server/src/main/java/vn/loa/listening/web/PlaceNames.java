package vn.loa.listening.web;

import org.springframework.stereotype.Component;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.gazetteer.Gazetteer;

/**
 * The names of the places posts mention, from the gazetteer the analysis found them with: pages show
 * "Phường Phan Rang", never the place's id ({@code 01@2025-07-01}). Templates call it as {@code ${@places.name(id)}}.
 */
@Component("places")
class PlaceNames {

    private final TextAnalyzer analyzer;

    PlaceNames(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The place's name; the id itself for a place the gazetteer does not know; empty for null. */
    String name(String id) {
        return id == null ? "" : analyzer.places().entry(id).map(Gazetteer.Entry::name).orElse(id);
    }
}

package vn.loa.listening.internal;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.platform.DisplayNames;
import vn.loa.platform.NameSource;

/** Names what listening owns: sources by their codes, and places by their gazetteer ids. */
class ListeningNames {

    /** A source's name as its owner gave it (a source created by an import has none, and keeps its code). */
    @Component
    static class Sources implements NameSource {

        private final JdbcClient jdbc;

        Sources(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String kind() {
            return DisplayNames.SOURCE;
        }

        @Override
        public Optional<String> name(String code, Locale locale) {
            return jdbc.sql("SELECT name FROM post_source WHERE code = ? AND name IS NOT NULL").param(code)
                    .query(String.class).optional();
        }
    }

    /** A place's name from the gazetteer the analysis found it with: "Phường Phan Rang", not {@code 01@2025-07-01}. */
    @Component
    static class Places implements NameSource {

        private final TextAnalyzer analyzer;

        Places(TextAnalyzer analyzer) {
            this.analyzer = analyzer;
        }

        @Override
        public String kind() {
            return DisplayNames.PLACE;
        }

        @Override
        public Optional<String> name(String id, Locale locale) {
            return analyzer.places().entry(id).map(Gazetteer.Entry::name);
        }
    }
}

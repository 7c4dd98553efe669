package vn.loa.listening.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.identity.AgencyDirectory;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.platform.DisplayNames;
import vn.loa.shared.LocalTime;
import vn.loa.platform.NameSource;

/** Names what listening owns: sources by their codes, and places by their gazetteer ids. */
class ListeningNames {

    /**
     * A source's name as its owner gave it; the feedback an agency enters by hand (hotline calls, visits) is "Nhập tay:
     * Sở Y tế", not {@code manual-SYT}; a source created by an import has no name, and keeps its code.
     */
    @Component
    static class Sources implements NameSource {

        /** The code before the agency's in the sources of feedback entered by hand ({@code FeedbackController}). */
        static final String MANUAL = "manual-";

        private final JdbcClient jdbc;
        private final AgencyDirectory agencies;
        private final MessageSource messages;
        private final Clock clock;

        Sources(JdbcClient jdbc, AgencyDirectory agencies, MessageSource messages, Clock clock) {
            this.jdbc = jdbc;
            this.agencies = agencies;
            this.messages = messages;
            this.clock = clock;
        }

        @Override
        public String kind() {
            return DisplayNames.SOURCE;
        }

        @Override
        public Optional<String> name(String code, Locale locale) {
            Optional<String> given = jdbc.sql("SELECT name FROM post_source WHERE code = ? AND name IS NOT NULL")
                    .param(code).query(String.class).optional();
            if (given.isPresent() || !code.startsWith(MANUAL) || code.length() == MANUAL.length()) {
                return given;
            }
            String unit = code.substring(MANUAL.length());
            // the agency's name as it was when it last existed: a commune merged since still names who entered it
            String who = "province".equals(unit) ? messages.getMessage("sources.manual.province", null, locale)
                    : agencies.resolve(unit, LocalDate.ofInstant(clock.instant(), LocalTime.ZONE))
                            .map(held -> held.named().name(locale.getLanguage())).orElse(unit);
            return Optional.of(messages.getMessage("sources.manual", new Object[] {who}, locale));
        }
    }

    /**
     * A place's name from the gazetteer the analysis found it with: "Phường Phan Rang", not {@code 01@2025-07-01}; a
     * place that no longer exists today (a province merged, a district, a commune before July 2025) also names its last
     * day and the units that took over from it, as the dashboard does.
     */
    @Component
    static class Places implements NameSource {

        private final TextAnalyzer analyzer;
        private final Clock clock;
        private final MessageSource messages;

        Places(TextAnalyzer analyzer, Clock clock, MessageSource messages) {
            this.analyzer = analyzer;
            this.clock = clock;
            this.messages = messages;
        }

        @Override
        public String kind() {
            return DisplayNames.PLACE;
        }

        @Override
        public Optional<String> name(String id, Locale locale) {
            return analyzer.places().entry(id).map(entry -> name(entry, locale));
        }

        private String name(Gazetteer.Entry entry, Locale locale) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
            if (entry.validTo() == null || !entry.validTo().isBefore(today)) {
                return inLanguage(entry.name(), locale);
            }
            String until = LocalTime.format(entry.validTo());
            String now = entry.successors().stream()
                    .map(successor -> analyzer.places().entry(successor).map(Gazetteer.Entry::name).orElse(successor))
                    .map(name -> inLanguage(name, locale))
                    .collect(Collectors.joining("; "));
            String name = inLanguage(entry.name(), locale);
            return now.isEmpty() ? messages.getMessage("place.name.ended", new Object[] {name, until}, locale)
                    : messages.getMessage("place.name.history", new Object[] {name, until, now}, locale);
        }

        /** The kinds of unit a place's Vietnamese name begins with, and how English names them after the name. */
        private static final List<String[]> UNITS_IN_ENGLISH = List.of(new String[] {"Thành phố ", "City"},
                new String[] {"Thị xã ", "Town"}, new String[] {"Thị trấn ", "Township"},
                new String[] {"Đặc khu ", "Special administrative region"}, new String[] {"Tỉnh ", "Province"},
                new String[] {"Huyện ", "District"}, new String[] {"Quận ", "District"}, new String[] {"Phường ", "Ward"},
                new String[] {"Xã ", "Commune"});

        /**
         * A place's name in the reader's language: in English, as the agencies' English names write them ("Phường Ninh
         * Chử" is "Ninh Chu Ward", "Tỉnh Khánh Hòa" "Khanh Hoa Province"): the name without diacritics, the kind of
         * unit after it.
         */
        static String inLanguage(String name, Locale locale) {
            if (!"en".equals(locale.getLanguage())) {
                return name;
            }
            for (String[] unit : UNITS_IN_ENGLISH) {
                if (name.startsWith(unit[0])) {
                    return withoutDiacritics(name.substring(unit[0].length())) + " " + unit[1];
                }
            }
            return withoutDiacritics(name);
        }

        private static String withoutDiacritics(String text) {
            return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace('đ', 'd').replace('Đ', 'D');
        }
    }
}

package vn.loa.listening.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.listening.Platform;
import vn.loa.listening.PostLabels;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.classify.Prediction;
import vn.loa.shared.InvalidInput;

/**
 * The search's parameters whose values are a closed list (the filters, the sort) or ids Loa knows (agencies,
 * places): a value outside it is a typing mistake, refused with the parameter's name, not answered with "0 posts
 * found", which an official would read as "nobody wrote about it", nor quietly read as another value. The refusal
 * names the values there are as the reader calls them ("Y tế, Giáo dục, ..."), not by their codes. The page, its
 * downloads and the API check alike through it.
 */
@Component
@ConditionalOnWebApplication
class SearchFilters {

    static final List<String> TOXICITY = List.of("CLEAN", "OFFENSIVE", "HATE", Prediction.UNCLEAR);

    /** The orders of the results, the page's default first. */
    static final List<String> SORTS = List.of("time", "relevance");

    private final AgencyDirectory agencies;
    private final TextAnalyzer analyzer;
    private final MessageSource messages;

    SearchFilters(AgencyDirectory agencies, TextAnalyzer analyzer, MessageSource messages) {
        this.agencies = agencies;
        this.analyzer = analyzer;
        this.messages = messages;
    }

    /** Refuses every value at fault at once; a blank or null value is no filter and passes. */
    void check(String platform, String sentiment, String topic, String register, String domain, String toxicity,
            String agency, String place, String sort, Locale locale) {
        List<InvalidInput> problems = new ArrayList<>();
        if (present(platform) && Platform.of(platform.strip()).isEmpty()) {
            problems.add(unknown("platform", platform.strip(),
                    Arrays.stream(Platform.values()).map(Platform::name).toList(), locale));
        }
        one(problems, "sentiment", sentiment, PostLabels.SENTIMENTS, locale);
        List<String> topics = new ArrayList<>(PostPagesController.TOPICS);
        topics.add(Prediction.UNCLEAR);
        one(problems, "topic", topic, topics, locale);
        many(problems, "register", register, PostLabels.REGISTERS, locale);
        List<String> domains = new ArrayList<>(PostLabels.DOMAINS);
        domains.add(Prediction.UNCLEAR);
        one(problems, "domain", domain, domains, locale);
        // several values separated by commas: "OFFENSIVE,HATE" is every toxic post, as the dashboard counts them
        many(problems, "toxicity", toxicity, TOXICITY, locale);
        if (present(agency)) {
            Set<String> codes = agencies.all().stream().map(Agency::code).collect(Collectors.toSet());
            for (String code : agency.split(",")) {
                if (!code.isBlank() && !codes.contains(code.strip())) {
                    problems.add(new InvalidInput("agency", "listening.search.unknown-agency", code.strip()));
                }
            }
        }
        // a place is filtered by the gazetteer id the analysis tagged posts with (one that no longer exists too);
        // there are thousands, so the refusal does not list them
        if (present(place) && analyzer.places().entry(place.strip()).isEmpty()) {
            problems.add(new InvalidInput("place", "listening.search.unknown-place", place.strip(),
                    messages.getMessage("facet.place", null, "place", locale)));
        }
        if (present(sort) && !SORTS.contains(sort.strip())) {
            problems.add(unknown("sort", sort.strip(), SORTS, "posts.sort.", "posts.sort", locale));
        }
        InvalidInput.throwIfAny(problems);
    }

    private InvalidInput unknown(String field, String value, List<String> allowed, Locale locale) {
        return unknown(field, value, allowed, field + ".", "facet." + field, locale);
    }

    /**
     * The refusal of a value: the parameter's name, the value as typed, and the values there are by their names in
     * the reader's language (the message {@code valueKeys + code}).
     */
    private InvalidInput unknown(String field, String value, List<String> allowed, String valueKeys, String label,
            Locale locale) {
        String names = allowed.stream()
                .map(code -> messages.getMessage(valueKeys + code.replace(' ', '_'), null, code, locale))
                .collect(Collectors.joining(", "));
        return new InvalidInput(field, "listening.search.unknown-value", value, names,
                messages.getMessage(label, null, field, locale));
    }

    private void many(List<InvalidInput> problems, String field, String values, List<String> allowed, Locale locale) {
        if (present(values)) {
            for (String value : values.split(",")) {
                if (!value.isBlank() && !allowed.contains(value.strip())) {
                    problems.add(unknown(field, value.strip(), allowed, locale));
                }
            }
        }
    }

    private void one(List<InvalidInput> problems, String field, String value, List<String> allowed, Locale locale) {
        if (present(value) && !allowed.contains(value.strip())) {
            problems.add(unknown(field, value.strip(), allowed, locale));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

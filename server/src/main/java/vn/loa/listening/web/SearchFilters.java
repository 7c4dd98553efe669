package vn.loa.listening.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.listening.Platform;
import vn.loa.listening.PostLabels;
import vn.loa.nlp.classify.Prediction;
import vn.loa.shared.InvalidInput;

/**
 * The search filters whose values are a closed list: a value outside it is a typing mistake, refused with the
 * filter's name, not answered with "0 posts found", which an official would read as "nobody wrote about it". The
 * refusal names the values there are as the reader calls them ("Y tế, Giáo dục, ..."), not by their codes.
 */
final class SearchFilters {

    static final List<String> TOXICITY = List.of("CLEAN", "OFFENSIVE", "HATE", Prediction.UNCLEAR);

    private SearchFilters() {
    }

    static void check(String platform, String sentiment, String topic, String register, String domain,
            String toxicity, String agency, AgencyDirectory agencies, MessageSource messages, Locale locale) {
        List<InvalidInput> problems = new ArrayList<>();
        if (present(platform) && Platform.of(platform.strip()).isEmpty()) {
            problems.add(unknown("platform", platform.strip(),
                    Arrays.stream(Platform.values()).map(Platform::name).toList(), messages, locale));
        }
        one(problems, "sentiment", sentiment, PostLabels.SENTIMENTS, messages, locale);
        List<String> topics = new ArrayList<>(PostPagesController.TOPICS);
        topics.add(Prediction.UNCLEAR);
        one(problems, "topic", topic, topics, messages, locale);
        many(problems, "register", register, PostLabels.REGISTERS, messages, locale);
        List<String> domains = new ArrayList<>(PostLabels.DOMAINS);
        domains.add(Prediction.UNCLEAR);
        one(problems, "domain", domain, domains, messages, locale);
        // several values separated by commas: "OFFENSIVE,HATE" is every toxic post, as the dashboard counts them
        many(problems, "toxicity", toxicity, TOXICITY, messages, locale);
        if (present(agency)) {
            Set<String> codes = agencies.all().stream().map(Agency::code).collect(Collectors.toSet());
            for (String code : agency.split(",")) {
                if (!code.isBlank() && !codes.contains(code.strip())) {
                    problems.add(new InvalidInput("agency", "listening.search.unknown-agency", code.strip()));
                }
            }
        }
        InvalidInput.throwIfAny(problems);
    }

    /**
     * The refusal of a value: the filter's name, the value as typed, and the values there are by their names in the
     * reader's language.
     */
    private static InvalidInput unknown(String field, String value, List<String> allowed, MessageSource messages,
            Locale locale) {
        String names = allowed.stream()
                .map(code -> messages.getMessage(field + "." + code.replace(' ', '_'), null, code, locale))
                .collect(Collectors.joining(", "));
        return new InvalidInput(field, "listening.search.unknown-value", value,
                names, messages.getMessage("facet." + field, null, field, locale));
    }

    private static void many(List<InvalidInput> problems, String field, String values, List<String> allowed,
            MessageSource messages, Locale locale) {
        if (present(values)) {
            for (String value : values.split(",")) {
                if (!value.isBlank() && !allowed.contains(value.strip())) {
                    problems.add(unknown(field, value.strip(), allowed, messages, locale));
                }
            }
        }
    }

    private static void one(List<InvalidInput> problems, String field, String value, List<String> allowed,
            MessageSource messages, Locale locale) {
        if (present(value) && !allowed.contains(value.strip())) {
            problems.add(unknown(field, value.strip(), allowed, messages, locale));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

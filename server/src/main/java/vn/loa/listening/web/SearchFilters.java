package vn.loa.listening.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.listening.Platform;
import vn.loa.listening.PostLabels;
import vn.loa.nlp.classify.Prediction;
import vn.loa.shared.InvalidInput;

/**
 * The search filters whose values are a closed list: a value outside it is a typing mistake, refused with the
 * filter's name, not answered with "0 posts found", which an official would read as "nobody wrote about it".
 */
final class SearchFilters {

    private static final List<String> TOXICITY = List.of("CLEAN", "OFFENSIVE", "HATE", Prediction.UNCLEAR);

    private SearchFilters() {
    }

    static void check(String platform, String sentiment, String register, String domain, String toxicity,
            String agency, AgencyDirectory agencies) {
        List<InvalidInput> problems = new ArrayList<>();
        if (present(platform) && Platform.of(platform.strip()).isEmpty()) {
            problems.add(new InvalidInput("platform", "listening.search.unknown-value", platform.strip(), Platform.names()));
        }
        one(problems, "sentiment", sentiment, PostLabels.SENTIMENTS);
        many(problems, "register", register, PostLabels.REGISTERS);
        List<String> domains = new ArrayList<>(PostLabels.DOMAINS);
        domains.add(Prediction.UNCLEAR);
        one(problems, "domain", domain, domains);
        // several values separated by commas: "OFFENSIVE,HATE" is every toxic post, as the dashboard counts them
        many(problems, "toxicity", toxicity, TOXICITY);
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

    private static void many(List<InvalidInput> problems, String field, String values, List<String> allowed) {
        if (present(values)) {
            for (String value : values.split(",")) {
                if (!value.isBlank() && !allowed.contains(value.strip())) {
                    problems.add(new InvalidInput(field, "listening.search.unknown-value", value.strip(),
                            String.join(", ", allowed)));
                }
            }
        }
    }

    private static void one(List<InvalidInput> problems, String field, String value, List<String> allowed) {
        if (present(value) && !allowed.contains(value.strip())) {
            problems.add(new InvalidInput(field, "listening.search.unknown-value", value.strip(), String.join(", ", allowed)));
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

package vn.loa.listening.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.loa.listening.internal.FeedProblem;

/**
 * A feed's last error in the reader's language. The poller stores each problem in one stable English form (the API and
 * the log read it, and sources keep theirs from older versions); the pages show each known form through the bundles
 * ({@code feed.error.*}), with what it names: an address, a status, a limit, a parser's own words. A phrase the forms
 * share (why an address is refused, where an encoding was read) is said through {@code feed.error.phrase.*}. An error
 * of no known form is shown as stored.
 */
@Component("feedErrors")
public class FeedErrors {

    private record Rule(FeedProblem problem, Pattern pattern, List<Integer> order) {
    }

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d}");
    /** The forms with the most fixed text first, so that "HTTP {0}" is not taken for "HTTP {0} without ...". */
    private static final List<Rule> RULES = Arrays.stream(FeedProblem.values())
            .sorted(Comparator.comparingInt((FeedProblem p) -> ARGUMENT.matcher(p.template()).replaceAll("").length()).reversed())
            .map(FeedErrors::rule).toList();
    private static final Map<String, FeedProblem.Phrase> PHRASES = Arrays.stream(FeedProblem.Phrase.values())
            .collect(Collectors.toMap(FeedProblem.Phrase::text, Function.identity()));

    private final MessageSource messages;

    FeedErrors(MessageSource messages) {
        this.messages = messages;
    }

    private static Rule rule(FeedProblem problem) {
        StringBuilder regex = new StringBuilder();
        Matcher matcher = ARGUMENT.matcher(problem.template());
        int at = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(problem.template().substring(at, matcher.start()))).append("(.*?)");
            at = matcher.end();
        }
        regex.append(Pattern.quote(problem.template().substring(at)));
        return new Rule(problem, Pattern.compile(regex.toString(), Pattern.DOTALL), problem.argumentOrder());
    }

    /** The bundle key of a problem. */
    static String key(FeedProblem problem) {
        return "feed.error." + problem.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The bundle key of a phrase. */
    static String key(FeedProblem.Phrase phrase) {
        return "feed.error.phrase." + phrase.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The error in the locale's words, or as stored when it has no known form; empty for none. */
    public String shown(String error, Locale locale) {
        if (error == null) {
            return "";
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(error);
            if (matcher.matches()) {
                Object[] arguments = new Object[rule.order().size()];
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    String value = matcher.group(group);
                    FeedProblem.Phrase phrase = PHRASES.get(value);
                    arguments[rule.order().get(group - 1)] = phrase == null ? value
                            : messages.getMessage(key(phrase), null, value, locale);
                }
                return messages.getMessage(key(rule.problem()), arguments, error, locale);
            }
        }
        return error;
    }
}

package vn.loa.listening.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A quarantined line's reason in the reader's language. The importer stores its reasons in one stable form (the CLI,
 * the API and a connector's log read it, and old imports keep theirs); the pages show each known form through the
 * bundles ({@code quarantine.reason.*}), with the field, the limit or the value it names. A reason of no known form is
 * shown as stored.
 */
@Component("quarantineReasons")
public class QuarantineReasons {

    private record Rule(Pattern pattern, String key) {
    }

    private static final List<Rule> RULES = List.of(
            rule("platform: unknown platform '(.*)'; one of (.*)", "platform"),
            rule("published_at: lies in the future", "future"),
            rule("published_at: not an ISO-8601 date and time, e\\.g\\. (\\S+), nor dd/MM/yyyy HH:mm:ss: '(.*)'", "date"),
            rule("url: must start with http:// or https://", "url"),
            rule("source: '(.*)' belongs to another agency; a token writes only into its own agency's sources or new ones",
                    "foreign-source"),
            rule("(\\w+): contains a NUL character \\(\\\\u0000\\), which cannot be stored", "nul"),
            rule("(\\w+): missing or empty", "missing"),
            rule("(\\w+): longer than (\\d+) characters", "too-long"),
            rule("(\\w+): must be a whole number of zero or more, was '(.*)'", "count"),
            rule("(\\w+): must be text or a number, not an object", "object-field"),
            rule("(\\w+): must be text or a number, not a list", "list-field"),
            rule("not a JSON object with the post's fields", "not-object"),
            rule("not valid JSON: (.*) at column (\\d+)", "json-column"),
            rule("not valid JSON: (.*)", "json"),
            rule("expected (\\d+) columns, found (\\d+)", "columns"),
            rule("not a CSV record: (.*)", "csv"),
            rule("a carriage return outside quotes splits the line; save the file with ordinary line ends", "carriage-return"),
            rule("a quoted field is not closed", "quote"),
            rule("line is longer than (\\d+) KB", "line-too-long"),
            rule("not valid UTF-8 \\(save the file as UTF-8\\)", "utf8"),
            rule("the item has no title and no text", "no-text"));

    private final MessageSource messages;

    QuarantineReasons(MessageSource messages) {
        this.messages = messages;
    }

    private static Rule rule(String regex, String key) {
        return new Rule(Pattern.compile(regex, Pattern.DOTALL), "quarantine.reason." + key);
    }

    /** The reason in the locale's words, or as stored when it has no known form. */
    public String shown(String reason, Locale locale) {
        if (reason == null) {
            return "";
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(reason);
            if (matcher.matches()) {
                Object[] groups = new Object[matcher.groupCount()];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = matcher.group(i + 1);
                }
                return messages.getMessage(rule.key(), groups, reason, locale);
            }
        }
        return reason;
    }
}

package vn.loa.misinformation.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.loa.misinformation.Cases.HistoryEntry;
import vn.loa.platform.DisplayNames;

/**
 * Reads a case's history as sentences in the page's language ({@code case.history.sentence.<ACTION>}: {0} who,
 * then the details the step recorded, named rather than coded). A reason or legal basis someone typed is kept
 * apart, to be shown as a quotation.
 */
@Component
class CaseHistorySentences {

    /** One step of the history as the case page shows it. */
    record Line(Instant at, String sentence, String quoted, String from, String to) {
    }

    /** The keys a transition records (stored as {@code {key=value, ...}}), and the ones that hold typed text. */
    private static final Pattern KEY = Pattern.compile(
            "(?:^\\{|, )(agency|category|owner|severity|slug|verdict|predecessor|lastDay|deadline)=");
    private static final Pattern FREE_TEXT = Pattern.compile("^\\{(reason|legalBasis)=(.*)}$", Pattern.DOTALL);

    private final MessageSource messages;
    private final DisplayNames names;

    CaseHistorySentences(MessageSource messages, DisplayNames names) {
        this.messages = messages;
        this.names = names;
    }

    List<Line> lines(List<HistoryEntry> history, Locale locale) {
        return history.stream().map(entry -> line(entry, locale)).toList();
    }

    Line line(HistoryEntry entry, Locale locale) {
        Map<String, String> details = details(entry);
        String who = names.person(entry.actor());
        String key = "case.history.sentence." + entry.action();
        Object[] arguments = switch (entry.action()) {
            case "OPEN" -> {
                // a citizen's report through the public site says who and how once, not "citizen (citizen report)"
                if ("citizen".equals(entry.actor())) {
                    key += ".citizen";
                }
                yield new Object[] {who, label("case.source." + details.get("source"), locale)};
            }
            case "TRIAGE" -> new Object[] {who, label("case.category." + details.get("category"), locale),
                    label("case.severity." + details.get("severity"), locale)};
            case "ASSIGN" -> {
                if (details.get("owner") != null) {
                    key += ".owner";
                }
                yield new Object[] {who, names.agency(details.get("agency")), names.person(details.get("owner"))};
            }
            case "START_VERIFICATION" -> {
                if (details.get("owner") == null || details.get("owner").equals(entry.actor())) {
                    key += ".self";
                }
                yield new Object[] {who, names.person(details.get("owner"))};
            }
            case "SUBMIT_ANSWER", "APPROVE" -> new Object[] {who, label("case.verdict." + details.get("verdict"), locale)};
            case "ESCALATE" -> new Object[] {who, details.getOrDefault("deadline", "")};
            case "PASSED_TO_SUCCESSOR" -> new Object[] {who, names.agency(details.get("agency")),
                    names.agency(details.get("predecessor")), details.getOrDefault("lastDay", ""),
                    details.getOrDefault("deadline", "")};
            default -> new Object[] {who};
        };
        String sentence = messages.getMessage(key, arguments, null, locale);
        if (sentence == null) {
            sentence = who + ": " + messages.getMessage("case.history." + entry.action(), null, entry.action(), locale);
        }
        String quoted = details.get("reason") != null ? details.get("reason") : details.get("legalBasis");
        return new Line(entry.at(), sentence, quoted, entry.from(), entry.to());
    }

    /** What the step recorded: a case's source on opening, a deadline on escalation, else the transition's details. */
    static Map<String, String> details(HistoryEntry entry) {
        Map<String, String> details = new LinkedHashMap<>();
        String detail = entry.detail();
        if (detail == null || detail.isBlank()) {
            return details;
        }
        switch (entry.action()) {
            case "OPEN" -> details.put("source", detail);
            case "ESCALATE" -> details.put("deadline",
                    detail.replaceFirst("^deadline ", "").replaceAll("(\\d{1,2}:\\d{2}):\\d{2}", "$1"));
            default -> {
                Matcher free = FREE_TEXT.matcher(detail);
                if (free.matches()) {
                    details.put(free.group(1), free.group(2));
                    break;
                }
                Matcher keys = KEY.matcher(detail);
                String name = null;
                int valueStart = 0;
                while (keys.find()) {
                    if (name != null) {
                        details.put(name, detail.substring(valueStart, keys.start()));
                    }
                    name = keys.group(1);
                    valueStart = keys.end();
                }
                if (name != null) {
                    details.put(name, detail.substring(valueStart, detail.endsWith("}") ? detail.length() - 1 : detail.length()));
                }
            }
        }
        return details;
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, "", locale);
    }
}

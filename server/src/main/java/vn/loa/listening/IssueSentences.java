package vn.loa.listening;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An emerging issue in one plain sentence, in the reader's language: what is new, how much, how fast compared with
 * normal, how negative, which agency answers, and what is being done. Used by the pages (as {@code @issueSentences}
 * in templates), the alert e-mails and the digests, so that they all say the same thing.
 */
@Component("issueSentences")
public class IssueSentences {

    private final MessageSource messages;

    public IssueSentences(MessageSource messages) {
        this.messages = messages;
    }

    /** The issue's title: its new words in quotation marks, or its series' name when it has none. */
    public String title(Trends.Issue issue, Locale locale) {
        if (!issue.words().isEmpty()) {
            return messages.getMessage("issue.title", new Object[] {issue.title()}, locale);
        }
        return seriesName(issue.dimension(), issue.value(), issue.name(), locale);
    }

    /** What a series is called: a topic's or domain's name from the bundles, else the name given. */
    public String seriesName(String dimension, String value, String name, Locale locale) {
        return switch (dimension) {
            case "topic" -> messages.getMessage("topic." + value.replace(' ', '_'), null, value, locale);
            case "domain" -> messages.getMessage("domain." + value, null, value, locale);
            default -> name == null ? value : name;
        };
    }

    /** A series that rose with an issue as the issue's page lists it: where it leads, and what it is called there. */
    public record RelatedSeries(String dimension, String value, String label) {
    }

    /**
     * The first {@code limit} series that rose with an issue, each named once, a policy domain and a news topic said to
     * be one ("Y tế (lĩnh vực)", "Sức khỏe (chủ đề)"): in English both are "Health", and the list read "Department of
     * Health, Health, Health".
     */
    public java.util.List<RelatedSeries> related(Trends.Issue issue, int limit, Locale locale) {
        java.util.Map<String, RelatedSeries> byLabel = new java.util.LinkedHashMap<>();
        for (Trends.Related r : issue.related()) {
            String name = seriesName(r.dimension(), r.value(), r.name(), locale);
            String label = switch (r.dimension()) {
                case "topic", "domain" -> messages.getMessage("trends.related." + r.dimension(), new Object[] {name}, locale);
                default -> name;
            };
            if (byLabel.size() < limit) {
                byLabel.putIfAbsent(label, new RelatedSeries(r.dimension(), r.value(), label));
            }
        }
        return java.util.List.copyOf(byLabel.values());
    }

    /**
     * How much and how fast: "48 posts in the last hour, 12 times the usual; 120 posts by 95 people in 24 hours", and,
     * when most of them repeat one passage, how many: 90 posts of one shared article are not 90 opinions.
     */
    public String amount(Trends.Issue issue, Locale locale) {
        String amount = volume(issue, locale);
        if (issue.sharedPassage() < 2) {
            return amount;
        }
        return messages.getMessage("issue.shared-passage", new Object[] {amount, issue.sharedPassage(),
                Stories.PASSAGE_OWN_WORDS}, locale);
    }

    private String volume(Trends.Issue issue, Locale locale) {
        String window = messages.getMessage("issue.window." + issue.windowMinutes(), null, locale);
        String growth = issue.growth() >= 100 || issue.expected() < 0.05
                ? messages.getMessage("issue.growth.new", null, locale)
                : messages.getMessage("issue.growth", new Object[] {Math.max(1, Math.round(issue.growth()))}, locale);
        String recent = messages.getMessage("issue.recent", new Object[] {issue.recent(), window, growth}, locale);
        if (issue.windowMinutes() >= 1440) {
            return messages.getMessage("issue.amount.day", new Object[] {recent, issue.authors()}, locale);
        }
        return messages.getMessage("issue.amount", new Object[] {recent, issue.observed(), issue.authors()}, locale);
    }

    /** Which agency answers for it. */
    public String agency(Trends.Issue issue, Locale locale) {
        return issue.agency() == null ? messages.getMessage("issue.agency.none", null, locale)
                : messages.getMessage("issue.agency", new Object[] {issue.agency().name()}, locale);
    }

    /** What is being done: the case that covers it, or nothing yet. */
    public String action(Trends.Issue issue, Locale locale) {
        Trends.Coverage coverage = issue.coverage();
        if (coverage == null) {
            return messages.getMessage("issue.action.none", null, locale);
        }
        if (!coverage.opens()) {
            return messages.getMessage("issue.action.handled", null, locale);
        }
        String status = messages.getMessage("case.status." + coverage.status(), null, coverage.status(), locale);
        return messages.getMessage(coverage.answered() ? "issue.action.answered" : "issue.action.case",
                new Object[] {coverage.caseId(), status}, locale);
    }

    /** What citizens think of it: the share of their comments that are negative, or that it has none (news only). */
    public String opinion(Trends.Issue issue, Locale locale) {
        return issue.comments() == 0 ? messages.getMessage("issue.opinion.none", null, locale)
                : messages.getMessage("issue.opinion", new Object[] {Math.round(issue.negativeShare() * 100),
                        issue.comments()}, locale);
    }

    /** The whole sentence. */
    public String sentence(Trends.Issue issue, Locale locale) {
        return messages.getMessage("issue.sentence", new Object[] {title(issue, locale), amount(issue, locale),
                opinion(issue, locale), agency(issue, locale), action(issue, locale)}, locale);
    }
}

package vn.loa.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.loa.audit.AuditRecord;
import vn.loa.platform.DisplayNames;
import vn.loa.shared.LocalTime;

/**
 * Reads an audit record as a sentence in the page's language: who did what to what, with the details that
 * matter named rather than coded ({@code audit.entry.<action>}: {0} the actor, {1} the target, then the
 * details listed for the action). Free text people typed (a reason, a legal basis) is kept apart, to be shown
 * as a quotation.
 */
@Component
class AuditSentences {

    /** A record as a page shows it. */
    record Line(long id, Instant occurredAt, String sentence, List<String> quoted, String agency) {
    }

    /** The details each action's sentence names, in the order of its arguments from {2} on. */
    private static final Map<String, List<String>> DETAILS = Map.ofEntries(
            Map.entry("audit.exported", List.of("rows")),
            Map.entry("database.restored", List.of("file", "takenAt", "rows")),
            Map.entry("user.created", List.of("roles", "agency")),
            Map.entry("user.updated", List.of("changes")),
            Map.entry("user.signed-in", List.of("remoteAddress")),
            Map.entry("user.sign-in-failed", List.of("reason", "remoteAddress")),
            Map.entry("user.locked-out", List.of("failedAttempts", "until")),
            Map.entry("agency.created", List.of("name", "validFrom")),
            Map.entry("agency.updated", List.of("changes")),
            Map.entry("agency.succeeded", List.of("successor", "effectiveOn")),
            Map.entry("agency.imported", List.of("units", "successions")),
            Map.entry("api-token.issued", List.of("name", "agency")),
            Map.entry("api-token.revoked", List.of("name")),
            Map.entry("information-request.received", List.of("agency", "channel", "requestStatus")),
            Map.entry("information-request.acted", List.of("agency", "requestAction", "requestStatus")),
            Map.entry("disclosure-item.added", List.of("agency", "name")),
            Map.entry("disclosure-item.published", List.of("agency", "name")),
            Map.entry("information-request.escalated", List.of("agency", "dueOn")),
            Map.entry("information-request.passed-to-successor", List.of("agency", "dueOn")),
            Map.entry("access-time-limit.entered", List.of("channel", "validFrom", "document")),
            Map.entry("information-request.published", List.of("agency", "redactions")),
            Map.entry("information-request.link-issued", List.of("agency")),
            Map.entry("information-request.files-added", List.of("agency", "files")),
            Map.entry("calendar-day.entered", List.of("day", "dayKind", "name", "document")),
            Map.entry("calendar-day.withdrawn", List.of("day", "name")),
            Map.entry("work-week.set", List.of("weekDays")),
            Map.entry("deadline.moved", List.of("previousDue", "newDue", "change")),
            Map.entry("posts.imported", List.of("file", "read", "stored", "duplicates", "quarantined")),
            Map.entry("posts.exported", List.of("format", "rows")),
            Map.entry("post.corrected", List.of("field", "from", "to")),
            Map.entry("posts.reanalysed", List.of("posts")),
            Map.entry("source.added", List.of("code", "url")),
            Map.entry("source.enabled", List.of("code")),
            Map.entry("source.changed", List.of("code", "url")),
            Map.entry("source.disabled", List.of("code")),
            Map.entry("source.citizens", List.of("code")),
            Map.entry("source.not-citizens", List.of("code")),
            Map.entry("source.local", List.of("code")),
            Map.entry("source.not-local", List.of("code")),
            Map.entry("alert-rule.added", List.of("kind", "agency", "threshold")),
            Map.entry("alert-rule.changed", List.of("kind", "agency", "threshold")),
            Map.entry("alert.acknowledged", List.of("kind")),
            Map.entry("routing-rule.added", List.of("agency", "match", "value")),
            Map.entry("routing-rule.removed", List.of("agency", "match", "value")),
            Map.entry("case.opened", List.of("source", "category", "severity", "posts", "agency")),
            Map.entry("case.triage", List.of("category", "severity")),
            Map.entry("case.assign", List.of("agency", "owner")),
            Map.entry("case.start_verification", List.of("owner")),
            Map.entry("case.submit_answer", List.of("verdict")),
            Map.entry("case.approve", List.of("verdict")),
            Map.entry("case.posts-linked", List.of("posts")),
            Map.entry("case.escalated", List.of("deadline", "minutesLate")),
            Map.entry("case.passed-to-successor", List.of("agency", "deadline")),
            Map.entry("case.note-added", List.of("links")),
            Map.entry("case.file-attached", List.of("file", "size")),
            Map.entry("case.repeats-found", List.of("posts")),
            Map.entry("case.evidence-packaged", List.of("items")),
            Map.entry("case.evidence-captured", List.of("items")),
            Map.entry("spokesperson.appointed", List.of("agency", "capacity", "validFrom")),
            Map.entry("spokesperson.ended", List.of("agency", "validTo")),
            Map.entry("spokesperson.withdrawn", List.of("agency")),
            Map.entry("press-outlet.added", List.of("name")),
            Map.entry("journalist.added", List.of("name")),
            Map.entry("journalist.ended", List.of("name")),
            Map.entry("press-enquiry.received", List.of("agency", "enquiryKind", "deadline")),
            Map.entry("press-enquiry.acted", List.of("agency", "enquiryAction", "enquiryStatus")),
            Map.entry("press-enquiry.acted-in-place", List.of("agency", "enquiryAction", "enquiryStatus")),
            Map.entry("press-enquiry.escalated", List.of("agency", "deadline")),
            Map.entry("press-enquiry.passed-to-successor", List.of("agency", "deadline")),
            Map.entry("press-enquiry.crisis-confirmed", List.of("agency", "deadline")),
            Map.entry("press-enquiry.crisis-declined", List.of("agency")),
            Map.entry("press-enquiry.withdrawn-by-agency", List.of("agency")),
            Map.entry("press-statement.drafted", List.of("agency", "statementForm")),
            Map.entry("press-statement.published", List.of("agency", "statementForm", "statementChannel")),
            Map.entry("press-statement.published-in-place", List.of("agency")),
            Map.entry("press-time-limit.entered", List.of("enquiryKind", "validFrom", "document")),
            Map.entry("press-crisis.opened", List.of("agency", "deadline")),
            Map.entry("press-crisis.passed-to-successor", List.of("agency", "deadline")),
            Map.entry("press-crisis.first-statement", List.of("agency")),
            Map.entry("press-crisis.enquiry-linked", List.of("agency")),
            Map.entry("press-crisis.statement-drafted", List.of("agency")),
            Map.entry("press-crisis.closed", List.of("agency")),
            Map.entry("press-crisis.closed-without-statement", List.of("agency")),
            Map.entry("press-crisis-rule.entered", List.of("validFrom", "document")),
            Map.entry("press-obligation-rule.entered", List.of("validFrom", "document")),
            Map.entry("press-conference.scheduled", List.of("agency", "deadline")),
            Map.entry("press-conference.held", List.of("agency")),
            Map.entry("press-conference.cancelled", List.of("agency")),
            Map.entry("press-statement.refutation-issued", List.of("agency")),
            Map.entry("press-correction.found", List.of("agency")),
            Map.entry("press-correction.overdue", List.of("agency")));

    /** How the import of a feed's items is labelled: the feed's code follows. */
    private static final String FEED = "feed:";

    /** Details that are text people typed: quoted beside the sentence, never inside it. */
    private static final List<String> FREE_TEXT = List.of("reason", "legalBasis");

    private final MessageSource messages;
    private final DisplayNames names;
    private final ObjectMapper json;

    AuditSentences(MessageSource messages, DisplayNames names, ObjectMapper json) {
        this.messages = messages;
        this.names = names;
        this.json = json;
    }

    Line line(AuditRecord record, Locale locale) {
        Map<String, Object> details = details(record.details());
        List<Object> arguments = new ArrayList<>();
        arguments.add(names.person(record.actor()));
        arguments.add(target(record, details, locale));
        for (String detail : DETAILS.getOrDefault(record.action(), List.of())) {
            arguments.add(value(record.action(), detail, details, locale));
        }
        String key = "audit.entry." + record.action();
        if (details.get("file") instanceof String file && file.startsWith(FEED)) {
            // a poll of a feed imports under the feed's code: say which source it was
            key += ".feed";
            arguments.set(2, names.source(file.substring(FEED.length())));
        }
        String sentence;
        try {
            sentence = messages.getMessage(key, arguments.toArray(), null, locale);
        } catch (IllegalArgumentException e) {
            // an old record without a number its sentence counts with
            sentence = null;
        }
        if (sentence == null) {
            sentence = messages.getMessage("audit.entry.other", new Object[] {arguments.get(0), record.action()}, locale);
        }
        // a failed sign-in's reason is a code its sentence already names in words
        List<String> quoted = FREE_TEXT.stream().filter(details::containsKey)
                .filter(free -> !(free.equals("reason") && record.action().equals("user.sign-in-failed")))
                .map(free -> String.valueOf(details.get(free))).toList();
        return new Line(record.id(), record.occurredAt(), sentence, quoted,
                record.agencyCode() == null ? "" : names.agency(record.agencyCode()));
    }

    /** An account's field before and after, as its record keeps them ("[OFFICER] -> [COORDINATOR]", "SYT -> null"). */
    private String change(String field, Object recorded, Locale locale) {
        String text = String.valueOf(recorded);
        int arrow = text.indexOf(" -> ");
        if (arrow < 0) {
            return text;
        }
        return shown(field, text.substring(0, arrow), locale) + " → " + shown(field, text.substring(arrow + 4), locale);
    }

    private String shown(String field, String value, Locale locale) {
        return switch (field) {
            case "roles" -> Arrays.stream(value.replace("[", "").replace("]", "").split(",\\s*"))
                    .filter(role -> !role.isBlank()).map(role -> label("role." + role, role, locale))
                    .collect(Collectors.joining(", "));
            case "agency" -> value.equals("null") ? label("audit.no-agency", "—", locale) : names.agency(value);
            default -> value;
        };
    }

    private Map<String, Object> details(String text) {
        try {
            return text == null || text.isBlank() ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private Object target(AuditRecord record, Map<String, Object> details, Locale locale) {
        String type = record.targetType() == null ? "" : record.targetType();
        if (record.action().equals("deadline.moved") && record.targetId() != null) {
            // the deadline of which record: an information request and a press enquiry may have the same number
            String owner = messages.getMessage("audit.deadline-owner." + type, new Object[] {record.targetId()}, null, locale);
            if (owner != null) {
                return owner;
            }
        }
        if (type.equals("user") && details.get("username") instanceof String username) {
            return names.person(username);
        }
        if (type.equals("agency")) {
            if (details.get("code") instanceof String code) {
                return names.agency(code);
            }
            if (record.targetId() != null && record.targetId().matches("\\d{1,18}")) {
                return names.agencyWithId(Long.parseLong(record.targetId()));
            }
        }
        if (record.targetId() != null && record.targetId().matches("\\d{1,18}")) {
            return Long.parseLong(record.targetId());
        }
        return record.targetId() == null ? "" : record.targetId();
    }

    private Object value(String action, String key, Map<String, Object> details, Locale locale) {
        Object value = details.get(key);
        if (key.equals("changes") && action.equals("user.updated")) {
            // who may do what is what an account's change is about: its roles and agency before and after, not their names
            return details.keySet().stream().filter(k -> !k.equals("username") && !k.equals("code"))
                    .map(k -> label("audit.field." + k, k, locale) + " " + change(k, details.get(k), locale))
                    .collect(Collectors.joining("; "));
        }
        if (key.equals("changes")) {
            return details.keySet().stream().filter(k -> !k.equals("username") && !k.equals("code"))
                    .map(k -> label("audit.field." + k, k, locale)).collect(Collectors.joining(", "));
        }
        if (value == null) {
            return key.equals("agency") && action.startsWith("case.") ? label("cases.no-agency", "—", locale) : "—";
        }
        String text = String.valueOf(value);
        return switch (key) {
            case "agency" -> names.agency(text);
            case "code" -> action.startsWith("source.") ? names.source(text) : text;
            case "owner", "username", "started_by" -> names.person(text);
            case "successor" -> text.matches("\\d{1,18}") ? names.agencyWithId(Long.parseLong(text)) : text;
            case "roles" -> Arrays.stream(text.replace("[", "").replace("]", "").split(",\\s*"))
                    .filter(role -> !role.isBlank()).map(role -> label("role." + role, role, locale))
                    .collect(Collectors.joining(", "));
            case "reason" -> label("audit.reason." + text, text, locale);
            // a connector's batch is imported under "push:" and who pushed it
            case "file" -> text.startsWith("push:")
                    ? messages.getMessage("audit.file.push", new Object[] {names.person(text.substring("push:".length()))},
                            locale)
                    : text;
            case "source" -> label("case.source." + text, text, locale);
            case "category" -> label("case.category." + text, text, locale);
            case "severity" -> label("case.severity." + text, text, locale);
            case "verdict" -> label("case.verdict." + text, text, locale);
            case "kind" -> label("alerts.kind." + text, text, locale);
            case "match" -> label("rules.kind." + text, text, locale);
            case "value" -> action.startsWith("routing-rule.") ? routedBy(details, text, locale) : text;
            case "field" -> label("audit.field." + text, text, locale);
            case "from", "to" -> correctedValue(action, details, text, locale);
            case "format" -> text.equalsIgnoreCase("xlsx") ? "Excel" : text.toUpperCase(Locale.ROOT);
            case "validFrom", "validTo", "effectiveOn", "day", "previousDue", "newDue", "dueOn" -> day(text);
            case "capacity" -> label("press.capacity." + text, text, locale);
            case "enquiryKind" -> label("press.kind." + text, text, locale);
            case "enquiryAction" -> label("press.action." + text, text, locale);
            case "enquiryStatus" -> label("press.status." + text, text, locale);
            case "statementForm" -> label("press.form." + text, text, locale);
            case "statementChannel" -> label("press.statement-channel." + text, text, locale);
            case "dayKind" -> label("calendar.kind." + text, text, locale);
            case "requestAction" -> label("transparency.action." + text, text, locale);
            case "requestStatus" -> label("transparency.status." + text, text, locale);
            case "channel" -> label("transparency.channel." + text, text, locale);
            case "weekDays" -> Arrays.stream(text.split(",")).map(String::strip).map(day -> {
                try {
                    return java.time.DayOfWeek.valueOf(day).getDisplayName(java.time.format.TextStyle.FULL, locale);
                } catch (IllegalArgumentException e) {
                    return day;
                }
            }).collect(Collectors.joining(", "));
            case "deadline", "takenAt" -> instant(text);
            case "until" -> text.replaceAll("(\\d{1,2}:\\d{2}):\\d{2}", "$1");
            case "size" -> value instanceof Number n ? (n.longValue() + 1023) / 1024 : text;
            default -> value instanceof Collection<?> many ? many.size() : value instanceof Number ? value : text;
        };
    }

    private Object correctedValue(String action, Map<String, Object> details, String value, Locale locale) {
        if (action.startsWith("case.")) {
            return label("case.status." + value, value, locale);
        }
        return switch (String.valueOf(details.get("field"))) {
            case "sentiment" -> label("sentiment." + value, value, locale);
            case "topic" -> label("topic." + value.replace(' ', '_'), value, locale);
            case "agency" -> names.agency(value);
            default -> value;
        };
    }

    /** What a routing rule matches: a topic or a policy domain by its name, a keyword as typed. */
    private String routedBy(Map<String, Object> details, String value, Locale locale) {
        return switch (String.valueOf(details.get("match"))) {
            case "TOPIC" -> label("topic." + value.replace(' ', '_'), value, locale);
            case "DOMAIN" -> label("domain." + value, value, locale);
            default -> value;
        };
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private static String day(String text) {
        try {
            return LocalTime.format(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String instant(String text) {
        try {
            return LocalTime.format(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}

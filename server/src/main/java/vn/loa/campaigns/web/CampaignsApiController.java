package vn.loa.campaigns.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.campaigns.Audience;
import vn.loa.campaigns.Campaign;
import vn.loa.campaigns.CampaignSettings;
import vn.loa.campaigns.Campaigns;
import vn.loa.campaigns.Emergency;
import vn.loa.campaigns.Message;
import vn.loa.campaigns.MessageAction;
import vn.loa.campaigns.MessageStatus;
import vn.loa.campaigns.Messages;
import vn.loa.campaigns.Plan;
import vn.loa.campaigns.Step;
import vn.loa.campaigns.Translation;
import vn.loa.campaigns.Version;
import vn.loa.campaigns.VersionChecks;
import vn.loa.campaigns.VersionKind;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.nlp.AccentFolding;
import vn.loa.platform.Pager;
import vn.loa.publishing.Channel;
import vn.loa.publishing.Publishing.PublicationRecord;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.shared.SmsSegments;

/**
 * The campaigns API. {@code /api/v1/campaigns}: {@code GET} (filter {@code planId}), {@code GET /{id}}, {@code POST}
 * (201; 422 naming each field), and {@code GET|POST /plans}. {@code /api/v1/messages}: {@code GET} (filters
 * {@code campaignId}, {@code status}; paged by {@code page} and {@code size}), {@code GET /{id}}, {@code POST} (201), {@code PUT /{id}} (a draft's title and text), {@code GET /{id}/versions} (each with
 * its figures and its publications), {@code PUT /{id}/versions/{kind}}, {@code POST /{id}/transitions}
 * ({@code {action: submit|approve|return|schedule|withdraw|emergency_publish, publishAt, reason, seen}}, {@code seen}
 * the ETag of {@code GET /{id}}: an approval of a message changed since is 409, {@code publishAt}
 * with its UTC offset (422 without); 409 for a step the
 * status does not allow or an approval by the author, 403 for a user who may not take it), {@code GET /{id}/steps},
 * {@code GET|POST /sms-segments} (encoding, characters, segments, cost and the diacritic-free text), translations:
 * {@code POST /versions/{versionId}/translations}, {@code POST /translations/{id}/submit}, {@code POST
 * /translations/{id}/approve}.
 */
@RestController
@ConditionalOnWebApplication
class CampaignsApiController {

    private final Campaigns campaigns;
    private final Messages messages;
    private final CampaignSettings settings;
    private final VersionChecks checks;

    CampaignsApiController(Campaigns campaigns, Messages messages, CampaignSettings settings) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.settings = settings;
        this.checks = new VersionChecks(settings);
    }

    record PostedPlan(String agencyCode, Integer year, String title) {
    }

    record PostedCampaign(Long planId, String title, String policy, String objectives, String keyMessages,
            List<String> audiences, List<String> communes, List<String> channels, List<String> responsibleAgencies,
            String startsOn, String endsOn, String budgetLine, Long budgetVnd, List<String> keywords) {
    }

    record PostedMessage(Long campaignId, String title, String body, String emergency) {
    }

    record PostedVersion(String title, String body, String hashtags, String link) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CampaignTransition")
    record PostedTransition(String action, String publishAt, String reason, String seen) {
    }

    record PostedTranslation(String language, String translator, String body) {
    }

    record PostedText(String text) {
    }

    /** An SMS text's figures, and the same text without diacritics when it has them. */
    record SmsFigures(SmsSegments.Encoding encoding, int characters, int units, int segments, long costVnd,
            String plainText, SmsSegments.Count plain) {
    }

    /** A version with its figures and what publishing recorded for it, per language. */
    record VersionView(Version version, VersionChecks.Figures figures, List<PublicationRecord> publications) {
    }

    @GetMapping("/api/v1/campaigns/plans")
    List<Plan> plans() {
        return campaigns.plans(user());
    }

    @PostMapping("/api/v1/campaigns/plans")
    @ResponseStatus(HttpStatus.CREATED)
    Plan plan(@RequestBody PostedPlan posted) {
        if (posted.year() == null) {
            throw new InvalidInput("year", "campaigns.error.year");
        }
        return campaigns.createPlan(posted.agencyCode(), posted.year(), posted.title(), user());
    }

    @GetMapping("/api/v1/campaigns")
    List<Campaign> campaigns(@RequestParam(required = false) Long planId) {
        return campaigns.list(planId, user());
    }

    @GetMapping("/api/v1/campaigns/{id}")
    Campaign campaign(@PathVariable long id) {
        return campaigns.get(id, user());
    }

    @PostMapping("/api/v1/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    Campaign create(@RequestBody PostedCampaign p) {
        List<InvalidInput> problems = new ArrayList<>();
        if (p.planId() == null) {
            problems.add(new InvalidInput("planId", "campaigns.error.plan"));
        }
        List<Audience> audiences = parseAll(Audience.class, p.audiences(), "audiences", problems);
        List<Channel> channels = parseAll(Channel.class, p.channels(), "channels", problems);
        LocalDate starts = date(p.startsOn(), "startsOn", problems);
        LocalDate ends = date(p.endsOn(), "endsOn", problems);
        Campaigns.Draft draft = new Campaigns.Draft(p.title(), p.policy(), p.objectives(), p.keyMessages(), audiences,
                p.communes(), channels, p.responsibleAgencies(), starts, ends, p.budgetLine(), p.budgetVnd(), p.keywords());
        if (p.planId() == null) {
            InvalidInput.throwIfAny(problems);
        }
        withTheOthers(problems, () -> campaigns.problems(p.planId(), draft, user()));
        return campaigns.create(p.planId(), draft, user());
    }

    /**
     * Refuses the fields that could not be read together with those the domain refuses (one answer names every field
     * at fault, not the unreadable ones first and the rest on the next try); nothing when all could be read.
     */
    static void withTheOthers(List<InvalidInput> unreadable, java.util.function.Supplier<List<InvalidInput>> others) {
        if (unreadable.isEmpty()) {
            return;
        }
        List<InvalidInput> all = new ArrayList<>(unreadable);
        java.util.Set<String> told = new java.util.HashSet<>();
        unreadable.forEach(problem -> told.add(problem.field()));
        others.get().stream().filter(problem -> !told.contains(problem.field())).forEach(all::add);
        InvalidInput.throwIfAny(all);
    }

    @GetMapping("/api/v1/messages")
    ResponseEntity<List<Message>> messages(@RequestParam(required = false) Long campaignId,
            @RequestParam(required = false) String status, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        List<InvalidInput> problems = new ArrayList<>();
        MessageStatus chosen = parse(MessageStatus.class, status, "status", problems);
        InvalidInput.throwIfAny(problems);
        Page<Message> list = messages.list(campaignId, chosen, PageRequest.parse(page, size), user());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("campaignId", campaignId == null ? "" : campaignId.toString());
        filters.put("status", chosen == null ? "" : chosen.name());
        return ResponseEntity.ok().headers(Pager.apiHeaders("/api/v1/messages", filters, list)).body(list.items());
    }

    /** The message, with its content mark as the ETag: an approval that sends it back as {@code seen} approves that text. */
    @GetMapping("/api/v1/messages/{id}")
    org.springframework.http.ResponseEntity<Message> message(@PathVariable long id) {
        SignedInUser user = user();
        Message m = messages.get(id, user);
        return org.springframework.http.ResponseEntity.ok().eTag(messages.contentMark(id, user)).body(m);
    }

    @PostMapping("/api/v1/messages")
    @ResponseStatus(HttpStatus.CREATED)
    Message write(@RequestBody PostedMessage p) {
        List<InvalidInput> problems = new ArrayList<>();
        if (p.campaignId() == null) {
            problems.add(new InvalidInput("campaignId", "campaigns.error.campaign"));
        }
        Emergency emergency = parse(Emergency.class, p.emergency(), "emergency", problems);
        InvalidInput.throwIfAny(problems);
        return messages.write(p.campaignId(), p.title(), p.body(), emergency, user());
    }

    @PutMapping("/api/v1/messages/{id}")
    Message rewrite(@PathVariable long id, @RequestBody PostedMessage p) {
        return messages.rewrite(id, p.title(), p.body(), user());
    }

    @GetMapping("/api/v1/messages/{id}/versions")
    List<VersionView> versions(@PathVariable long id) {
        SignedInUser user = user();
        List<Translation> translations = messages.translations(id, user);
        return messages.versions(id, user).stream().map(v -> {
            List<PublicationRecord> publications = new ArrayList<>(messages.publications(v.id(), "vi"));
            translations.stream().filter(t -> t.versionId() == v.id())
                    .forEach(t -> publications.addAll(messages.publications(v.id(), t.language())));
            return new VersionView(v, checks.of(v.kind(), VersionChecks.published(v)), publications);
        }).toList();
    }

    @PutMapping("/api/v1/messages/{id}/versions/{kind}")
    VersionView saveVersion(@PathVariable long id, @PathVariable String kind, @RequestBody PostedVersion p) {
        List<InvalidInput> problems = new ArrayList<>();
        VersionKind chosen = parse(VersionKind.class, kind, "kind", problems);
        if (chosen == null && problems.isEmpty()) {
            problems.add(new InvalidInput("kind", "campaigns.error.kind"));
        }
        InvalidInput.throwIfAny(problems);
        Version v = messages.saveVersion(id, chosen, p.title(), p.body(), p.hashtags(), p.link(), user());
        return new VersionView(v, checks.of(v.kind(), VersionChecks.published(v)), List.of());
    }

    @PostMapping("/api/v1/messages/{id}/transitions")
    Message transition(@PathVariable long id, @RequestBody PostedTransition t) {
        List<InvalidInput> problems = new ArrayList<>();
        MessageAction action = parse(MessageAction.class, t.action(), "action", problems);
        if (action == null && problems.isEmpty()) {
            problems.add(new InvalidInput("action", "campaigns.error.action"));
        }
        Instant publishAt = instant(t.publishAt(), "publishAt", problems);
        InvalidInput.throwIfAny(problems);
        // the ETag of GET /api/v1/messages/{id}, with or without its quotes
        String seen = t.seen() == null ? null : t.seen().replace("\"", "").strip();
        return messages.act(id, action, publishAt, t.reason(), seen, user());
    }

    @GetMapping("/api/v1/messages/{id}/steps")
    List<Step> steps(@PathVariable long id) {
        return messages.steps(id, user());
    }

    @GetMapping("/api/v1/messages/sms-segments")
    SmsFigures smsSegments(@RequestParam(defaultValue = "") String text) {
        return sms(text);
    }

    @PostMapping("/api/v1/messages/sms-segments")
    SmsFigures smsSegmentsOf(@RequestBody PostedText posted) {
        return sms(posted.text());
    }

    private SmsFigures sms(String text) {
        if (text != null && text.length() > 10_000) {
            throw new InvalidInput("text", "campaigns.error.body");
        }
        SmsSegments.Count count = SmsSegments.count(text, settings.smsPricePerSegment());
        String plain = count.encoding() == SmsSegments.Encoding.UCS_2 ? AccentFolding.stripDiacritics(text) : null;
        return new SmsFigures(count.encoding(), count.characters(), count.units(), count.segments(), count.costVnd(),
                plain, plain == null ? null : SmsSegments.count(plain, settings.smsPricePerSegment()));
    }

    @PostMapping("/api/v1/messages/versions/{versionId}/translations")
    @ResponseStatus(HttpStatus.CREATED)
    Translation assign(@PathVariable long versionId, @RequestBody PostedTranslation p) {
        return messages.assignTranslation(versionId, p.language(), p.translator(), user());
    }

    @PostMapping("/api/v1/messages/translations/{id}/submit")
    Translation submit(@PathVariable long id, @RequestBody PostedTranslation p) {
        return messages.submitTranslation(id, p.body(), null, null, user());
    }

    @PostMapping("/api/v1/messages/translations/{id}/approve")
    Translation approve(@PathVariable long id) {
        return messages.approveTranslation(id, user());
    }

    /** A name of a constant in any case, null for a blank one; a wrong one is named among the problems. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput(field, "campaigns.error.choice", value.strip()));
            return null;
        }
    }

    static <E extends Enum<E>> List<E> parseAll(Class<E> type, List<String> values, String field,
            List<InvalidInput> problems) {
        List<E> parsed = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                E e = parse(type, v, field, problems);
                if (e != null) {
                    parsed.add(e);
                }
            }
        }
        return parsed;
    }

    static LocalDate date(String value, String field, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput(field, "campaigns.error.date"));
            return null;
        }
    }

    /**
     * An ISO 8601 time with its UTC offset, null for a blank one. A time without an offset is refused rather than read
     * in some zone: a caller elsewhere would have the message go out hours early or late.
     */
    static Instant instant(String value, String field, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String given = value.strip();
        try {
            return OffsetDateTime.parse(given).toInstant();
        } catch (DateTimeParseException e) {
            try {
                problems.add(new InvalidInput(field, "campaigns.error.publish-at-offset",
                        LocalDateTime.parse(given).toString()));
            } catch (DateTimeParseException notATime) {
                problems.add(new InvalidInput(field, "campaigns.error.publish-at-format"));
            }
            return null;
        }
    }

    static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }
}

package vn.loa.listening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Platform;
import vn.loa.listening.PostCorrected;
import vn.loa.listening.PostCorrections;
import vn.loa.listening.PostLabels;
import vn.loa.nlp.analyze.Register;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.classify.LinearClassifier;
import vn.loa.nlp.classify.Prediction;
import vn.loa.nlp.classify.Task;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** Corrections in one transaction: roll-ups out, the post changed, roll-ups in, the correction kept, the event published. */
@Service
class JdbcPostCorrections implements PostCorrections {

    static final List<String> TOPICS = Arrays.asList(LinearClassifier.loadResource(Task.NEWS_TOPIC.resource()).labels());

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Rollups rollups;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final TextAnalyzer analyzer;
    private final RoutingRules routing;

    JdbcPostCorrections(JdbcClient jdbc, Clock clock, Rollups rollups, AgencyDirectory agencies,
            ApplicationEventPublisher events, TextAnalyzer analyzer, RoutingRules routing) {
        this.analyzer = analyzer;
        this.routing = routing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rollups = rollups;
        this.agencies = agencies;
        this.events = events;
    }

    @Override
    @Transactional
    public Correction correct(long postId, String field, String value, SignedInUser user) {
        return correct(postId, field, value, null, true, user);
    }

    /**
     * A correction of one field; {@code shown}, when not null, is the value the user's form showed for it;
     * {@code reroute} whether a corrected domain may route the post again (not when the same form sets its agency).
     */
    private Correction correct(long postId, String field, String value, String shown, boolean reroute,
            SignedInUser user) {
        if (user.has(Role.PRESS) || user.apiClient()) {
            throw new AccessDeniedException("labels are corrected by officers and coordinators, not the press or API clients");
        }
        // the post is locked first: a re-analysis batch holding it is waited for, so what leaves the roll-ups below
        // is what the post is, and a re-analysis after it sees the correction
        jdbc.sql("SELECT id FROM post WHERE id = ? FOR UPDATE").param(postId).query(Long.class).list();
        Map<String, Object> post = visiblePost(postId, user);
        List<String> routed = Arrays.asList((String[]) post.get("agencies"));
        if (!PostCorrections.mayCorrect(user, routed, (String) post.get("owner"))) {
            throw new AccessDeniedException("an officer corrects their agency's posts, or posts not yet routed");
        }
        String clean = value == null ? "" : value.strip();
        if (!FIELDS.contains(field)) {
            throw new InvalidInput("field", "corrections.error.field");
        }
        if (Prediction.UNCLEAR.equals(clean) && !field.equals("agency")) {
            // the model's abstention, never an officer's answer: they read the post and choose
            throw new InvalidInput("value", "corrections.error.unclear");
        }
        boolean valid = switch (field) {
            case "sentiment" -> PostLabels.CORRECTABLE_SENTIMENTS.contains(clean);
            case "topic" -> TOPICS.contains(clean);
            case "domain" -> PostLabels.DOMAINS.contains(clean);
            case "toxicity" -> PostLabels.TOXICITIES.contains(clean);
            case "register" -> PostLabels.REGISTERS.contains(clean);
            default -> agencies.findByCode(clean, LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).isPresent();
        };
        if (!valid) {
            throw new InvalidInput("value", "corrections.error.value." + field);
        }
        String old = field.equals("agency") ? String.join(" ", (String[]) post.get("agencies")) : (String) post.get(field);
        if (shown != null) {
            String[] routedTo = (String[]) post.get("agencies");
            String now = field.equals("agency") ? (routedTo.length == 1 ? routedTo[0] : "") : old;
            if (!shown.equals(now == null ? "" : now)) {
                throw new Conflict("corrections.error.stale");
            }
        }
        // a batch whose roll-ups are still pending is rolled up as it was stored before the post changes
        rollups.applyBacklog();
        List<Rollups.Fact> before = rollups.facts(List.of(postId));
        List<String> routedNow = routed;
        switch (field) {
            case "sentiment" -> jdbc.sql("UPDATE post SET sentiment = ?, sentiment_confidence = 1 WHERE id = ?")
                    .params(clean, postId).update();
            case "topic" -> jdbc.sql("UPDATE post SET topic = ? WHERE id = ?").params(clean, postId).update();
            case "domain" -> {
                jdbc.sql("UPDATE post SET domain = ? WHERE id = ?").params(clean, postId).update();
                // routed as an import routes a post of that domain, unless an officer set where it goes
                boolean agencySet = jdbc.sql("SELECT EXISTS (SELECT 1 FROM post_correction WHERE post_id = ? AND field = 'agency')")
                        .param(postId).query(Boolean.class).single();
                if (reroute && !agencySet) {
                    routedNow = List.of(routedAnew(postId));
                    jdbc.sql("UPDATE post SET agencies = ? WHERE id = ?").params(routedNow.toArray(String[]::new), postId)
                            .update();
                }
            }
            case "toxicity" -> jdbc.sql("UPDATE post SET toxicity = ?, toxicity_confidence = 1 WHERE id = ?")
                    .params(clean, postId).update();
            case "register" -> jdbc.sql("UPDATE post SET register = ? WHERE id = ?").params(clean, postId).update();
            default -> {
                routedNow = List.of(clean);
                jdbc.sql("UPDATE post SET agencies = ? WHERE id = ?").params(new String[] {clean}, postId).update();
            }
        }
        // the difference in one key-ordered write, as re-analysis does: two writes could deadlock with an import
        rollups.change(before, rollups.facts(List.of(postId)));
        if (!routedNow.equals(routed)) {
            // the author moves with the post, as a re-analysis moves them: counted where it goes, recounted where it left
            List<String> now = routedNow;
            List<String> removed = routed.stream().filter(code -> !now.contains(code)).distinct().toList();
            List<String> added = now.stream().filter(code -> !routed.contains(code)).distinct().toList();
            rollups.rerouteAuthors(java.util.Collections.nCopies(added.size(), postId), added,
                    java.util.Collections.nCopies(removed.size(), postId), removed);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO post_correction (post_id, field, old_value, new_value, corrected_by, agency_code, corrected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(postId, field, old, clean, user.username(), user.agencyCode(), Timestamp.from(now))
                .query(Long.class).single();
        events.publishEvent(new PostCorrected(user.actor(), postId, field, old, clean));
        return new Correction(id, postId, field, old, clean, user.username(), now);
    }

    /** Where the routing of the day sends the post with the labels it has now, as a re-analysis routes it. */
    private String[] routedAnew(long postId) {
        return jdbc.sql("""
                SELECT p.text, p.platform, p.parent_external_id IS NOT NULL, p.published_at, p.topic, p.domain, p.register,
                       s.citizens, s.local, a.code
                FROM post p JOIN post_source s ON s.id = p.source_id LEFT JOIN agency a ON a.id = s.agency_id
                WHERE p.id = ?""").param(postId).query((rs, row) -> {
                    Register.Hint hint = Platform.of(rs.getString(2)).orElse(Platform.OTHER)
                            .registerHint(rs.getBoolean(3), rs.getBoolean(8));
                    LocalDate day = rs.getTimestamp(4).toInstant().atZone(LocalTime.ZONE).toLocalDate();
                    TextAnalyzer.Normalized normal = analyzer.normalize(rs.getString(1));
                    return routing.agencies(NamesInText.find(analyzer, normal, day, hint), normal.normalized(),
                            rs.getString(5), rs.getString(6), day, new RoutingRules.Provenance(rs.getString(7),
                                    hint == Register.Hint.FEEDBACK, rs.getBoolean(9), rs.getString(10)));
                }).single();
    }

    @Override
    @Transactional
    public List<Correction> correctAll(long postId, Map<String, String> values, SignedInUser user) {
        return correctAll(postId, values, Map.of(), user);
    }

    @Override
    @Transactional
    public List<Correction> correctAll(long postId, Map<String, String> values, Map<String, String> shown, SignedInUser user) {
        // one transaction: a value refused after others were corrected rolls them back too; an agency set in the same
        // form is where the post goes, whatever its corrected domain would route it to
        boolean reroute = !values.containsKey("agency");
        List<Correction> done = new ArrayList<>();
        values.forEach((field, value) -> done.add(correct(postId, field, value, shown.get(field), reroute, user)));
        return done;
    }

    @Override
    public Set<Long> correctable(Collection<Long> postIds, SignedInUser user) {
        if (postIds.isEmpty() || user.has(Role.PRESS) || user.apiClient()) {
            return Set.of();
        }
        // one query for the page's posts: the same rule as a correction, with the agency that received each post
        Set<Long> ids = new HashSet<>();
        jdbc.sql("""
                SELECT p.id, p.agencies, p.platform, a.code
                FROM post p JOIN post_source s ON s.id = p.source_id LEFT JOIN agency a ON a.id = s.agency_id
                WHERE p.id = ANY(?)""").param(postIds.toArray(Long[]::new)).query(rs -> {
                    List<String> routed = Arrays.asList((String[]) rs.getArray(2).getArray());
                    String owner = rs.getString(4) == null ? "" : rs.getString(4);
                    if (visible(routed, rs.getString(3), owner, user)
                            && PostCorrections.mayCorrect(user, routed, owner)) {
                        ids.add(rs.getLong(1));
                    }
                });
        return ids;
    }

    @Override
    public List<Correction> of(long postId, SignedInUser user) {
        if (user.has(Role.PRESS) || user.apiClient()) {
            throw new AccessDeniedException("who corrected a post is for officers, not the press or API clients");
        }
        visiblePost(postId, user);
        return jdbc.sql("SELECT * FROM post_correction WHERE post_id = ? ORDER BY id").param(postId)
                .query((rs, row) -> new Correction(rs.getLong("id"), postId, rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value"), rs.getString("corrected_by"), rs.getTimestamp("corrected_at").toInstant()))
                .list();
    }

    /** The post, if the user may see it: as search shows posts (public ones, or their agency's feedback). */
    private Map<String, Object> visiblePost(long postId, SignedInUser user) {
        Map<String, Object> post = jdbc.sql("""
                SELECT p.sentiment, p.topic, p.agencies, p.platform, a.code AS owner, p.domain, p.toxicity, p.register
                FROM post p JOIN post_source s ON s.id = p.source_id LEFT JOIN agency a ON a.id = s.agency_id
                WHERE p.id = ?""").param(postId).query((rs, row) -> Map.<String, Object>of(
                        "sentiment", rs.getString(1), "topic", rs.getString(2),
                        "agencies", (String[]) rs.getArray(3).getArray(), "platform", rs.getString(4),
                        "owner", rs.getString(5) == null ? "" : rs.getString(5), "domain", rs.getString(6),
                        "toxicity", rs.getString(7), "register", rs.getString(8)))
                .optional().orElseThrow(() -> new NotFound("post", postId));
        if (!visible(Arrays.asList((String[]) post.get("agencies")), (String) post.get("platform"),
                (String) post.get("owner"), user)) {
            throw new NotFound("post", postId);
        }
        return post;
    }

    /** As search shows posts: public ones to all, feedback (hotline, office) to its agency and the province's roles. */
    private static boolean visible(List<String> routed, String platform, String owner, SignedInUser user) {
        if (LucenePostIndex.seesEverything(user)) {
            return true;
        }
        boolean isPublic = !List.of("HOTLINE", "OFFICE").contains(platform);
        boolean ours = user.agencyCode() != null && !user.has(Role.PRESS)
                && (routed.contains(user.agencyCode()) || user.agencyCode().equals(owner));
        return isPublic || ours;
    }
}

package vn.loa.misinformation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.listening.PostRecords;
import vn.loa.listening.PostRecords.PostRecord;
import vn.loa.nlp.Fingerprint;
import vn.loa.nlp.LongSet;
import vn.loa.nlp.Syllables;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.segment.SyllableSplitter;
import vn.loa.shared.Actor;

/**
 * Finds new posts that repeat a refuted claim and links them to its case as repeats. A post repeats a
 * claim when its near-duplicate fingerprint is close to the claim's or to one of the case's own posts
 * ({@link Fingerprint#nearDuplicates}), or when its text shares enough word pairs with them: at least
 * {@value #CLAIM_CONTAINMENT} of the claim's syllable pairs (accents ignored), or a Jaccard similarity of
 * {@value #POST_JACCARD} with one of the case's posts. Only posts that arrived after the answer was
 * published count. It looks at new posts every 15 seconds, again over the last {@value #LATE_WINDOW} ids
 * (a batch committed late has lower ids than one already seen).
 */
@Component
class ClaimMatcher {

    static final double CLAIM_CONTAINMENT = 0.6;
    static final double POST_JACCARD = 0.5;
    static final int LATE_WINDOW = 6_000;
    private static final int CHUNK = 2_000;
    private static final int MIN_PAIRS = 4;

    /** What a refuted case looks like to the matcher. */
    record Profile(long caseId, String agencyCode, Instant refutedAt, long[] fingerprints, LongSet claimPairs,
            List<LongSet> postPairs) {
    }

    /** A post found repeating a case's claim. */
    record Match(long caseId, long postId, String matchedBy, double similarity) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PostRecords postRecords;
    private final TextAnalyzer analyzer;
    private final JdbcCases cases;
    private final CaseNotifications notifications;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    ClaimMatcher(JdbcClient jdbc, Clock clock, PostRecords postRecords, TextAnalyzer analyzer, JdbcCases cases,
            CaseNotifications notifications, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.postRecords = postRecords;
        this.analyzer = analyzer;
        this.cases = cases;
        this.notifications = notifications;
        this.events = events;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void scheduled() {
        matchNewPosts();
    }

    /** Looks at the posts that arrived since the last look; returns how many repeats it linked. */
    synchronized int matchNewPosts() {
        Long stored = jdbc.sql("SELECT mark FROM claim_match_mark WHERE id = 1").query(Long.class).optional().orElse(null);
        long last = postRecords.lastId();
        if (stored == null) {
            jdbc.sql("INSERT INTO claim_match_mark (id, mark) VALUES (1, ?) ON CONFLICT (id) DO NOTHING").param(last).update();
            return 0;
        }
        List<Profile> profiles = profiles();
        int linked = 0;
        if (!profiles.isEmpty()) {
            long from = Math.max(0, stored - LATE_WINDOW);
            while (from < last) {
                List<PostRecord> posts = postRecords.after(from, CHUNK);
                if (posts.isEmpty()) {
                    break;
                }
                linked += link(match(profiles, posts));
                from = posts.get(posts.size() - 1).id();
            }
        }
        jdbc.sql("UPDATE claim_match_mark SET mark = greatest(mark, ?) WHERE id = 1").param(last).update();
        return linked;
    }

    private int link(List<Match> matches) {
        if (matches.isEmpty()) {
            return 0;
        }
        Integer linked = transactions.execute(status -> {
            Instant now = clock.instant();
            Map<Long, Integer> perCase = new HashMap<>();
            for (Match match : matches) {
                int inserted = jdbc.sql("""
                        INSERT INTO case_post (case_id, post_id, repeat, matched_by, similarity, linked_at)
                        VALUES (?, ?, TRUE, ?, ?, ?) ON CONFLICT DO NOTHING
                        """).params(match.caseId(), match.postId(), match.matchedBy(), (float) match.similarity(),
                        Timestamp.from(now)).update();
                if (inserted > 0) {
                    perCase.merge(match.caseId(), 1, Integer::sum);
                }
            }
            for (Map.Entry<Long, Integer> found : perCase.entrySet()) {
                events.publishEvent(new CaseEvent(Actor.SYSTEM, "case.repeats-found", found.getKey(),
                        Map.of("posts", found.getValue())));
                Set<String> to = new LinkedHashSet<>(cases.coordinators());
                cases.load(found.getKey()).ifPresent(c -> to.addAll(cases.officersOf(c.agencyCode())));
                notifications.notify(found.getKey(), to, "case.notify.repeats");
            }
            return perCase.values().stream().mapToInt(Integer::intValue).sum();
        });
        return linked == null ? 0 : linked;
    }

    /** The matches among these posts; pure, for any number of profiles. */
    List<Match> match(List<Profile> profiles, List<PostRecord> posts) {
        List<Match> matches = new ArrayList<>();
        for (PostRecord post : posts) {
            long[] pairs = null;
            for (Profile profile : profiles) {
                if (post.ingestedAt() == null || !post.ingestedAt().isAfter(profile.refutedAt())) {
                    continue;
                }
                Match found = null;
                for (long fingerprint : profile.fingerprints()) {
                    if (post.fingerprint() != 0 && Fingerprint.nearDuplicates(fingerprint, post.fingerprint())) {
                        found = new Match(profile.caseId(), post.id(), "FINGERPRINT",
                                Fingerprint.similarity(fingerprint, post.fingerprint()));
                        break;
                    }
                }
                if (found == null) {
                    if (pairs == null) {
                        pairs = pairs(post.normalizedText());
                    }
                    double best = 0;
                    if (profile.claimPairs().size() >= MIN_PAIRS) {
                        best = shared(profile.claimPairs(), pairs) / (double) profile.claimPairs().size();
                        best = best >= CLAIM_CONTAINMENT ? best : 0;
                    }
                    for (LongSet theirs : profile.postPairs()) {
                        if (theirs.size() < MIN_PAIRS || pairs.length < MIN_PAIRS) {
                            continue;
                        }
                        int common = shared(theirs, pairs);
                        double jaccard = common / (double) (theirs.size() + pairs.length - common);
                        if (jaccard >= POST_JACCARD && jaccard > best) {
                            best = jaccard;
                        }
                    }
                    if (best > 0) {
                        found = new Match(profile.caseId(), post.id(), "TEXT", best);
                    }
                }
                if (found != null) {
                    matches.add(found);
                }
            }
        }
        return matches;
    }

    /** How many of the distinct {@code keys} are in the set. */
    private static int shared(LongSet set, long[] keys) {
        int common = 0;
        for (long key : keys) {
            if (set.contains(key)) {
                common++;
            }
        }
        return common;
    }

    /** The refuted cases: their claim and own posts, as fingerprints and syllable pairs. */
    List<Profile> profiles() {
        List<Object[]> refuted = jdbc.sql("""
                SELECT id, agency_code, claim, claim_fingerprint, published_at FROM misinformation_case
                 WHERE status = 'REFUTED' AND published_at IS NOT NULL ORDER BY id
                """).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getTimestamp(5).toInstant()}).list();
        List<Profile> profiles = new ArrayList<>();
        for (Object[] row : refuted) {
            long caseId = (Long) row[0];
            String claim = analyzer.normalize((String) row[2]).normalized();
            LongSet claimPairs = LongSet.of(pairs(claim));
            List<Long> own = jdbc.sql("SELECT post_id FROM case_post WHERE case_id = ? AND NOT repeat ORDER BY post_id LIMIT 20")
                    .param(caseId).query(Long.class).list();
            List<LongSet> postPairs = new ArrayList<>();
            List<Long> fingerprints = new ArrayList<>();
            if (claimPairs.size() >= MIN_PAIRS + 3) {
                fingerprints.add((Long) row[3]);
            }
            for (PostRecord post : postRecords.byIds(own)) {
                if (post.fingerprint() != 0) {
                    fingerprints.add(post.fingerprint());
                }
                postPairs.add(LongSet.of(pairs(post.normalizedText())));
            }
            profiles.add(new Profile(caseId, (String) row[1], (Instant) row[4],
                    fingerprints.stream().mapToLong(Long::longValue).toArray(), claimPairs, postPairs));
        }
        return profiles;
    }

    /** The text's distinct pairs of neighbouring syllables, accents and case ignored, as keys. */
    static long[] pairs(String text) {
        SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
        long previous = 0;
        boolean have = false;
        long[] keys = new long[split.count()];
        int count = 0;
        for (int i = 0; i < split.count(); i++) {
            int first = Character.codePointAt(text, split.starts()[i]);
            if (!Character.isLetterOrDigit(first)) {
                continue;
            }
            long key = Syllables.foldedKey(text, split.starts()[i], split.ends()[i]);
            if (have) {
                keys[count++] = Syllables.combine(previous, key);
            }
            previous = key;
            have = true;
        }
        return java.util.Arrays.stream(keys, 0, count).sorted().distinct().toArray();
    }
}

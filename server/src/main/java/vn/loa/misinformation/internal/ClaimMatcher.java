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
 * {@value #CLAIM_CONTAINMENT} of the claim's syllable pairs (accents ignored), or, with one of the case's posts,
 * at least {@value #POST_OVERLAP} of the pairs of the shorter of the two (a repost cut down, or one with
 * words added around it). Only posts that arrived after the answer was
 * published count. It looks at new posts every 15 seconds, again over the last {@value #LATE_WINDOW} ids
 * (a batch committed late has lower ids than one already seen).
 */
@Component
class ClaimMatcher {

    private static final org.apache.commons.logging.Log log = org.apache.commons.logging.LogFactory.getLog(ClaimMatcher.class);

    static final double CLAIM_CONTAINMENT = 0.6;
    static final double POST_OVERLAP = 0.7;
    private static final int MIN_POST_PAIRS = 8;
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
    private int quietLooks;

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
        long started = System.nanoTime();
        Long stored = jdbc.sql("SELECT mark FROM claim_match_mark WHERE id = 1").query(Long.class).optional().orElse(null);
        long last = postRecords.lastId();
        if (stored == null) {
            jdbc.sql("INSERT INTO claim_match_mark (id, mark) VALUES (1, ?) ON CONFLICT (id) DO NOTHING").param(last).update();
            return 0;
        }
        // with no new post since the last look, look back once more (for a batch committed late), then rest
        quietLooks = last == stored ? quietLooks + 1 : 0;
        if (quietLooks > 1) {
            return 0;
        }
        List<Profile> profiles = profiles();
        int linked = 0;
        int looked = 0;
        if (!profiles.isEmpty()) {
            Index index = new Index(profiles);
            long from = Math.max(0, stored - LATE_WINDOW);
            while (from < last) {
                List<PostRecord> posts = postRecords.after(from, CHUNK);
                if (posts.isEmpty()) {
                    break;
                }
                List<Match> matches = new ArrayList<>();
                for (PostRecord post : posts) {
                    index.match(post, matches);
                }
                linked += link(matches);
                looked += posts.size();
                from = posts.get(posts.size() - 1).id();
            }
        }
        jdbc.sql("UPDATE claim_match_mark SET mark = greatest(mark, ?) WHERE id = 1").param(last).update();
        if (looked >= 10_000 || linked > 0) {
            log.info("Claim matcher: " + looked + " posts against " + profiles.size() + " refuted claims in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms, " + linked + " repeats linked");
        }
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
                notifications.notify(found.getKey(), to, "case.notify.repeats", true);
            }
            return perCase.values().stream().mapToInt(Integer::intValue).sum();
        });
        return linked == null ? 0 : linked;
    }

    /** The matches among these posts; pure, for any number of profiles. */
    static List<Match> match(List<Profile> profiles, List<PostRecord> posts) {
        Index index = new Index(profiles);
        List<Match> matches = new ArrayList<>();
        for (PostRecord post : posts) {
            index.match(post, matches);
        }
        return matches;
    }

    /**
     * The refuted claims, indexed by syllable pair: a post's pairs are looked up once each, and only the
     * claims and posts that share a pair with it are scored, however many cases are refuted.
     */
    static final class Index {

        private final List<Profile> profiles;
        /** For each set (a claim's pairs or one of its posts' pairs): its profile, its size, and whether it is the claim. */
        private final int[] owner;
        private final int[] size;
        private final boolean[] claim;
        private final Map<Long, int[]> setsByPair = new HashMap<>();
        private final int[] counts;
        private final int[] touched;

        Index(List<Profile> profiles) {
            this.profiles = profiles;
            List<LongSet> sets = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            List<Boolean> claims = new ArrayList<>();
            for (int p = 0; p < profiles.size(); p++) {
                sets.add(profiles.get(p).claimPairs());
                owners.add(p);
                claims.add(true);
                for (LongSet post : profiles.get(p).postPairs()) {
                    sets.add(post);
                    owners.add(p);
                    claims.add(false);
                }
            }
            owner = owners.stream().mapToInt(Integer::intValue).toArray();
            size = sets.stream().mapToInt(LongSet::size).toArray();
            claim = new boolean[sets.size()];
            Map<Long, List<Integer>> byPair = new HashMap<>();
            for (int i = 0; i < sets.size(); i++) {
                claim[i] = claims.get(i);
                for (long key : sets.get(i).sortedKeys()) {
                    byPair.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
            byPair.forEach((key, ids) -> setsByPair.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
            counts = new int[sets.size()];
            touched = new int[sets.size()];
        }

        void match(PostRecord post, List<Match> into) {
            if (profiles.isEmpty() || post.ingestedAt() == null) {
                return;
            }
            double[] best = new double[profiles.size()];
            String[] how = new String[profiles.size()];
            for (int p = 0; p < profiles.size(); p++) {
                for (long fingerprint : profiles.get(p).fingerprints()) {
                    if (post.fingerprint() != 0 && Fingerprint.nearDuplicates(fingerprint, post.fingerprint())) {
                        best[p] = Fingerprint.similarity(fingerprint, post.fingerprint());
                        how[p] = "FINGERPRINT";
                        break;
                    }
                }
            }
            long[] pairs = pairs(post.normalizedText());
            int touchedCount = 0;
            for (long key : pairs) {
                int[] ids = setsByPair.get(key);
                if (ids != null) {
                    for (int id : ids) {
                        if (counts[id]++ == 0) {
                            touched[touchedCount++] = id;
                        }
                    }
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int id = touched[t];
                int common = counts[id];
                counts[id] = 0;
                int p = owner[id];
                if ("FINGERPRINT".equals(how[p]) || size[id] < MIN_PAIRS) {
                    continue;
                }
                double score;
                if (claim[id]) {
                    score = common / (double) size[id];
                    score = score >= CLAIM_CONTAINMENT ? score : 0;
                } else {
                    int smaller = Math.min(size[id], pairs.length);
                    score = smaller < MIN_POST_PAIRS ? 0 : common / (double) smaller;
                    score = score >= POST_OVERLAP ? score : 0;
                }
                if (score > best[p]) {
                    best[p] = score;
                    how[p] = "TEXT";
                }
            }
            for (int p = 0; p < profiles.size(); p++) {
                Profile profile = profiles.get(p);
                if (how[p] != null && post.ingestedAt().isAfter(profile.refutedAt())) {
                    into.add(new Match(profile.caseId(), post.id(), how[p], best[p]));
                }
            }
        }
    }

    /**
     * A claim's near-duplicate fingerprint, computed as the analyzer computes a post's: from the NFC text, not from
     * the normal forms (where teencode is expanded and a link reads {@code <url>}), so that a post repeating the claim
     * word for word has the claim's fingerprint.
     */
    static long fingerprint(TextAnalyzer.Normalized claim) {
        return Fingerprint.of(claim.text());
    }

    /** The refuted cases: their claim and own posts, as fingerprints and syllable pairs. */
    List<Profile> profiles() {
        List<Object[]> refuted = jdbc.sql("""
                SELECT id, agency_code, claim, published_at FROM misinformation_case
                 WHERE status = 'REFUTED' AND published_at IS NOT NULL ORDER BY id
                """).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()}).list();
        List<Profile> profiles = new ArrayList<>();
        for (Object[] row : refuted) {
            long caseId = (Long) row[0];
            TextAnalyzer.Normalized normal = analyzer.normalize((String) row[2]);
            String claim = normal.normalized();
            LongSet claimPairs = LongSet.of(pairs(claim));
            List<Long> own = jdbc.sql("SELECT post_id FROM case_post WHERE case_id = ? AND NOT repeat ORDER BY post_id LIMIT 20")
                    .param(caseId).query(Long.class).list();
            List<LongSet> postPairs = new ArrayList<>();
            List<Long> fingerprints = new ArrayList<>();
            if (claimPairs.size() >= MIN_PAIRS + 3) {
                // from the claim as it reads now, not as stored when the case was opened, and from the same text as
                // a post's (TextAnalyzer: the NFC text, not the normal forms): the posts' fingerprints are the current
                // analyzer's (re-analysis computes them again when the fingerprint changes)
                fingerprints.add(fingerprint(normal));
            }
            for (PostRecord post : postRecords.byIds(own)) {
                if (post.fingerprint() != 0) {
                    fingerprints.add(post.fingerprint());
                }
                postPairs.add(LongSet.of(pairs(post.normalizedText())));
            }
            profiles.add(new Profile(caseId, (String) row[1], (Instant) row[3],
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

package vn.loa.listening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.ImportSummary.QuarantinedLine;
import vn.loa.listening.PostImporter;
import vn.loa.listening.PostsImported;
import vn.loa.nlp.Fingerprint;
import vn.loa.nlp.analyze.Analysis;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The import pipeline: read lines (strict UTF-8), parse and validate, analyse with the language
 * engine, then store each batch in one transaction. Duplicates (same source and external id, or,
 * for texts of twelve syllables or more, the same normalised content) are counted, not stored again; near
 * duplicates join the story of the post they copy.
 */
@Service
class JdbcPostImporter implements PostImporter {

    private static final Log log = LogFactory.getLog(JdbcPostImporter.class);

    static final int BATCH = 2000;
    /** Batches whose roll-ups are summed and written together. */
    static final int ROLLUP_GROUP = 5;
    static final int MAX_LINE_BYTES = 1024 * 1024;
    static final int MIN_SYLLABLES_FOR_CONTENT_IDENTITY = 12;
    static final int MIN_SYLLABLES_FOR_STORY = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TextAnalyzer analyzer;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PostParser parser;
    private final RoutingRules routing;
    private final Rollups rollups;
    /** One thread drives the analysis of a batch (which itself runs on every core) while the caller stores. */
    private final ExecutorService analysis = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "loa-import-analysis");
        thread.setDaemon(true);
        return thread;
    });
    /** One thread writes a stored batch's roll-ups (on a connection of its own) while the next batch is stored. */
    private final ExecutorService rollupWriter = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "loa-import-rollups");
        thread.setDaemon(true);
        return thread;
    });

    JdbcPostImporter(JdbcClient jdbc, TransactionTemplate transactions, TextAnalyzer analyzer, Clock clock,
            ApplicationEventPublisher events, RoutingRules routing, Rollups rollups) {
        this.routing = routing;
        this.rollups = rollups;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.analyzer = analyzer;
        this.clock = clock;
        this.events = events;
        this.parser = new PostParser(clock);
    }

    @Override
    public ImportSummary importFile(String fileName, InputStream in, Actor by, AgencyId agency) throws IOException {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        name = name.length() > 300 ? name.substring(0, 300) : name;
        boolean csv = name.toLowerCase(Locale.ROOT).endsWith(".csv");
        Utf8Lines lines = new Utf8Lines(in, MAX_LINE_BYTES);
        List<String> header = csv ? header(lines) : null;
        long importId = jdbc.sql("""
                INSERT INTO post_import (file_name, actor, agency_id, started_at) VALUES (?, ?, ?, ?) RETURNING id
                """).params(name, by.username(), agency == null ? null : agency.value(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        rollups.applyBacklog();
        Counts counts = new Counts();
        List<IncomingPost> batch = new ArrayList<>(BATCH);
        List<QuarantinedLine> batchQuarantine = new ArrayList<>();
        List<String> batchRaw = new ArrayList<>();
        Utf8Lines.Line line;
        while ((line = lines.next()) != null) {
            if (line.problem() == null && line.text().isBlank()) {
                continue;
            }
            counts.read++;
            if (line.problem() != null) {
                quarantine(counts, batchQuarantine, batchRaw, line.number(), line.problem(), null);
                continue;
            }
            String text = line.text();
            try {
                IncomingPost post;
                if (csv) {
                    List<String> record = PostParser.splitCsv(text);
                    long first = line.number();
                    while (record == null) {
                        Utf8Lines.Line more = lines.next();
                        if (more == null || more.problem() != null) {
                            throw new RejectedLine("a quoted field is not closed");
                        }
                        text = text + "\n" + more.text();
                        record = PostParser.splitCsv(text);
                    }
                    post = parser.fromCsv(first, header, record);
                } else {
                    post = parser.fromJson(line.number(), text);
                }
                batch.add(post);
            } catch (RejectedLine e) {
                quarantine(counts, batchQuarantine, batchRaw, line.number(), e.getMessage(), text);
            }
            if (batch.size() >= BATCH) {
                flush(importId, batch, batchQuarantine, batchRaw, agency, counts);
            }
        }
        flush(importId, batch, batchQuarantine, batchRaw, agency, counts);
        drain(importId, agency, counts);
        jdbc.sql("""
                UPDATE post_import SET finished_at = ?, read = ?, stored = ?, duplicates = ?, quarantined = ? WHERE id = ?
                """).params(Timestamp.from(clock.instant()), counts.read, counts.stored, counts.duplicates,
                counts.quarantined.size(), importId).update();
        log.info(String.format(Locale.ROOT, "Imported %s: %d read, %d stored, %d duplicates, %d quarantined; "
                + "analysis %.1f s, insert %.1f s, stories %.1f s, roll-ups %.1f s", name, counts.read, counts.stored,
                counts.duplicates, counts.quarantined.size(), counts.analysisNanos / 1e9, counts.insertNanos / 1e9,
                counts.storyNanos / 1e9, counts.rollupNanos / 1e9));
        events.publishEvent(new PostsImported(by, importId, name, counts.read, counts.stored, counts.duplicates,
                counts.quarantined.size()));
        return new ImportSummary(importId, counts.read, counts.stored, counts.duplicates, counts.quarantined);
    }

    private static final class Counts {
        Pending pending;
        /** The roll-ups of the last group of stored batches, being written. */
        CompletableFuture<Void> rollup;
        /** Stored batches whose roll-ups wait for their group to fill. */
        Map<Long, List<Rollups.Fact>> unrolled = new LinkedHashMap<>();
        long analysisNanos;
        long insertNanos;
        long storyNanos;
        long rollupNanos;
        int read;
        int stored;
        int duplicates;
        final List<QuarantinedLine> quarantined = new ArrayList<>();
    }

    private static void quarantine(Counts counts, List<QuarantinedLine> batch, List<String> raw, long line, String reason,
            String text) {
        QuarantinedLine entry = new QuarantinedLine(line, reason);
        counts.quarantined.add(entry);
        batch.add(entry);
        raw.add(text == null ? null : text.length() > 2000 ? text.substring(0, 2000) : text);
    }

    /** Reads the CSV header; a missing required column refuses the whole file. */
    private static List<String> header(Utf8Lines lines) throws IOException {
        Utf8Lines.Line first = lines.next();
        if (first == null || first.problem() != null || first.text().isBlank()) {
            throw new InvalidInput("file", "listening.import.no-header");
        }
        List<String> header = PostParser.splitCsv(first.text());
        if (header == null) {
            throw new InvalidInput("file", "listening.import.no-header");
        }
        header = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        for (String required : PostParser.REQUIRED) {
            if (!header.contains(required)) {
                throw new InvalidInput("file", "listening.import.missing-column", required);
            }
        }
        return header;
    }

    /** A batch whose analysis runs while the batch before it is stored. */
    private record Pending(List<IncomingPost> batch, List<QuarantinedLine> quarantined, List<String> raw,
            CompletableFuture<Prepared> prepared) {
    }

    /**
     * A batch made ready to store: per post its content hash (long texts only), its syllables, and
     * its analysis, null for a post that is a known duplicate (same source and external id, or same
     * content as a stored post or an earlier post of the batch) and so not worth analysing.
     */
    private record Prepared(String[] hashes, int[] syllables, List<Analysis> analyses) {
    }

    /**
     * Starts the analysis of a full batch in the background (on every core) and stores the batch
     * before it, so that analysing and storing overlap; batches are stored in order.
     */
    private void flush(long importId, List<IncomingPost> batch, List<QuarantinedLine> quarantined, List<String> raw,
            AgencyId agency, Counts counts) {
        if (!batch.isEmpty() || !quarantined.isEmpty()) {
            List<IncomingPost> posts = List.copyOf(batch);
            // posts whose source has their external id already are duplicates: not worth analysing
            Set<String> known = knownKeys(posts);
            CompletableFuture<Prepared> prepared = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                Prepared result = prepare(posts, known);
                synchronized (counts) {
                    counts.analysisNanos += System.nanoTime() - start;
                }
                return result;
            }, analysis);
            Pending previous = counts.pending;
            counts.pending = new Pending(posts, List.copyOf(quarantined), new ArrayList<>(raw), prepared);
            batch.clear();
            quarantined.clear();
            raw.clear();
            if (previous != null) {
                store(importId, previous, agency, counts);
            }
        }
    }

    /**
     * Normalises the batch (on every core), then analyses only the posts that may be new: a copy of
     * a stored text, or of an earlier post of the batch, is recognised from its normal form first.
     */
    private Prepared prepare(List<IncomingPost> posts, Set<String> known) {
        int n = posts.size();
        List<TextAnalyzer.Normalized> normals = posts.parallelStream()
                .map(post -> known.contains(post.source() + "|" + post.externalId()) ? null : analyzer.normalize(post.text()))
                .toList();
        String[] hashes = new String[n];
        int[] syllables = new int[n];
        for (int i = 0; i < n; i++) {
            TextAnalyzer.Normalized normal = normals.get(i);
            syllables[i] = normal == null ? 0 : normal.syllables();
            hashes[i] = normal != null && syllables[i] >= MIN_SYLLABLES_FOR_CONTENT_IDENTITY ? sha256(normal.normalized()) : null;
        }
        Set<String> copies = new HashSet<>();
        String[] present = Arrays.stream(hashes).filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (present.length > 0) {
            jdbc.sql("SELECT content_hash FROM post WHERE content_hash = ANY(?::char(64)[])").param(present)
                    .query((rs, row) -> copies.add(rs.getString(1))).list();
        }
        boolean[] analyse = new boolean[n];
        for (int i = 0; i < n; i++) {
            analyse[i] = normals.get(i) != null && (hashes[i] == null || copies.add(hashes[i]));
        }
        List<Analysis> analyses = new ArrayList<>(java.util.stream.IntStream.range(0, n).parallel()
                .mapToObj(i -> analyse[i] ? analyze(normals.get(i), posts.get(i)) : null)
                .toList());
        return new Prepared(hashes, syllables, analyses);
    }

    /** Analyses a post as of its day, with what its platform says of its register. */
    private Analysis analyze(TextAnalyzer.Normalized normal, IncomingPost post) {
        return analyzer.analyzeUnsegmented(normal, day(post), post.platform().registerHint());
    }

    private static java.time.LocalDate day(IncomingPost post) {
        return post.publishedAt().atZone(LocalTime.ZONE).toLocalDate();
    }

    /** The "source|external id" keys of the batch that are stored already. */
    private Set<String> knownKeys(List<IncomingPost> posts) {
        Set<String> known = new HashSet<>();
        if (posts.isEmpty()) {
            return known;
        }
        jdbc.sql("""
                SELECT s.code, p.external_id FROM post p JOIN post_source s ON s.id = p.source_id
                JOIN unnest(?::text[], ?::text[]) AS k(code, external_id) ON s.code = k.code AND p.external_id = k.external_id
                """).params(posts.stream().map(IncomingPost::source).toArray(String[]::new),
                        posts.stream().map(IncomingPost::externalId).toArray(String[]::new))
                .query(rs -> {
                    known.add(rs.getString(1) + "|" + rs.getString(2));
                });
        return known;
    }

    /** Stores the batch still waiting, at the end of a file, and waits for the last roll-ups. */
    private void drain(long importId, AgencyId agency, Counts counts) {
        if (counts.pending != null) {
            Pending last = counts.pending;
            counts.pending = null;
            store(importId, last, agency, counts);
        }
        rollUp(counts);
        if (counts.rollup != null) {
            join(counts.rollup);
            counts.rollup = null;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /** A stored batch's roll-ups: its {@code rollup_pending} row and what they count. */
    private record PendingRollup(long id, List<Rollups.Fact> facts) {
    }

    private void store(long importId, Pending pending, AgencyId agency, Counts counts) {
        Prepared prepared = join(pending.prepared());
        PendingRollup rollup = transactions.execute(status -> {
            // a batch need not reach the disk before the next one: the import's last statement, committed
            // synchronously, flushes the log of every batch before the summary is given to anyone
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
            return store(importId, pending.batch(), prepared, pending.quarantined(), pending.raw(), agency, counts);
        });
        if (rollup != null) {
            events.publishEvent(new BatchStored(importId, rollup.facts().size()));
            counts.unrolled.put(rollup.id(), rollup.facts());
        }
        if (counts.unrolled.size() >= ROLLUP_GROUP) {
            rollUp(counts);
        }
    }

    /**
     * Hands the waiting batches' roll-ups to the writer as one group (one sum, one upsert per table:
     * a group's posts share many hours and days), after the group before it is written: the writer
     * is at most two groups behind, or the import waits for it.
     */
    private void rollUp(Counts counts) {
        if (counts.rollup != null) {
            join(counts.rollup);
            counts.rollup = null;
        }
        if (counts.unrolled.isEmpty()) {
            return;
        }
        Map<Long, List<Rollups.Fact>> group = counts.unrolled;
        counts.unrolled = new LinkedHashMap<>();
        counts.rollup = CompletableFuture.runAsync(() -> {
            long start = System.nanoTime();
            rollups.applyPending(group);
            synchronized (counts) {
                counts.rollupNanos += System.nanoTime() - start;
            }
        }, rollupWriter);
    }

    private static final String COLUMNS = "source_id, platform, external_id, url, author, published_at, title, text, "
            + "parent_external_id, reactions, shares, comments, content_hash, normalized_text, fingerprint, sentiment, "
            + "sentiment_confidence, topic, toxicity, toxicity_confidence, places, agencies, import_id, ingested_at, story_id, "
            + "register, domain, model_version";
    /** Separates the places (and agencies) of a post in the one text each goes through {@code unnest} as. */
    private static final String LIST_SEPARATOR = "\u001f";
    private static final String UNNEST_ROWS = """
            SELECT source_id, platform, external_id, url, author, published_at, title, text, parent_external_id,
                   reactions, shares, comments, content_hash, normalized_text, fingerprint, sentiment, sentiment_confidence,
                   topic, toxicity, toxicity_confidence, string_to_array(places, chr(31)), string_to_array(agencies, chr(31)),
                   import_id, ingested_at, story_id, register, domain, model_version
            FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[],
                        ?::text[], ?::int[], ?::int[], ?::int[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::real[],
                        ?::text[], ?::text[], ?::real[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::bigint[],
                        ?::text[], ?::text[], ?::text[])
                 AS r(source_id, platform, external_id, url, author, published_at, title, text, parent_external_id,
                      reactions, shares, comments, content_hash, normalized_text, fingerprint, sentiment, sentiment_confidence,
                      topic, toxicity, toxicity_confidence, places, agencies, import_id, ingested_at, story_id, register,
                      domain, model_version)
            """;

    /**
     * Stores one batch in a handful of statements: one look-up of what is stored already, one
     * multi-row insert, one look-up of story candidates, and bulk writes of stories and quarantined lines.
     */
    private PendingRollup store(long importId, List<IncomingPost> batch, Prepared prepared,
            List<QuarantinedLine> quarantined, List<String> raw, AgencyId agency, Counts counts) {
        List<Analysis> analyses = prepared.analyses();
        String[] hashes = prepared.hashes();
        Instant now = clock.instant();
        Map<String, Long> sources = sources(batch, agency);
        int n = batch.size();
        Long[] sourceIds = new Long[n];
        for (int i = 0; i < n; i++) {
            sourceIds[i] = sources.get(batch.get(i).source());
        }
        Set<String> stored = new HashSet<>();
        Set<String> storedHashes = new HashSet<>();
        if (n > 0) {
            jdbc.sql("""
                    SELECT p.source_id, p.external_id FROM post p
                    JOIN unnest(?::bigint[], ?::text[]) AS k(source_id, external_id)
                      ON p.source_id = k.source_id AND p.external_id = k.external_id
                    """).params(sourceIds, batch.stream().map(IncomingPost::externalId).toArray(String[]::new))
                    .query((rs, row) -> stored.add(rs.getLong(1) + "|" + rs.getString(2))).list();
            String[] present = Arrays.stream(hashes).filter(Objects::nonNull).toArray(String[]::new);
            if (present.length > 0) {
                jdbc.sql("SELECT content_hash FROM post WHERE content_hash = ANY(?::char(64)[])").param(present)
                        .query((rs, row) -> storedHashes.add(rs.getString(1))).list();
            }
        }
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = sourceIds[i] + "|" + batch.get(i).externalId();
            if (stored.contains(key) || (hashes[i] != null && storedHashes.contains(hashes[i]))) {
                counts.duplicates++;
                continue;
            }
            stored.add(key);
            if (hashes[i] != null) {
                storedHashes.add(hashes[i]);
            }
            fresh.add(i);
            if (analyses.get(i) == null) {
                // taken for a copy or a known post before, it is new after all (e.g. the copy was not stored)
                analyses.set(i, analyze(analyzer.normalize(batch.get(i).text()), batch.get(i)));
            }
        }
        long storyStart = System.nanoTime();
        Long[] storyOf = new Long[n];
        Map<Long, StorySpan> spans = assignStories(fresh, batch, analyses, prepared.syllables(), storyOf);
        long insertStart = System.nanoTime();
        counts.storyNanos += insertStart - storyStart;
        Map<String, Long> ids = new HashMap<>();
        String[][] places = new String[n][];
        String[][] routed = new String[n][];
        if (!fresh.isEmpty()) {
            // one row per post through unnest: 28 arrays instead of 28 parameters per post, one short plan
            int m = fresh.size();
            Object[][] columns = {new Long[m], new String[m], new String[m], new String[m], new String[m],
                new Timestamp[m], new String[m], new String[m], new String[m], new Integer[m], new Integer[m],
                new Integer[m], new String[m], new String[m], new Long[m], new String[m], new Float[m], new String[m],
                new String[m], new Float[m], new String[m], new String[m], new Long[m], new Timestamp[m], new Long[m],
                new String[m], new String[m], new String[m]};
            Timestamp ingested = Timestamp.from(now);
            String modelVersion = analyzer.modelVersion();
            for (int f = 0; f < m; f++) {
                int i = fresh.get(f);
                IncomingPost post = batch.get(i);
                Analysis analysis = analyses.get(i);
                places[i] = analysis.places().stream().map(place -> place.entry().id()).distinct().toArray(String[]::new);
                routed[i] = agencies(analysis);
                Object[] row = {sourceIds[i], post.platform().name(), post.externalId(), post.url(), post.author(),
                    Timestamp.from(post.publishedAt()), post.title(), analysis.text(), post.parentExternalId(),
                    post.reactions(), post.shares(), post.comments(), hashes[i], analysis.normalized(),
                    analysis.fingerprint(), analysis.sentiment().labelOrUnclear(), (float) analysis.sentiment().confidence(),
                    analysis.topic().label(), analysis.toxicity().label(), (float) analysis.toxicity().confidence(),
                    String.join(LIST_SEPARATOR, places[i]), String.join(LIST_SEPARATOR, routed[i]), importId, ingested,
                    storyOf[i], analysis.register().id(), analysis.domain().label(), modelVersion};
                for (int c = 0; c < row.length; c++) {
                    columns[c][f] = row[c];
                }
            }
            jdbc.sql("INSERT INTO post (" + COLUMNS + ") " + UNNEST_ROWS
                    + " ON CONFLICT DO NOTHING RETURNING id, source_id, external_id").params((Object[]) columns)
                    .query((rs, row) -> ids.put(rs.getLong(2) + "|" + rs.getString(3), rs.getLong(1))).list();
        }
        List<Rollups.Fact> facts = new ArrayList<>(ids.size());
        Map<Long, Integer> lost = new HashMap<>();
        for (int i : fresh) {
            Long id = ids.get(sourceIds[i] + "|" + batch.get(i).externalId());
            if (id == null) {
                // stored meanwhile by another import: not counted in its story either
                counts.duplicates++;
                if (storyOf[i] != null) {
                    lost.merge(storyOf[i], 1, Integer::sum);
                }
                continue;
            }
            counts.stored++;
            IncomingPost post = batch.get(i);
            Analysis analysis = analyses.get(i);
            facts.add(new Rollups.Fact(post.publishedAt(), post.platform().name(), analysis.sentiment().labelOrUnclear(),
                    analysis.topic().label(), analysis.register().id(), analysis.domain().label(),
                    !"CLEAN".equals(analysis.toxicity().label()), routed[i], places[i], storyOf[i]));
        }
        if (!lost.isEmpty()) {
            lost.forEach((story, missing) -> jdbc.sql("UPDATE story SET posts = posts - ? WHERE id = ?")
                    .params(missing, story).update());
        }
        counts.insertNanos += System.nanoTime() - insertStart;
        PendingRollup rollup = facts.isEmpty() ? null : new PendingRollup(rollups.pending(ids.values(), now), facts);
        if (!quarantined.isEmpty()) {
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder("INSERT INTO quarantined_line (import_id, line, reason, raw, created_at) VALUES ");
            for (int i = 0; i < quarantined.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
                params.addAll(Arrays.asList(importId, quarantined.get(i).line(), quarantined.get(i).reason(), raw.get(i),
                        Timestamp.from(now)));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        return rollup;
    }

    /** The agencies a post is routed to: those it names, and those the routing rules give. */
    private String[] agencies(Analysis analysis) {
        Set<String> agencies = new TreeSet<>();
        analysis.agencies().forEach(m -> agencies.add(m.entry().id()));
        agencies.addAll(routing.route(analysis.normalized(), analysis.topic().label(), analysis.domain().label()));
        return agencies.toArray(String[]::new);
    }

    /** A story's posts in this batch: how many, and the span of their publication. */
    private static final class StorySpan {
        final long fingerprint;
        int posts;
        Instant first;
        Instant last;
        boolean created;

        StorySpan(long fingerprint, Instant at, boolean created) {
            this.fingerprint = fingerprint;
            this.first = at;
            this.last = at;
            this.created = created;
        }
    }

    /** How far apart in time two posts may be and still be one story (a repost of a copy). */
    static final String STORY_WINDOW = "7 days";

    /**
     * Puts each new post of ten syllables or more into the story of a near duplicate (SimHash within 6
     * bits) published within {@value #STORY_WINDOW} of it, found through four 16-bit bands among stored
     * posts and the posts of this batch, or into a new story. The stories are written before the posts,
     * which are inserted with their story.
     */
    private Map<Long, StorySpan> assignStories(List<Integer> fresh, List<IncomingPost> batch, List<Analysis> analyses,
            int[] syllables, Long[] storyOf) {
        List<Integer> storied = fresh.stream().filter(i -> syllables[i] >= MIN_SYLLABLES_FOR_STORY).toList();
        Map<Long, StorySpan> spans = new LinkedHashMap<>();
        if (storied.isEmpty()) {
            return spans;
        }
        int m = storied.size();
        Long[][] bands = new Long[4][m];
        Timestamp[] times = new Timestamp[m];
        for (int p = 0; p < m; p++) {
            int i = storied.get(p);
            for (int b = 0; b < 4; b++) {
                bands[b][p] = band(analyses.get(i).fingerprint(), b);
            }
            times[p] = Timestamp.from(batch.get(i).publishedAt());
        }
        // the story of a stored near duplicate, per post: same band, published within the window, SimHash within
        // 6 bits; each band is one index range scan that stops at the first near duplicate
        Long[] fingerprints = new Long[m];
        for (int p = 0; p < m; p++) {
            fingerprints[p] = analyses.get(storied.get(p)).fingerprint();
        }
        Map<Integer, Long> storedStory = new HashMap<>();
        jdbc.sql("""
                SELECT k.i, c.story_id
                FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[]) WITH ORDINALITY
                     AS k(fp, b0, b1, b2, b3, t, i)
                CROSS JOIN LATERAL (
                    SELECT story_id FROM (
                        (SELECT story_id FROM post WHERE story_id IS NOT NULL AND ((fingerprint >> 48) & 65535) = k.b0
                           AND published_at BETWEEN k.t - interval '%1$s' AND k.t + interval '%1$s'
                           AND bit_count((fingerprint # k.fp)::bit(64)) <= %2$d LIMIT 1)
                        UNION ALL
                        (SELECT story_id FROM post WHERE story_id IS NOT NULL AND ((fingerprint >> 32) & 65535) = k.b1
                           AND published_at BETWEEN k.t - interval '%1$s' AND k.t + interval '%1$s'
                           AND bit_count((fingerprint # k.fp)::bit(64)) <= %2$d LIMIT 1)
                        UNION ALL
                        (SELECT story_id FROM post WHERE story_id IS NOT NULL AND ((fingerprint >> 16) & 65535) = k.b2
                           AND published_at BETWEEN k.t - interval '%1$s' AND k.t + interval '%1$s'
                           AND bit_count((fingerprint # k.fp)::bit(64)) <= %2$d LIMIT 1)
                        UNION ALL
                        (SELECT story_id FROM post WHERE story_id IS NOT NULL AND (fingerprint & 65535) = k.b3
                           AND published_at BETWEEN k.t - interval '%1$s' AND k.t + interval '%1$s'
                           AND bit_count((fingerprint # k.fp)::bit(64)) <= %2$d LIMIT 1)
                    ) AS found LIMIT 1
                ) AS c
                """.formatted(STORY_WINDOW, Fingerprint.NEAR_DUPLICATE_BITS))
                .params(fingerprints, bands[0], bands[1], bands[2], bands[3], times)
                .query(rs -> {
                    storedStory.put(rs.getInt(1) - 1, rs.getLong(2));
                });
        List<Long> newIds = jdbc.sql("SELECT nextval(pg_get_serial_sequence('story', 'id')) FROM generate_series(1, ?)")
                .param(m).query(Long.class).list();
        long window = java.time.Duration.ofDays(7).toMillis();
        List<long[]> inBatch = new ArrayList<>(); // story, fingerprint, published millis
        for (int p = 0; p < m; p++) {
            int i = storied.get(p);
            long fingerprint = analyses.get(i).fingerprint();
            Instant at = batch.get(i).publishedAt();
            Long story = storedStory.get(p);
            if (story == null) {
                for (long[] candidate : inBatch) {
                    if (Math.abs(candidate[2] - at.toEpochMilli()) <= window
                            && Fingerprint.nearDuplicates(fingerprint, candidate[1])) {
                        story = candidate[0];
                        break;
                    }
                }
            }
            boolean created = story == null;
            if (created) {
                story = newIds.get(p);
            }
            inBatch.add(new long[] {story, fingerprint, at.toEpochMilli()});
            StorySpan span = spans.computeIfAbsent(story, k -> new StorySpan(fingerprint, at, created));
            span.posts++;
            span.first = span.first.isBefore(at) ? span.first : at;
            span.last = span.last.isAfter(at) ? span.last : at;
            storyOf[i] = story;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "INSERT INTO story (id, fingerprint, first_seen, last_seen, posts) OVERRIDING SYSTEM VALUE VALUES ");
        int k = 0;
        for (Map.Entry<Long, StorySpan> entry : spans.entrySet()) {
            StorySpan span = entry.getValue();
            if (span.created) {
                sql.append(k++ == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
                params.addAll(Arrays.asList(entry.getKey(), span.fingerprint, Timestamp.from(span.first),
                        Timestamp.from(span.last), span.posts));
            }
        }
        if (k > 0) {
            jdbc.sql(sql.toString()).params(params).update();
        }
        params = new ArrayList<>();
        sql = new StringBuilder("UPDATE story SET posts = story.posts + v.added, first_seen = "
                + "LEAST(story.first_seen, v.first_seen), last_seen = GREATEST(story.last_seen, v.last_seen) FROM (VALUES ");
        k = 0;
        for (Map.Entry<Long, StorySpan> entry : spans.entrySet()) {
            StorySpan span = entry.getValue();
            if (!span.created) {
                sql.append(k++ == 0 ? "" : ", ").append("(?::bigint, ?::int, ?::timestamptz, ?::timestamptz)");
                params.addAll(Arrays.asList(entry.getKey(), span.posts, Timestamp.from(span.first), Timestamp.from(span.last)));
            }
        }
        if (k > 0) {
            sql.append(") AS v(id, added, first_seen, last_seen) WHERE story.id = v.id");
            jdbc.sql(sql.toString()).params(params).update();
        }
        return spans;
    }

    private static long band(long fingerprint, int band) {
        return (fingerprint >> (48 - 16 * band)) & 65535;
    }

    private Map<String, Long> sources(List<IncomingPost> batch, AgencyId agency) {
        Map<String, Long> ids = new HashMap<>();
        for (IncomingPost post : batch) {
            if (ids.containsKey(post.source())) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO post_source (code, kind, agency_id, created_at) VALUES (?, 'IMPORT', ?, ?)
                    ON CONFLICT (code) DO NOTHING
                    """).params(post.source(), agency == null ? null : agency.value(), Timestamp.from(clock.instant()))
                    .update();
            ids.put(post.source(), jdbc.sql("SELECT id FROM post_source WHERE code = ?").param(post.source())
                    .query(Long.class).single());
        }
        return ids;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

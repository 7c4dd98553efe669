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
 * for texts of ten words or more, the same normalised content) are counted, not stored again; near
 * duplicates join the story of the post they copy.
 */
@Service
class JdbcPostImporter implements PostImporter {

    static final int BATCH = 500;
    static final int MAX_LINE_BYTES = 1024 * 1024;
    static final int MIN_WORDS_FOR_CONTENT_IDENTITY = 10;
    static final int MIN_WORDS_FOR_STORY = 8;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TextAnalyzer analyzer;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PostParser parser;
    private final RoutingRules routing;
    private final Rollups rollups;

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
        jdbc.sql("""
                UPDATE post_import SET finished_at = ?, read = ?, stored = ?, duplicates = ?, quarantined = ? WHERE id = ?
                """).params(Timestamp.from(clock.instant()), counts.read, counts.stored, counts.duplicates,
                counts.quarantined.size(), importId).update();
        events.publishEvent(new PostsImported(by, importId, name, counts.read, counts.stored, counts.duplicates,
                counts.quarantined.size()));
        return new ImportSummary(importId, counts.read, counts.stored, counts.duplicates, counts.quarantined);
    }

    private static final class Counts {
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

    private void flush(long importId, List<IncomingPost> batch, List<QuarantinedLine> quarantined, List<String> raw,
            AgencyId agency, Counts counts) {
        if (batch.isEmpty() && quarantined.isEmpty()) {
            return;
        }
        // the analyzer is thread-safe: a batch is analysed on every core, in order
        List<Analysis> analyses = batch.parallelStream()
                .map(post -> analyzer.analyze(post.text(), post.publishedAt().atZone(LocalTime.ZONE).toLocalDate()))
                .toList();
        transactions.executeWithoutResult(status -> store(importId, batch, analyses, quarantined, raw, agency, counts));
        batch.clear();
        quarantined.clear();
        raw.clear();
    }

    private static final String COLUMNS = "source_id, platform, external_id, url, author, published_at, title, text, "
            + "parent_external_id, reactions, shares, comments, content_hash, normalized_text, fingerprint, sentiment, "
            + "sentiment_confidence, topic, toxicity, toxicity_confidence, places, agencies, import_id, ingested_at";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Stores one batch in a handful of statements: one look-up of what is stored already, one
     * multi-row insert, one look-up of story candidates, and bulk writes of stories and quarantined lines.
     */
    private void store(long importId, List<IncomingPost> batch, List<Analysis> analyses, List<QuarantinedLine> quarantined,
            List<String> raw, AgencyId agency, Counts counts) {
        Instant now = clock.instant();
        Map<String, Long> sources = sources(batch, agency);
        int n = batch.size();
        String[] hashes = new String[n];
        Long[] sourceIds = new Long[n];
        for (int i = 0; i < n; i++) {
            sourceIds[i] = sources.get(batch.get(i).source());
            hashes[i] = analyses.get(i).words().size() >= MIN_WORDS_FOR_CONTENT_IDENTITY ? sha256(analyses.get(i).normalized()) : null;
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
                jdbc.sql("SELECT content_hash FROM post WHERE content_hash = ANY(?::text[])").param(present)
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
        }
        Map<String, Long> ids = new HashMap<>();
        if (!fresh.isEmpty()) {
            List<Object> params = new ArrayList<>(fresh.size() * 24);
            StringBuilder sql = new StringBuilder("INSERT INTO post (" + COLUMNS + ") VALUES ");
            for (int f = 0; f < fresh.size(); f++) {
                int i = fresh.get(f);
                IncomingPost post = batch.get(i);
                Analysis analysis = analyses.get(i);
                sql.append(f == 0 ? "" : ", ").append(ROW);
                params.addAll(Arrays.asList(sourceIds[i], post.platform().name(), post.externalId(), post.url(),
                        post.author(), Timestamp.from(post.publishedAt()), post.title(), analysis.text(),
                        post.parentExternalId(), post.reactions(), post.shares(), post.comments(), hashes[i],
                        analysis.normalized(), analysis.fingerprint(), analysis.sentiment().label(),
                        (float) analysis.sentiment().confidence(), analysis.topic().label(), analysis.toxicity().label(),
                        (float) analysis.toxicity().confidence(),
                        analysis.places().stream().map(m -> m.entry().id()).distinct().toArray(String[]::new),
                        agencies(analysis),
                        importId, Timestamp.from(now)));
            }
            sql.append(" ON CONFLICT DO NOTHING RETURNING id, source_id, external_id");
            jdbc.sql(sql.toString()).params(params)
                    .query((rs, row) -> ids.put(rs.getLong(2) + "|" + rs.getString(3), rs.getLong(1))).list();
        }
        List<Storied> inStories = new ArrayList<>();
        for (int i : fresh) {
            Long id = ids.get(sourceIds[i] + "|" + batch.get(i).externalId());
            if (id == null) {
                counts.duplicates++;
                continue;
            }
            counts.stored++;
            if (analyses.get(i).words().size() >= MIN_WORDS_FOR_STORY) {
                inStories.add(new Storied(id, analyses.get(i).fingerprint(), batch.get(i).publishedAt()));
            }
        }
        assignStories(inStories);
        rollups.apply(ids.values(), 1);
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
    }

    /** The agencies a post is routed to: those it names, and those the routing rules give. */
    private String[] agencies(Analysis analysis) {
        Set<String> agencies = new TreeSet<>();
        analysis.agencies().forEach(m -> agencies.add(m.entry().id()));
        agencies.addAll(routing.route(analysis.normalized(), analysis.topic().label()));
        return agencies.toArray(String[]::new);
    }

    private record Storied(long postId, long fingerprint, Instant publishedAt) {
    }

    /**
     * Puts each post into the story of a near duplicate (SimHash within 6 bits, found through four
     * 16-bit bands among stored posts and the posts of this batch), or into a new story.
     */
    private void assignStories(List<Storied> posts) {
        if (posts.isEmpty()) {
            return;
        }
        Long[][] bands = new Long[4][posts.size()];
        for (int p = 0; p < posts.size(); p++) {
            for (int b = 0; b < 4; b++) {
                bands[b][p] = band(posts.get(p).fingerprint(), b);
            }
        }
        List<long[]> known = new ArrayList<>(jdbc.sql("""
                SELECT story_id, fingerprint FROM post WHERE story_id IS NOT NULL
                  AND (((fingerprint >> 48) & 65535) = ANY(?::bigint[]) OR ((fingerprint >> 32) & 65535) = ANY(?::bigint[])
                       OR ((fingerprint >> 16) & 65535) = ANY(?::bigint[]) OR (fingerprint & 65535) = ANY(?::bigint[]))
                LIMIT 50000
                """).params(bands[0], bands[1], bands[2], bands[3])
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
        List<Long> newIds = jdbc.sql("SELECT nextval(pg_get_serial_sequence('story', 'id')) FROM generate_series(1, ?)")
                .param(posts.size()).query(Long.class).list();
        Map<Long, long[]> spans = new LinkedHashMap<>();
        Map<Long, Integer> added = new LinkedHashMap<>();
        Set<Long> created = new LinkedHashSet<>();
        List<Object> links = new ArrayList<>();
        for (int p = 0; p < posts.size(); p++) {
            Storied post = posts.get(p);
            Long story = null;
            for (long[] candidate : known) {
                if (Fingerprint.nearDuplicates(post.fingerprint(), candidate[1])) {
                    story = candidate[0];
                    break;
                }
            }
            if (story == null) {
                story = newIds.get(p);
                created.add(story);
            }
            known.add(new long[] {story, post.fingerprint()});
            long at = post.publishedAt().toEpochMilli();
            spans.merge(story, new long[] {at, at, post.fingerprint()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2]});
            added.merge(story, 1, Integer::sum);
            links.add(post.postId());
            links.add(story);
        }
        if (!created.isEmpty()) {
            List<Object> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO story (id, fingerprint, first_seen, last_seen, posts) OVERRIDING SYSTEM VALUE VALUES ");
            int k = 0;
            for (long story : created) {
                long[] span = spans.get(story);
                sql.append(k++ == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
                params.addAll(Arrays.asList(story, span[2], Timestamp.from(Instant.ofEpochMilli(span[0])),
                        Timestamp.from(Instant.ofEpochMilli(span[1])), added.get(story)));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("UPDATE story SET posts = story.posts + v.added, first_seen = "
                + "LEAST(story.first_seen, v.first_seen), last_seen = GREATEST(story.last_seen, v.last_seen) FROM (VALUES ");
        int k = 0;
        for (Map.Entry<Long, Integer> entry : added.entrySet()) {
            if (created.contains(entry.getKey())) {
                continue;
            }
            long[] span = spans.get(entry.getKey());
            sql.append(k++ == 0 ? "" : ", ").append("(?::bigint, ?::int, ?::timestamptz, ?::timestamptz)");
            params.addAll(Arrays.asList(entry.getKey(), entry.getValue(), Timestamp.from(Instant.ofEpochMilli(span[0])),
                    Timestamp.from(Instant.ofEpochMilli(span[1]))));
        }
        if (k > 0) {
            sql.append(") AS v(id, added, first_seen, last_seen) WHERE story.id = v.id");
            jdbc.sql(sql.toString()).params(params).update();
        }
        StringBuilder link = new StringBuilder("UPDATE post SET story_id = v.story FROM (VALUES ");
        for (int i = 0; i < links.size() / 2; i++) {
            link.append(i == 0 ? "" : ", ").append("(?::bigint, ?::bigint)");
        }
        link.append(") AS v(id, story) WHERE post.id = v.id");
        jdbc.sql(link.toString()).params(links).update();
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

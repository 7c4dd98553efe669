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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    JdbcPostImporter(JdbcClient jdbc, TransactionTemplate transactions, TextAnalyzer analyzer, Clock clock,
            ApplicationEventPublisher events) {
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
        List<Analysis> analyses = new ArrayList<>(batch.size());
        for (IncomingPost post : batch) {
            analyses.add(analyzer.analyze(post.text(), post.publishedAt().atZone(LocalTime.ZONE).toLocalDate()));
        }
        transactions.executeWithoutResult(status -> {
            Map<String, Long> sources = sources(batch, agency);
            Instant now = clock.instant();
            for (int i = 0; i < batch.size(); i++) {
                IncomingPost post = batch.get(i);
                Analysis analysis = analyses.get(i);
                int words = analysis.words().size();
                String hash = words >= MIN_WORDS_FOR_CONTENT_IDENTITY ? sha256(analysis.normalized()) : null;
                Optional<Long> id = jdbc.sql("""
                        INSERT INTO post (source_id, platform, external_id, url, author, published_at, title, text,
                            parent_external_id, reactions, shares, comments, content_hash, normalized_text, fingerprint,
                            sentiment, sentiment_confidence, topic, toxicity, toxicity_confidence, places, agencies,
                            import_id, ingested_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING RETURNING id
                        """).params(sources.get(post.source()), post.platform().name(), post.externalId(), post.url(),
                        post.author(), Timestamp.from(post.publishedAt()), post.title(), analysis.text(),
                        post.parentExternalId(), post.reactions(), post.shares(), post.comments(), hash,
                        analysis.normalized(), analysis.fingerprint(), analysis.sentiment().label(),
                        (float) analysis.sentiment().confidence(), analysis.topic().label(), analysis.toxicity().label(),
                        (float) analysis.toxicity().confidence(),
                        analysis.places().stream().map(m -> m.entry().id()).distinct().toArray(String[]::new),
                        analysis.agencies().stream().map(m -> m.entry().id()).distinct().toArray(String[]::new),
                        importId, Timestamp.from(now))
                        .query(Long.class).optional();
                if (id.isEmpty()) {
                    counts.duplicates++;
                    continue;
                }
                counts.stored++;
                if (words >= MIN_WORDS_FOR_STORY) {
                    joinStory(id.get(), analysis.fingerprint(), post.publishedAt());
                }
            }
            for (int i = 0; i < quarantined.size(); i++) {
                jdbc.sql("INSERT INTO quarantined_line (import_id, line, reason, raw, created_at) VALUES (?, ?, ?, ?, ?)")
                        .params(importId, quarantined.get(i).line(), quarantined.get(i).reason(), raw.get(i),
                                Timestamp.from(now))
                        .update();
            }
        });
        batch.clear();
        quarantined.clear();
        raw.clear();
    }

    /** Puts a post into the story of a near-duplicate (SimHash within 6 bits, found by 16-bit bands), or a new one. */
    private void joinStory(long postId, long fingerprint, Instant publishedAt) {
        List<long[]> candidates = jdbc.sql("""
                SELECT story_id, fingerprint FROM post
                WHERE id <> ? AND story_id IS NOT NULL
                  AND (((fingerprint >> 48) & 65535) = ? OR ((fingerprint >> 32) & 65535) = ?
                       OR ((fingerprint >> 16) & 65535) = ? OR (fingerprint & 65535) = ?)
                LIMIT 50
                """).params(postId, (fingerprint >> 48) & 65535, (fingerprint >> 32) & 65535,
                (fingerprint >> 16) & 65535, fingerprint & 65535)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        Timestamp at = Timestamp.from(publishedAt);
        for (long[] candidate : candidates) {
            if (Fingerprint.nearDuplicates(fingerprint, candidate[1])) {
                jdbc.sql("""
                        UPDATE story SET posts = posts + 1, first_seen = LEAST(first_seen, ?), last_seen = GREATEST(last_seen, ?)
                        WHERE id = ?
                        """).params(at, at, candidate[0]).update();
                jdbc.sql("UPDATE post SET story_id = ? WHERE id = ?").params(candidate[0], postId).update();
                return;
            }
        }
        long story = jdbc.sql("INSERT INTO story (fingerprint, first_seen, last_seen) VALUES (?, ?, ?) RETURNING id")
                .params(fingerprint, at, at).query(Long.class).single();
        jdbc.sql("UPDATE post SET story_id = ? WHERE id = ?").params(story, postId).update();
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

package vn.loa.listening.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import vn.loa.listening.Platform;
import vn.loa.listening.PostImporter;
import vn.loa.listening.PostsImported;
import vn.loa.listening.StoriesMerged;
import vn.loa.nlp.Fingerprint;
import vn.loa.nlp.analyze.Analysis;
import vn.loa.nlp.analyze.Register;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The import pipeline: read lines (strict UTF-8), parse and validate, analyse with the language
 * engine, then store each batch in one transaction.
 *
 * <p>Only the same post seen twice is a duplicate, counted and not stored again: the same source and
 * external id (a file imported again, a feed read again), or the same author repeating a text of
 * {@value #MIN_SYLLABLES_FOR_CONTENT_IDENTITY} syllables or more on the same source under another id
 * (a double submission, or a feed that gives an item a new id: no new voice and no new reach).
 * Identical texts from other authors or other sources are other voices: each is stored as a post of
 * its own, a repost in the story of the first copy, and the analysis of a stored copy (or of an
 * earlier copy in the batch) is reused rather than computed again; only places and agencies are read
 * afresh, as of the repost's own day. Texts of {@value #MIN_SYLLABLES_FOR_REPOST} syllables or more
 * are grouped that way; shorter ones ("Đồng ý") are reactions, each kept on its own. Near duplicates
 * (copies with a few changes) of {@value #MIN_SYLLABLES_FOR_STORY} syllables or more join the story of
 * the post they copy, and the variants of one text within a batch make one story.
 */
@Service
class JdbcPostImporter implements PostImporter {

    private static final Log log = LogFactory.getLog(JdbcPostImporter.class);

    static final int BATCH = 2000;
    /** Batches whose roll-ups are summed and written together. */
    static final int ROLLUP_GROUP = 5;
    static final int MAX_LINE_BYTES = 1024 * 1024;
    /** From this length, the same author's same text on the same source is the same post seen again. */
    static final int MIN_SYLLABLES_FOR_CONTENT_IDENTITY = 12;
    /** From this length, identical texts are reposts of one story (shorter ones are reactions). */
    static final int MIN_SYLLABLES_FOR_REPOST = 6;
    /** From this length, near duplicates (by fingerprint) are one story. */
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
    public ImportSummary importFile(String fileName, InputStream in, Actor by, AgencyId agency, boolean ownSourcesOnly,
            boolean newSourcesAreCitizens) throws IOException {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        name = name.length() > 300 ? name.substring(0, 300) : name;
        boolean csv = name.toLowerCase(Locale.ROOT).endsWith(".csv");
        // a file saved as UTF-16 ("Unicode" in Excel and Notepad) is refused as a whole, with what to do: read as
        // UTF-8, every line of it would be quarantined as garbage
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 64 * 1024);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
            throw new InvalidInput("file", "listening.import.utf16");
        }
        in = buffered;
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
        Map<String, Optional<Long>> owners = new HashMap<>();
        Utf8Lines.Line line;
        while ((line = lines.next()) != null) {
            if (line.problem() == null && line.text().isBlank()) {
                continue;
            }
            counts.read++;
            if (line.problem() != null) {
                quarantine(counts, batchQuarantine, batchRaw, line.number(), line.problem(), line.preview());
                continue;
            }
            String text = line.text();
            try {
                IncomingPost post;
                if (csv) {
                    List<String> record = CsvRecord.fields(text);
                    long first = line.number();
                    while (record == null) {
                        Utf8Lines.Line more = lines.next();
                        if (more == null || more.problem() != null) {
                            throw new RejectedLine("a quoted field is not closed");
                        }
                        text = text + "\n" + more.text();
                        record = CsvRecord.fields(text);
                    }
                    post = parser.fromCsv(first, header, record);
                } else {
                    post = parser.fromJson(line.number(), text);
                }
                if (ownSourcesOnly && !mayWriteInto(post.source(), agency, owners)) {
                    throw new RejectedLine("source: '" + post.source() + "' belongs to another agency; a token writes"
                            + " only into its own agency's sources or new ones");
                }
                batch.add(post);
                if (counts.sources.add(post.source()) && newSourcesAreCitizens) {
                    // made now, before its batch is read, so that its posts are read as the mark says
                    jdbc.sql("""
                            INSERT INTO post_source (code, kind, agency_id, created_at, citizens)
                            VALUES (?, 'IMPORT', ?, ?, TRUE) ON CONFLICT (code) DO NOTHING
                            """).params(post.source(), agency == null ? null : agency.value(),
                            Timestamp.from(clock.instant())).update();
                }
            } catch (RejectedLine e) {
                quarantine(counts, batchQuarantine, batchRaw, line.number(), e.getMessage(), text);
            }
            if (batch.size() >= BATCH) {
                flush(importId, batch, batchQuarantine, batchRaw, agency, counts);
            }
        }
        flush(importId, batch, batchQuarantine, batchRaw, agency, counts);
        drain(importId, agency, counts);
        log.info(String.format(Locale.ROOT, "Imported %s: %d read, %d stored, %d duplicates, %d quarantined, %d analyses "
                + "reused from a copy; analysis %.1f s, insert %.1f s, stories %.1f s, roll-ups %.1f s", name, counts.read,
                counts.stored, counts.duplicates, counts.quarantined.size(), counts.reused, counts.analysisNanos / 1e9,
                counts.insertNanos / 1e9,
                counts.storyNanos / 1e9, counts.rollupNanos / 1e9));
        // the batches are committed as they go; the import's record and its audit entry commit together
        String importName = name;
        transactions.executeWithoutResult(status -> {
            Timestamp finished = Timestamp.from(clock.instant());
            jdbc.sql("""
                    UPDATE post_import SET finished_at = ?, read = ?, stored = ?, duplicates = ?, quarantined = ? WHERE id = ?
                    """).params(finished, counts.read, counts.stored, counts.duplicates,
                    counts.quarantined.size(), importId).update();
            // the sources page's "last success" of a source that is imported, not polled: its last import that finished
            if (!counts.sources.isEmpty()) {
                jdbc.sql("UPDATE post_source SET last_success_at = ? WHERE code = ANY(?)")
                        .params(finished, counts.sources.toArray(String[]::new)).update();
            }
            events.publishEvent(new PostsImported(by, importId, importName, counts.read, counts.stored, counts.duplicates,
                    counts.quarantined.size()));
        });
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
        /** Posts that took the analysis of a copy of their text instead of being analysed. */
        int reused;
        int read;
        int stored;
        int duplicates;
        final List<QuarantinedLine> quarantined = new ArrayList<>();
        /** The codes of the sources of the lines read and not quarantined (stored or already there). */
        final Set<String> sources = new HashSet<>();
    }

    /**
     * The batch, each post knowing whether its source is marked as citizens' own posts and as the province's own (one
     * query a batch).
     */
    private List<IncomingPost> onMarkedSources(List<IncomingPost> batch) {
        String[] codes = batch.stream().map(IncomingPost::source).distinct().toArray(String[]::new);
        Map<String, boolean[]> marked = new HashMap<>();
        jdbc.sql("SELECT code, citizens, local FROM post_source WHERE code = ANY(?) AND (citizens OR local)").param(codes)
                .query(rs -> {
                    marked.put(rs.getString(1), new boolean[] {rs.getBoolean(2), rs.getBoolean(3)});
                });
        if (marked.isEmpty()) {
            return List.copyOf(batch);
        }
        return batch.stream().map(post -> {
            boolean[] flags = marked.get(post.source());
            return flags == null ? post : post.onSource(flags[0], flags[1]);
        }).toList();
    }

    /** Whether a post may go into a source: a new one, or one of the agency's own. */
    private boolean mayWriteInto(String source, AgencyId agency, Map<String, Optional<Long>> owners) {
        Optional<Long> owner = owners.computeIfAbsent(source, code -> jdbc.sql(
                "SELECT coalesce(agency_id, -1) FROM post_source WHERE code = ?").param(code).query(Long.class).optional());
        return owner.isEmpty() || agency != null && owner.get() == agency.value();
    }

    private static void quarantine(Counts counts, List<QuarantinedLine> batch, List<String> raw, long line, String reason,
            String text) {
        QuarantinedLine entry = new QuarantinedLine(line, reason);
        counts.quarantined.add(entry);
        batch.add(entry);
        // kept as it came, but for NUL, which the database cannot hold (the reason says where it was)
        String kept = text == null ? null : (text.length() > 2000 ? text.substring(0, 2000) : text).replace("\u0000", "\\u0000");
        raw.add(kept);
    }

    /** Reads the CSV header; a missing required column refuses the whole file. */
    private static List<String> header(Utf8Lines lines) throws IOException {
        Utf8Lines.Line first = lines.next();
        if (first == null || first.problem() != null || first.text().isBlank()) {
            throw new InvalidInput("file", "listening.import.no-header");
        }
        List<String> header;
        try {
            header = CsvRecord.fields(first.text());
        } catch (RejectedLine e) {
            header = null;
        }
        if (header == null) {
            throw new InvalidInput("file", "listening.import.no-header");
        }
        header = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (header.size() == 1 && header.get(0).contains(";") && header.get(0).contains("source")) {
            // Excel set to Vietnamese separates columns with semicolons
            throw new InvalidInput("file", "listening.import.semicolons");
        }
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
     * A batch made ready to store: per post its content hash (texts of {@value #MIN_SYLLABLES_FOR_REPOST}
     * syllables or more), its syllables, and what the language engine understood of it, null for a
     * post whose source already holds its external id (a duplicate, not worth analysing).
     */
    private record Prepared(String[] hashes, int[] syllables, Labels[] labels, int reused) {
    }

    /**
     * What is stored of a post's analysis: its own text and normal form, the labels (which a repost
     * shares with the copy it repeats), and the places and agencies it names as of its own day.
     */
    private record Labels(String text, String normalized, long fingerprint, String register, String sentiment,
            float sentimentConfidence, String topic, String domain, String toxicity, float toxicityConfidence,
            String[] places, String[] named) {

        static Labels of(Analysis analysis) {
            NamesInText names = NamesInText.of(analysis);
            return new Labels(analysis.text(), analysis.normalized(), analysis.fingerprint(), analysis.register().id(),
                    analysis.sentiment().labelOrUnclear(), (float) analysis.sentiment().confidence(),
                    analysis.topic().labelOrUnclear(), analysis.domain().label(), analysis.toxicity().label(),
                    (float) analysis.toxicity().confidence(), names.places(), names.agencies());
        }

        /** The same labels for another copy of the text, with the names that copy's text gives on its day. */
        Labels copiedAs(String text, String normalized, NamesInText names) {
            return new Labels(text, normalized, fingerprint, register, sentiment, sentimentConfidence, topic, domain,
                    toxicity, toxicityConfidence, names.places(), names.agencies());
        }

        boolean toxic() {
            return !TextAnalyzer.CLEAN.equals(toxicity);
        }
    }

    /**
     * Starts the analysis of a full batch in the background (on every core) and stores the batch
     * before it, so that analysing and storing overlap; batches are stored in order.
     */
    private void flush(long importId, List<IncomingPost> batch, List<QuarantinedLine> quarantined, List<String> raw,
            AgencyId agency, Counts counts) {
        if (!batch.isEmpty() || !quarantined.isEmpty()) {
            List<IncomingPost> posts = onMarkedSources(batch);
            // posts whose source has their external id already are duplicates: not worth analysing
            Set<String> known = knownKeys(posts);
            CompletableFuture<Prepared> prepared = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                Prepared result = prepare(posts, known);
                synchronized (counts) {
                    counts.analysisNanos += System.nanoTime() - start;
                    counts.reused += result.reused();
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
     * Normalises the batch (on every core), then analyses only the texts not seen before: a repost of
     * a stored text (labelled by the current models, on a platform of the same register) or of an
     * earlier post of the batch takes the labels of that copy, and only its places and agencies are
     * looked up, as of its own day. Reposts thus cost a normalisation and a look-up, not an analysis.
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
            hashes[i] = normal != null && syllables[i] >= MIN_SYLLABLES_FOR_REPOST ? sha256(normal.normalized()) : null;
        }
        Map<String, Labels> stored = storedLabels(posts, hashes);
        // per post: the post whose labels it takes (itself when it is analysed), or -1 for a stored copy's
        int[] from = new int[n];
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String key = hashes[i] == null ? null : copyKey(hashes[i], posts.get(i));
            if (normals.get(i) == null) {
                from[i] = i;
            } else if (key != null && stored.containsKey(key)) {
                from[i] = -1;
            } else {
                Integer earlier = key == null ? null : first.putIfAbsent(key, i);
                from[i] = earlier == null ? i : earlier;
            }
        }
        Labels[] labels = new Labels[n];
        java.util.stream.IntStream.range(0, n).parallel().filter(i -> normals.get(i) != null && from[i] == i)
                .forEach(i -> labels[i] = Labels.of(analyze(normals.get(i), posts.get(i))));
        java.util.stream.IntStream.range(0, n).parallel().filter(i -> normals.get(i) != null && from[i] != i)
                .forEach(i -> labels[i] = repost(from[i] < 0 ? stored.get(copyKey(hashes[i], posts.get(i)))
                        : labels[from[i]], normals.get(i), posts.get(i)));
        int reused = (int) java.util.stream.IntStream.range(0, n).filter(i -> normals.get(i) != null && from[i] != i).count();
        return new Prepared(hashes, syllables, labels, reused);
    }

    /**
     * A text's copies share their labels only between posts whose sources say the same of the register (what a
     * news site publishes is read as news, and its toxicity is clean by rule, whatever a comment of the same words is).
     */
    private static String copyKey(String hash, IncomingPost post) {
        return hash + "|" + post.registerHint();
    }

    /**
     * Per register hint, the platforms, each with ":1" if the post answers another and ":0" if not, whose posts get
     * it: what a stored copy must be to share its labels. Worked out once, not for every text of every batch.
     */
    private static final Map<Register.Hint, String> SAME_HINT = sameHints();

    private static Map<Register.Hint, String> sameHints() {
        Map<Register.Hint, List<String>> kinds = new java.util.EnumMap<>(Register.Hint.class);
        for (Platform platform : Platform.values()) {
            for (boolean answers : new boolean[] {false, true}) {
                kinds.computeIfAbsent(platform.registerHint(answers), h -> new ArrayList<>())
                        .add(platform.name() + (answers ? ":1" : ":0"));
            }
        }
        Map<Register.Hint, String> joined = new java.util.EnumMap<>(Register.Hint.class);
        kinds.forEach((hint, list) -> joined.put(hint, String.join(",", list)));
        return joined;
    }

    /** The labels of a copy for a repost: the names in the repost's own text, as of its own day. */
    private Labels repost(Labels copy, TextAnalyzer.Normalized normal, IncomingPost post) {
        return copy.copiedAs(normal.text(), normal.normalized(), NamesInText.find(analyzer, normal, day(post),
                post.registerHint()));
    }

    /**
     * The labels of one stored copy of each text of the batch (by content hash and register hint), if
     * the current models gave them: one index probe per text.
     */
    private Map<String, Labels> storedLabels(List<IncomingPost> posts, String[] hashes) {
        Map<String, String[]> wanted = new LinkedHashMap<>();
        for (int i = 0; i < hashes.length; i++) {
            String hash = hashes[i];
            if (hash != null) {
                IncomingPost post = posts.get(i);
                // a post of a citizens' source has no platforms here (null): it shares no stored copy's labels, and the
                // query below keeps other posts from sharing one of a citizens' source's
                wanted.computeIfAbsent(copyKey(hash, post), k -> new String[] {hash, SAME_HINT.get(post.registerHint())});
            }
        }
        Map<String, Labels> labels = new HashMap<>();
        if (wanted.isEmpty()) {
            return labels;
        }
        List<String> keys = List.copyOf(wanted.keySet());
        jdbc.sql("""
                SELECT k.i, c.fingerprint, c.register, c.sentiment, c.sentiment_confidence, c.topic, c.domain, c.toxicity,
                       c.toxicity_confidence
                FROM unnest(?::char(64)[], ?::text[]) WITH ORDINALITY AS k(hash, platforms, i)
                CROSS JOIN LATERAL (
                    SELECT fingerprint, register, sentiment, sentiment_confidence, topic, domain, toxicity, toxicity_confidence
                    FROM post WHERE content_hash = k.hash AND model_version = ?
                      AND platform || CASE WHEN parent_external_id IS NULL THEN ':0' ELSE ':1' END
                          = ANY(string_to_array(k.platforms, ','))
                      AND source_id NOT IN (SELECT id FROM post_source WHERE citizens)
                    LIMIT 1
                ) AS c
                """).params(keys.stream().map(k -> wanted.get(k)[0]).toArray(String[]::new),
                        keys.stream().map(k -> wanted.get(k)[1]).toArray(String[]::new), analyzer.modelVersion())
                .query(rs -> {
                    labels.put(keys.get(rs.getInt(1) - 1), new Labels(null, null, rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getFloat(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getFloat(9), null, null));
                });
        return labels;
    }

    /** Analyses a post as of its day, with what its source says of its register. */
    private Analysis analyze(TextAnalyzer.Normalized normal, IncomingPost post) {
        return analyzer.analyzeUnsegmented(normal, day(post), post.registerHint());
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
        PendingRollup rollup = null;
        for (int attempt = 1; ; attempt++) {
            int stored = counts.stored;
            int duplicates = counts.duplicates;
            try {
                rollup = transactions.execute(status -> {
                    // a batch need not reach the disk before the next one: the import's last statement, committed
                    // synchronously, flushes the log of every batch before the summary is given to anyone
                    jdbc.sql("SET LOCAL synchronous_commit = off").update();
                    return store(importId, pending.batch(), prepared, pending.quarantined(), pending.raw(), agency,
                            counts);
                });
                break;
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                // two imports that merge the same stories at once can wait for each other: the one the database
                // chose stores its batch again, nothing of it having been kept
                counts.stored = stored;
                counts.duplicates = duplicates;
                if (attempt == 3) {
                    throw e;
                }
                log.warn("Storing a batch of import " + importId + " again after a lock conflict: " + e.getMessage());
            }
        }
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
    static final String LIST_SEPARATOR = "\u001f";
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
     * Counts each new post's author, in the same statement as the insert, as active in the province and in
     * each agency the post is routed to ({@code author_activity}: the author's last post, and last public
     * post, per scope). An author is a name on a platform; a post without an author's name is a voice of its own.
     */
    private static final String COUNT_AUTHORS = """
            , authors AS (
                INSERT INTO author_activity AS a (scope, author_key, last_post, last_public_post)
                SELECT s.scope, %s,
                       max(i.published_at), max(i.published_at) FILTER (WHERE i.platform NOT IN ('HOTLINE', 'OFFICE'))
                FROM inserted i CROSS JOIN LATERAL unnest(array_append(i.agencies, '')) AS s(scope)
                GROUP BY 1, 2 ORDER BY 1, 2
                ON CONFLICT (scope, author_key) DO UPDATE SET last_post = GREATEST(a.last_post, excluded.last_post),
                    last_public_post = GREATEST(a.last_public_post, excluded.last_public_post)
            )
            SELECT id, source_id, external_id FROM inserted
            """.formatted(Rollups.authorKey("i"));

    /**
     * Stores one batch in a handful of statements: look-ups of what is stored already (the same posts,
     * and copies of the batch's texts), one multi-row insert (which counts the authors too), one look-up
     * of near-duplicate story candidates, and bulk writes of stories and quarantined lines.
     */
    private PendingRollup store(long importId, List<IncomingPost> batch, Prepared prepared,
            List<QuarantinedLine> quarantined, List<String> raw, AgencyId agency, Counts counts) {
        Labels[] labels = prepared.labels();
        String[] hashes = prepared.hashes();
        int[] syllables = prepared.syllables();
        Instant now = clock.instant();
        Map<String, String> owners = new HashMap<>();
        Map<String, Long> sources = sources(batch, agency, owners);
        int n = batch.size();
        Long[] sourceIds = new Long[n];
        for (int i = 0; i < n; i++) {
            sourceIds[i] = sources.get(batch.get(i).source());
        }
        Set<String> stored = new HashSet<>();
        if (n > 0) {
            jdbc.sql("""
                    SELECT p.source_id, p.external_id FROM post p
                    JOIN unnest(?::bigint[], ?::text[]) AS k(source_id, external_id)
                      ON p.source_id = k.source_id AND p.external_id = k.external_id
                    """).params(sourceIds, batch.stream().map(IncomingPost::externalId).toArray(String[]::new))
                    .query((rs, row) -> stored.add(rs.getLong(1) + "|" + rs.getString(2))).list();
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] == null && !stored.contains(sourceIds[i] + "|" + batch.get(i).externalId())) {
                // taken for a stored post before, it is new after all (another import's batch was rolled back)
                TextAnalyzer.Normalized normal = analyzer.normalize(batch.get(i).text());
                syllables[i] = normal.syllables();
                hashes[i] = syllables[i] >= MIN_SYLLABLES_FOR_REPOST ? sha256(normal.normalized()) : null;
                labels[i] = Labels.of(analyze(normal, batch.get(i)));
            }
        }
        Map<String, Long> copies = storedCopies(hashes);
        Set<Integer> repeated = repeatedByTheirAuthor(batch, hashes, syllables, sourceIds, copies.keySet());
        Set<String> seen = new HashSet<>();
        List<Integer> fresh = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            IncomingPost post = batch.get(i);
            String key = sourceIds[i] + "|" + post.externalId();
            String said = sameSaying(post, hashes[i], syllables[i], sourceIds[i]);
            if (stored.contains(key) || repeated.contains(i) || (said != null && seen.contains(said))) {
                counts.duplicates++;
                continue;
            }
            stored.add(key);
            if (said != null) {
                seen.add(said);
            }
            fresh.add(i);
        }
        long storyStart = System.nanoTime();
        Long[] storyOf = new Long[n];
        assignStories(fresh, batch, labels, syllables, hashes, copies, storyOf);
        long insertStart = System.nanoTime();
        counts.storyNanos += insertStart - storyStart;
        Map<String, Long> ids = new HashMap<>();
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
                Labels label = labels[i];
                routed[i] = routing.agencies(new NamesInText(label.places(), label.named()), label.normalized(),
                        label.topic(), label.domain(), LocalDate.ofInstant(post.publishedAt(), LocalTime.ZONE),
                        new RoutingRules.Provenance(label.register(), post.registerHint() == Register.Hint.FEEDBACK,
                                post.localSource(), owners.get(post.source())));
                Object[] row = {sourceIds[i], post.platform().name(), post.externalId(), post.url(), post.author(),
                    Timestamp.from(post.publishedAt()), post.title(), label.text(), post.parentExternalId(),
                    post.reactions(), post.shares(), post.comments(), hashes[i], label.normalized(),
                    label.fingerprint(), label.sentiment(), label.sentimentConfidence(), label.topic(), label.toxicity(),
                    label.toxicityConfidence(), String.join(LIST_SEPARATOR, label.places()),
                    String.join(LIST_SEPARATOR, routed[i]), importId, ingested, storyOf[i], label.register(),
                    label.domain(), modelVersion};
                for (int c = 0; c < row.length; c++) {
                    columns[c][f] = row[c];
                }
            }
            jdbc.sql("WITH inserted AS (INSERT INTO post (" + COLUMNS + ") " + UNNEST_ROWS
                    + " ON CONFLICT DO NOTHING RETURNING id, source_id, external_id, platform, author, published_at, agencies)"
                    + COUNT_AUTHORS).params((Object[]) columns)
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
            Labels label = labels[i];
            facts.add(new Rollups.Fact(post.publishedAt(), post.platform().name(), label.sentiment(), label.topic(),
                    label.register(), label.domain(), label.toxic(), routed[i], label.places(), storyOf[i]));
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

    /**
     * The story of the first stored copy of each text of the batch that has one (the value is null when
     * that copy has no story, as posts stored before stories existed): one index probe per text.
     */
    private Map<String, Long> storedCopies(String[] hashes) {
        String[] present = Arrays.stream(hashes).filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, Long> copies = new HashMap<>();
        if (present.length > 0) {
            jdbc.sql("""
                    SELECT k.hash, c.story_id FROM unnest(?::char(64)[]) AS k(hash)
                    CROSS JOIN LATERAL (SELECT story_id FROM post WHERE content_hash = k.hash ORDER BY id LIMIT 1) AS c
                    """).param(present).query(rs -> {
                        copies.put(rs.getString(1).strip(), rs.getObject(2, Long.class));
                    });
        }
        return copies;
    }

    /**
     * What makes two posts the same post seen again although their ids differ: the same author, the
     * same source and the same text of {@value #MIN_SYLLABLES_FOR_CONTENT_IDENTITY} syllables or more;
     * null for a post without an author's name or with a shorter text.
     */
    private static String sameSaying(IncomingPost post, String hash, int syllables, Long sourceId) {
        return hash == null || post.author() == null || syllables < MIN_SYLLABLES_FOR_CONTENT_IDENTITY ? null
                : sourceId + "|" + hash + "|" + post.author();
    }

    /** The posts of the batch whose author said the same on the same source before (see {@link #sameSaying}). */
    private Set<Integer> repeatedByTheirAuthor(List<IncomingPost> batch, String[] hashes, int[] syllables,
            Long[] sourceIds, Set<String> storedTexts) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (sameSaying(batch.get(i), hashes[i], syllables[i], sourceIds[i]) != null && storedTexts.contains(hashes[i])) {
                candidates.add(i);
            }
        }
        Set<Integer> repeated = new HashSet<>();
        if (candidates.isEmpty()) {
            return repeated;
        }
        jdbc.sql("""
                SELECT k.i FROM unnest(?::char(64)[], ?::bigint[], ?::text[], ?::int[]) AS k(hash, source_id, author, i)
                WHERE EXISTS (SELECT 1 FROM post p WHERE p.content_hash = k.hash AND p.source_id = k.source_id
                                                     AND p.author = k.author)
                """).params(candidates.stream().map(i -> hashes[i]).toArray(String[]::new),
                        candidates.stream().map(i -> sourceIds[i]).toArray(Long[]::new),
                        candidates.stream().map(i -> batch.get(i).author()).toArray(String[]::new),
                        candidates.toArray(Integer[]::new))
                .query(rs -> {
                    repeated.add(rs.getInt(1));
                });
        return repeated;
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
     * Puts each new post of {@value #MIN_SYLLABLES_FOR_REPOST} syllables or more into a story: a repost
     * (the same normal form) into the story of the first copy, stored or earlier in the batch, whenever
     * it was published; a text of {@value #MIN_SYLLABLES_FOR_STORY} syllables or more without a copy into
     * the story of a near duplicate (SimHash within 6 bits) published within {@value #STORY_WINDOW} of it,
     * found through four 16-bit bands among stored posts, and compared with every post of this batch; any
     * other into a new story. The stories that a post is near become one (single link): the oldest stored
     * one if any is stored, else the first met. So the variants of one text are one story in whatever order
     * and in however many batches or imports they come, as far as each finds its stored near duplicates
     * through a band. A stored story merged away keeps its row, pointing at the story it joined
     * ({@code merged_into}, and a row of {@code story_merge}); its posts and daily counts move to that story,
     * and {@link StoriesMerged} tells the modules that refer to stories. The stories are written before
     * the posts, which are inserted with their story.
     */
    private void assignStories(List<Integer> fresh, List<IncomingPost> batch, Labels[] labels, int[] syllables,
            String[] hashes, Map<String, Long> copies, Long[] storyOf) {
        List<Integer> storied = fresh.stream().filter(i -> hashes[i] != null).toList();
        if (storied.isEmpty()) {
            return;
        }
        // near duplicates are looked for only for the first post of a text that has no stored copy in a story
        Set<String> firstOfText = new HashSet<>();
        List<Integer> searched = new ArrayList<>();
        for (int i : storied) {
            if (copies.get(hashes[i]) == null && firstOfText.add(hashes[i]) && syllables[i] >= MIN_SYLLABLES_FOR_STORY) {
                searched.add(i);
            }
        }
        Map<Integer, List<Long>> nearStored = nearDuplicateStories(searched, batch, labels);
        int m = storied.size();
        List<Long> newIds = jdbc.sql("SELECT nextval(pg_get_serial_sequence('story', 'id')) FROM generate_series(1, ?)")
                .param(m).query(Long.class).list();
        long window = java.time.Duration.ofDays(7).toMillis();
        Map<String, Long> storyOfText = new HashMap<>();
        Set<Long> created = new HashSet<>(); // stories begun in this batch
        Map<Long, Long> into = new HashMap<>(); // a story merged into another, begun in this batch or stored
        List<long[]> inBatch = new ArrayList<>(); // story, fingerprint, published millis
        for (int p = 0; p < m; p++) {
            int i = storied.get(p);
            long fingerprint = labels[i].fingerprint();
            Instant at = batch.get(i).publishedAt();
            List<Long> near = new ArrayList<>(4);
            Long copy = copies.get(hashes[i]);
            if (copy == null) {
                copy = storyOfText.get(hashes[i]);
            }
            if (copy != null) {
                near.add(merged(into, copy));
            } else {
                for (Long story : nearStored.getOrDefault(i, List.of())) {
                    addOnce(near, merged(into, story));
                }
            }
            // the stories of this batch's near duplicates too: all of them become one, so that a burst of
            // variants of one text is one story whatever order its variants come in
            if (syllables[i] >= MIN_SYLLABLES_FOR_STORY) {
                for (long[] candidate : inBatch) {
                    if (Math.abs(candidate[2] - at.toEpochMilli()) <= window
                            && Fingerprint.nearDuplicates(fingerprint, candidate[1])) {
                        addOnce(near, merged(into, candidate[0]));
                    }
                }
            }
            Long story = near.stream().filter(id -> !created.contains(id)).min(Long::compare)
                    .orElse(near.isEmpty() ? null : near.get(0));
            if (story == null) {
                story = newIds.get(p);
                created.add(story);
            }
            for (Long other : near) {
                if (!other.equals(story)) {
                    into.put(other, story);
                }
            }
            storyOfText.putIfAbsent(hashes[i], story);
            if (syllables[i] >= MIN_SYLLABLES_FOR_STORY) {
                inBatch.add(new long[] {story, fingerprint, at.toEpochMilli()});
            }
            storyOf[i] = story;
        }
        mergeStored(storied, storyOf, created, into);
        Map<Long, StorySpan> spans = new LinkedHashMap<>();
        for (int i : storied) {
            long story = merged(into, storyOf[i]);
            Instant at = batch.get(i).publishedAt();
            StorySpan span = spans.computeIfAbsent(story, k -> new StorySpan(labels[i].fingerprint(), at,
                    created.contains(k)));
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
        // stories updated in id order, so that concurrent imports lock them in one order
        List<Map.Entry<Long, StorySpan>> updated = spans.entrySet().stream().filter(e -> !e.getValue().created)
                .sorted(Map.Entry.comparingByKey()).toList();
        for (Map.Entry<Long, StorySpan> entry : updated) {
            StorySpan span = entry.getValue();
            sql.append(k++ == 0 ? "" : ", ").append("(?::bigint, ?::int, ?::timestamptz, ?::timestamptz)");
            params.addAll(Arrays.asList(entry.getKey(), span.posts, Timestamp.from(span.first), Timestamp.from(span.last)));
        }
        if (k > 0) {
            sql.append(") AS v(id, added, first_seen, last_seen) WHERE story.id = v.id");
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /**
     * Locks the stored stories this batch adds to or merges (in id order; merged stories for update, the
     * others for an update of their counts), follows those another import merged meanwhile to the story they
     * joined, and merges the stored stories this batch found to be one: each younger one into the oldest.
     */
    private void mergeStored(List<Integer> storied, Long[] storyOf, Set<Long> created, Map<Long, Long> into) {
        Set<Long> stored = new java.util.TreeSet<>();
        for (int i : storied) {
            long story = merged(into, storyOf[i]);
            if (!created.contains(story)) {
                stored.add(story);
            }
        }
        Set<Long> mergedAway = new java.util.TreeSet<>();
        into.keySet().stream().filter(id -> !created.contains(id)).forEach(mergedAway::add);
        if (stored.isEmpty() && mergedAway.isEmpty()) {
            return;
        }
        stored.addAll(mergedAway);
        String lock = mergedAway.isEmpty() ? "FOR NO KEY UPDATE" : "FOR UPDATE";
        Set<Long> locked = new HashSet<>();
        Set<Long> pending = stored;
        while (!pending.isEmpty()) {
            locked.addAll(pending);
            Set<Long> next = new java.util.TreeSet<>();
            jdbc.sql("SELECT id, merged_into FROM story WHERE id = ANY(?) ORDER BY id " + lock)
                    .param(pending.toArray(Long[]::new)).query(rs -> {
                        long target = rs.getLong(2);
                        if (!rs.wasNull()) {
                            // merged by another import meanwhile: its posts are in that story now
                            long id = rs.getLong(1);
                            into.put(id, target);
                            mergedAway.remove(id);
                            if (!locked.contains(target)) {
                                next.add(target);
                            }
                        }
                    });
            pending = next;
        }
        if (mergedAway.isEmpty()) {
            return;
        }
        // each merged story into the story it joins, all of the batch's merges in one statement a step
        Long[] from = mergedAway.toArray(Long[]::new);
        Long[] to = new Long[from.length];
        Map<Long, Long> merges = new LinkedHashMap<>();
        for (int j = 0; j < from.length; j++) {
            to[j] = merged(into, from[j]);
            merges.put(from[j], to[j]);
        }
        String pairs = "unnest(?::bigint[], ?::bigint[]) AS m(story, target)";
        // the posts first, locked in id order as a re-analysis locks them, so that neither waits for the other
        // while holding what the other needs; then the lock the writers of the daily counts share, held to the
        // commit, so that merges are recorded in the order they commit (the search index follows that order)
        jdbc.sql("SELECT id FROM post WHERE story_id = ANY(?) ORDER BY id FOR UPDATE").param(from).query(Long.class).list();
        List<Long> movedPosts = new ArrayList<>();
        List<Long> movedFrom = new ArrayList<>();
        jdbc.sql("UPDATE post SET story_id = m.target FROM " + pairs + " WHERE post.story_id = m.story RETURNING post.id, m.story")
                .params(from, to).query(rs -> {
                    movedPosts.add(rs.getLong(1));
                    movedFrom.add(rs.getLong(2));
                });
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS locked").param(Rollups.STORY_MERGES_LOCK)
                .query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO story_merge (story_id, merged_id, posts, post_ids, merged_at)
                SELECT m.target, m.story, s.posts,
                       coalesce((SELECT array_agg(v.post ORDER BY v.post) FROM unnest(?::bigint[], ?::bigint[]) AS v(post, story)
                                 WHERE v.story = m.story), '{}'), ?
                FROM %s JOIN story s ON s.id = m.story ORDER BY m.story
                """.formatted(pairs)).params(movedPosts.toArray(Long[]::new), movedFrom.toArray(Long[]::new),
                Timestamp.from(clock.instant()), from, to).update();
        jdbc.sql("""
                WITH moved AS (SELECT m.target, sum(s.posts) AS posts, min(s.first_seen) AS first_seen,
                                      max(s.last_seen) AS last_seen
                               FROM %s JOIN story s ON s.id = m.story GROUP BY m.target)
                UPDATE story SET posts = story.posts + moved.posts, first_seen = LEAST(story.first_seen, moved.first_seen),
                                 last_seen = GREATEST(story.last_seen, moved.last_seen)
                FROM moved WHERE story.id = moved.target
                """.formatted(pairs)).params(from, to).update();
        jdbc.sql("UPDATE story SET merged_into = m.target, posts = 0 FROM " + pairs + " WHERE story.id = m.story")
                .params(from, to).update();
        jdbc.sql("UPDATE story SET merged_into = m.target FROM " + pairs + " WHERE story.merged_into = m.story")
                .params(from, to).update();
        // the daily rows under that lock: written before, they are moved here; written after, they are written to
        // the story the merged one joined
        jdbc.sql("""
                INSERT INTO story_daily AS h (scope, day, story_id, posts, negative, toxic, public_posts, negative_comments)
                SELECT d.scope, d.day, m.target, sum(d.posts), sum(d.negative), sum(d.toxic), sum(d.public_posts),
                       sum(d.negative_comments)
                FROM story_daily d JOIN %s ON d.story_id = m.story GROUP BY d.scope, d.day, m.target
                ON CONFLICT (scope, day, story_id) DO UPDATE SET posts = h.posts + excluded.posts,
                    negative = h.negative + excluded.negative, toxic = h.toxic + excluded.toxic,
                    public_posts = h.public_posts + excluded.public_posts,
                    negative_comments = h.negative_comments + excluded.negative_comments
                """.formatted(pairs)).params(from, to).update();
        jdbc.sql("DELETE FROM story_daily WHERE story_id = ANY(?)").param(from).update();
        events.publishEvent(new StoriesMerged(merges));
    }

    private static void addOnce(List<Long> stories, Long story) {
        if (!stories.contains(story)) {
            stories.add(story);
        }
    }

    /** The story a story was merged into in this batch (itself while it stands alone). */
    private static Long merged(Map<Long, Long> into, Long story) {
        Long next = into.get(story);
        while (next != null && !next.equals(story)) {
            story = next;
            next = into.get(story);
        }
        return story;
    }

    /** How many stored near duplicates of a post each band reads at most, to find the stories they are in. */
    static final int NEAR_DUPLICATES_PER_BAND = 4;

    /**
     * The stories of stored near duplicates of each of these posts: same band, published within the window,
     * SimHash within 6 bits; each band is one index range scan that stops at its
     * {@value #NEAR_DUPLICATES_PER_BAND}th near duplicate.
     */
    private Map<Integer, List<Long>> nearDuplicateStories(List<Integer> posts, List<IncomingPost> batch,
            Labels[] labels) {
        Map<Integer, List<Long>> stories = new HashMap<>();
        int m = posts.size();
        if (m == 0) {
            return stories;
        }
        Long[][] bands = new Long[4][m];
        Long[] fingerprints = new Long[m];
        Timestamp[] times = new Timestamp[m];
        for (int p = 0; p < m; p++) {
            int i = posts.get(p);
            fingerprints[p] = labels[i].fingerprint();
            for (int b = 0; b < 4; b++) {
                bands[b][p] = band(fingerprints[p], b);
            }
            times[p] = Timestamp.from(batch.get(i).publishedAt());
        }
        String band = """
                (SELECT story_id FROM post WHERE story_id IS NOT NULL AND %3$s = k.b%4$d
                   AND published_at BETWEEN k.t - interval '%1$s' AND k.t + interval '%1$s'
                   AND bit_count((fingerprint # k.fp)::bit(64)) <= %2$d LIMIT %5$d)""";
        String[] keys = {"((fingerprint >> 48) & 65535)", "((fingerprint >> 32) & 65535)", "((fingerprint >> 16) & 65535)",
            "(fingerprint & 65535)"};
        StringBuilder union = new StringBuilder();
        for (int b = 0; b < 4; b++) {
            union.append(b == 0 ? "" : "\n UNION ALL ").append(band.formatted(STORY_WINDOW, Fingerprint.NEAR_DUPLICATE_BITS,
                    keys[b], b, NEAR_DUPLICATES_PER_BAND));
        }
        jdbc.sql("""
                SELECT k.i, c.story_id
                FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[]) WITH ORDINALITY
                     AS k(fp, b0, b1, b2, b3, t, i)
                CROSS JOIN LATERAL (SELECT DISTINCT story_id FROM (%s) AS found) AS c
                ORDER BY k.i, c.story_id
                """.formatted(union))
                .params(fingerprints, bands[0], bands[1], bands[2], bands[3], times)
                .query(rs -> {
                    stories.computeIfAbsent(posts.get(rs.getInt(1) - 1), k -> new ArrayList<>(2)).add(rs.getLong(2));
                });
        return stories;
    }

    private static long band(long fingerprint, int band) {
        return (fingerprint >> (48 - 16 * band)) & 65535;
    }

    /** The sources' ids by code, made when new; {@code owners} gets the code of each one's agency, if it has one. */
    private Map<String, Long> sources(List<IncomingPost> batch, AgencyId agency, Map<String, String> owners) {
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
            jdbc.sql("SELECT s.id, a.code FROM post_source s LEFT JOIN agency a ON a.id = s.agency_id WHERE s.code = ?")
                    .param(post.source()).query((rs, n) -> {
                        ids.put(post.source(), rs.getLong(1));
                        if (rs.getString(2) != null) {
                            owners.put(post.source(), rs.getString(2));
                        }
                        return null;
                    }).list();
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

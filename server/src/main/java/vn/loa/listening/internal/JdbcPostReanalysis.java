package vn.loa.listening.internal;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.listening.Platform;
import vn.loa.listening.PostCorrections;
import vn.loa.listening.PostReanalysis;
import vn.loa.listening.PostsReanalysed;
import vn.loa.nlp.analyze.Analysis;
import vn.loa.nlp.analyze.Register;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * Re-analysis on PostgreSQL. One run at a time across processes: a run holds a session-level
 * advisory lock on a connection of its own for as long as it goes on, so a run left RUNNING by a
 * process that died is known by its lock being free. Each batch, in one transaction: lock the
 * batch's posts (an officer's correction waits, and is never lost), note what the roll-ups count of
 * them, relabel them, read the places they name and route them as the importer does
 * ({@link NamesInText}, {@link RoutingRules#agencies}), write the roll-ups' difference in one upsert
 * per table and move their authors between agencies ({@code author_activity}); then the run's
 * progress. After the commit the search index is told to read the posts again (their agencies,
 * places, and whether they are about the province, with their labels).
 */
@Service
class JdbcPostReanalysis implements PostReanalysis {

    private static final Log log = LogFactory.getLog(JdbcPostReanalysis.class);

    /** The advisory lock a run holds ("LOAREANL"). */
    static final long RUN_LOCK = 0x4c4f41_5245414eL;
    static final int MAX_BATCH = 50_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final TextAnalyzer analyzer;
    private final Rollups rollups;
    private final RoutingRules routing;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "loa-reanalysis");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    JdbcPostReanalysis(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, TextAnalyzer analyzer,
            Rollups rollups, RoutingRules routing, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.routing = routing;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.analyzer = analyzer;
        this.rollups = rollups;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public String modelVersion() {
        return analyzer.modelVersion();
    }

    @Override
    public String routingVersion() {
        return routing.version();
    }

    @Override
    public long outdated() {
        return jdbc.sql("SELECT count(*) FROM post WHERE model_version <> ?").param(modelVersion()).query(Long.class).single();
    }

    @Override
    public List<Run> runs(int limit) {
        return jdbc.sql("SELECT * FROM reanalysis ORDER BY id DESC LIMIT ?").param(limit).query((rs, row) -> run(rs)).list();
    }

    /** Whether a session holds the run's lock, read from {@code pg_locks} without taking it (so a start is never refused for a look). */
    @Override
    public boolean running() {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                               AND classid = ?::oid AND objid = ?::oid)
                """).params(RUN_LOCK >>> 32, RUN_LOCK & 0xffffffffL).query(Boolean.class).single();
    }

    /** At start, a run left RUNNING by a process that died is shown as interrupted (unless a live process holds it). */
    @EventListener(ApplicationReadyEvent.class)
    void markAbandonedRuns() {
        withConnection(connection -> {
            if (tryLock(connection)) {
                try {
                    jdbc.sql("UPDATE reanalysis SET status = 'INTERRUPTED' WHERE status = 'RUNNING'").update();
                } finally {
                    unlock(connection);
                }
            }
            return null;
        });
    }

    @Override
    public Run run(Actor by, int batch, boolean reroute, Consumer<Run> progress) {
        return run(by, batch, reroute, progress, null);
    }

    @Override
    public Run start(Actor by, int batch, boolean reroute) {
        checkBatch(batch);
        CompletableFuture<Run> started = new CompletableFuture<>();
        background.execute(() -> {
            try {
                run(by, batch, reroute, run -> {
                }, started);
            } catch (RuntimeException e) {
                if (!started.completeExceptionally(e)) {
                    log.error("The re-analysis stopped; it resumes from its last batch when started again", e);
                }
            }
        });
        try {
            return started.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the re-analysis started", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the re-analysis did not start within a minute", e);
        }
    }

    private Run run(Actor by, int batch, boolean reroute, Consumer<Run> progress, CompletableFuture<Run> started) {
        checkBatch(batch);
        return withConnection(connection -> {
            if (!tryLock(connection)) {
                throw new Conflict("listening.reanalysis.running");
            }
            try {
                Run run = begin(by, reroute);
                if (started != null) {
                    started.complete(run);
                }
                return proceed(run, by, batch, progress);
            } finally {
                unlock(connection);
            }
        });
    }

    private static void checkBatch(int batch) {
        if (batch < 1 || batch > MAX_BATCH) {
            throw new InvalidInput("batch", "listening.reanalysis.batch", MAX_BATCH);
        }
    }

    /**
     * The run to go on with: the unfinished run of today's models (and, for a re-routing run, of today's
     * routing), resumed after its last post, or a new one. Unfinished runs of other models are left
     * interrupted. A run is resumed only when it is the latest of its models, of the same kind, and every
     * post up to its last one is still labelled by them: after the models were changed and changed back,
     * the posts it had done carry another version, and a new run goes over every post again. A re-routing
     * run whose routing changed since is not resumed either: a new one routes every post by the new one.
     * The caller holds the lock.
     */
    private Run begin(Actor by, boolean reroute) {
        String version = modelVersion();
        String routingVersion = reroute ? routing.version() : null;
        return transactions.execute(status -> {
            jdbc.sql("UPDATE reanalysis SET status = 'INTERRUPTED' WHERE status = 'RUNNING'").update();
            Optional<Run> unfinished = jdbc.sql("""
                    SELECT * FROM reanalysis WHERE status = 'INTERRUPTED' AND model_version = ?
                      AND routing IS NOT DISTINCT FROM ?
                      AND id = (SELECT max(id) FROM reanalysis WHERE model_version = ?)
                    """).params(version, routingVersion, version).query((rs, row) -> run(rs)).optional()
                    .filter(run -> !jdbc.sql("SELECT EXISTS (SELECT 1 FROM post WHERE id <= ? AND model_version <> ?)")
                            .params(run.lastPostId(), version).query(Boolean.class).single());
            if (unfinished.isPresent()) {
                Run run = unfinished.get();
                long left = jdbc.sql("SELECT count(*) FROM post WHERE id > ? AND (? OR model_version <> ?)")
                        .params(run.lastPostId(), reroute, version).query(Long.class).single();
                jdbc.sql("UPDATE reanalysis SET status = 'RUNNING', posts_total = posts_done + ? WHERE id = ?")
                        .params(left, run.id()).update();
                log.info("Resuming re-analysis " + run.id() + " after post " + run.lastPostId() + ": " + left + " posts left");
                return find(run.id());
            }
            long total = jdbc.sql("SELECT count(*) FROM post WHERE ? OR model_version <> ?").params(reroute, version)
                    .query(Long.class).single();
            long id = jdbc.sql("""
                    INSERT INTO reanalysis (model_version, started_by, started_at, posts_total, status, routing)
                    VALUES (?, ?, ?, ?, 'RUNNING', ?) RETURNING id
                    """).params(version, by.username(), Timestamp.from(clock.instant()), total, routingVersion)
                    .query(Long.class).single();
            return find(id);
        });
    }

    private Run proceed(Run run, Actor by, int batch, Consumer<Run> progress) {
        long runId = run.id();
        try {
            progress.accept(run);
            while (!stopping) {
                // batches whose roll-ups are still pending are rolled up as stored before their posts change
                rollups.applyBacklog();
                Run after = transactions.execute(status -> batch(runId, batch, run.rerouting()));
                if (after == null) {
                    return transactions.execute(status -> {
                        jdbc.sql("UPDATE reanalysis SET status = 'DONE', finished_at = ? WHERE id = ?")
                                .params(Timestamp.from(clock.instant()), runId).update();
                        Run done = find(runId);
                        events.publishEvent(new PostsReanalysed(by, runId, done.modelVersion(), done.startedBy(),
                                done.postsDone(), done.routing()));
                        return done;
                    });
                }
                events.publishEvent(new PostsRelabelled(runId, after.lastPostId()));
                progress.accept(after);
            }
            throw new IllegalStateException("the application is stopping");
        } catch (RuntimeException e) {
            jdbc.sql("UPDATE reanalysis SET status = 'INTERRUPTED' WHERE id = ? AND status = 'RUNNING'").param(runId).update();
            throw e;
        }
    }

    /** A post as a batch reads it: what it is analysed from, and what it keeps when it is not relabelled or corrected. */
    private record Stored(long id, String text, Platform platform, boolean answers, LocalDate day, String sentiment,
            float sentimentConfidence, String topic, String domain, String modelVersion, String[] places,
            String[] agencies, boolean citizensSource, String register, boolean localSource, String sourceAgency,
            String toxicity, float toxicityConfidence) {

        /** What the post's platform and source say of its register, as the importer reads it. */
        Register.Hint registerHint() {
            return platform.registerHint(answers, citizensSource);
        }
    }

    /**
     * Re-analyses the next batch of posts labelled by other models (of every post, when re-routing), after
     * the run's last post, in the caller's transaction; gives the run's progress, or null when no post is left.
     * A post labelled by other models is analysed again; a post labelled by today's (re-routing) keeps its
     * labels, and its places and agencies are read from its normalised text as an import reads a repost's.
     * Either is routed as the importer routes, by the topic it keeps; an agency an officer set stays.
     */
    private Run batch(long runId, int size, boolean reroute) {
        String version = modelVersion();
        long from = jdbc.sql("SELECT last_post_id FROM reanalysis WHERE id = ?").param(runId).query(Long.class).single();
        List<Stored> posts = jdbc.sql("""
                SELECT id, text, platform, parent_external_id IS NOT NULL, published_at, sentiment, sentiment_confidence,
                       topic, domain, model_version, places, agencies,
                       source_id IN (SELECT id FROM post_source WHERE citizens), register,
                       source_id IN (SELECT id FROM post_source WHERE local),
                       (SELECT a.code FROM post_source s JOIN agency a ON a.id = s.agency_id WHERE s.id = post.source_id),
                       toxicity, toxicity_confidence
                FROM post
                WHERE id > ? %s ORDER BY id LIMIT ? FOR UPDATE
                """.formatted(reroute ? "" : "AND model_version <> ?"))
                .params(reroute ? List.of(from, size) : List.of(from, version, size))
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2),
                        Platform.of(rs.getString(3)).orElse(Platform.OTHER), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant().atZone(LocalTime.ZONE).toLocalDate(), rs.getString(6),
                        rs.getFloat(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        (String[]) rs.getArray(11).getArray(), (String[]) rs.getArray(12).getArray(), rs.getBoolean(13),
                        rs.getString(14), rs.getBoolean(15), rs.getString(16), rs.getString(17), rs.getFloat(18)))
                .list();
        if (posts.isEmpty()) {
            return null;
        }
        List<Long> ids = posts.stream().map(Stored::id).toList();
        Long[] idArray = ids.toArray(Long[]::new);
        // the labels an officer corrected, by field: a re-analysis keeps them
        Map<String, Set<Long>> corrected = new HashMap<>();
        PostCorrections.FIELDS.forEach(field -> corrected.put(field, new HashSet<>()));
        jdbc.sql("SELECT DISTINCT post_id, field FROM post_correction WHERE post_id = ANY(?)").param(idArray)
                .query(rs -> {
                    corrected.get(rs.getString(2)).add(rs.getLong(1));
                });
        Set<Long> topicCorrected = corrected.get("topic");
        Set<Long> agencyCorrected = corrected.get("agency");
        int n = posts.size();
        boolean[] relabel = new boolean[n];
        for (int i = 0; i < n; i++) {
            relabel[i] = !version.equals(posts.get(i).modelVersion());
        }
        List<TextAnalyzer.Normalized> normals = posts.parallelStream().map(post -> analyzer.normalize(post.text())).toList();
        Analysis[] analyses = new Analysis[n];
        NamesInText[] names = new NamesInText[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            Stored post = posts.get(i);
            if (relabel[i]) {
                analyses[i] = analyzer.analyzeUnsegmented(normals.get(i), post.day(),
                        post.registerHint());
                names[i] = NamesInText.of(analyses[i]);
            } else {
                names[i] = NamesInText.find(analyzer, normals.get(i), post.day(),
                        post.registerHint());
            }
        });
        List<Integer> relabelled = new ArrayList<>();
        List<Integer> moved = new ArrayList<>(); // posts whose places or agencies change
        List<Integer> changed = new ArrayList<>();
        String[][] agencies = new String[n][];
        for (int i = 0; i < n; i++) {
            Stored post = posts.get(i);
            String topic = relabel[i] && !topicCorrected.contains(post.id()) ? analyses[i].topic().labelOrUnclear() : post.topic();
            String domain = relabel[i] && !corrected.get("domain").contains(post.id()) ? analyses[i].domain().label()
                    : post.domain();
            String register = relabel[i] && !corrected.get("register").contains(post.id()) ? analyses[i].register().id()
                    : post.register();
            agencies[i] = agencyCorrected.contains(post.id()) ? post.agencies()
                    : routing.agencies(names[i], normals.get(i).normalized(), topic, domain, post.day(),
                            new RoutingRules.Provenance(register, post.registerHint() == Register.Hint.FEEDBACK,
                                    post.localSource(), post.sourceAgency()));
            boolean differs = !Arrays.equals(names[i].places(), post.places()) || !Arrays.equals(agencies[i], post.agencies());
            if (relabel[i]) {
                relabelled.add(i);
            }
            if (differs) {
                moved.add(i);
            }
            if (relabel[i] || differs) {
                changed.add(i);
            }
        }
        List<Long> changedIds = changed.stream().map(i -> posts.get(i).id()).toList();
        List<Rollups.Fact> before = rollups.facts(changedIds);
        relabel(version, posts, relabelled, analyses, corrected);
        int m = moved.size();
        Long[] movedPosts = new Long[m];
        String[] places = new String[m];
        String[] routed = new String[m];
        for (int c = 0; c < m; c++) {
            int i = moved.get(c);
            movedPosts[c] = posts.get(i).id();
            places[c] = String.join(JdbcPostImporter.LIST_SEPARATOR, names[i].places());
            routed[c] = String.join(JdbcPostImporter.LIST_SEPARATOR, agencies[i]);
        }
        if (m > 0) {
            jdbc.sql("""
                    UPDATE post SET places = string_to_array(v.places, chr(31)), agencies = string_to_array(v.agencies, chr(31))
                    FROM unnest(?::bigint[], ?::text[], ?::text[]) AS v(id, places, agencies)
                    WHERE post.id = v.id
                    """).params(movedPosts, places, routed).update();
        }
        rollups.change(before, rollups.facts(changedIds));
        moveAuthors(posts, agencies, moved);
        jdbc.sql("UPDATE reanalysis SET posts_done = posts_done + ?, last_post_id = ? WHERE id = ?")
                .params(n, ids.get(n - 1), runId).update();
        return find(runId);
    }

    /**
     * Writes the labels of today's models to the posts analysed again, keeping a label an officer set (a sentiment, a
     * topic, a domain, a toxicity, a register; {@code corrected}: the posts corrected, by field).
     */
    private void relabel(String version, List<Stored> posts, List<Integer> relabelled, Analysis[] analyses,
            Map<String, Set<Long>> corrected) {
        int n = relabelled.size();
        if (n == 0) {
            return;
        }
        Long[] ids = new Long[n];
        String[] sentiment = new String[n];
        Float[] sentimentConfidence = new Float[n];
        String[] topic = new String[n];
        String[] domain = new String[n];
        String[] register = new String[n];
        String[] toxicity = new String[n];
        Float[] toxicityConfidence = new Float[n];
        Long[] fingerprint = new Long[n];
        for (int r = 0; r < n; r++) {
            Stored post = posts.get(relabelled.get(r));
            Analysis analysis = analyses[relabelled.get(r)];
            ids[r] = post.id();
            boolean keepSentiment = corrected.get("sentiment").contains(post.id());
            sentiment[r] = keepSentiment ? post.sentiment() : analysis.sentiment().labelOrUnclear();
            sentimentConfidence[r] = keepSentiment ? post.sentimentConfidence() : (float) analysis.sentiment().confidence();
            topic[r] = corrected.get("topic").contains(post.id()) ? post.topic() : analysis.topic().labelOrUnclear();
            domain[r] = corrected.get("domain").contains(post.id()) ? post.domain() : analysis.domain().label();
            register[r] = corrected.get("register").contains(post.id()) ? post.register() : analysis.register().id();
            boolean keepToxicity = corrected.get("toxicity").contains(post.id());
            toxicity[r] = keepToxicity ? post.toxicity() : analysis.toxicity().label();
            toxicityConfidence[r] = keepToxicity ? post.toxicityConfidence() : (float) analysis.toxicity().confidence();
            fingerprint[r] = analysis.fingerprint();
        }
        jdbc.sql("""
                UPDATE post SET sentiment = v.sentiment, sentiment_confidence = v.sentiment_confidence, topic = v.topic,
                    domain = v.domain, register = v.register, toxicity = v.toxicity,
                    toxicity_confidence = v.toxicity_confidence, fingerprint = v.fingerprint, model_version = ?
                FROM unnest(?::bigint[], ?::text[], ?::real[], ?::text[], ?::text[], ?::text[], ?::text[], ?::real[],
                            ?::bigint[])
                     AS v(id, sentiment, sentiment_confidence, topic, domain, register, toxicity, toxicity_confidence,
                          fingerprint)
                WHERE post.id = v.id
                """).params(version, ids, sentiment, sentimentConfidence, topic, domain, register, toxicity,
                        toxicityConfidence, fingerprint).update();
    }

    /** Counts the authors of posts routed to other agencies now where they post now, as an import counts them. */
    private void moveAuthors(List<Stored> posts, String[][] agencies, List<Integer> moved) {
        List<Long> addedPosts = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<Long> removedPosts = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (int i : moved) {
            Stored post = posts.get(i);
            Set<String> was = new HashSet<>(Arrays.asList(post.agencies()));
            Set<String> is = new java.util.LinkedHashSet<>(Arrays.asList(agencies[i]));
            is.stream().filter(a -> !was.contains(a)).forEach(a -> {
                addedPosts.add(post.id());
                added.add(a);
            });
            was.stream().filter(a -> !is.contains(a)).forEach(a -> {
                removedPosts.add(post.id());
                removed.add(a);
            });
        }
        rollups.rerouteAuthors(addedPosts, added, removedPosts, removed);
    }

    private Run find(long id) {
        return jdbc.sql("SELECT * FROM reanalysis WHERE id = ?").param(id).query((rs, row) -> run(rs)).single();
    }

    private static Run run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getLong("id"), rs.getString("model_version"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getLong("posts_total"), rs.getLong("posts_done"), rs.getLong("last_post_id"),
                Status.valueOf(rs.getString("status")), rs.getString("routing"));
    }

    private interface WithConnection<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs with a connection of its own (not the transaction's): the session that holds the run's lock. */
    private <T> T withConnection(WithConnection<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot take the re-analysis lock", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, RUN_LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, RUN_LOCK);
            statement.executeQuery().close();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        background.shutdown();
        background.awaitTermination(60, TimeUnit.SECONDS);
    }
}

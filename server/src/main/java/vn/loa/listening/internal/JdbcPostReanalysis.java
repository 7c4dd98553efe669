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
import java.util.HashSet;
import java.util.List;
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
import vn.loa.listening.PostReanalysis;
import vn.loa.listening.PostsReanalysed;
import vn.loa.nlp.analyze.Analysis;
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
 * them, relabel them, and write the roll-ups' difference in one upsert per table; then the run's
 * progress. After the commit the search index is told to read the posts again.
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
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "loa-reanalysis");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    JdbcPostReanalysis(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, TextAnalyzer analyzer,
            Rollups rollups, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
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
    public Run run(Actor by, int batch, Consumer<Run> progress) {
        return run(by, batch, progress, null);
    }

    @Override
    public Run start(Actor by, int batch) {
        checkBatch(batch);
        CompletableFuture<Run> started = new CompletableFuture<>();
        background.execute(() -> {
            try {
                run(by, batch, run -> {
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

    private Run run(Actor by, int batch, Consumer<Run> progress, CompletableFuture<Run> started) {
        checkBatch(batch);
        return withConnection(connection -> {
            if (!tryLock(connection)) {
                throw new Conflict("listening.reanalysis.running");
            }
            try {
                Run run = begin(by);
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
     * The run to go on with: the unfinished run of today's models, resumed after its last post, or a
     * new one. Unfinished runs of other models are left interrupted. A run is resumed only when it is
     * the latest of its models and every post up to its last one is still labelled by them: after the
     * models were changed and changed back, the posts it had done carry another version, and a new run
     * goes over every post again. The caller holds the lock.
     */
    private Run begin(Actor by) {
        String version = modelVersion();
        return transactions.execute(status -> {
            jdbc.sql("UPDATE reanalysis SET status = 'INTERRUPTED' WHERE status = 'RUNNING'").update();
            Optional<Run> unfinished = jdbc.sql("""
                    SELECT * FROM reanalysis WHERE status = 'INTERRUPTED' AND model_version = ?
                      AND id = (SELECT max(id) FROM reanalysis WHERE model_version = ?)
                    """).params(version, version).query((rs, row) -> run(rs)).optional()
                    .filter(run -> !jdbc.sql("SELECT EXISTS (SELECT 1 FROM post WHERE id <= ? AND model_version <> ?)")
                            .params(run.lastPostId(), version).query(Boolean.class).single());
            if (unfinished.isPresent()) {
                Run run = unfinished.get();
                long left = jdbc.sql("SELECT count(*) FROM post WHERE id > ? AND model_version <> ?")
                        .params(run.lastPostId(), version).query(Long.class).single();
                jdbc.sql("UPDATE reanalysis SET status = 'RUNNING', posts_total = posts_done + ? WHERE id = ?")
                        .params(left, run.id()).update();
                log.info("Resuming re-analysis " + run.id() + " after post " + run.lastPostId() + ": " + left + " posts left");
                return find(run.id());
            }
            long total = jdbc.sql("SELECT count(*) FROM post WHERE model_version <> ?").param(version).query(Long.class).single();
            long id = jdbc.sql("""
                    INSERT INTO reanalysis (model_version, started_by, started_at, posts_total, status)
                    VALUES (?, ?, ?, ?, 'RUNNING') RETURNING id
                    """).params(version, by.username(), Timestamp.from(clock.instant()), total).query(Long.class).single();
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
                Run after = transactions.execute(status -> batch(runId, batch));
                if (after == null) {
                    return transactions.execute(status -> {
                        jdbc.sql("UPDATE reanalysis SET status = 'DONE', finished_at = ? WHERE id = ?")
                                .params(Timestamp.from(clock.instant()), runId).update();
                        Run done = find(runId);
                        events.publishEvent(new PostsReanalysed(by, runId, done.modelVersion(), done.startedBy(),
                                done.postsDone()));
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

    /** A post as a batch reads it, with the labels an officer's correction keeps. */
    private record Stored(long id, String text, Platform platform, boolean answers, LocalDate day, String sentiment,
            float sentimentConfidence, String topic) {
    }

    /**
     * Re-analyses the next batch of posts labelled by other models, after the run's last post, in the
     * caller's transaction; gives the run's progress, or null when no post is left.
     */
    private Run batch(long runId, int size) {
        String version = modelVersion();
        long from = jdbc.sql("SELECT last_post_id FROM reanalysis WHERE id = ?").param(runId).query(Long.class).single();
        List<Stored> posts = jdbc.sql("""
                SELECT id, text, platform, parent_external_id IS NOT NULL, published_at, sentiment, sentiment_confidence,
                       topic FROM post
                WHERE id > ? AND model_version <> ? ORDER BY id LIMIT ? FOR UPDATE
                """).params(from, version, size).query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2),
                        Platform.of(rs.getString(3)).orElse(Platform.OTHER), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant().atZone(LocalTime.ZONE).toLocalDate(), rs.getString(6),
                        rs.getFloat(7), rs.getString(8))).list();
        if (posts.isEmpty()) {
            return null;
        }
        List<Long> ids = posts.stream().map(Stored::id).toList();
        Long[] idArray = ids.toArray(Long[]::new);
        List<Rollups.Fact> before = rollups.facts(ids);
        Set<Long> sentimentCorrected = new HashSet<>();
        Set<Long> topicCorrected = new HashSet<>();
        jdbc.sql("SELECT DISTINCT post_id, field FROM post_correction WHERE post_id = ANY(?) AND field IN ('sentiment', 'topic')")
                .param(idArray).query(rs -> {
                    (rs.getString(2).equals("sentiment") ? sentimentCorrected : topicCorrected).add(rs.getLong(1));
                });
        List<Analysis> analyses = IntStream.range(0, posts.size()).parallel().mapToObj(i -> {
            Stored post = posts.get(i);
            return analyzer.analyzeUnsegmented(analyzer.normalize(post.text()), post.day(),
                    post.platform().registerHint(post.answers()));
        }).toList();
        int n = posts.size();
        String[] sentiment = new String[n];
        Float[] sentimentConfidence = new Float[n];
        String[] topic = new String[n];
        String[] domain = new String[n];
        String[] register = new String[n];
        String[] toxicity = new String[n];
        Float[] toxicityConfidence = new Float[n];
        Long[] fingerprint = new Long[n];
        for (int i = 0; i < n; i++) {
            Stored post = posts.get(i);
            Analysis analysis = analyses.get(i);
            boolean keepSentiment = sentimentCorrected.contains(post.id());
            sentiment[i] = keepSentiment ? post.sentiment() : analysis.sentiment().labelOrUnclear();
            sentimentConfidence[i] = keepSentiment ? post.sentimentConfidence() : (float) analysis.sentiment().confidence();
            topic[i] = topicCorrected.contains(post.id()) ? post.topic() : analysis.topic().label();
            domain[i] = analysis.domain().label();
            register[i] = analysis.register().id();
            toxicity[i] = analysis.toxicity().label();
            toxicityConfidence[i] = (float) analysis.toxicity().confidence();
            fingerprint[i] = analysis.fingerprint();
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
                """).params(version, idArray, sentiment, sentimentConfidence, topic, domain, register, toxicity,
                        toxicityConfidence, fingerprint).update();
        rollups.change(before, rollups.facts(ids));
        jdbc.sql("UPDATE reanalysis SET posts_done = posts_done + ?, last_post_id = ? WHERE id = ?")
                .params(n, ids.get(n - 1), runId).update();
        return find(runId);
    }

    private Run find(long id) {
        return jdbc.sql("SELECT * FROM reanalysis WHERE id = ?").param(id).query((rs, row) -> run(rs)).single();
    }

    private static Run run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Run(rs.getLong("id"), rs.getString("model_version"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
                rs.getLong("posts_total"), rs.getLong("posts_done"), rs.getLong("last_post_id"),
                Status.valueOf(rs.getString("status")));
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

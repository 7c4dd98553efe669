package vn.loa.listening.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.Platform;
import vn.loa.listening.PostLabels;
import vn.loa.listening.PostSearch;
import vn.loa.listening.PostCorrected;
import vn.loa.listening.PostsImported;
import vn.loa.listening.PostsReanalysed;
import vn.loa.listening.TopicAttention;
import vn.loa.nlp.Syllables;
import vn.loa.nlp.lucene.VietnameseAnalyzer;
import vn.loa.nlp.normalize.ToneMarks;
import vn.loa.nlp.segment.WordSegmenter;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The search index of posts, derived from PostgreSQL: it indexes every post with an id above the
 * highest one it holds, in the background as an import's batches are committed, after each import, every 30 seconds (so imports by another process, such as
 * {@code bin/loa import}, arrive too) and at start. Only a web server opens it.
 */
@Component
@ConditionalOnWebApplication
class LucenePostIndex implements PostSearch, TopicAttention, ApplicationRunner {

    private static final Log log = LogFactory.getLog(LucenePostIndex.class);
    private static final Set<String> NON_PUBLIC = Set.of(Platform.HOTLINE.name(), Platform.OFFICE.name());
    private static final List<String> FACETS = List.of("platform", "sentiment", "topic", "register", "domain", "toxicity",
            "agency", "place");
    private static final Pattern PHRASE = Pattern.compile("\"([^\"]+)\"");
    private static final int MAX_WINDOW = PostSearch.WINDOW;
    /**
     * The version of the documents' fields and of the analyzer's terms; an index written with another is
     * rebuilt (4: register and domain; 5: abbreviations, dates and hyphenated names kept whole as words; 6: titles
     * stored; 7: a word written without diacritics marked as such, so that a word typed with them finds it and not
     * the word with other diacritics; whether a post is about the province, "local"; 8: a post of a local source is
     * about the province; 9: the form of a word with diacritics without them marked as such, so that a place named
     * without diacritics, "Nha Trang", is not found in "Nhà Trắng").
     */
    private static final String SCHEMA = "9";
    /** How many posts are indexed between two commits of the index. */
    private static final int COMMIT_EVERY = 50_000;
    /** How far below the highest id indexed a late commit is looked for (three import batches). */
    private static final int LATE_WINDOW = 6_000;

    private final JdbcClient jdbc;
    private final RoutingRules routing;
    private final VietnameseAnalyzer analyzer;
    /** The analyzer's segmenter: a query's words of several syllables are looked for whole ({@link #words}). */
    private final WordSegmenter segmenter;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String database;
    /** How long an import or push waits for its posts to become searchable before it answers anyway. */
    private final java.time.Duration searchableWait;
    /** The highest post id indexed and searchable: written under the index's lock, read without it. */
    private volatile long indexedUpTo;
    /** Notified whenever {@link #indexedUpTo} moves. */
    private final Object progress = new Object();
    /** The re-analysis run whose relabelled posts the index has read again, and up to which post id. */
    private long relabelRun;
    private long relabelledUpTo;
    /** The last merge of stories ({@code story_merge}) whose moved posts the index has read again. */
    private long mergedUpTo;
    private final java.util.concurrent.atomic.AtomicBoolean catchUpQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.ExecutorService indexer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "loa-search-index");
        thread.setDaemon(true);
        return thread;
    });

    LucenePostIndex(JdbcClient jdbc, LuceneListeningSettings settings, RoutingRules routing) throws IOException {
        this.jdbc = jdbc;
        this.routing = routing;
        this.searchableWait = settings.searchableWait();
        this.segmenter = WordSegmenter.loadDefault();
        // a place named without diacritics is searched as written: "Nha Trang" is not "Nhà Trắng"
        this.analyzer = new VietnameseAnalyzer(segmenter, vn.loa.nlp.gazetteer.Gazetteer.placeNames());
        Path dir = Path.of(settings.indexDir());
        Files.createDirectories(dir);
        this.writer = new IndexWriter(FSDirectory.open(dir),
                new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                        .setRAMBufferSizeMB(64));
        this.searchers = new SearcherManager(writer, null);
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        this.database = jdbc.sql("SELECT id::text FROM installation").query(String.class).single();
        if (database.equals(data.get("database")) && SCHEMA.equals(data.get("schema")) && data.containsKey("relabelRun")) {
            this.indexedUpTo = Long.parseLong(data.getOrDefault("indexedUpTo", "0"));
            this.relabelRun = Long.parseLong(data.get("relabelRun"));
            this.relabelledUpTo = Long.parseLong(data.getOrDefault("relabelledUpTo", "0"));
            this.mergedUpTo = Long.parseLong(data.getOrDefault("mergedUpTo", "0"));
        } else {
            if (data.isEmpty()) {
                log.info("Building the search index in " + dir + " from the posts in the database");
            } else {
                log.info("The search index in " + dir + " belongs to another database or an older version; rebuilding it");
            }
            writer.deleteAll();
            this.indexedUpTo = 0;
            // a new index reads every post as it is now: what re-analyses changed so far is in it
            jdbc.sql("SELECT id, last_post_id FROM reanalysis ORDER BY id DESC LIMIT 1").query(rs -> {
                relabelRun = rs.getLong(1);
                relabelledUpTo = rs.getLong(2);
            });
            mergedUpTo = jdbc.sql("SELECT coalesce(max(id), 0) FROM story_merge").query(Long.class).single();
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        catchUp();
    }

    /**
     * Once an import's record is committed, what it stored is indexed on the index's own thread. The
     * import (a push of a few posts, usually) waits for its posts to become searchable, but at most
     * {@code loa.listening.searchable-wait}: while the index is busy with a bulk import's backlog, a push
     * answers at once and its posts become searchable when the index reaches them.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PostsImported event) {
        if (event.stored() == 0) {
            return;
        }
        long highest = jdbc.sql("SELECT coalesce(max(id), 0) FROM post").query(Long.class).single();
        requestCatchUp();
        awaitSearchable(highest, searchableWait);
    }

    /** While an import goes on, its committed batches are indexed in the background, one catch-up at a time. */
    @EventListener
    void on(BatchStored event) {
        if (event.stored() > 0) {
            requestCatchUp();
        }
    }

    /** While a re-analysis goes on, its committed batches are indexed again in the background. */
    @EventListener
    void on(PostsRelabelled event) {
        requestCatchUp();
    }

    /** Once an import that merged stories is committed, the moved posts are read again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(vn.loa.listening.StoriesMerged event) {
        requestCatchUp();
    }

    /** At the end of a re-analysis, once its last change is committed, every relabelled post is read again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PostsReanalysed event) {
        requestCatchUp();
    }

    /**
     * Asks the index's thread for a catch-up and returns at once. Requests that arrive while one is
     * waiting are one request; a request that arrives while one runs is run after it, so that what was
     * committed meanwhile is read.
     */
    void requestCatchUp() {
        if (catchUpQueued.compareAndSet(false, true)) {
            try {
                indexer.execute(() -> {
                    catchUpQueued.set(false);
                    catchUp();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                catchUpQueued.set(false); // shutting down: the next start catches up
            }
        }
    }

    /**
     * Waits until every post up to {@code postId} is searchable, or {@code wait} has passed; gives
     * whether they are. Never takes the index's lock.
     */
    boolean awaitSearchable(long postId, java.time.Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (progress) {
            while (indexedUpTo < postId) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void advanced(long upTo) {
        synchronized (progress) {
            indexedUpTo = upTo;
            progress.notifyAll();
        }
    }

    @Override
    public long lag() {
        return jdbc.sql("SELECT count(*) FROM post WHERE id > ?").param(indexedUpTo).query(Long.class).single();
    }

    /**
     * A corrected post is indexed again, on the index's thread, once its change is committed; the
     * officer's request waits for it at most {@code loa.listening.searchable-wait}.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PostCorrected event) {
        try {
            indexer.submit(() -> reindex(event.postId())).get(searchableWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            // the index is busy (or closing): the post is indexed again when its turn comes (or at the next start)
        } catch (java.util.concurrent.ExecutionException e) {
            log.error("Could not index post " + event.postId() + " again", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void reindex(long postId) {
        try {
            List<Document> documents = new ArrayList<>();
            jdbc.sql("""
                    SELECT p.*, s.code AS source_code, s.local AS source_local, a.code AS owner_code
                    FROM post p JOIN post_source s ON s.id = p.source_id LEFT JOIN agency a ON a.id = s.agency_id
                    WHERE p.id = ?
                    """).param(postId).query((ResultSet rs) -> {
                documents.add(document(rs));
            });
            for (Document document : documents) {
                if (Long.parseLong(document.get("id")) <= indexedUpTo) {
                    writer.updateDocument(new Term("id", document.get("id")), document);
                }
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            log.error("Could not index post " + postId + " again; it is indexed again at the next rebuild", e);
        }
    }

    /** Every 30 s, posts another process stored are indexed; the scheduler's thread never waits for it. */
    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void periodically() {
        requestCatchUp();
    }

    /**
     * Indexes every post above the highest id indexed so far, in batches, and makes them searchable
     * (a refresh after each batch); commits (to disk, with the id reached) every {@value #COMMIT_EVERY}
     * posts and at the end: after a crash the index resumes from its last commit.
     */
    synchronized void catchUp() {
        try {
            long uncommitted = indexLateCommits() + indexRelabelled() + indexMerged();
            while (true) {
                List<Document> batch = new ArrayList<>();
                long[] last = {indexedUpTo};
                jdbc.sql("""
                        SELECT p.*, s.code AS source_code, s.local AS source_local, a.code AS owner_code
                        FROM post p JOIN post_source s ON s.id = p.source_id LEFT JOIN agency a ON a.id = s.agency_id
                        WHERE p.id > ? ORDER BY p.id LIMIT 5000
                        """).param(indexedUpTo).query((ResultSet rs) -> {
                    batch.add(document(rs));
                    last[0] = rs.getLong("id");
                });
                if (batch.isEmpty() || uncommitted >= COMMIT_EVERY) {
                    if (uncommitted > 0) {
                        writer.setLiveCommitData(Map.of("indexedUpTo", Long.toString(indexedUpTo), "database", database,
                                "schema", SCHEMA, "relabelRun", Long.toString(relabelRun),
                                "relabelledUpTo", Long.toString(relabelledUpTo), "mergedUpTo", Long.toString(mergedUpTo)).entrySet());
                        writer.commit();
                        uncommitted = 0;
                    }
                    if (batch.isEmpty()) {
                        return;
                    }
                }
                for (Document document : batch) {
                    writer.updateDocument(new Term("id", document.get("id")), document);
                }
                uncommitted += batch.size();
                searchers.maybeRefreshBlocking();
                advanced(last[0]);
            }
        } catch (IOException e) {
            log.error("Could not index posts; the index catches up at the next attempt", e);
        }
    }

    /**
     * Indexes again the posts that re-analyses relabelled since the index last looked: for each run
     * (in any process, {@code bin/loa reanalyze} included) the posts from where the index stopped to
     * the run's last post, as far as the index goes (posts above it are indexed as they are by the
     * catch-up). Gives how many documents it wrote, at least 1 when only its marks moved (so that they
     * are committed).
     */
    private long indexRelabelled() throws IOException {
        List<long[]> runs = jdbc.sql("""
                SELECT id, last_post_id FROM reanalysis WHERE id > ? OR (id = ? AND last_post_id > ?) ORDER BY id
                """).params(relabelRun, relabelRun, relabelledUpTo)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        long written = 0;
        for (long[] run : runs) {
            long from = run[0] == relabelRun ? relabelledUpTo : 0;
            long to = Math.min(run[1], indexedUpTo);
            while (from < to) {
                List<Document> batch = new ArrayList<>();
                long[] last = {to};
                jdbc.sql("""
                        SELECT p.*, s.code AS source_code, s.local AS source_local, a.code AS owner_code
                        FROM post p JOIN post_source s ON s.id = p.source_id LEFT JOIN agency a ON a.id = s.agency_id
                        WHERE p.id > ? AND p.id <= ? ORDER BY p.id LIMIT 5000
                        """).params(from, to).query((ResultSet rs) -> {
                    batch.add(document(rs));
                    last[0] = rs.getLong("id");
                });
                for (Document document : batch) {
                    writer.updateDocument(new Term("id", document.get("id")), document);
                }
                written += batch.size();
                from = batch.size() < 5000 ? to : last[0];
                searchers.maybeRefreshBlocking();
            }
            relabelRun = run[0];
            relabelledUpTo = run[1];
        }
        return runs.isEmpty() ? 0 : Math.max(1, written);
    }

    /**
     * Indexes again the posts that merges of stories moved since the index last looked (in any process,
     * {@code bin/loa import} included), as far as they are indexed, so that search shows a story's posts as one.
     * Gives how many documents it wrote, at least 1 when only its mark moved.
     */
    private long indexMerged() throws IOException {
        long[] last = {mergedUpTo};
        Set<Long> moved = new java.util.TreeSet<>();
        jdbc.sql("SELECT id, post_ids FROM story_merge WHERE id > ? ORDER BY id").param(mergedUpTo).query(rs -> {
            last[0] = rs.getLong(1);
            moved.addAll(Arrays.asList((Long[]) rs.getArray(2).getArray()));
        });
        if (last[0] == mergedUpTo) {
            return 0;
        }
        long written = 0;
        List<Document> batch = new ArrayList<>();
        jdbc.sql("""
                SELECT p.*, s.code AS source_code, s.local AS source_local, a.code AS owner_code
                FROM post p JOIN post_source s ON s.id = p.source_id LEFT JOIN agency a ON a.id = s.agency_id
                WHERE p.id = ANY(?) AND p.id <= ?
                """).params(moved.toArray(Long[]::new), indexedUpTo).query((ResultSet rs) -> {
            batch.add(document(rs));
        });
        for (Document document : batch) {
            writer.updateDocument(new Term("id", document.get("id")), document);
        }
        written += batch.size();
        searchers.maybeRefreshBlocking();
        mergedUpTo = last[0];
        return Math.max(1, written);
    }

    /**
     * Indexes posts below the highest id indexed that were committed after it was reached: two
     * imports at once commit their batches in any order, so a batch's lower ids can become visible
     * after a later batch was indexed. Posts stored in the last ten minutes within
     * {@value #LATE_WINDOW} ids of the mark are looked up in the index (when the index holds fewer
     * posts in that range than the database); those missing are added. Gives how many were added.
     */
    private long indexLateCommits() throws IOException {
        long low = indexedUpTo - LATE_WINDOW;
        List<Long> recent = jdbc.sql("SELECT id FROM post WHERE id > ? AND id <= ? AND ingested_at > now() - interval '10 minutes'")
                .params(low, indexedUpTo).query(Long.class).list();
        if (recent.isEmpty()) {
            return 0;
        }
        long stored = jdbc.sql("SELECT count(*) FROM post WHERE id > ? AND id <= ?").params(low, indexedUpTo)
                .query(Long.class).single();
        List<Long> missing = new ArrayList<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            if (searcher.count(LongPoint.newRangeQuery("idPoint", low + 1, indexedUpTo)) >= stored) {
                return 0;
            }
            for (long id : recent) {
                if (searcher.count(new TermQuery(new Term("id", Long.toString(id)))) == 0) {
                    missing.add(id);
                }
            }
        } finally {
            searchers.release(searcher);
        }
        if (missing.isEmpty()) {
            return 0;
        }
        List<Document> documents = new ArrayList<>();
        jdbc.sql("""
                SELECT p.*, s.code AS source_code, s.local AS source_local, a.code AS owner_code
                FROM post p JOIN post_source s ON s.id = p.source_id LEFT JOIN agency a ON a.id = s.agency_id
                WHERE p.id = ANY(?)
                """).param(missing.toArray(Long[]::new)).query((ResultSet rs) -> {
            documents.add(document(rs));
        });
        for (Document document : documents) {
            writer.updateDocument(new Term("id", document.get("id")), document);
        }
        searchers.maybeRefreshBlocking();
        log.info("Indexed " + documents.size() + " post(s) committed after posts with higher ids");
        return documents.size();
    }

    /**
     * Whether a post is about the province: it reached it by the hotline or at an office, its source is the province's
     * own ({@code post_source.local}), or the places it names say so ({@link RoutingRules#aboutTheProvince}). A unit
     * added to the directory counts for the posts indexed after; a source marked later, for its posts once the
     * re-analysis has read them again (marking makes them due).
     */
    private boolean local(String platform, boolean localSource, String[] places) {
        return NON_PUBLIC.contains(platform) || localSource || routing.aboutTheProvince(places);
    }

    private Document document(ResultSet rs) throws SQLException {
        Document document = new Document();
        document.add(new StringField("id", Long.toString(rs.getLong("id")), Field.Store.YES));
        document.add(new LongPoint("idPoint", rs.getLong("id")));
        String text = rs.getString("text");
        String title = rs.getString("title");
        document.add(new TextField("text", title == null ? text : title + "\n" + text, Field.Store.NO));
        document.add(new StoredField("body", text));
        if (title != null) {
            document.add(new StoredField("title", title));
        }
        keyword(document, "platform", rs.getString("platform"));
        keyword(document, "sentiment", rs.getString("sentiment"));
        keyword(document, "topic", rs.getString("topic"));
        keyword(document, "register", rs.getString("register"));
        keyword(document, "domain", rs.getString("domain"));
        keyword(document, "toxicity", rs.getString("toxicity"));
        keyword(document, "source", rs.getString("source_code"));
        for (String agency : (String[]) rs.getArray("agencies").getArray()) {
            keyword(document, "agency", agency);
        }
        String[] places = (String[]) rs.getArray("places").getArray();
        for (String place : places) {
            keyword(document, "place", place);
        }
        document.add(new StringField("local", local(rs.getString("platform"), rs.getBoolean("source_local"), places) ? "1" : "0", Field.Store.NO));
        String owner = rs.getString("owner_code");
        document.add(new StringField("owner", owner == null ? "" : owner, Field.Store.NO));
        document.add(new StringField("public", NON_PUBLIC.contains(rs.getString("platform")) ? "0" : "1", Field.Store.NO));
        long published = rs.getTimestamp("published_at").toInstant().toEpochMilli();
        document.add(new LongPoint("published", published));
        document.add(new NumericDocValuesField("published", published));
        document.add(new StoredField("published", published));
        if (rs.getString("url") != null) {
            document.add(new StoredField("url", rs.getString("url")));
        }
        long story = rs.getLong("story_id");
        if (!rs.wasNull()) {
            document.add(new StringField("story", Long.toString(story), Field.Store.YES));
            document.add(new NumericDocValuesField("story", story));
        }
        return document;
    }

    private static void keyword(Document document, String field, String value) {
        if (value == null) {
            return;
        }
        document.add(new StringField(field, value, Field.Store.YES));
        document.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    @Override
    public Result search(PostSearch.Query query, SignedInUser user) {
        if (query.size() < 1 || query.size() > 100) {
            throw new InvalidInput("size", "listening.search.size");
        }
        if (query.page() < 0) {
            throw new InvalidInput("page", "listening.search.page.negative");
        }
        if ((long) (query.page() + 1) * query.size() > MAX_WINDOW) {
            // the page asked for, its size and the last page of that size within the window
            throw new InvalidInput("page", "listening.search.page", query.page(), query.size(),
                    MAX_WINDOW / query.size() - 1);
        }
        org.apache.lucene.search.Query lucene = build(query, user);
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long total = searcher.count(lucene);
            int window = (query.page() + 1) * query.size();
            List<String> words = queryWords(query.text());
            List<Hit> items = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            if (!query.collapse()) {
                ScoreDoc[] docs = top(searcher, lucene, query.byTime(), window).scoreDocs;
                for (int i = query.page() * query.size(); i < docs.length; i++) {
                    items.add(hit(stored.document(docs[i].doc), words, 0));
                }
                return new Result(total, items, facets(searcher, lucene), total);
            }
            // stories collapsed: the best post of each story stands for the others that match
            Map<Long, Integer> perStory = storyCounts(searcher, lucene);
            long loose = total - perStory.values().stream().mapToLong(Integer::longValue).sum();
            long groups = loose + perStory.size();
            Set<Long> seen = new HashSet<>();
            int skip = query.page() * query.size();
            int fetch = Math.min(MAX_WINDOW, window * 3);
            while (true) {
                TopDocs top = top(searcher, lucene, query.byTime(), fetch);
                items.clear();
                seen.clear();
                int group = 0;
                for (ScoreDoc doc : top.scoreDocs) {
                    Document document = stored.document(doc.doc);
                    String story = document.get("story");
                    if (story != null && !seen.add(Long.parseLong(story))) {
                        continue;
                    }
                    if (group++ >= skip && items.size() < query.size()) {
                        int similar = story == null ? 0 : perStory.getOrDefault(Long.parseLong(story), 1) - 1;
                        items.add(hit(document, words, similar));
                    }
                }
                if (items.size() >= query.size() || top.scoreDocs.length < fetch || fetch >= MAX_WINDOW) {
                    break;
                }
                fetch = Math.min(MAX_WINDOW, fetch * 4);
            }
            return new Result(total, items, facets(searcher, lucene), groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                log.warn("Could not release a searcher", e);
            }
        }
    }

    @Override
    public List<TopicAttention.Day> daily(List<String> phrases, LocalDate from, LocalDate to, SignedInUser user) {
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= TopicAttention.MAX_DAYS) {
            throw new InvalidInput("period", "listening.attention.period");
        }
        List<String> kept = phrases == null ? List.of()
                : phrases.stream().filter(phrase -> phrase != null && !phrase.isBlank()).map(String::strip).distinct().toList();
        if (kept.isEmpty() || kept.size() > TopicAttention.MAX_PHRASES
                || kept.stream().anyMatch(phrase -> phrase.length() > TopicAttention.MAX_PHRASE)) {
            throw new InvalidInput("keywords", "listening.attention.keywords");
        }
        QueryBuilder parser = new QueryBuilder(analyzer.queries());
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (String phrase : kept) {
            org.apache.lucene.search.Query query = parser.createPhraseQuery("text", phrase);
            if (query != null) {
                any.add(query, BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        long[][] counts = new long[days][6];
        if (clauses > 0) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder();
            builder.add(any.build(), BooleanClause.Occur.MUST);
            long start = from.atStartOfDay(LocalTime.ZONE).toInstant().toEpochMilli();
            long end = to.plusDays(1).atStartOfDay(LocalTime.ZONE).toInstant().toEpochMilli() - 1;
            builder.add(LongPoint.newRangeQuery("published", start, end), BooleanClause.Occur.FILTER);
            restrict(builder, user);
            count(builder.build(), from, counts);
        }
        List<TopicAttention.Day> result = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            long[] c = counts[d];
            result.add(new TopicAttention.Day(from.plusDays(d), c[0], c[1], c[2], c[3], c[4], c[5]));
        }
        return result;
    }

    /** Per day: posts, comments, negative, neutral and positive comments, questions. */
    private void count(org.apache.lucene.search.Query query, LocalDate from, long[][] counts) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            searcher.search(query, new CollectorManager<SimpleCollector, Void>() {
                @Override
                public SimpleCollector newCollector() {
                    return new SimpleCollector() {
                        private org.apache.lucene.index.NumericDocValues published;
                        private SortedSetDocValues sentiment;
                        private SortedSetDocValues register;
                        private StoredFields stored;

                        @Override
                        protected void doSetNextReader(LeafReaderContext context) throws IOException {
                            published = DocValues.getNumeric(context.reader(), "published");
                            sentiment = DocValues.getSortedSet(context.reader(), "sentiment");
                            register = DocValues.getSortedSet(context.reader(), "register");
                            stored = context.reader().storedFields();
                        }

                        @Override
                        public void collect(int doc) throws IOException {
                            if (!published.advanceExact(doc)) {
                                return;
                            }
                            LocalDate day = Instant.ofEpochMilli(published.longValue()).atZone(LocalTime.ZONE).toLocalDate();
                            int d = (int) ChronoUnit.DAYS.between(from, day);
                            if (d < 0 || d >= counts.length) {
                                return;
                            }
                            boolean comment = PostLabels.COMMENT.equals(value(register, doc));
                            String tone = comment ? value(sentiment, doc) : null;
                            Document document = stored.document(doc, Set.of("body", "title"));
                            boolean asks = Questions.asks(document.get("title")) || Questions.asks(document.get("body"));
                            synchronized (counts) {
                                long[] c = counts[d];
                                c[0]++;
                                if (comment) {
                                    c[1]++;
                                    if ("negative".equals(tone)) {
                                        c[2]++;
                                    } else if ("neutral".equals(tone)) {
                                        c[3]++;
                                    } else if ("positive".equals(tone)) {
                                        c[4]++;
                                    }
                                }
                                if (asks) {
                                    c[5]++;
                                }
                            }
                        }

                        @Override
                        public ScoreMode scoreMode() {
                            return ScoreMode.COMPLETE_NO_SCORES;
                        }
                    };
                }

                @Override
                public Void reduce(java.util.Collection<SimpleCollector> collectors) {
                    return null;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                log.warn("Could not release a searcher", e);
            }
        }
    }

    private static String value(SortedSetDocValues values, int doc) throws IOException {
        return values.advanceExact(doc) ? values.lookupOrd(values.nextOrd()).utf8ToString() : null;
    }

    private static TopDocs top(IndexSearcher searcher, org.apache.lucene.search.Query query, boolean byTime, int n)
            throws IOException {
        return byTime ? searcher.search(query, n, new Sort(new SortField("published", SortField.Type.LONG, true)))
                : searcher.search(query, n);
    }

    /** How many matching posts each story has. */
    private static Map<Long, Integer> storyCounts(IndexSearcher searcher, org.apache.lucene.search.Query query)
            throws IOException {
        return searcher.search(query, new CollectorManager<SimpleCollector, Map<Long, Integer>>() {
            final List<Map<Long, Integer>> parts = new ArrayList<>();

            @Override
            public SimpleCollector newCollector() {
                Map<Long, Integer> counts = new HashMap<>();
                synchronized (parts) {
                    parts.add(counts);
                }
                return new SimpleCollector() {
                    private org.apache.lucene.index.NumericDocValues stories;

                    @Override
                    protected void doSetNextReader(LeafReaderContext context) throws IOException {
                        stories = DocValues.getNumeric(context.reader(), "story");
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        if (stories.advanceExact(doc)) {
                            counts.merge(stories.longValue(), 1, Integer::sum);
                        }
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE_NO_SCORES;
                    }
                };
            }

            @Override
            public Map<Long, Integer> reduce(java.util.Collection<SimpleCollector> collectors) {
                Map<Long, Integer> merged = new HashMap<>();
                parts.forEach(part -> part.forEach((story, count) -> merged.merge(story, count, Integer::sum)));
                return merged;
            }
        });
    }

    private org.apache.lucene.search.Query build(PostSearch.Query query, SignedInUser user) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        // a word typed with its diacritics finds it as typed, first, or written without them, not with other diacritics
        QueryBuilder parser = new vn.loa.nlp.lucene.MarksFirstQueryBuilder(analyzer.queries());
        String text = query.text() == null ? "" : query.text().strip();
        if (text.length() > 500) {
            throw new InvalidInput("q", "listening.search.too-long");
        }
        Matcher phrases = PHRASE.matcher(text);
        boolean anyText = false;
        while (phrases.find()) {
            org.apache.lucene.search.Query phrase = parser.createPhraseQuery("text", phrases.group(1));
            if (phrase != null) {
                builder.add(phrase, BooleanClause.Occur.MUST);
                anyText = true;
            }
        }
        String rest = PHRASE.matcher(text).replaceAll(" ").strip();
        if (!rest.isEmpty()) {
            // an abbreviation or its full form, whichever is typed, finds both ("BHYT", "bảo hiểm y tế")
            Abbreviations.Expansion expansion = Abbreviations.expand(rest);
            for (Abbreviations.Found found : expansion.found()) {
                org.apache.lucene.search.Query either = eitherForm(parser, found);
                if (either != null) {
                    builder.add(either, BooleanClause.Occur.MUST);
                    anyText = true;
                }
            }
            org.apache.lucene.search.Query words = expansion.rest().isEmpty() ? null : words(parser, expansion.rest());
            if (words != null) {
                builder.add(words, BooleanClause.Occur.MUST);
                anyText = true;
            }
            if (anyText) {
                // the words next to each other, as typed, rank first ("bệnh viện" before "bệnh ... viên"); these
                // clauses only rank, they never decide which posts match
                org.apache.lucene.search.Query together = parser.createPhraseQuery("text", rest, 1);
                if (together != null) {
                    builder.add(new org.apache.lucene.search.BoostQuery(together, 4f), BooleanClause.Occur.SHOULD);
                }
                // and, when the whole query is seldom written in one piece, each two words typed side by side:
                // "benh vien qua tai" ranks "bệnh viện tỉnh quá tải" above "bệnh nhân qua đời tại viện"
                String[] typed = rest.split("\\s+");
                for (int i = 0; typed.length > 2 && i + 1 < typed.length; i++) {
                    org.apache.lucene.search.Query pair = parser.createPhraseQuery("text", typed[i] + " " + typed[i + 1]);
                    if (pair != null) {
                        builder.add(new org.apache.lucene.search.BoostQuery(pair, 2f), BooleanClause.Occur.SHOULD);
                    }
                }
            }
        }
        if (!anyText) {
            // "(((", "*:*" or an emoji has no word to look for: all the posts would be an answer to a question
            // nobody asked
            if (!text.isEmpty()) {
                throw new InvalidInput("q", "listening.search.no-words");
            }
            builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        filter(builder, "platform", query.platform() == null ? null : query.platform().toUpperCase(Locale.ROOT));
        filter(builder, "sentiment", query.sentiment());
        filter(builder, "topic", query.topic());
        filterAny(builder, "register", query.register());
        filter(builder, "domain", query.domain());
        filterAny(builder, "toxicity", query.toxicity());
        // several agencies separated by commas: the posts routed to every one of them (an officer's dashboard
        // leads to its agency's posts that also name another)
        if (query.agency() != null) {
            for (String agency : query.agency().split(",")) {
                filter(builder, "agency", agency.isBlank() ? null : agency.strip());
            }
        }
        filter(builder, "place", query.place());
        if (query.local()) {
            builder.add(new TermQuery(new Term("local", "1")), BooleanClause.Occur.FILTER);
        }
        if (query.publicOnly()) {
            builder.add(new TermQuery(new Term("public", "1")), BooleanClause.Occur.FILTER);
        }
        // a story merged into another is searched as the story it joined (an old link, a bookmark)
        filter(builder, "story", query.story() == null ? null : Long.toString(jdbc.sql(
                "SELECT coalesce(merged_into, id) FROM story WHERE id = ?").param(query.story()).query(Long.class).optional()
                .orElse(query.story())));
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            // both ends are at fault, whichever was mistyped
            InvalidInput.throwIfAny(List.of(new InvalidInput("from", "listening.search.period"),
                    new InvalidInput("to", "listening.search.period")));
        }
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
            long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochMilli() - 1;
            builder.add(LongPoint.newRangeQuery("published", from, to), BooleanClause.Occur.FILTER);
        }
        restrict(builder, user);
        return builder.build();
    }

    /**
     * The words typed, each one required: a word of several syllables (as the segmenter reads the query: "Phan Rang",
     * "Ninh Hải", "giá điện") as its syllables side by side, a word of one syllable anywhere. Matched syllable by syllable,
     * "Phan Rang" found "phàn nàn rằng" and "Ninh Hải" "Tây Ninh ... hải quan": a Vietnamese word is its syllables
     * together, not each somewhere in the post. Null when no word is left to look for.
     */
    private org.apache.lucene.search.Query words(QueryBuilder parser, String text) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (WordSegmenter.Word word : segmenter.segment(text)) {
            String typed = text.substring(word.start(), word.end());
            org.apache.lucene.search.Query one = parser.createBooleanQuery("text", typed, BooleanClause.Occur.MUST);
            if (one != null && word.syllables() > 1) {
                // the syllables side by side decide; the syllables score, a word with its diacritics as typed first
                org.apache.lucene.search.Query together = parser.createPhraseQuery("text", typed);
                if (together != null) {
                    one = new BooleanQuery.Builder().add(together, BooleanClause.Occur.FILTER)
                            .add(one, BooleanClause.Occur.MUST).build();
                }
            }
            if (one != null) {
                all.add(one, BooleanClause.Occur.MUST);
                clauses++;
            }
        }
        return clauses == 0 ? null : all.build();
    }

    /**
     * The form of an abbreviation typed or any other: the short form as a word, a full form as a phrase (its words one
     * after the other, as "bảo hiểm y tế" and not "bảo hiểm xã hội ... y tế"). Each form scores the same whatever the
     * rarity of its words (a full form's four rare words would outrank the abbreviation typed), the form typed as much
     * more as a word typed with its diacritics ({@link vn.loa.nlp.lucene.MarksFirstQueryBuilder#AS_TYPED}): it ranks
     * first.
     */
    private static org.apache.lucene.search.Query eitherForm(QueryBuilder parser, Abbreviations.Found found) {
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        int clauses = 0;
        org.apache.lucene.search.Query typed = parser.createPhraseQuery("text", found.typed());
        if (typed != null) {
            either.add(new org.apache.lucene.search.BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(typed),
                    vn.loa.nlp.lucene.MarksFirstQueryBuilder.AS_TYPED), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        for (String form : found.otherForms()) {
            org.apache.lucene.search.Query query = parser.createPhraseQuery("text", form);
            if (query != null) {
                either.add(new org.apache.lucene.search.ConstantScoreQuery(query), BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : either.build();
    }

    /** Keeps to what the user may see. */
    private static void restrict(BooleanQuery.Builder builder, SignedInUser user) {
        if (!seesEverything(user)) {
            BooleanQuery.Builder visible = new BooleanQuery.Builder();
            visible.add(new TermQuery(new Term("public", "1")), BooleanClause.Occur.SHOULD);
            if (user.agencyCode() != null && !user.has(Role.PRESS)) {
                visible.add(new TermQuery(new Term("agency", user.agencyCode())), BooleanClause.Occur.SHOULD);
                visible.add(new TermQuery(new Term("owner", user.agencyCode())), BooleanClause.Occur.SHOULD);
            }
            builder.add(visible.build(), BooleanClause.Occur.FILTER);
        }
    }

    /** Province-wide roles see every post; others see public posts and their own agency's. */
    static boolean seesEverything(SignedInUser user) {
        return ListeningScope.provinceWide(user);
    }

    private static void filter(BooleanQuery.Builder builder, String field, String value) {
        if (value != null && !value.isBlank()) {
            builder.add(new TermQuery(new Term(field, value.strip())), BooleanClause.Occur.FILTER);
        }
    }

    /** A filter on any of several values separated by commas ("news,official"). */
    private static void filterAny(BooleanQuery.Builder builder, String field, String values) {
        if (values == null || values.isBlank()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values.split(",")) {
            if (!value.isBlank()) {
                any.add(new TermQuery(new Term(field, value.strip())), BooleanClause.Occur.SHOULD);
            }
        }
        builder.add(any.build(), BooleanClause.Occur.FILTER);
    }

    private static Map<String, Map<String, Long>> facets(IndexSearcher searcher, org.apache.lucene.search.Query query) throws IOException {
        Map<String, Map<String, Long>> counts = searcher.search(query, new CollectorManager<FacetCollector, Map<String, Map<String, Long>>>() {
            @Override
            public FacetCollector newCollector() {
                return new FacetCollector();
            }

            @Override
            public Map<String, Map<String, Long>> reduce(java.util.Collection<FacetCollector> collectors) {
                Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
                for (String facet : FACETS) {
                    merged.put(facet, new TreeMap<>());
                }
                for (FacetCollector collector : collectors) {
                    try {
                        collector.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    collector.counts.forEach((facet, values) -> values.forEach(
                            (value, count) -> merged.get(facet).merge(value, count, Long::sum)));
                }
                return merged;
            }
        });
        Map<String, Map<String, Long>> sorted = new LinkedHashMap<>();
        counts.forEach((facet, values) -> {
            Map<String, Long> byCount = new LinkedHashMap<>();
            values.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(50)
                    .forEach(e -> byCount.put(e.getKey(), e.getValue()));
            sorted.put(facet, byCount);
        });
        return sorted;
    }

    /**
     * Counts the values of each facet field over the matching documents: by ordinal within a segment
     * (an array increment per document and facet), turned into values once per segment.
     */
    private static final class FacetCollector extends SimpleCollector {
        final Map<String, Map<String, Long>> counts = new HashMap<>();
        private final SortedSetDocValues[] values = new SortedSetDocValues[FACETS.size()];
        private final long[][] ordinals = new long[FACETS.size()][];

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            for (int f = 0; f < FACETS.size(); f++) {
                values[f] = DocValues.getSortedSet(context.reader(), FACETS.get(f));
                ordinals[f] = new long[(int) values[f].getValueCount()];
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            for (int f = 0; f < values.length; f++) {
                SortedSetDocValues docValues = values[f];
                if (docValues.advanceExact(doc)) {
                    for (int i = 0; i < docValues.docValueCount(); i++) {
                        ordinals[f][(int) docValues.nextOrd()]++;
                    }
                }
            }
        }

        /** Turns the counts of the segment just read into values. */
        void flush() throws IOException {
            for (int f = 0; f < values.length; f++) {
                if (values[f] == null) {
                    continue;
                }
                Map<String, Long> facet = counts.computeIfAbsent(FACETS.get(f), k -> new HashMap<>());
                long[] byOrdinal = ordinals[f];
                for (int ord = 0; ord < byOrdinal.length; ord++) {
                    if (byOrdinal[ord] > 0) {
                        facet.merge(values[f].lookupOrd(ord).utf8ToString(), byOrdinal[ord], Long::sum);
                    }
                }
                values[f] = null;
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    private static Hit hit(Document document, List<String> words, int similar) {
        String text = document.get("body");
        Snippet snippet = snippet(text, words);
        String storyValue = document.get("story");
        return new Hit(Long.parseLong(document.get("id")), document.get("title"), text, snippet.text(), snippet.highlights(),
                document.get("platform"), document.get("source"), document.get("url"),
                Instant.ofEpochMilli(document.getField("published").numericValue().longValue()), document.get("sentiment"),
                document.get("topic"), document.get("register"), document.get("domain"), document.get("toxicity"), Arrays.asList(document.getValues("agency")),
                Arrays.asList(document.getValues("place")), storyValue == null ? null : Long.parseLong(storyValue),
                similar);
    }

    record Snippet(String text, List<int[]> highlights) {
    }

    /**
     * What the snippet marks for a query, lower case, with the tone mark of each syllable in one place: its words, and
     * each abbreviation found in it in either form, a full form as a whole ("bảo hiểm y tế", not every "y").
     */
    static List<String> queryWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        Matcher phrases = PHRASE.matcher(text);
        StringBuilder quoted = new StringBuilder();
        while (phrases.find()) {
            quoted.append(' ').append(phrases.group(1));
        }
        Abbreviations.Expansion expansion = Abbreviations.expand(PHRASE.matcher(text).replaceAll(" ").replace('"', ' '));
        for (Abbreviations.Found found : expansion.found()) {
            words.add(canonicalWords(found.typed()));
            found.otherForms().forEach(form -> words.add(canonicalWords(form)));
        }
        List<String> typed = new ArrayList<>();
        for (String word : (quoted + " " + expansion.rest()).split("\\s+")) {
            typed.add(canonicalWords(word));
        }
        typed.removeIf(String::isEmpty);
        // a place named without diacritics is one word, marked as written ("nha trang" marks "Nha Trang", not "Nhà Trắng")
        for (int i = 0; i < typed.size(); i++) {
            int length = 1;
            for (int n = 3; n >= 2; n--) {
                if (i + n <= typed.size() && NAMES_AS_WRITTEN.contains(String.join(" ", typed.subList(i, i + n)))) {
                    length = n;
                    break;
                }
            }
            words.add(String.join(" ", typed.subList(i, i + length)));
            i += length - 1;
        }
        return words;
    }

    /** The places named without diacritics, lower case ("nha trang"): searched and marked as written. */
    private static final Set<String> NAMES_AS_WRITTEN = vn.loa.nlp.gazetteer.Gazetteer.placeNames().stream()
            .map(name -> name.toLowerCase(Locale.ROOT)).filter(name -> name.contains(" ") && fold(name).equals(name))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Lower case, the tone mark of each syllable in one place, one space between words, without the punctuation around
     * the whole ("(BHYT)," is "bhyt"; "GD-ĐT" keeps its hyphen).
     */
    private static String canonicalWords(String text) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetterOrDigit(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(lower.charAt(end - 1))) {
            end--;
        }
        List<String> syllables = new ArrayList<>();
        for (String word : lower.substring(start, end).split("\\s+")) {
            if (!word.isEmpty()) {
                syllables.add(ToneMarks.canonical(word));
            }
        }
        return String.join(" ", syllables);
    }

    /**
     * A window of the text around the first matched word, with every matched word marked by offsets. A word of the
     * query typed with diacritics matches the text that has it as typed or without diacritics, as the search does
     * ("ngộ" marks "ngộ" and "ngo", not "ngô"); typed without them, it matches every form, but a place named without
     * diacritics ("nha trang") only as written.
     */
    static Snippet snippet(String text, List<String> words) {
        String folded = fold(text);
        // as the index: a word without diacritics stands for one with them only in a text typed without any
        boolean typedWithoutDiacritics = !vn.loa.nlp.AccentFolding.writtenWithDiacritics(text);
        List<int[]> matches = new ArrayList<>();
        for (String word : words) {
            String bare = fold(word);
            boolean marked = !bare.equals(word) || NAMES_AS_WRITTEN.contains(word);
            int from = 0;
            int at;
            while (!bare.isEmpty() && (at = folded.indexOf(bare, from)) >= 0) {
                int end = at + bare.length();
                boolean startsWord = at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1));
                boolean endsWord = end == folded.length() || !Character.isLetterOrDigit(folded.charAt(end));
                if (startsWord && endsWord && (!marked || sameOrBare(text.substring(at, end), word, typedWithoutDiacritics))) {
                    matches.add(new int[] {at, end});
                }
                from = end;
            }
        }
        matches.sort((a, b) -> Integer.compare(a[0], b[0]));
        int start = matches.isEmpty() ? 0 : Math.max(0, matches.get(0)[0] - 100);
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = Math.min(text.length(), start + 300);
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        List<int[]> highlights = new ArrayList<>();
        int last = -1;
        for (int[] match : matches) {
            if (match[0] >= start && match[1] <= end && match[0] >= last) {
                highlights.add(new int[] {match[0] - start, match[1] - start});
                last = match[1];
            }
        }
        return new Snippet(text.substring(start, end), highlights);
    }

    /**
     * Whether a word of the text is the word typed (tone mark placement and case aside), or has no diacritics in a
     * text typed without them.
     */
    private static boolean sameOrBare(String found, String typed, boolean typedWithoutDiacritics) {
        String lower = found.toLowerCase(Locale.ROOT);
        return typedWithoutDiacritics && fold(lower).equals(lower) || canonicalWords(lower).equals(typed);
    }

    /** Lower case, no diacritics, same length as the input (combining marks become spaces). */
    static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out[i] = Character.getType(c) == Character.NON_SPACING_MARK ? ' ' : Syllables.fold(c);
        }
        return new String(out);
    }

    @PreDestroy
    void close() throws IOException, InterruptedException {
        indexer.shutdown();
        indexer.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        searchers.close();
        writer.close();
    }
}

package vn.loa.listening.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import vn.loa.identity.AgencyDirectory;
import vn.loa.listening.FeedSources;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.Platform;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.shared.SearchText;

/**
 * Feeds and the health of every source. Feeds are fetched by {@link FeedFetcher} (conditional GET with ETag and
 * Last-Modified, every address checked, a whole-fetch deadline, a size limit) and read by {@link FeedReader}; polling
 * on their schedule is {@link FeedPoller}'s. Items go through the ordinary import pipeline
 * (so re-reading an item stores nothing new). A failing feed backs off: its next poll waits twice
 * as long after each failure in a row, up to a day.
 */
@Service
class JdbcFeedSources implements FeedSources {

    private static final Log log = LogFactory.getLog(JdbcFeedSources.class);
    static final int DEFAULT_POLL_MINUTES = 15;
    static final int DEFAULT_SILENT_HOURS = 48;
    static final Duration MAX_BACK_OFF = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PostImporter importer;
    private final AgencyDirectory agencies;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final FeedFetcher fetcher;
    private final FeedReader reader;

    JdbcFeedSources(JdbcClient jdbc, Clock clock, PostImporter importer, AgencyDirectory agencies, ObjectMapper json,
            FeedSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.importer = importer;
        this.agencies = agencies;
        this.json = json;
        this.events = events;
        this.fetcher = new FeedFetcher(settings);
        this.reader = new FeedReader(json);
    }

    @PreDestroy
    void close() throws IOException {
        fetcher.close();
    }

    private static final String SELECT = """
            SELECT s.*, a.code AS agency_code,
                   (SELECT count(*) FROM post p WHERE p.source_id = s.id AND p.published_at >= ?) AS recent
            FROM post_source s LEFT JOIN agency a ON a.id = s.agency_id
            """;

    @Override
    public List<Source> all() {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " ORDER BY s.kind DESC, s.code").param(Timestamp.from(now.minus(Duration.ofDays(7))))
                .query((rs, row) -> source(rs, now)).list();
    }

    @Override
    public Page<Source> list(SourceFilter filter, PageRequest asked) {
        Instant now = clock.instant();
        List<Object> params = new ArrayList<>();
        String where = sourceConditions(filter, now, params);
        long total = jdbc.sql("SELECT count(*) FROM post_source s" + where).params(params).query(Long.class).single();
        PageRequest page = asked.within(total);
        List<Object> all = new ArrayList<>();
        all.add(Timestamp.from(now.minus(Duration.ofDays(7))));
        all.addAll(params);
        all.add(page.size());
        all.add(page.offset());
        // the posts of the last week are counted for the page's sources only
        List<Source> sources = jdbc.sql("""
                SELECT s.*, a.code AS agency_code,
                       (SELECT count(*) FROM post p WHERE p.source_id = s.id AND p.published_at >= ?) AS recent
                FROM (SELECT * FROM post_source s""" + where + """
                       ORDER BY s.kind DESC, s.code LIMIT ? OFFSET ?) s
                LEFT JOIN agency a ON a.id = s.agency_id
                ORDER BY s.kind DESC, s.code""").params(all).query((rs, row) -> source(rs, now)).list();
        return new Page<>(sources, page, total);
    }

    /** The WHERE clause of the sources a filter keeps, its parameters added to {@code params}. */
    private static String sourceConditions(SourceFilter filter, Instant now, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (!filter.text().isEmpty()) {
            // addresses and codes are plain ASCII: only the name needs its diacritics folded
            where.append(" AND (").append(SearchText.contains("s.name"))
                    .append(" OR lower(s.url) LIKE ? ESCAPE '\\' OR lower(s.code) LIKE ? ESCAPE '\\')");
            params.addAll(List.of(filter.text().pattern(), filter.text().pattern(), filter.text().pattern()));
        }
        if (!filter.platform().isEmpty()) {
            where.append(" AND s.platform = ?");
            params.add(filter.platform());
        }
        // as source() tells: switched off, else failing, else silent, else ok
        String silent = "(s.kind = 'RSS' AND coalesce(s.last_item_at, s.created_at) + make_interval(hours => coalesce("
                + "s.silent_hours, " + DEFAULT_SILENT_HOURS + ")) < ?)";
        switch (filter.health()) {
            case "off" -> where.append(" AND NOT s.enabled");
            case "failing" -> where.append(" AND s.enabled AND s.failures > 0");
            case "silent" -> {
                where.append(" AND s.enabled AND s.failures = 0 AND ").append(silent);
                params.add(Timestamp.from(now));
            }
            case "ok" -> {
                where.append(" AND s.enabled AND s.failures = 0 AND NOT ").append(silent);
                params.add(Timestamp.from(now));
            }
            default -> {
            }
        }
        return where.toString();
    }

    /** An import's kind, as {@link ImportRow#kind()} tells it; V19's index {@code post_import_kind} is on it. */
    private static final String IMPORT_KIND =
            "(CASE WHEN file_name LIKE 'feed:%' THEN 'feed' WHEN file_name LIKE 'push:%' THEN 'push' ELSE 'file' END)";

    /** How far past a page imports are counted. */
    static final int IMPORTS_COUNTED_AHEAD = 10_000;

    private static final String IMPORT_COLUMNS = """
            SELECT id, file_name, actor, started_at, finished_at, read, stored, duplicates, quarantined, interrupted_at
            FROM post_import""";

    @Override
    public Page<ImportRow> imports(ImportFilter filter, PageRequest asked) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (!filter.kind().isEmpty()) {
            where.append(" AND ").append(IMPORT_KIND).append(" = ?");
            params.add(filter.kind());
        }
        switch (filter.status()) {
            case "running" -> where.append(" AND finished_at IS NULL AND interrupted_at IS NULL");
            case "interrupted" -> where.append(" AND finished_at IS NULL AND interrupted_at IS NOT NULL");
            case "finished" -> where.append(" AND finished_at IS NOT NULL");
            default -> {
            }
        }
        long limit = asked.offset() + IMPORTS_COUNTED_AHEAD;
        List<Object> countParams = new ArrayList<>(params);
        countParams.add(limit);
        long counted = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM post_import" + where + " LIMIT ?) counted")
                .params(countParams).query(Long.class).single();
        PageRequest page = counted < limit ? asked.within(counted) : asked;
        params.add(page.size());
        params.add(page.offset());
        List<ImportRow> rows = jdbc.sql(IMPORT_COLUMNS + where + " ORDER BY id DESC LIMIT ? OFFSET ?").params(params)
                .query((rs, row) -> importRow(rs)).list();
        return new Page<>(rows, page, counted, counted >= limit);
    }

    @Override
    public ImportRow importRow(long id) {
        return jdbc.sql(IMPORT_COLUMNS + " WHERE id = ?").param(id).query((rs, row) -> importRow(rs)).optional()
                .orElseThrow(() -> new NotFound("import", id));
    }

    private static ImportRow importRow(ResultSet rs) throws SQLException {
        return new ImportRow(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                instant(rs, "interrupted_at"));
    }

    @Override
    public List<QuarantineRow> quarantined(long importId) {
        return quarantined(importId, 1000, 0);
    }

    @Override
    public Page<QuarantineRow> quarantined(long importId, PageRequest asked) {
        long total = jdbc.sql("SELECT count(*) FROM quarantined_line WHERE import_id = ?").param(importId)
                .query(Long.class).single();
        PageRequest page = asked.within(total);
        return new Page<>(quarantined(importId, page.size(), page.offset()), page, total);
    }

    private List<QuarantineRow> quarantined(long importId, int limit, long offset) {
        return jdbc.sql("""
                SELECT line, reason, left(raw, 500) FROM quarantined_line WHERE import_id = ? ORDER BY line, id
                LIMIT ? OFFSET ?""").params(importId, limit, offset)
                .query((rs, row) -> new QuarantineRow(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /**
     * Marks as interrupted, at {@code now}, the imports left unfinished by a process that is gone: those started
     * before {@code startedBefore}, the start of this one. What they had stored and quarantined is counted, since a
     * killed import never wrote its figures (how many lines it read, and how many were there already, is not known).
     * Returns how many were marked.
     */
    int markInterrupted(Instant startedBefore, Instant now) {
        return jdbc.sql("""
                UPDATE post_import i SET interrupted_at = ?,
                       stored = (SELECT count(*) FROM post p WHERE p.import_id = i.id),
                       quarantined = (SELECT count(*) FROM quarantined_line q WHERE q.import_id = i.id)
                WHERE finished_at IS NULL AND interrupted_at IS NULL AND started_at < ?
                """).params(Timestamp.from(now), Timestamp.from(startedBefore)).update();
    }

    @Override
    public Throughput throughput() {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT (SELECT coalesce(sum(stored), 0) FROM post_import WHERE finished_at >= ?),
                       (SELECT coalesce(sum(stored), 0) FROM post_import WHERE finished_at >= ?),
                       (SELECT count(*) FROM quarantined_line WHERE created_at >= ?),
                       (SELECT count(*) FROM post_import WHERE finished_at IS NULL AND interrupted_at IS NULL)
                """).params(Timestamp.from(now.minus(Duration.ofHours(1))), Timestamp.from(now.minus(Duration.ofDays(1))),
                Timestamp.from(now.minus(Duration.ofDays(1))))
                .query((rs, row) -> new Throughput(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    @Override
    public Source find(long id) {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " WHERE s.id = ?").params(Timestamp.from(now.minus(Duration.ofDays(7))), id)
                .query((rs, row) -> source(rs, now)).optional()
                .orElseThrow(() -> new NotFound("source", Long.toString(id)));
    }

    private static Source source(ResultSet rs, Instant now) throws SQLException {
        Instant lastItem = instant(rs, "last_item_at");
        Instant created = instant(rs, "created_at");
        int silentHours = rs.getObject("silent_hours") == null ? DEFAULT_SILENT_HOURS : rs.getInt("silent_hours");
        Instant since = lastItem != null ? lastItem : created;
        boolean enabled = rs.getBoolean("enabled");
        long recent = rs.getLong("recent");
        // an import with nothing in the last week is not a silent feed; a feed is silent when it brings nothing new
        boolean silent = enabled && "RSS".equals(rs.getString("kind"))
                && since.plus(Duration.ofHours(silentHours)).isBefore(now);
        return new Source(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                rs.getString("url"), rs.getString("platform"), rs.getString("agency_code"),
                (Integer) rs.getObject("poll_minutes"), enabled, instant(rs, "last_polled_at"),
                instant(rs, "last_success_at"), lastItem, rs.getString("last_error"), instant(rs, "last_error_at"),
                rs.getInt("failures"), instant(rs, "next_poll_at"), Math.round(recent / 7.0 * 10) / 10.0, silent,
                rs.getBoolean("citizens"), rs.getBoolean("local"), silentHours);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    @Override
    @Transactional
    public Source addFeed(FeedForm form, Actor by) {
        List<InvalidInput> problems = new ArrayList<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new InvalidInput("name", "sources.error.name"));
        }
        URI uri = null;
        try {
            uri = new URI(form.url() == null ? "" : form.url().strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || form.url().length() > 2000) {
                problems.add(new InvalidInput("url", "sources.error.url"));
            }
        } catch (URISyntaxException e) {
            problems.add(new InvalidInput("url", "sources.error.url"));
        }
        String platform = form.platform() == null || form.platform().isBlank() ? "news" : form.platform();
        if (Platform.of(platform).isEmpty()) {
            problems.add(new InvalidInput("platform", "sources.error.platform"));
        }
        Long agencyId = null;
        if (form.agencyCode() == null || form.agencyCode().isBlank()) {
            problems.add(new InvalidInput("agencyCode", "sources.error.agency"));
        } else {
            agencyId = agencies.findByCode(form.agencyCode().strip(), LocalDate.ofInstant(clock.instant(), LocalTime.ZONE))
                    .map(a -> a.id().value()).orElse(null);
            if (agencyId == null) {
                problems.add(new InvalidInput("agencyCode", "sources.error.agency"));
            }
        }
        int poll = form.pollMinutes() == null ? DEFAULT_POLL_MINUTES : form.pollMinutes();
        if (poll < 5 || poll > 1440) {
            problems.add(new InvalidInput("pollMinutes", "sources.error.poll"));
        }
        int silent = form.silentHours() == null ? DEFAULT_SILENT_HOURS : form.silentHours();
        if (silent < 1 || silent > 24 * 30) {
            problems.add(new InvalidInput("silentHours", "sources.error.silent"));
        }
        String code = "rss-" + slug(name);
        if (problems.isEmpty() && jdbc.sql("SELECT count(*) FROM post_source WHERE code = ? OR url = ?")
                .params(code, uri.toString()).query(Long.class).single() > 0) {
            problems.add(new InvalidInput("url", "sources.error.exists"));
        }
        InvalidInput.throwIfAny(problems);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO post_source (code, kind, agency_id, created_at, name, url, platform, poll_minutes, enabled,
                                         next_poll_at, silent_hours)
                VALUES (?, 'RSS', ?, ?, ?, ?, ?, ?, TRUE, ?, ?) RETURNING id
                """).params(code, agencyId, Timestamp.from(now), name, uri.toString(), platform.toLowerCase(Locale.ROOT),
                poll, Timestamp.from(now), silent).query(Long.class).single();
        events.publishEvent(new FeedChanged(by, id, code, "added", uri.toString()));
        return find(id);
    }

    @Override
    @Transactional
    public Source change(long id, SourceChanges changes, Actor by) {
        Source source = find(id);
        boolean feed = "RSS".equals(source.kind());
        List<InvalidInput> problems = new ArrayList<>();
        String name = changes.name() == null ? "" : changes.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new InvalidInput("name", "sources.error.name"));
        }
        String url = source.url();
        if (feed) {
            String given = changes.url() == null ? "" : changes.url().strip();
            try {
                URI uri = new URI(given);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                        || given.length() > 2000) {
                    problems.add(new InvalidInput("url", "sources.error.url"));
                } else if (jdbc.sql("SELECT count(*) FROM post_source WHERE url = ? AND id <> ?").params(uri.toString(), id)
                        .query(Long.class).single() > 0) {
                    problems.add(new InvalidInput("url", "sources.error.exists"));
                } else {
                    url = uri.toString();
                }
            } catch (URISyntaxException e) {
                problems.add(new InvalidInput("url", "sources.error.url"));
            }
        }
        Long agencyId = null;
        if (changes.agencyCode() == null || changes.agencyCode().isBlank()) {
            // a feed answers to an agency, as when it was added; a file or push source may belong to none
            if (feed) {
                problems.add(new InvalidInput("agencyCode", "sources.error.agency"));
            }
        } else {
            agencyId = agencies.findByCode(changes.agencyCode().strip(), LocalDate.ofInstant(clock.instant(), LocalTime.ZONE))
                    .map(a -> a.id().value()).orElse(null);
            if (agencyId == null) {
                problems.add(new InvalidInput("agencyCode", "sources.error.agency"));
            }
        }
        Integer poll = source.pollMinutes();
        if (feed) {
            poll = changes.pollMinutes() == null ? DEFAULT_POLL_MINUTES : changes.pollMinutes();
            if (poll < 5 || poll > 1440) {
                problems.add(new InvalidInput("pollMinutes", "sources.error.poll"));
            }
        }
        int silent = changes.silentHours() == null ? DEFAULT_SILENT_HOURS : changes.silentHours();
        if (silent < 1 || silent > 24 * 30) {
            problems.add(new InvalidInput("silentHours", "sources.error.silent"));
        }
        InvalidInput.throwIfAny(problems);
        boolean moved = feed && !java.util.Objects.equals(url, source.url());
        if (moved) {
            // another address is another server: what the old one said (its ETag, its errors) says nothing of it
            jdbc.sql("""
                    UPDATE post_source SET etag = NULL, last_modified = NULL, failures = 0, last_error = NULL,
                                           last_error_at = NULL, next_poll_at = ? WHERE id = ?
                    """).params(Timestamp.from(clock.instant()), id).update();
        }
        jdbc.sql("UPDATE post_source SET name = ?, url = ?, agency_id = ?, poll_minutes = ?, silent_hours = ? WHERE id = ?")
                .params(name, url, agencyId, poll, silent, id).update();
        events.publishEvent(new FeedChanged(by, id, source.code(), "changed", moved ? url : null));
        return find(id);
    }

    static String slug(String name) {
        String folded = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return folded.isEmpty() ? "feed" : folded.length() > 80 ? folded.substring(0, 80) : folded;
    }

    @Override
    @Transactional
    public void setEnabled(long id, boolean enabled, Actor by) {
        Source source = find(id);
        jdbc.sql("UPDATE post_source SET enabled = ?, next_poll_at = ?, failures = 0 WHERE id = ?")
                .params(enabled, Timestamp.from(clock.instant()), id).update();
        events.publishEvent(new FeedChanged(by, id, source.code(), enabled ? "enabled" : "disabled", null));
    }

    /** What stored posts carry as their model version when their source's register changed: due for re-analysis. */
    static final String SOURCE_CHANGED = "source-changed";

    @Override
    @Transactional
    public long setCitizens(long id, boolean citizens, Actor by) {
        Source source = find(id);
        return source.citizens() == citizens ? 0 : mark(source, "citizens", citizens, by);
    }

    @Override
    @Transactional
    public long setLocal(long id, boolean local, Actor by) {
        Source source = find(id);
        return source.local() == local ? 0 : mark(source, "local", local, by);
    }

    /**
     * Sets one of a source's marks ({@code citizens}, {@code local}: a column of this class's choosing, never the
     * caller's text), makes its stored posts due for re-analysis, which reads and routes them again, and audits the
     * change ({@code source.local}, {@code source.not-local}, ...); how many posts became due.
     */
    private long mark(Source source, String column, boolean value, Actor by) {
        jdbc.sql("UPDATE post_source SET " + column + " = ? WHERE id = ?").params(value, source.id()).update();
        long due = jdbc.sql("UPDATE post SET model_version = ? WHERE source_id = ? AND model_version <> ?")
                .params(SOURCE_CHANGED, source.id(), SOURCE_CHANGED).update();
        events.publishEvent(new FeedChanged(by, source.id(), source.code(), (value ? "" : "not-") + column, null));
        return due;
    }

    /** The feeds whose time has come, the longest waiting first, at most {@code limit}. */
    List<Long> due(int limit) {
        return jdbc.sql("""
                SELECT id FROM post_source WHERE kind = 'RSS' AND enabled AND next_poll_at <= ? ORDER BY next_poll_at LIMIT ?
                """).params(Timestamp.from(clock.instant()), limit).query(Long.class).list();
    }

    @Override
    public PollResult poll(long id) {
        Source source = find(id);
        if (!"RSS".equals(source.kind())) {
            throw new InvalidInput("source", "sources.error.not-a-feed");
        }
        Map<String, String> state = jdbc.sql("SELECT etag, last_modified FROM post_source WHERE id = ?").param(id)
                .query(rs -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    rs.next();
                    values.put("etag", rs.getString(1));
                    values.put("last_modified", rs.getString(2));
                    return values;
                });
        Instant now = clock.instant();
        try {
            FeedFetcher.Fetched fetched = fetcher.fetch(new URI(source.url()), state.get("etag"), state.get("last_modified"));
            if (fetched.notModified()) {
                succeeded(id, now, null, null, false);
                return new PollResult("NOT_MODIFIED", 0, 0, 0, 0, null);
            }
            List<FeedReader.Item> items = reader.read(fetched.body(), fetched.contentType(), fetched.address(), now);
            PollResult result = store(source, items);
            succeeded(id, now, fetched.etag(), fetched.lastModified(), result.stored() > 0);
            return result;
        } catch (FeedException e) {
            return failed(source, now, e);
        } catch (URISyntaxException e) {
            return failed(source, now, new FeedException(FeedProblem.INVALID_ADDRESS, e.getMessage()));
        } catch (IOException e) {
            return failed(source, now, new FeedException(FeedProblem.NOT_STORED, e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** Sends the items through the import pipeline; items that cannot be taken in are quarantined with their reason. */
    private PollResult store(Source source, List<FeedReader.Item> items) throws IOException {
        StringBuilder file = new StringBuilder();
        List<long[]> refusedLines = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FeedReader.Item item = items.get(i);
            if (item.problem() != null) {
                refusedLines.add(new long[] {i + 1});
                reasons.add(item.problem());
                file.append('\n');
                continue;
            }
            Map<String, Object> post = new LinkedHashMap<>();
            post.put("source", source.code());
            post.put("platform", source.platform() == null ? "news" : source.platform());
            post.put("external_id", item.id().length() > 200 ? item.id().substring(0, 200) : item.id());
            post.put("url", item.url());
            post.put("author", item.author());
            post.put("published_at", item.publishedAt().toString());
            post.put("title", item.title() == null ? null : item.title().length() > 1000 ? item.title().substring(0, 1000) : item.title());
            post.put("text", item.text());
            file.append(json.writeValueAsString(post)).append('\n');
        }
        ImportSummary summary = importer.importFile("feed:" + source.code(),
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM,
                source.agencyCode() == null ? null : agencies.findByCode(source.agencyCode(),
                        LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).map(a -> a.id()).orElse(null));
        if (!refusedLines.isEmpty()) {
            Instant now = clock.instant();
            for (int i = 0; i < refusedLines.size(); i++) {
                jdbc.sql("INSERT INTO quarantined_line (import_id, line, reason, created_at) VALUES (?, ?, ?, ?)")
                        .params(summary.importId(), refusedLines.get(i)[0], reasons.get(i), Timestamp.from(now)).update();
            }
            jdbc.sql("UPDATE post_import SET read = read + ?, quarantined = quarantined + ? WHERE id = ?")
                    .params(refusedLines.size(), refusedLines.size(), summary.importId()).update();
        }
        return new PollResult("IMPORTED", summary.read() + refusedLines.size(), summary.stored(), summary.duplicates(),
                summary.quarantined().size() + refusedLines.size(), null);
    }

    private void succeeded(long id, Instant now, String etag, String lastModified, boolean newItems) {
        jdbc.sql("""
                UPDATE post_source SET last_polled_at = ?, last_success_at = ?, failures = 0,
                       next_poll_at = ?::timestamptz + make_interval(mins => poll_minutes),
                       etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),
                       last_item_at = CASE WHEN ? THEN ? ELSE last_item_at END
                WHERE id = ?
                """).params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), etag, lastModified, newItems,
                Timestamp.from(now), id).update();
    }

    private PollResult failed(Source source, Instant now, FeedException problem) {
        String error = problem.getMessage();
        int failures = source.failures() + 1;
        int poll = source.pollMinutes() == null ? DEFAULT_POLL_MINUTES : source.pollMinutes();
        Duration wait = Duration.ofMinutes((long) poll << Math.min(failures, 10));
        if (wait.compareTo(MAX_BACK_OFF) > 0) {
            wait = MAX_BACK_OFF;
        }
        String reason = error.length() > 1000 ? error.substring(0, 1000) : error;
        jdbc.sql("""
                UPDATE post_source SET last_polled_at = ?, last_error = ?, last_error_at = ?, failures = ?, next_poll_at = ?
                WHERE id = ?
                """).params(Timestamp.from(now), reason, Timestamp.from(now), failures, Timestamp.from(now.plus(wait)),
                source.id()).update();
        log.info("Feed " + source.code() + " failed (" + failures + " in a row, next try in " + wait + "): " + reason);
        return new PollResult("FAILED", 0, 0, 0, 0, reason);
    }
}

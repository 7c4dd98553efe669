package vn.loa.listening;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.shared.SearchText;

/**
 * The sources posts come from, and the RSS and Atom feeds Loa polls: added and switched on or off
 * by coordinators and administrators, each with an owner agency and its health.
 */
public interface FeedSources {

    /**
     * A source and its health.
     *
     * @param kind RSS, IMPORT, PUSH or MANUAL
     * @param lastSuccessAt a feed's last poll that succeeded, or the end of the last import that held lines of the
     *     source (a file, a push, a feed's poll); null when none has
     * @param postsPerDay posts published in the last 7 days, per day
     * @param silent whether it has brought nothing for longer than it should (its silence threshold, 48 hours by default)
     * @param citizens whether its posts are citizens' own (a residents' group, a local forum), as an administrator
     *     marked it: they read as citizens' comments, not as news, whatever the platform
     * @param local whether it is the province's own (its newspaper and broadcaster, their pages, its agencies' sites,
     *     its residents' groups), as an administrator marked it: its posts are about the province, and the routing
     *     rules route its news as they route citizens' comments
     */
    record Source(long id, String code, String name, String kind, String url, String platform, String agencyCode,
            Integer pollMinutes, boolean enabled, Instant lastPolledAt, Instant lastSuccessAt, Instant lastItemAt,
            String lastError, Instant lastErrorAt, int failures, Instant nextPollAt, double postsPerDay, boolean silent,
            boolean citizens, boolean local, int silentHours) {
    }

    /** What a new feed needs; the code is derived from the name when empty. */
    record FeedForm(String name, String url, String platform, String agencyCode, Integer pollMinutes, Integer silentHours) {
    }

    /**
     * What an edit changes of a source: its name, its agency and its silence threshold; for a feed also its address and
     * how often it is polled (null or blank for a file or push source, which has neither). Its code and platform stay:
     * its posts are stored and read under them.
     */
    record SourceChanges(String name, String url, String agencyCode, Integer pollMinutes, Integer silentHours) {
    }

    /**
     * What one poll of a feed did.
     *
     * @param status NOT_MODIFIED, IMPORTED or FAILED
     */
    record PollResult(String status, int read, int stored, int duplicates, int quarantined, String error) {
    }

    /** The health a source may be in, as the sources page filters them. */
    List<String> HEALTHS = List.of("ok", "failing", "silent", "off");

    /**
     * Which sources a page lists.
     *
     * @param text words of the source's name, address or code; empty for any
     * @param platform a {@link Platform}'s name in lower case; blank for any
     * @param health one of {@link #HEALTHS} (failing: its last polls failed; silent: nothing new for longer than its
     *     threshold; off: switched off; ok: none of these); blank for any
     */
    record SourceFilter(SearchText text, String platform, String health) {

        public SourceFilter {
            text = text == null ? new SearchText("") : text;
            platform = platform == null ? "" : platform.strip().toLowerCase(Locale.ROOT);
            health = health == null ? "" : health.strip();
            List<InvalidInput> problems = new java.util.ArrayList<>();
            if (!platform.isEmpty() && Platform.of(platform).isEmpty()) {
                problems.add(new InvalidInput("platform", "sources.error.platform"));
            }
            if (!health.isEmpty() && !HEALTHS.contains(health)) {
                problems.add(new InvalidInput("health", "sources.error.health"));
            }
            InvalidInput.throwIfAny(problems);
        }

        /** Every source. */
        public static SourceFilter none() {
            return new SourceFilter(null, null, null);
        }
    }

    /**
     * One import (a file, a push, a poll of a feed) and what became of its lines.
     *
     * @param finishedAt when it finished; null while it runs, and for ever when its process died
     * @param interruptedAt when a start of Loa found it unfinished, its process gone; null otherwise
     * @param read lines read; 0 for an interrupted import, whose process died before counting them (its
     *     {@code stored} and {@code quarantined} were counted when it was found interrupted)
     */
    record ImportRow(long id, String fileName, String actor, Instant startedAt, Instant finishedAt, int read, int stored,
            int duplicates, int quarantined, Instant interruptedAt) {

        /** running, finished or interrupted. */
        public String status() {
            return finishedAt != null ? "finished" : interruptedAt != null ? "interrupted" : "running";
        }

        /** feed (a feed's poll), push (posts pushed through the API) or file (a file imported, or posts recorded). */
        public String kind() {
            return fileName.startsWith("feed:") ? "feed" : fileName.startsWith("push:") ? "push" : "file";
        }
    }

    /** The kinds of import, see {@link ImportRow#kind()}. */
    List<String> IMPORT_KINDS = List.of("file", "feed", "push");

    /** What an import may have become, see {@link ImportRow#status()}. */
    List<String> IMPORT_STATUSES = List.of("running", "finished", "interrupted");

    /** Which imports a page lists: one of {@link #IMPORT_KINDS} and one of {@link #IMPORT_STATUSES}, blank for any. */
    record ImportFilter(String kind, String status) {

        public ImportFilter {
            kind = kind == null ? "" : kind.strip();
            status = status == null ? "" : status.strip();
            List<InvalidInput> problems = new java.util.ArrayList<>();
            if (!kind.isEmpty() && !IMPORT_KINDS.contains(kind)) {
                problems.add(new InvalidInput("kind", "imports.error.kind"));
            }
            if (!status.isEmpty() && !IMPORT_STATUSES.contains(status)) {
                problems.add(new InvalidInput("status", "imports.error.status"));
            }
            InvalidInput.throwIfAny(problems);
        }

        /** Every import. */
        public static ImportFilter none() {
            return new ImportFilter(null, null);
        }
    }

    /** A line or item that was quarantined, with its reason (its raw text is untrusted). */
    record QuarantineRow(long line, String reason, String raw) {
    }

    /**
     * Ingest health: the new posts received in the last hour and the last day (stored by imports that finished then,
     * whenever they were published), the lines quarantined in the last day, and the imports running.
     */
    record Throughput(long postsLastHour, long postsLastDay, long quarantinedLastDay, long importsRunning) {
    }

    /** Every source; pages list them a page at a time with {@link #list}. */
    List<Source> all();

    /** A page of the sources the filter keeps: feeds first, then by code. */
    Page<Source> list(SourceFilter filter, PageRequest page);

    /**
     * A page of the imports the filter keeps, newest first. Imports are counted up to ten thousand past the page
     * ({@link Page#totalAtLeast()}): feeds polled every few minutes add hundreds of thousands a year.
     */
    Page<ImportRow> imports(ImportFilter filter, PageRequest page);

    /** The import with that id; {@link vn.loa.shared.NotFound} when there is none. */
    ImportRow importRow(long id);

    /** The quarantined lines of an import, the first thousand. */
    List<QuarantineRow> quarantined(long importId);

    /** A page of the quarantined lines of an import, by line. */
    Page<QuarantineRow> quarantined(long importId, PageRequest page);

    Throughput throughput();

    Source find(long id);

    /** Adds a feed, refusing every wrong field at once. */
    Source addFeed(FeedForm form, Actor by);

    /**
     * Changes a source's name, agency and silence threshold, and a feed's address and polling; refuses what is not valid
     * field by field ({@link vn.loa.shared.InvalidInput}). A feed given a new address is polled afresh, at once.
     */
    Source change(long id, SourceChanges changes, Actor by);

    void setEnabled(long id, boolean enabled, Actor by);

    /**
     * Marks a source as citizens' own posts, or not. The posts it holds are then due for re-analysis
     * ({@link PostReanalysis}), which reads their register again; the new posts read so from now on.
     *
     * @return how many of its posts became due (0 when nothing changed)
     */
    long setCitizens(long id, boolean citizens, Actor by);

    /**
     * Marks a source as the province's own, or not. The posts it holds are then due for re-analysis
     * ({@link PostReanalysis}), which routes them again; the new posts are routed so from now on.
     *
     * @return how many of its posts became due (0 when nothing changed)
     */
    long setLocal(long id, boolean local, Actor by);

    /** Polls a feed now, whatever its schedule. */
    PollResult poll(long id);
}

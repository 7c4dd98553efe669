package vn.loa.listening;

import java.time.Instant;
import java.util.List;
import vn.loa.shared.Actor;

/**
 * The sources posts come from, and the RSS and Atom feeds Loa polls: added and switched on or off
 * by coordinators and administrators, each with an owner agency and its health.
 */
public interface FeedSources {

    /**
     * A source and its health.
     *
     * @param kind RSS, IMPORT, PUSH or MANUAL
     * @param postsPerDay posts published in the last 7 days, per day
     * @param silent whether it has brought nothing for longer than it should (its silence threshold, 48 hours by default)
     */
    record Source(long id, String code, String name, String kind, String url, String platform, String agencyCode,
            Integer pollMinutes, boolean enabled, Instant lastPolledAt, Instant lastSuccessAt, Instant lastItemAt,
            String lastError, Instant lastErrorAt, int failures, Instant nextPollAt, double postsPerDay, boolean silent) {
    }

    /** What a new feed needs; the code is derived from the name when empty. */
    record FeedForm(String name, String url, String platform, String agencyCode, Integer pollMinutes, Integer silentHours) {
    }

    /**
     * What one poll of a feed did.
     *
     * @param status NOT_MODIFIED, IMPORTED or FAILED
     */
    record PollResult(String status, int read, int stored, int duplicates, int quarantined, String error) {
    }

    /** One import (a file, a push, a poll of a feed) and what became of its lines. */
    record ImportRow(long id, String fileName, String actor, Instant startedAt, Instant finishedAt, int read, int stored,
            int duplicates, int quarantined) {
    }

    /** A line or item that was quarantined, with its reason (its raw text is untrusted). */
    record QuarantineRow(long line, String reason, String raw) {
    }

    /** Ingest health: what came in during the last hour and the last day, and what waits to be indexed. */
    record Throughput(long postsLastHour, long postsLastDay, long quarantinedLastDay, long importsRunning) {
    }

    List<Source> all();

    /** The latest imports, newest first. */
    List<ImportRow> recentImports(int limit);

    /** The quarantined lines of an import. */
    List<QuarantineRow> quarantined(long importId);

    Throughput throughput();

    Source find(long id);

    /** Adds a feed, refusing every wrong field at once. */
    Source addFeed(FeedForm form, Actor by);

    void setEnabled(long id, boolean enabled, Actor by);

    /** Polls a feed now, whatever its schedule. */
    PollResult poll(long id);
}

package vn.loa.shared;

import java.time.Instant;

/**
 * Published once the database has been replaced by a backup ({@code bin/loa restore}), after the restore has committed,
 * for the audit trail to record it.
 *
 * @param by who restored it
 * @param file the backup file's name, as given
 * @param sha256 the backup file's SHA-256, in hex
 * @param takenAt when the backup was taken
 * @param rows how many rows it brought back, over every table
 */
public record DatabaseRestored(Actor by, String file, String sha256, Instant takenAt, long rows) {
}

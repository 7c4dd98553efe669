package vn.loa.listening;

import java.util.List;

/**
 * What became of an imported file.
 *
 * @param importId the import's id
 * @param read the lines (JSONL) or records (CSV) read
 * @param stored the posts stored
 * @param duplicates the posts seen before: the same source and external id, or the same author repeating a long
 *     text on the same source (identical texts from other people are stored, as reposts)
 * @param quarantined every line refused, with its number and reason
 */
public record ImportSummary(long importId, int read, int stored, int duplicates, List<QuarantinedLine> quarantined) {

    public ImportSummary {
        quarantined = List.copyOf(quarantined);
    }

    /**
     * A line refused by the import; the rest of the file went on.
     *
     * @param line the line number in the file, from 1
     * @param reason why, in English, naming the field
     */
    public record QuarantinedLine(long line, String reason) {
    }
}

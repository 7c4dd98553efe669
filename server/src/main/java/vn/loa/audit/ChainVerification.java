package vn.loa.audit;

import java.util.Optional;

/**
 * The outcome of checking the audit hash chain.
 *
 * @param recordsChecked how many records were read
 * @param firstBrokenRecord the id of the first record whose hash or link does not match, if any
 * @param reason why that record is broken, empty when the chain is intact
 */
public record ChainVerification(long recordsChecked, Optional<Long> firstBrokenRecord, String reason) {

    /** The reason when a record's link to the one before does not match: a record was removed or altered. */
    public static final String LINK_BROKEN = "previous-hash link does not match the record before (a record was removed or altered)";

    /** The reason when a record's content does not match its hash: it was changed. */
    public static final String CONTENT_CHANGED = "content does not match its hash (the record was changed)";

    /** The message key that says, in the reader's language, why the first broken record is broken. */
    public String reasonKey() {
        return LINK_BROKEN.equals(reason) ? "audit.broken.link" : "audit.broken.content";
    }

    /** Whether every record's hash and link matched. */
    public boolean intact() {
        return firstBrokenRecord.isEmpty();
    }
}

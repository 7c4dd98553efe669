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

    /** Whether every record's hash and link matched. */
    public boolean intact() {
        return firstBrokenRecord.isEmpty();
    }
}

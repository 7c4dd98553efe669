package vn.loa.misinformation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * Evidence for the police: snapshots of a case's posts (text, metadata, source address, capture time
 * and who captured it) with a SHA-256 per item, taken at intake and on demand, never changed; and
 * the evidence package, a ZIP that its recipient can verify without Loa, holding those snapshots with
 * every file attached to the case and every verification note.
 */
public interface Evidence {

    /** One snapshot. */
    record Item(long id, long caseId, long postId, Instant capturedAt, String capturedBy, String sha256, int size) {
    }

    /**
     * What checking a package found.
     *
     * @param items how many snapshots of posts the manifest lists
     * @param attachments how many attached files it lists
     * @param notes how many verification notes it lists
     * @param problems what does not match, one line each (empty when intact)
     * @param manifestSha256 the SHA-256 of the manifest, as the audit trail recorded it when the package was made
     */
    record Verification(boolean intact, long caseId, int items, int attachments, int notes, List<String> problems,
            String manifestSha256) {
    }

    List<Item> items(long caseId, SignedInUser user);

    /** Captures every post of the case again, as it is stored now. */
    List<Item> capture(long caseId, SignedInUser user);

    /** Writes the case's evidence package (ZIP) and records it in the audit trail. */
    void writePackage(long caseId, SignedInUser user, OutputStream out) throws IOException;

    /**
     * Checks a package: every file's bytes against the manifest and {@code SHA256SUMS}, every item's hash against
     * the one Loa recorded when it was captured and every attachment's against the one recorded when it was attached;
     * a file the manifest does not list is a problem too. A package that is not a Loa package is refused
     * ({@link vn.loa.shared.InvalidInput}).
     */
    Verification verify(InputStream zip) throws IOException;
}

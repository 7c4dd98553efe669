package vn.loa.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A short mark of what a page showed of a record (its texts, in order), sent back with the page's form so that a save
 * from a page opened before someone else's change is refused instead of writing over it: the first 12 bytes of the
 * SHA-256 of the texts joined by NUL, in hex. A null text counts as "null".
 */
public final class SeenMark {

    private SeenMark() {
    }

    /** The mark of the texts. */
    public static String of(String... texts) {
        String joined = String.join("\u0000", Arrays.stream(texts).map(String::valueOf).toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)),
                    0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

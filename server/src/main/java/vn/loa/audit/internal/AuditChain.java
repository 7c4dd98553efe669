package vn.loa.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * How a record's hash is computed: SHA-256 over the previous hash and each field, each field
 * length-prefixed so that no two different records share an input.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String previousHash, long id, Instant occurredAt, String actor, String agencyCode,
            String action, String targetType, String targetId, String details) {
        MessageDigest digest = sha256();
        for (String field : new String[] {previousHash, Long.toString(id), occurredAt.toString(), actor, agencyCode,
                action, targetType, targetId, details}) {
            if (field == null) {
                digest.update((byte) 0);
                continue;
            }
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            digest.update((byte) 1);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

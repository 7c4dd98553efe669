package vn.loa.identity;

import java.time.Instant;
import vn.loa.shared.AgencyId;

/**
 * A machine client's credential, scoped to one agency. The secret is never stored, only its hash.
 *
 * @param id the token's id
 * @param name what it is for, e.g. the connector's name
 * @param prefix the public first part of the token, to recognise it
 * @param agency the agency it acts for
 * @param createdAt when it was issued
 * @param lastUsedAt when it was last used, may be null
 * @param revokedAt when it was revoked, null while valid
 */
public record ApiToken(long id, String name, String prefix, AgencyId agency, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {

    /** Whether the token is still accepted. */
    public boolean active() {
        return revokedAt == null;
    }
}

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
 * @param expiresOn the last day it is accepted (Vietnam's day); null for a token issued before tokens expired
 * @param readOnly whether it may only read (GET): any other call is refused
 * @param areas the parts of the API it may call; empty for every part (as tokens issued before areas existed)
 */
public record ApiToken(long id, String name, String prefix, AgencyId agency, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt, java.time.LocalDate expiresOn, boolean readOnly, java.util.Set<ApiArea> areas) {

    public ApiToken {
        areas = areas.isEmpty() ? java.util.Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(areas));
    }

    /** Whether it may call every part of the API. */
    public boolean everyArea() {
        return areas.isEmpty();
    }

    /** Whether the token has not been revoked (it may still have expired: {@link #expiredOn}). */
    public boolean active() {
        return revokedAt == null;
    }

    /** Whether its last day is before {@code today}: it is refused, as a revoked one is. */
    public boolean expiredOn(java.time.LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }
}

package vn.loa.identity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** Something that happened to an account, an agency or a token. Every one is audited. */
public sealed interface IdentityEvent extends AuditableEvent {

    /**
     * Whether the event may have ended a unit with a successor of the day: a succession recorded, an import of units or
     * an end date saved. Modules that hold work under a unit's code pass it on when one did.
     */
    default boolean mayHaveEndedAnAgency() {
        return this instanceof AgencySucceeded || this instanceof AgenciesImported
                || this instanceof AgencyUpdated updated && updated.changes().containsKey("validTo");
    }

    /** An account was created. */
    record UserCreated(Actor by, long userId, String username, Set<Role> roles, String agencyCode)
            implements IdentityEvent {
        public AuditEntry auditEntry() {
            return entry(by, "user.created", "user", userId,
                    details("username", username, "roles", new TreeSet<>(roles).toString(), "agency", agencyCode));
        }
    }

    /** An account's name, e-mail, roles or agency changed. */
    record UserUpdated(Actor by, long userId, String username, Map<String, String> changes) implements IdentityEvent {
        public AuditEntry auditEntry() {
            Map<String, Object> details = new LinkedHashMap<>(changes);
            details.put("username", username);
            return entry(by, "user.updated", "user", userId, details);
        }
    }

    /** An account was disabled: it can no longer sign in. */
    record UserDisabled(Actor by, long userId, String username) implements IdentityEvent {
        public AuditEntry auditEntry() {
            return entry(by, "user.disabled", "user", userId, details("username", username));
        }
    }

    /** An account was enabled again, and any lock-out cleared. */
    record UserEnabled(Actor by, long userId, String username) implements IdentityEvent {
        public AuditEntry auditEntry() {
            return entry(by, "user.enabled", "user", userId, details("username", username));
        }
    }

    /** An administrator set a new temporary password (the password itself is never recorded). */
    record PasswordReset(Actor by, long userId, String username) implements IdentityEvent {
        public AuditEntry auditEntry() {
            return entry(by, "user.password-reset", "user", userId, details("username", username));
        }
    }

    /** A user changed their own password. */
    record PasswordChanged(Actor by, long userId) implements IdentityEvent {
        public AuditEntry auditEntry() {
            return entry(by, "user.password-changed", "user", userId, Map.of());
        }
    }

    /** A user signed in. */
    record UserSignedIn(Actor by, long userId, String remoteAddress) implements IdentityEvent {
        public AuditEntry auditEntry() {
            return entry(by, "user.signed-in", "user", userId, details("remoteAddress", remoteAddress));
        }
    }

    /** A sign-in failed: wrong password, unknown user, disabled or locked account. */
    record SignInFailed(String attemptedUsername, String reason, String remoteAddress) implements IdentityEvent {
        public AuditEntry auditEntry() {
            String actor = attemptedUsername == null || attemptedUsername.isBlank() ? "(blank)" : attemptedUsername;
            return new AuditEntry(actor, null, "user.sign-in-failed", "user", null,
                    details("reason", reason, "remoteAddress", remoteAddress));
        }
    }

    /** An account was locked after too many failed sign-ins. */
    record UserLockedOut(long userId, String username, int failedAttempts, String until) implements IdentityEvent {
        public AuditEntry auditEntry() {
            return new AuditEntry("system", null, "user.locked-out", "user", Long.toString(userId),
                    details("username", username, "failedAttempts", failedAttempts, "until", until));
        }
    }

    /** An agency was created (or imported). */
    record AgencyCreated(Actor by, long agencyId, String code, String name, LocalDate validFrom) implements IdentityEvent {
        public AuditEntry auditEntry() {
            return entry(by, "agency.created", "agency", agencyId,
                    details("code", code, "name", name, "validFrom", validFrom.toString()));
        }
    }

    /** An agency's data changed. */
    record AgencyUpdated(Actor by, long agencyId, String code, Map<String, String> changes) implements IdentityEvent {
        public AuditEntry auditEntry() {
            Map<String, Object> details = new LinkedHashMap<>(changes);
            details.put("code", code);
            return entry(by, "agency.updated", "agency", agencyId, details);
        }
    }

    /** One unit took over from another. */
    record AgencySucceeded(Actor by, long predecessorId, long successorId, LocalDate effectiveOn)
            implements IdentityEvent {
        public AuditEntry auditEntry() {
            return entry(by, "agency.succeeded", "agency", predecessorId,
                    details("successor", successorId, "effectiveOn", effectiveOn.toString()));
        }
    }

    /** A commune's flags for campaigns' audiences changed. */
    record CommuneProfileUpdated(Actor by, long agencyId, String code, Map<String, String> changes) implements IdentityEvent {
        public AuditEntry auditEntry() {
            Map<String, Object> details = new LinkedHashMap<>(changes);
            details.put("code", code);
            return entry(by, "commune-profile.updated", "agency", agencyId, details);
        }
    }

    /** A file of commune profiles was imported. */
    record CommuneProfilesImported(Actor by, String file, int profiles) implements IdentityEvent {
        public AuditEntry auditEntry() {
            return new AuditEntry(by.username(), by.agencyCode(), "commune-profile.imported", "commune-profile-file", file,
                    details("profiles", profiles));
        }
    }

    /** A file of agencies and successions was imported. */
    record AgenciesImported(Actor by, String file, int units, int successions) implements IdentityEvent {
        public AuditEntry auditEntry() {
            return new AuditEntry(by.username(), by.agencyCode(), "agency.imported", "agency-file", file,
                    details("units", units, "successions", successions));
        }
    }

    /** An API token was issued (the secret itself is never recorded). */
    record ApiTokenIssued(Actor by, long tokenId, String name, String agencyCode, boolean readOnly, String areas)
            implements IdentityEvent {
        public AuditEntry auditEntry() {
            return entry(by, "api-token.issued", "api-token", tokenId, details("name", name, "agency", agencyCode,
                    "readOnly", readOnly, "areas", areas));
        }
    }

    /** An API token was revoked. */
    record ApiTokenRevoked(Actor by, long tokenId, String name) implements IdentityEvent {
        public AuditEntry auditEntry() {
            return entry(by, "api-token.revoked", "api-token", tokenId, details("name", name));
        }
    }

    private static AuditEntry entry(Actor by, String action, String type, long id, Map<String, Object> details) {
        return new AuditEntry(by.username(), by.agencyCode(), action, type, Long.toString(id), details);
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return details;
    }
}

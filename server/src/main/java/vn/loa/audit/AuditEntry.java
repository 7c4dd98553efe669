package vn.loa.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one audit record says: who did what to which target, with details.
 *
 * @param actor the user name (or "system", or an attempted user name for a failed sign-in); must not be blank
 * @param agencyCode the actor's agency code, may be null
 * @param action the action, a dotted verb such as {@code user.created}; must not be blank
 * @param targetType the kind of thing acted on, may be null
 * @param targetId the id of the thing acted on, may be null
 * @param details further facts, serialised as JSON; may be null, and a detail whose value is null is left out
 */
public record AuditEntry(String actor, String agencyCode, String action, String targetType, String targetId,
        Map<String, Object> details) {

    public AuditEntry {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("audit entry needs an actor");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("audit entry needs an action");
        }
        actor = actor.length() > 100 ? actor.substring(0, 100) : actor;
        // a detail that does not apply (a province-wide rule's agency) is left out rather than refused
        Map<String, Object> known = new LinkedHashMap<>();
        Objects.requireNonNullElse(details, Map.<String, Object>of()).forEach((name, value) -> {
            if (name != null && value != null) {
                known.put(name, value);
            }
        });
        details = Collections.unmodifiableMap(known);
    }
}

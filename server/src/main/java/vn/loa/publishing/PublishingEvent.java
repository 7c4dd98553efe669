package vn.loa.publishing;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** What happened in publishing. Every one is audited, in the transaction of the change. */
public sealed interface PublishingEvent extends AuditableEvent {

    /** A publication was put in the outbox, with one delivery per recipient. */
    record PublicationEnqueued(Actor by, long publicationId, String agencyCode, Channel channel, String source,
            int deliveries, boolean emergency) implements PublishingEvent {
        public AuditEntry auditEntry() {
            return entry(by, "publication.enqueued", "publication", publicationId, details("agency", agencyCode,
                    "channel", channel.name(), "source", source, "deliveries", deliveries, "emergency", emergency));
        }
    }

    /** What had not gone out of a publication was withdrawn. */
    record PublicationWithdrawn(Actor by, long publicationId, String agencyCode, int withdrawn, String reason)
            implements PublishingEvent {
        public AuditEntry auditEntry() {
            return entry(by, "publication.withdrawn", "publication", publicationId, details("agency", agencyCode,
                    "deliveries", withdrawn, "reason", reason));
        }
    }

    /** A delivery was given up after its last attempt. */
    record DeliveryFailed(long deliveryId, long publicationId, Channel channel, int attempts) implements PublishingEvent {
        public AuditEntry auditEntry() {
            return entry(Actor.SYSTEM, "delivery.failed", "delivery", deliveryId, details("publication", publicationId,
                    "channel", channel.name(), "attempts", attempts));
        }
    }

    /** A commune confirmed that a broadcast (loudspeakers) or a display (billboards) took place. */
    record BroadcastConfirmed(Actor by, long broadcastId, String communeCode, Channel channel)
            implements PublishingEvent {
        public AuditEntry auditEntry() {
            return entry(by, "broadcast.confirmed", "broadcast", broadcastId, details("agency", communeCode,
                    "channel", channel.name()));
        }
    }

    /** A loudspeaker station or a billboard was added to a commune's network, or ended. */
    record StationChanged(Actor by, String action, long stationId, String communeCode, Channel kind)
            implements PublishingEvent {
        public AuditEntry auditEntry() {
            return entry(by, action, "station", stationId, details("agency", communeCode, "channel", kind.name()));
        }
    }

    /** The local simulator of a channel was switched down or up. */
    record SimulatorSwitched(Actor by, Channel channel, boolean down) implements PublishingEvent {
        public AuditEntry auditEntry() {
            return new AuditEntry(by.username(), by.agencyCode(), "simulator.switched", "simulator", channel.name(),
                    details("down", down));
        }
    }

    private static AuditEntry entry(Actor by, String action, String type, long id, Map<String, Object> details) {
        return new AuditEntry(by.username(), by.agencyCode(), action, type, String.valueOf(id), details);
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

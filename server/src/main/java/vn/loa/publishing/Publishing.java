package vn.loa.publishing;

import java.time.Instant;
import java.util.List;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Actor;

/**
 * Publishes approved messages through the channels, with an outbox: {@link #enqueue} writes the publication and one
 * delivery per recipient in the caller's transaction, and a worker delivers them with retries and back-off, so a
 * channel that is down loses nothing and a restart sends nothing twice.
 */
public interface Publishing {

    /**
     * Records a publication for delivery. Must be called in the caller's transaction (the outbox): when that rolls
     * back, nothing is published.
     *
     * @return the publication's id
     * @throws vn.loa.shared.InvalidInput naming the field at fault (e.g. {@code body} too long for the channel)
     */
    long enqueue(Publication publication, Actor by);

    /** Withdraws what has not gone out yet; what went out stays in the log. */
    void withdraw(long publicationId, String reason, Actor by);

    /** The publications made for a source reference (e.g. one message version), newest first. */
    List<PublicationRecord> bySource(String source);

    /**
     * Whether a message sent on the channel now reaches a person: not when the channel's adapter is the simulator or
     * its server is not set up (e-mail without SMTP).
     */
    boolean reachesPeople(Channel channel);

    /** The delivery log of one publication: one row per recipient and attempt outcome. */
    List<Delivery> deliveries(long publicationId, SignedInUser user);

    /** Per commune, the channels that reached it for a campaign reference (confirmed broadcasts, billboards shown). */
    List<CommuneReach> reach(String campaign);

    /**
     * Delivers what is due now: claims due deliveries (emergencies first), sends each through its channel's adapter
     * with its idempotency key, and records the outcome or schedules the next attempt. The scheduled worker calls it
     * every few seconds; a test or a demo may call it directly.
     *
     * @return how many deliveries were attempted
     */
    int deliverDue();

    /** The publications the user may see (their agency's; coordinators, leaders and administrators all), newest first. */
    List<PublicationRecord> recent(boolean emergencyOnly, int limit, SignedInUser user);

    /** One publication the user may see, or {@link vn.loa.shared.NotFound}. */
    PublicationRecord get(long publicationId, SignedInUser user);

    /** The log of a publication's attempts and changes, oldest first. */
    List<LogEntry> log(long publicationId, SignedInUser user);

    /** The log of emergency publications' deliveries that the user may see, newest first. */
    List<LogEntry> emergencyLog(int limit, SignedInUser user);

    /** One line of the delivery log; its detail is shown in the reader's language ({@link DeliveryDetail#shown}). */
    record LogEntry(long id, long publicationId, long deliveryId, Channel channel, String recipient, Instant at,
            int attempt, DeliveryStatus status, DeliveryDetail detail, boolean emergency) {
    }

    /**
     * A publication as recorded, with its deliveries counted by status; {@code missed} are the loudspeaker and
     * billboard packages no commune confirmed by their first slot and the grace period (still open to a late
     * confirmation, but no longer waiting), and {@code pending} the others still waiting.
     */
    record PublicationRecord(long id, String source, String campaign, Channel channel, String language, String title,
            Instant publishAt, boolean emergency, int recipients, int sent, int simulated, int confirmed, int failed,
            int pending, int missed, boolean withdrawn) {
    }

    /** One delivery to one recipient; its detail is its last attempt's, shown in the reader's language. */
    record Delivery(long id, String recipient, DeliveryStatus status, int attempts, Instant lastAttemptAt,
            Instant nextAttemptAt, DeliveryDetail detail) {
    }

    /** What reached one commune. */
    record CommuneReach(String communeCode, List<Channel> channels, Instant lastConfirmedAt) {
    }

    /**
     * What went out over a period, for the agencies the user may see (periodic reports count with it): publications due
     * from {@code from} to {@code to} (days included) and not withdrawn; their deliveries sent, simulated or confirmed, by
     * channel (most first); loudspeaker and billboard broadcasts the communes confirmed in the period.
     */
    record PeriodFigures(long publications, java.util.Map<String, Long> deliveries, long broadcastsConfirmed) {
    }

    PeriodFigures figures(java.time.LocalDate from, java.time.LocalDate to, SignedInUser user);
}

package vn.loa.publishing;

import java.util.List;
import java.util.Set;

/**
 * Sends one delivery on a channel. An adapter is a Spring bean; {@code loa.publishing.<channel>.provider} names the
 * adapter that serves a channel (see docs/publishing-providers.md). The idempotency key is the same on every attempt
 * of a delivery: a provider that receives it twice must act once.
 */
public interface ChannelAdapter {

    /** The name the configuration chooses it by (e.g. {@code simulator}, {@code http}, {@code smtp}). */
    String name();

    /** The channels it can serve. */
    Set<Channel> channels();

    /**
     * Sends; returns how it went (SENT or SIMULATED) or throws when the channel failed (the outbox retries).
     *
     * @throws Exception the reason the attempt failed, kept in the delivery log (never with a secret)
     */
    Outcome send(Message message) throws Exception;

    /** What to send to one recipient. */
    record Message(String idempotencyKey, long publicationId, Channel channel, String recipient, String language,
            String title, String body, List<Publication.Attachment> attachments, boolean emergency) {
    }

    /** How an attempt went. */
    record Outcome(DeliveryStatus status, String detail) {
    }
}

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
     * Whether what it sends on the channel reaches a person: false for a simulator, or for a channel whose server is
     * not set up (so that a page does not say a code was sent when it cannot arrive).
     */
    default boolean reachesPeople(Channel channel) {
        return true;
    }

    /**
     * Sends; returns how it went (SENT or SIMULATED) or throws when the channel failed (the outbox retries).
     *
     * @throws Failure the reason the attempt failed, in Loa's words (shown in the reader's language)
     * @throws Exception the reason the attempt failed, from outside (a provider's or a library's words, kept in the
     *     delivery log as text, never with a secret)
     */
    Outcome send(Message message) throws Exception;

    /** What to send to one recipient. */
    record Message(String idempotencyKey, long publicationId, Channel channel, String recipient, String language,
            String title, String body, List<Publication.Attachment> attachments, boolean emergency) {
    }

    /** How an attempt went, and what the delivery log says of it. */
    record Outcome(DeliveryStatus status, DeliveryDetail detail) {

        public Outcome {
            if (status == null || detail == null) {
                throw new IllegalArgumentException("an outcome needs a status and a detail: " + status + ", " + detail);
            }
        }

        /** How it went, in a provider's own words (shown as they are). */
        public Outcome(DeliveryStatus status, String text) {
            this(status, DeliveryDetail.text(text));
        }
    }

    /**
     * An attempt failed for a reason Loa tells in its own words: a message key of the bundles
     * ({@code publishing.detail.*}) and its arguments (an address, a status, a setting's name; never a secret).
     */
    final class Failure extends Exception {

        private final transient DeliveryDetail detail;

        public Failure(String key, Object... arguments) {
            super(key + " " + java.util.Arrays.toString(arguments));
            this.detail = DeliveryDetail.of(key, arguments);
        }

        /** The reason, for the delivery log. */
        public DeliveryDetail detail() {
            return detail;
        }
    }
}

package vn.loa.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.loa.identity.SignedInUser;

/**
 * The local simulator behind SMS, Zalo and Facebook when no real provider is configured: it records what it received
 * (once per idempotency key) and reaches nobody, so its deliveries are {@link DeliveryStatus#SIMULATED}, never sent. It
 * can be switched "down" (by configuration or by an administrator or coordinator) to show the outbox's retries.
 */
public interface DeliverySimulator {

    /** One message the simulator received. */
    record Received(long id, Channel channel, String idempotencyKey, String recipient, String title, String body,
            Instant receivedAt) {
    }

    /** What it received, newest first. */
    List<Received> inbox(int limit);

    /** Whether each simulated channel is down now. */
    Map<Channel, Boolean> down();

    /** Switches a simulated channel down or up; administrators and coordinators only. */
    void switchDown(Channel channel, boolean down, SignedInUser by);
}

package vn.loa.campaigns;

import java.time.Instant;

/** One step of a message's approval: who took it and when; an emergency step carries its reason. */
public record Step(long id, long messageId, String action, MessageStatus from, MessageStatus to, String actor,
        Instant at, String reason, boolean emergency) {
}

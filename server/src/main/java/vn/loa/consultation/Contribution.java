package vn.loa.consultation;

import java.time.Instant;

/**
 * A contribution to a consultation: a citizen's verified comment, an organisation's official opinion, or an imported
 * one.
 *
 * @param unitId the part of the draft it is about, null for the whole draft
 * @param unitKey that part's key ({@code a10}), null for the whole draft
 * @param unitLabel how the draft labels it ("Điều 10."), null for the whole draft
 * @param heldFor why moderation held it (TOXIC, LINK, PHONE, comma-separated), null when not held
 * @param offTopic whether an officer marked it as not about the draft ("ngoài phạm vi dự thảo"): it stays recorded and
 *        is left out of the theme groups and the per-article counts; the synthesis report lists it apart
 * @param offTopicNote the officer's short note on why, null when none
 * @param offTopicBy who last marked or unmarked it, null when nobody did
 * @param version one more with every change (moderation, off-topic mark): a step taken from a page names the version
 *        it showed
 */
public record Contribution(long id, long consultationId, Long unitId, String unitKey, String unitLabel, Kind kind,
        String authorName, String organisation, String contactKind, String contact, boolean verified, String body,
        String sentiment, String attachmentName, ContributionSource source, ContributionStatus status, String heldFor,
        String moderationReason, String moderatedBy, Instant moderatedAt, Instant receivedAt, String reference,
        boolean offTopic, String offTopicNote, String offTopicBy, Instant offTopicAt, int version) {

    /** The day it was received, in Vietnam. */
    public java.time.LocalDate receivedOn() {
        return java.time.LocalDate.ofInstant(receivedAt, vn.loa.shared.LocalTime.ZONE);
    }

    /** Who contributes. */
    public enum Kind {
        CITIZEN, ORGANISATION
    }
}

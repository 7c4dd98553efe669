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
 */
public record Contribution(long id, long consultationId, Long unitId, String unitKey, String unitLabel, Kind kind,
        String authorName, String organisation, String contactKind, String contact, boolean verified, String body,
        String sentiment, String attachmentName, ContributionSource source, ContributionStatus status, String heldFor,
        String moderationReason, String moderatedBy, Instant moderatedAt, Instant receivedAt, String reference) {

    /** The day it was received, in Vietnam. */
    public java.time.LocalDate receivedOn() {
        return java.time.LocalDate.ofInstant(receivedAt, vn.loa.shared.LocalTime.ZONE);
    }

    /** Who contributes. */
    public enum Kind {
        CITIZEN, ORGANISATION
    }
}

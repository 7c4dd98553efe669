package vn.loa.campaigns;

import java.time.Instant;

/**
 * A message of a campaign, written once and adapted per channel.
 *
 * @param emergency why it may take the shortened path, null for an ordinary message
 * @param approvedBy who approved it, null before
 * @param publishAt when it is to be published, null before it is scheduled
 */
public record Message(long id, long campaignId, String agencyCode, String title, String body, Emergency emergency,
        MessageStatus status, String author, String approvedBy, Instant publishAt, Instant publishedAt,
        Instant createdAt) {
}

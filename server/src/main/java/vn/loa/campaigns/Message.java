package vn.loa.campaigns;

import java.time.Instant;

/**
 * A message of a campaign, written once and adapted per channel.
 *
 * @param emergency why it may take the shortened path, null for an ordinary message
 * @param approvedBy who approved it, null before
 * @param publishAt when it was scheduled to be published (never before the minute it was scheduled in), null before
 *        it is scheduled
 * @param publishedAt when it really was handed to publishing, null before
 */
public record Message(long id, long campaignId, String agencyCode, String title, String body, Emergency emergency,
        MessageStatus status, String author, String approvedBy, Instant publishAt, Instant publishedAt,
        Instant createdAt) {
}

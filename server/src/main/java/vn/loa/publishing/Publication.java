package vn.loa.publishing;

import java.time.Instant;
import java.util.List;
import vn.loa.shared.AgencyId;

/**
 * One version of a message to publish on one channel. The caller (campaigns) has approved it; publishing delivers it
 * at {@code publishAt} (now when in the past) to every recipient of the channel.
 *
 * @param source who asks, as an opaque reference the caller can look up again (e.g. {@code message-version:42})
 * @param campaign the campaign it belongs to, as an opaque reference (e.g. {@code campaign:7}), for reach per
 *        campaign; may be null
 * @param policy the policy it communicates, as a short label shown on the portal (per policy); may be null
 * @param agency the agency that publishes it
 * @param channel where it goes
 * @param language {@code vi}, {@code cjm} (Chăm) or {@code roc} (Raglai)
 * @param title a title (portal, e-mail subject, billboard heading); may be null for SMS
 * @param body the text: plain text, or for the portal sanitised HTML
 * @param communes commune codes it is meant for (loudspeakers, billboards, the portal per commune); empty for all
 *        of the province's communes
 * @param recipients addresses for e-mail, phone numbers for SMS, ids for Zalo; empty for the channel's default list
 * @param attachments files that go with it (the loudspeaker's audio, a leaflet)
 * @param publishAt when to publish
 * @param emergency an emergency message (disaster, outbreak): delivered first and logged apart
 */
public record Publication(String source, String campaign, String policy, AgencyId agency, Channel channel,
        String language, String title, String body, List<String> communes, List<String> recipients,
        List<Attachment> attachments, Instant publishAt, boolean emergency) {

    public Publication {
        communes = communes == null ? List.of() : List.copyOf(communes);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * A file that goes with a publication.
     *
     * @param synthetic audio made by speech synthesis, not recorded by a person: labelled so wherever it goes
     */
    public record Attachment(String fileName, String contentType, byte[] content, boolean synthetic) {

        /** A file that is not synthetic speech. */
        public Attachment(String fileName, String contentType, byte[] content) {
            this(fileName, contentType, content, false);
        }
    }
}

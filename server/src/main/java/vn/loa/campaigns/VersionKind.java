package vn.loa.campaigns;

import java.util.Optional;
import vn.loa.publishing.Channel;

/** The channel versions of a message, each with its own editor and checks. */
public enum VersionKind {
    /** an article on the portal (sanitised rich text) */
    PORTAL_ARTICLE(Channel.PORTAL),
    /** a press release, e-mailed to the media list */
    PRESS_RELEASE(Channel.EMAIL),
    /** a post on the agency's Facebook Page */
    SOCIAL_POST(Channel.FACEBOOK),
    /** a broadcast of the agency's Zalo Official Account */
    ZALO_POST(Channel.ZALO),
    /** a text message */
    SMS(Channel.SMS),
    /** a bulletin read on the village loudspeakers, with its audio */
    LOUDSPEAKER(Channel.LOUDSPEAKER),
    /** short lines on the communes' electronic billboards */
    BILLBOARD(Channel.BILLBOARD),
    /** a printable leaflet (DOCX), downloaded and printed rather than published */
    LEAFLET(null);

    private final Channel channel;

    VersionKind(Channel channel) {
        this.channel = channel;
    }

    /** The publishing channel it goes to; empty for the leaflet, which is printed. */
    public Optional<Channel> channel() {
        return Optional.ofNullable(channel);
    }
}

package vn.loa.publishing;

/** A way a message reaches people. */
public enum Channel {
    /** the public portal's pages and its RSS feed */
    PORTAL,
    /** e-mail to an address list (SMTP) */
    EMAIL,
    /** an HTTP POST to a configured endpoint */
    WEBHOOK,
    /** text messages to a list of phone numbers, through an SMS adapter */
    SMS,
    /** a Zalo Official Account broadcast, through an adapter */
    ZALO,
    /** a post on the agency's Facebook Page, through an adapter */
    FACEBOOK,
    /** the commune loudspeaker stations: a broadcast package to be confirmed by each commune */
    LOUDSPEAKER,
    /** the communes' electronic billboards */
    BILLBOARD
}

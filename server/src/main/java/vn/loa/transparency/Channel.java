package vn.loa.transparency;

/**
 * How a request reached the agency (Law on Access to Information 2016, Art. 24; the amended law in force from
 * 01/09/2026 adds the National Public Service Portal, mobile apps and digital platforms). A channel is open from the
 * first day the time-limit table has a row for it.
 */
public enum Channel {
    /** Over an electronic network: the portal, e-mail (Art. 30). */
    ELECTRONIC,
    /** By post (Art. 31). */
    POST,
    /** By fax (Art. 31). */
    FAX,
    /** At the agency's office (Art. 29). */
    IN_PERSON,
    /** Through the National Public Service Portal (amended law, from 01/09/2026). */
    NATIONAL_PUBLIC_SERVICE_PORTAL,
    /** Through a mobile app or another digital platform (amended law, from 01/09/2026). */
    APP
}

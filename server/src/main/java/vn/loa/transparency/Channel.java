package vn.loa.transparency;

/** How a request reached the agency (Law on Access to Information, Art. 24). */
public enum Channel {
    /** Over an electronic network: the portal, e-mail (Art. 30). */
    ELECTRONIC,
    /** By post (Art. 31). */
    POST,
    /** By fax (Art. 31). */
    FAX,
    /** At the agency's office (Art. 29). */
    IN_PERSON
}

package vn.loa.press;

/** How a press enquiry came in. */
public enum EnquiryChannel {
    /** The journalist asked through Loa. */
    LOA,
    /** By phone; an officer recorded it. */
    PHONE,
    /** By e-mail; an officer recorded it. */
    EMAIL
}

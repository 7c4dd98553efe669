package vn.loa.press;

/** In what capacity a person speaks for an agency (Decree 09/2017, Art. 3). */
public enum SpeakerCapacity {
    /** The head of the agency, who speaks by law. */
    HEAD,
    /** The spokesperson the head designated, for every matter. */
    SPOKESPERSON,
    /** A person the head authorised for one matter only. */
    AUTHORISED
}

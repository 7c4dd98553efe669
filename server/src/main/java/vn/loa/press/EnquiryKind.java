package vn.loa.press;

/** What kind of question a press enquiry is: its time limit depends on it. */
public enum EnquiryKind {
    /** A routine question. */
    ROUTINE,
    /** A question during a crisis or an unexpected event (Decree 09/2017, Art. 6). */
    CRISIS
}

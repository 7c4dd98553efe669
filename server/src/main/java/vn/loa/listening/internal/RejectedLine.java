package vn.loa.listening.internal;

/** A line that cannot become a post; its message names the field and the problem. */
class RejectedLine extends Exception {

    RejectedLine(String reason) {
        super(reason, null, false, false);
    }
}

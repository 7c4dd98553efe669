package vn.loa.listening.internal;

/** A feed that cannot be fetched or read as a whole; the message is the reason shown on the sources page. */
final class FeedException extends Exception {

    FeedException(String message) {
        super(message);
    }
}

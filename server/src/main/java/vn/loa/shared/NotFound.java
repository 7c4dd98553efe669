package vn.loa.shared;

/** A requested record does not exist (or the caller may not know that it does): 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " not found");
    }
}

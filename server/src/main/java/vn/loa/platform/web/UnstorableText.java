package vn.loa.platform.web;

import java.sql.SQLException;
import java.util.Set;

/**
 * Text the database refused to take in because of a character it cannot hold (a NUL in a JSON body, say): the
 * user's input is at fault, not Loa.
 */
final class UnstorableText {

    /** character_not_in_repertoire (a NUL) and untranslatable_character. */
    private static final Set<String> STATES = Set.of("22021", "22P05");

    private UnstorableText() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}

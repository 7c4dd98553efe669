package vn.loa.transparency.internal;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The follow-up code a requester is given on the portal: twelve characters of Crockford's base 32 (60 random bits), in
 * groups of four, read back whatever the case, the spaces and dashes, and the letters O, I and L typed for 0 and 1.
 */
final class FollowUpCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 12;

    private FollowUpCode() {
    }

    /** A new code, as the requester is shown it: {@code 7KQ2-M9XD-4TRB}. */
    static String next(SecureRandom random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed, in its one written form (no dashes, upper case), or null when it cannot be a code. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder code = new StringBuilder();
        for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char read = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
            if (ALPHABET.indexOf(read) < 0) {
                return null;
            }
            code.append(read);
        }
        return code.length() == LENGTH ? code.toString() : null;
    }
}

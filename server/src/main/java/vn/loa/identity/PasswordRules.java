package vn.loa.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * What makes a password too easy to guess, beyond its length: the user name in it, a few characters repeated, runs
 * of the alphabet, of digits or of the keyboard, and the most common passwords (a list shipped with Loa,
 * {@code identity/common-passwords.txt}). Loaded once, immutable and thread-safe.
 */
@Component
class PasswordRules {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private static final String COMMON = "identity/common-passwords.txt";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s._-]+");
    private static final Pattern NOT_LETTERS_AT_ENDS = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");
    /** A run is three or more neighbours on one of these, either way. */
    private static final List<String> RUNS = List.of("0123456789", "1234567890", "abcdefghijklmnopqrstuvwxyz",
            "qwertyuiop", "asdfghjkl", "zxcvbnm", "!@#$%^&*()", "qazwsxedcrfvtgbyhnujmikolp", "1qaz2wsx3edc4rfv5tgb");
    private static final int SHORTEST_RUN = 3;
    private static final int LONGEST_REPEATED_GROUP = 4;

    private final Set<String> common;

    PasswordRules() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordRules.class.getClassLoader().getResourceAsStream(COMMON)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + COMMON);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(compact(line.strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.common = Set.copyOf(words);
    }

    /**
     * Why a person may not choose this password, as the message key of a form's error; empty when it will do.
     *
     * @param password the password; null is too short
     * @param username the account's user name; null or blank when it is not known yet
     */
    Optional<String> weakness(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return Optional.of("user.error.password");
        }
        String plain = plain(password);
        String compact = compact(password);
        if (containsName(plain, compact, username)) {
            return Optional.of("user.error.password-username");
        }
        if (repeated(compact)) {
            return Optional.of("user.error.password-repeated");
        }
        if (onlyRuns(compact)) {
            return Optional.of("user.error.password-sequence");
        }
        String word = NOT_LETTERS_AT_ENDS.matcher(compact).replaceAll("");
        if (common.contains(compact) || common.contains(word)) {
            return Optional.of("user.error.password-common");
        }
        return Optional.empty();
    }

    /** Lower case, without diacritics (đ as d). */
    private static String plain(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replace('đ', 'd').replace('Đ', 'D');
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Lower case, without diacritics, spaces, dots, dashes or underscores. */
    private static String compact(String text) {
        return SEPARATORS.matcher(plain(text)).replaceAll("");
    }

    private static boolean containsName(String plain, String compact, String username) {
        if (username == null || username.isBlank()) {
            return false;
        }
        String name = plain(username.strip());
        String compactName = compact(name);
        return plain.contains(name) || compactName.length() >= SHORTEST_RUN && compact.contains(compactName);
    }

    /** Fewer than three different characters, or one short group over and over (abcabcabc). */
    private static boolean repeated(String text) {
        if (text.codePoints().distinct().count() < 3) {
            return true;
        }
        for (int group = 1; group <= LONGEST_REPEATED_GROUP && group * 2 <= text.length(); group++) {
            if (text.length() % group == 0 && text.equals(text.substring(0, group).repeat(text.length() / group))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the whole text is made of runs (12345678, abcdefgh, qwerty123, 987654321). */
    private static boolean onlyRuns(String text) {
        if (text.isEmpty()) {
            return false;
        }
        // made[i]: the first i characters are runs only
        boolean[] made = new boolean[text.length() + 1];
        made[0] = true;
        for (int end = SHORTEST_RUN; end <= text.length(); end++) {
            for (int start = end - SHORTEST_RUN; start >= 0 && !made[end]; start--) {
                made[end] = made[start] && isRun(text.substring(start, end));
            }
        }
        return made[text.length()];
    }

    private static boolean isRun(String part) {
        String backwards = new StringBuilder(part).reverse().toString();
        return RUNS.stream().anyMatch(run -> run.contains(part) || run.contains(backwards));
    }
}

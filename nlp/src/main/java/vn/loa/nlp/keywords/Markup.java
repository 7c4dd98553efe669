package vn.loa.nlp.keywords;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text that may carry HTML (a post that quotes {@code <script>alert(1)</script>}, a feed's
 * leftovers): tags with their attributes, comments, and the bodies of scripts and styles become spaces, and character
 * references become the characters they stand for, first, so that escaped markup goes too. A {@code <} that starts no
 * tag ({@code a < b}, {@code <3}) stays. The text may be a normalised one, its tokens joined by spaces
 * ({@code < script > alert ( 1 ) < / script >}, {@code & lt ;}), and cut short within a tag
 * ({@code < img src = x onerr}): both are markup too. Pure and thread-safe.
 */
final class Markup {

    private static final Pattern REFERENCE = Pattern.compile(
            "& ?(?:# ?(\\d{1,7})|# ?[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8})) ?;");
    private static final Map<String, String> NAMED = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"", "apos", "'",
            "nbsp", " ");
    private static final Pattern SCRIPT = Pattern.compile("< ?(script|style)\\b[^>]*>.*?< ?/ ?\\1\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("< ?! ?- ?-.*?- ?- ?>", Pattern.DOTALL);
    /** A tag, or what is left of one that a cut ended: a name and an attribute's "=" with no ">" after them. */
    private static final Pattern TAG = Pattern.compile(
            "< ?/? ?[a-zA-Z][^<>]*>|< ?![^<>]*>|< ?[a-zA-Z][a-zA-Z0-9]*\\s[^<>]*=[^<>]*$");

    private Markup() {
    }

    /** The text without its markup; the same text when it has none. */
    static String strip(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return text;
        }
        String decoded = decode(text);
        if (decoded.indexOf('<') < 0) {
            return decoded;
        }
        String out = SCRIPT.matcher(decoded).replaceAll(" ");
        out = COMMENT.matcher(out).replaceAll(" ");
        return TAG.matcher(out).replaceAll(" ");
    }

    private static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement;
            if (m.group(3) != null) {
                // a named reference other than these few is left to read as it is: an unknown one is no markup
                replacement = NAMED.getOrDefault(m.group(3).toLowerCase(Locale.ROOT), m.group());
            } else {
                int codePoint = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
                replacement = Character.isValidCodePoint(codePoint) && !Character.isISOControl(codePoint)
                        && (codePoint < 0xD800 || codePoint > 0xDFFF) ? Character.toString(codePoint) : " ";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}

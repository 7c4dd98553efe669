package vn.loa.nlp;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds Vietnamese text to a plain, lower-case, accent-free form so that "ninh thuan" finds
 * "Ninh Thuận". Pure and thread-safe.
 */
public final class AccentFolding {

    private AccentFolding() {
    }

    /**
     * Returns the folded form of a text: NFD, combining marks removed, đ/Đ to d, lower case, runs of
     * white space collapsed to one space and trimmed.
     *
     * @param text the text to fold; must not be null
     * @return the folded text, never null
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c == 'đ' || c == 'Đ' ? 'd' : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Removes Vietnamese diacritics and keeps everything else as it was (case, spaces, punctuation): "Bảo hiểm Y tế"
     * becomes "Bao hiem Y te", "Đ" becomes "D". Used to offer a text message that fits the GSM-7 alphabet.
     *
     * @param text the text; must not be null
     * @return the text without diacritics, NFC, never null
     */
    public static String stripDiacritics(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }
}

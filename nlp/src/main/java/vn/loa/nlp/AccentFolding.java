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
     * Whether a text is written with diacritics, as news and most comments are, rather than typed without them on a
     * phone: at least one word in five has a diacritic. In such a text a word without any ("tai", "Lam") is that word,
     * not "tại" or "Lâm" with the marks left out.
     */
    public static boolean writtenWithDiacritics(CharSequence text) {
        int words = 0;
        int marked = 0;
        boolean inWord = false;
        boolean wordMarked = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean letter = Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
            if (letter) {
                inWord = true;
                wordMarked |= Syllables.fold(c) != Character.toLowerCase(c) || Character.getType(c) == Character.NON_SPACING_MARK;
            } else if (inWord) {
                words++;
                marked += wordMarked ? 1 : 0;
                inWord = false;
                wordMarked = false;
            }
        }
        return marked > 0 && marked * 5 >= words;
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

package vn.loa.nlp.normalize;

import java.text.Normalizer;

/**
 * Puts a syllable's tone mark in one place, the traditional one used by most official documents:
 * "hoà" becomes "hòa", "thuỷ" becomes "thủy", "khoẻ" becomes "khỏe". A syllable that is not
 * Vietnamese is returned unchanged. Pure and thread-safe.
 */
public final class ToneMarks {

    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String MODIFIED = "ăâêôơư";

    private ToneMarks() {
    }

    /** The syllable with its tone mark on the canonical vowel, in NFC. */
    public static String canonical(String syllable) {
        String decomposed = Normalizer.normalize(syllable, Normalizer.Form.NFD);
        char tone = 0;
        StringBuilder bare = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (isTone(c)) {
                if (tone != 0 && tone != c) {
                    return Normalizer.normalize(syllable, Normalizer.Form.NFC);
                }
                tone = c;
            } else {
                bare.append(c);
            }
        }
        String base = Normalizer.normalize(bare, Normalizer.Form.NFC);
        if (tone == 0) {
            return base;
        }
        int position = tonePosition(base);
        if (position < 0) {
            return Normalizer.normalize(syllable, Normalizer.Form.NFC);
        }
        return Normalizer.normalize(base.substring(0, position + 1) + tone + base.substring(position + 1),
                Normalizer.Form.NFC);
    }

    /** The index of the vowel that carries the tone in a toneless syllable, or -1 if it has no vowel. */
    static int tonePosition(String base) {
        String lower = base.toLowerCase(java.util.Locale.ROOT);
        int start = 0;
        if (lower.startsWith("qu") && lower.length() > 2 && isVowel(lower.charAt(2))) {
            start = 2;
        } else if (lower.startsWith("gi") && lower.length() > 2 && isVowel(lower.charAt(2))) {
            start = 2;
        }
        int first = -1;
        int last = -1;
        for (int i = start; i < lower.length(); i++) {
            if (isVowel(lower.charAt(i))) {
                if (first < 0) {
                    first = i;
                }
                if (last == i - 1 || last < 0) {
                    last = i;
                } else {
                    break;
                }
            } else if (first >= 0) {
                break;
            }
        }
        if (first < 0) {
            return -1;
        }
        for (int i = last; i >= first; i--) {
            if (MODIFIED.indexOf(lower.charAt(i)) >= 0) {
                return i;
            }
        }
        int vowels = last - first + 1;
        boolean closed = last + 1 < lower.length();
        if (vowels == 1) {
            return first;
        }
        if (vowels >= 3) {
            return first + 1;
        }
        return closed ? last : first;
    }

    private static boolean isVowel(char c) {
        return VOWELS.indexOf(c) >= 0;
    }

    private static boolean isTone(char c) {
        return c == '\u0300' || c == '\u0301' || c == '\u0309' || c == '\u0303' || c == '\u0323';
    }
}

package vn.loa.nlp;

import java.text.Normalizer;

/**
 * Keys and shapes of Vietnamese syllables, computed without allocating. A key ignores case and where
 * the tone mark sits ("hoà" and "hòa", "thuỷ" and "thủy" have one key) but keeps the tone itself and
 * every other diacritic ("hoa", "hòa" and "hóa" differ). Input is expected in NFC. Pure and
 * thread-safe.
 */
public final class Syllables {

    /** The shape of a token: what kind of characters it is made of. */
    public static final int SHAPE_LOWER = 0;
    /** First letter upper case, the rest lower. */
    public static final int SHAPE_CAPITALISED = 1;
    /** All letters upper case (two or more letters). */
    public static final int SHAPE_UPPER = 2;
    /** Digits, possibly with separators. */
    public static final int SHAPE_NUMBER = 3;
    /** Punctuation and symbols only. */
    public static final int SHAPE_PUNCTUATION = 4;
    /** Anything else: letters mixed with digits, emoji. */
    public static final int SHAPE_OTHER = 5;

    private static final int TABLE = 0x2000;
    /** The letter without its tone mark, lower-cased; 0 where the character is not mapped. */
    private static final char[] BASE = new char[TABLE];
    /** The letter without any diacritic, lower-cased ("ầ" -> 'a', "đ" -> 'd'); 0 where not mapped. */
    private static final char[] FOLDED = new char[TABLE];
    /** The tone of a precomposed letter: 0 none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot below. */
    private static final byte[] TONE = new byte[TABLE];

    static {
        for (char c = 0; c < TABLE; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            StringBuilder rest = new StringBuilder();
            byte tone = 0;
            for (int i = 0; i < decomposed.length(); i++) {
                byte t = toneOfMark(decomposed.charAt(i));
                if (t > 0) {
                    tone = t;
                } else {
                    rest.append(decomposed.charAt(i));
                }
            }
            String base = Normalizer.normalize(rest, Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
            if (base.length() == 1) {
                BASE[c] = base.charAt(0);
                TONE[c] = tone;
            }
            String plain = decomposed.isEmpty() ? "" : decomposed.substring(0, 1).toLowerCase(java.util.Locale.ROOT);
            if (plain.length() == 1) {
                char p = plain.charAt(0);
                FOLDED[c] = p == 'đ' ? 'd' : p;
            }
        }
    }

    private Syllables() {
    }

    private static byte toneOfMark(char mark) {
        return switch (mark) {
            case '\u0300' -> 1;
            case '\u0301' -> 2;
            case '\u0309' -> 3;
            case '\u0303' -> 4;
            case '\u0323' -> 5;
            default -> 0;
        };
    }

    /** The key of {@code text[start, end)}: equal for spellings that differ only in case or tone-mark placement. */
    public static long key(CharSequence text, int start, int end) {
        long hash = 0xcbf29ce484222325L;
        int tone = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char base;
            if (c < TABLE && BASE[c] != 0) {
                base = BASE[c];
                if (TONE[c] != 0) {
                    tone = TONE[c];
                }
            } else {
                byte mark = toneOfMark(c);
                if (mark != 0) {
                    tone = mark;
                    continue;
                }
                base = Character.toLowerCase(c);
            }
            hash ^= base;
            hash *= 0x100000001b3L;
        }
        return mix(hash + tone);
    }

    /**
     * The key of {@code text[start, end)} with every diacritic removed, so that text typed without
     * accents ("benh vien") meets text typed with them ("bệnh viện").
     */
    public static long foldedKey(CharSequence text, int start, int end) {
        long hash = 0x84222325cbf29ce4L;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            char folded;
            if (c < TABLE && FOLDED[c] != 0) {
                folded = FOLDED[c];
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            } else {
                folded = Character.toLowerCase(c);
            }
            hash ^= folded;
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    /** The folded character of a letter ('ầ' -> 'a'), or the lower-cased character itself. */
    public static char fold(char c) {
        if (c < TABLE && FOLDED[c] != 0) {
            return FOLDED[c];
        }
        return Character.toLowerCase(c);
    }

    /** The key of a whole string. */
    public static long key(CharSequence text) {
        return key(text, 0, text.length());
    }

    /** The shape of {@code text[start, end)}, one of the {@code SHAPE_} constants. */
    public static int shape(CharSequence text, int start, int end) {
        int letters = 0;
        int upper = 0;
        int digits = 0;
        int other = 0;
        boolean firstUpper = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                    if (i == start) {
                        firstUpper = true;
                    }
                }
            } else if (Character.isDigit(c)) {
                digits++;
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                other++;
            }
        }
        if (letters == 0 && digits == 0) {
            return other > 0 ? SHAPE_PUNCTUATION : SHAPE_OTHER;
        }
        if (letters == 0) {
            return SHAPE_NUMBER;
        }
        if (digits > 0 || other > 0) {
            return SHAPE_OTHER;
        }
        if (upper == 0) {
            return SHAPE_LOWER;
        }
        if (upper == letters && letters > 1) {
            return SHAPE_UPPER;
        }
        return firstUpper && upper == 1 ? SHAPE_CAPITALISED : SHAPE_OTHER;
    }

    /** A strong 64-bit mixer (the finaliser of SplitMix64). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Combines keys in order into one key. */
    public static long combine(long a, long b) {
        return mix(a * 0x9E3779B97F4A7C15L + b);
    }
}

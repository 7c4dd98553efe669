package vn.loa.shared;

/**
 * How many SMS parts a text takes. A text made only of GSM 03.38 characters is sent in GSM-7: 160 septets in one
 * message, 153 per part when concatenated (the user-data header takes the rest), a character of the extension table
 * ({@code ^ { } \ [ ~ ] | €} and form feed) costing two. Any other character (Vietnamese with its diacritics, "đ")
 * makes the whole text UCS-2: 70 UTF-16 units in one message, 67 per part. A part never splits an escape pair or a
 * surrogate pair. Pure and thread-safe.
 */
public final class SmsSegments {

    /** The GSM 03.38 default alphabet (one septet each). */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** The extension table (an escape and the character: two septets each). */
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    /** The encoding a text is sent in. */
    public enum Encoding {
        GSM_7(160, 153),
        UCS_2(70, 67);

        private final int single;
        private final int perPart;

        Encoding(int single, int perPart) {
            this.single = single;
            this.perPart = perPart;
        }

        /** Units (septets or UTF-16 units) in one message sent alone. */
        public int single() {
            return single;
        }

        /** Units in each part of a concatenated message. */
        public int perPart() {
            return perPart;
        }
    }

    /**
     * What a text costs.
     *
     * @param characters the characters a person counts (code points)
     * @param units septets (GSM-7) or UTF-16 units (UCS-2)
     * @param segments the SMS parts; 0 for an empty text
     * @param costVnd segments times the price of one
     */
    public record Count(Encoding encoding, int characters, int units, int segments, long costVnd) {
    }

    /** Counts a text; null counts as empty. Price per segment in đồng, not negative. */
    public static Count count(String text, long pricePerSegment) {
        String t = text == null ? "" : text;
        Encoding encoding = isGsm(t) ? Encoding.GSM_7 : Encoding.UCS_2;
        int[] costs = costs(t, encoding);
        int units = 0;
        for (int c : costs) {
            units += c;
        }
        int segments;
        if (units == 0) {
            segments = 0;
        } else if (units <= encoding.single()) {
            segments = 1;
        } else {
            segments = 1;
            int inPart = 0;
            for (int c : costs) {
                if (inPart + c > encoding.perPart()) {
                    segments++;
                    inPart = 0;
                }
                inPart += c;
            }
        }
        return new Count(encoding, t.codePointCount(0, t.length()), units, segments, segments * pricePerSegment);
    }

    /** Whether every character of the text is in the GSM 03.38 alphabet or its extension. */
    public static boolean isGsm(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The units each indivisible piece of the text takes (a character, an escape pair, a surrogate pair). */
    private static int[] costs(String text, Encoding encoding) {
        return text.codePoints().map(cp -> encoding == Encoding.GSM_7 ? (EXTENSION.indexOf(cp) >= 0 ? 2 : 1)
                : Character.charCount(cp)).toArray();
    }
}

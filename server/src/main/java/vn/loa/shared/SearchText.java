package vn.loa.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Words a person typed into a list's filter box to find rows by name, matched whatever their case and Vietnamese
 * diacritics ("so y te" finds "Sở Y tế", "SỞ Y TẾ" too): the SQL condition folds the column as the words are folded
 * here, with PostgreSQL's {@code translate}, so that no database extension is needed.
 *
 * @param words what was typed, without surrounding spaces; empty finds every row
 */
public record SearchText(String words) {

    /** The longest text a filter box takes. */
    public static final int MAX_LENGTH = 200;

    /** Latin letters with marks, and the plain letters they fold to, in the same order. */
    private static final String MARKED;
    private static final String PLAIN;

    static {
        StringBuilder marked = new StringBuilder("đĐ");
        StringBuilder plain = new StringBuilder("dD");
        for (int[] range : new int[][] {{0x00C0, 0x024F}, {0x1E00, 0x1EFF}}) {
            for (int c = range[0]; c <= range[1]; c++) {
                String base = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                if (Character.isLetter(c) && base.length() == 1 && base.charAt(0) < 128 && Character.isLetter(base.charAt(0))) {
                    marked.appendCodePoint(c);
                    plain.append(base);
                }
            }
        }
        MARKED = marked.toString();
        PLAIN = plain.toString();
    }

    public SearchText {
        words = words == null ? "" : Normalizer.normalize(words.strip(), Normalizer.Form.NFC);
        if (words.length() > MAX_LENGTH) {
            throw new InvalidInput("q", "search.error.too-long", MAX_LENGTH);
        }
        if (words.indexOf('\0') >= 0) {
            throw new InvalidInput("q", "search.error.characters");
        }
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /**
     * The SQL condition that a text column contains the words (folded), with one parameter: {@link #pattern()}.
     * The column name is Loa's own, never a user's.
     */
    public static String contains(String column) {
        return "lower(translate(" + column + ", '" + MARKED + "', '" + PLAIN + "')) LIKE ? ESCAPE '\\'";
    }

    /** The LIKE pattern of the folded words, their wildcards escaped. */
    public String pattern() {
        String escaped = fold(words).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** The text in lower case without diacritics, as the SQL condition folds a column. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int at = MARKED.indexOf(c);
            folded.appendCodePoint(at >= 0 ? PLAIN.charAt(at) : c);
        });
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}

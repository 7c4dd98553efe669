package vn.loa.consultation;

/**
 * One numbered part of a draft version.
 *
 * @param id the unit's id
 * @param parentId the enclosing unit, null at the top
 * @param kind what it is
 * @param number the number as the draft writes it ("II", "12a", "2", "đ"), null for the preamble
 * @param heading the title of a chapter, section or article, may be null
 * @param body the text after the number and heading
 * @param key the key stable across versions ({@code a5.k2.pđ})
 * @param position its order in the version
 */
public record DraftUnit(long id, Long parentId, UnitKind kind, String number, String heading, String body, String key,
        int position) {

    /** How the draft labels it: "Chương II", "Điều 5.", "2.", "đ)". */
    public String label() {
        return switch (kind) {
            case PREAMBLE -> "";
            case CHAPTER -> "Chương " + number;
            case SECTION -> "Mục " + number;
            case ARTICLE -> "Điều " + number + ".";
            case CLAUSE -> number + ".";
            case POINT -> number + ")";
        };
    }
}

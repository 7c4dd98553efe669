package vn.loa.consultation;

/** The numbered parts a draft is split into, outermost first. */
public enum UnitKind {
    /** The text before the first chapter or article (title, "Căn cứ ..." lines, a wrapping Decision). */
    PREAMBLE,
    /** Chương. */
    CHAPTER,
    /** Mục, inside a chapter. */
    SECTION,
    /** Điều. */
    ARTICLE,
    /** Khoản, numbered "1.". */
    CLAUSE,
    /** Điểm, lettered "a)". */
    POINT
}

package vn.loa.shared;

import java.util.Locale;

/** The languages Loa speaks: Vietnamese first, the language of every official record and public page. */
public final class Languages {

    /** Vietnamese: the default of every page, and the language of what Loa sends or stores for the public. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Languages() {
    }
}

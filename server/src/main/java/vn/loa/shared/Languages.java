package vn.loa.shared;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;

/** The languages Loa speaks: Vietnamese first, the language of every official record and public page. */
public final class Languages {

    /** Vietnamese: the default of every page, and the language of what Loa sends or stores for the public. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Languages() {
    }

    /** English for a locale of the English language, Vietnamese for any other and for null. */
    public static Locale of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }

    /**
     * The language of the page or API call being answered ({@code ?lang=}, the {@code loa-lang} cookie), for a text a
     * service builds for its reader; Vietnamese outside a request (a scheduled job, a test calling the service).
     */
    public static Locale reader() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        return context == null ? VIETNAMESE : of(context.getLocale());
    }
}

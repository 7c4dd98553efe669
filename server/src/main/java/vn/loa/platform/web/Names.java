package vn.loa.platform.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.loa.platform.DisplayNames;
import vn.loa.platform.NameSource;

/**
 * The names pages show, from the name sources the modules contribute. Within one request each identifier is
 * looked up once (a page lists the same few many times); across requests nothing is kept, so a renamed person
 * or unit shows under the new name on the next page.
 */
@Component("names")
class Names implements DisplayNames {

    private static final String MEMO = Names.class.getName() + ".memo";

    private final Map<String, NameSource> sources;

    Names(List<NameSource> sources) {
        this.sources = sources.stream().collect(Collectors.toMap(NameSource::kind, Function.identity()));
    }

    @Override
    public String person(String username) {
        return name(PERSON, username);
    }

    @Override
    public String agency(String code) {
        return name(AGENCY, code);
    }

    @Override
    public String agencyWithId(long id) {
        return name(AGENCY_ID, Long.toString(id));
    }

    @Override
    public String source(String code) {
        return name(SOURCE, code);
    }

    @Override
    public String place(String id) {
        return name(PLACE, id);
    }

    private String name(String kind, String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        NameSource source = sources.get(kind);
        if (source == null) {
            return id;
        }
        Locale locale = LocaleContextHolder.getLocale();
        return memo(kind + ":" + locale.getLanguage() + ":" + id, () -> source.name(id, locale).orElse(id));
    }

    @SuppressWarnings("unchecked")
    private static String memo(String key, java.util.function.Supplier<String> lookUp) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return lookUp.get();
        }
        Map<String, String> memo = (Map<String, String>) request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<>();
            request.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return memo.computeIfAbsent(key, k -> lookUp.get());
    }
}

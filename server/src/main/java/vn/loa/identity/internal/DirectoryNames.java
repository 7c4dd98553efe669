package vn.loa.identity.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.loa.platform.DisplayNames;
import vn.loa.shared.LocalTime;

/**
 * People's and agencies' names from the accounts and the agency directory. Within one request each login id
 * and code is looked up once (a page lists the same few many times); across requests nothing is kept, so a
 * renamed person or unit shows under the new name on the next page.
 */
@Component("names")
class DirectoryNames implements DisplayNames {

    private static final String MEMO = DirectoryNames.class.getName() + ".memo";

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    DirectoryNames(JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public String person(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        switch (username) {
            case "system":
                return message("names.system");
            case "citizen":
                return message("names.citizen");
            default:
                break;
        }
        if (username.startsWith("token:")) {
            return messages.getMessage("names.token", new Object[] {username.substring("token:".length())},
                    LocaleContextHolder.getLocale());
        }
        return memo("person:" + username, () -> jdbc.sql("SELECT full_name FROM app_user WHERE username = ?")
                .param(username).query(String.class).optional().orElse(username));
    }

    @Override
    public String agency(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        return memo("agency:" + language + ":" + code, () -> {
            Date today = Date.valueOf(LocalDate.now(clock.withZone(LocalTime.ZONE)));
            return jdbc.sql("""
                    SELECT name_vi, name_en FROM agency WHERE code = ?
                     ORDER BY (valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)) DESC, valid_from DESC LIMIT 1
                    """).params(code, today, today)
                    .query((rs, n) -> "en".equals(language) && rs.getString(2) != null && !rs.getString(2).isBlank()
                            ? rs.getString(2) : rs.getString(1))
                    .optional().orElse(code);
        });
    }

    @Override
    public String agencyWithId(long id) {
        String language = LocaleContextHolder.getLocale().getLanguage();
        return memo("agency-id:" + language + ":" + id, () -> jdbc.sql("SELECT name_vi, name_en FROM agency WHERE id = ?")
                .param(id)
                .query((rs, n) -> "en".equals(language) && rs.getString(2) != null && !rs.getString(2).isBlank()
                        ? rs.getString(2) : rs.getString(1))
                .optional().orElse(Long.toString(id)));
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
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

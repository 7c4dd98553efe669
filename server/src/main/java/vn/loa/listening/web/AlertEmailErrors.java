package vn.loa.listening.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.loa.listening.Alerts;

/**
 * Why an alert was not e-mailed, in the reader's language. The reasons Loa gives itself are stored in one English form
 * ({@link Alerts#NO_MAIL_SERVER}, {@link Alerts#NO_RECIPIENT}), as the API gives them, and shown through the bundles
 * ({@code alerts.email-error.*}); a mail server's own answer is shown as it came.
 */
@Component("alertEmailErrors")
public class AlertEmailErrors {

    private static final Map<String, String> KEYS = Map.of(
            Alerts.NO_MAIL_SERVER, "alerts.email-error.no-mail-server",
            Alerts.NO_RECIPIENT, "alerts.email-error.no-recipient");

    private final MessageSource messages;

    AlertEmailErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** The reason in the locale's words, or as stored when Loa did not give it; empty for none. */
    public String shown(String error, Locale locale) {
        if (error == null) {
            return "";
        }
        String key = KEYS.get(error);
        return key == null ? error : messages.getMessage(key, null, error, locale);
    }

    /** The bundle keys of the reasons Loa gives itself. */
    static Map<String, String> keys() {
        return KEYS;
    }
}

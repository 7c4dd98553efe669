package vn.loa.listening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.loa.listening.Alerts;

class AlertEmailErrorsUnitTests {

    private static final Locale VI = Locale.of("vi");

    private final ResourceBundleMessageSource bundles = vn.loa.platform.MessageBundles.real();
    private final AlertEmailErrors errors = new AlertEmailErrors(bundles);


    @Test
    void theReasonsLoaGivesItselfReadInTheReadersLanguageAndAMailServersAnswerAsItCame() {
        assertThat(errors.shown(Alerts.NO_MAIL_SERVER, VI))
                .isEqualTo("chưa cấu hình máy chủ thư (spring.mail.host), nên cảnh báo chỉ hiện trong Loa");
        assertThat(errors.shown(Alerts.NO_MAIL_SERVER, Locale.ENGLISH))
                .isEqualTo("no mail server is configured (spring.mail.host), so alerts are shown in Loa only");
        assertThat(errors.shown(Alerts.NO_RECIPIENT, VI)).startsWith("không có người nhận: quy tắc không ghi địa chỉ thư");
        assertThat(errors.shown("550 5.1.1 mailbox unavailable", VI)).isEqualTo("550 5.1.1 mailbox unavailable");
        assertThat(errors.shown(null, VI)).isEmpty();
    }

    @Test
    void everyReasonLoaGivesItselfHasAMessageInBothBundles() {
        for (String key : AlertEmailErrors.keys().values()) {
            for (Locale locale : new Locale[] {VI, Locale.ENGLISH}) {
                try {
                    assertThat(bundles.getMessage(key, null, locale)).as(key + " " + locale).isNotBlank();
                } catch (NoSuchMessageException e) {
                    throw new AssertionError(key + " is missing for " + locale, e);
                }
            }
        }
        assertThat(bundles.getMessage(AlertEmailErrors.keys().get(Alerts.NO_RECIPIENT), null, Locale.ENGLISH))
                .isNotEqualTo(bundles.getMessage(AlertEmailErrors.keys().get(Alerts.NO_RECIPIENT), null, VI));
    }
}

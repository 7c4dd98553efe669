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
        assertThat(errors.shown(Alerts.NO_MAIL_SERVER, VI)).startsWith("việc gửi thư điện tử chưa được thiết lập")
                .contains("quản trị hệ thống");
        assertThat(errors.shown(Alerts.NO_MAIL_SERVER, Locale.ENGLISH)).startsWith("sending e-mail is not set up")
                .contains("administrator");
        // an officer reads what is wrong and who can put it right, not the name of a setting
        for (Locale locale : new Locale[] {VI, Locale.ENGLISH}) {
            assertThat(errors.shown(Alerts.NO_MAIL_SERVER, locale)).doesNotContain("spring.").doesNotContain("SMTP");
        }
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

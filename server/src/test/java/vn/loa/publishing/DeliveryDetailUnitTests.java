package vn.loa.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class DeliveryDetailUnitTests {

    @Test
    void aReasonThatNamesAReasonKeepsItsOwnWordsAndIsNeverAFailure() {
        StaticMessageSource messages = new StaticMessageSource();
        Locale vi = Locale.forLanguageTag("vi");
        messages.addMessage("retry", vi, "lỗi: {0}; thử lại");
        messages.addMessage("timeout", vi, "hết giờ chờ {0}");
        messages.addMessage("last", vi, "lần cuối: {0}");
        DeliveryDetail retry = DeliveryDetail.about("retry", DeliveryDetail.of("timeout", "30 giây"));
        assertThat(retry.shown(messages, vi)).isEqualTo("lỗi: hết giờ chờ 30 giây; thử lại");
        // an adapter that gives such a detail as its own reason: recorded one level deep, by the reason it names
        DeliveryDetail last = DeliveryDetail.about("last", retry);
        assertThat(last.reasonKey()).isEqualTo("timeout");
        assertThat(last.shown(messages, vi)).isEqualTo("lần cuối: hết giờ chờ 30 giây");
        // words from outside stay text, never a pattern
        assertThat(DeliveryDetail.about("last", DeliveryDetail.text("550 '{0}' quota")).shown(messages, vi))
                .isEqualTo("lần cuối: 550 '{0}' quota");
    }
}

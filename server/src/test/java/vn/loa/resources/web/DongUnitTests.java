package vn.loa.resources.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class DongUnitTests {

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void writesAmountsAsVietnameseDocumentsDoAndInEnglishWithCommas() {
        LocaleContextHolder.setLocale(Locale.of("vi"));
        assertThat(new Dong().format(1_250_000_000L)).isEqualTo("1.250.000.000 đ");
        assertThat(new Dong().format(0)).isEqualTo("0 đ");
        assertThat(new Dong().format(null)).isEmpty();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(new Dong().format(1_250_000_000L)).isEqualTo("1,250,000,000 VND");
    }

    @Test
    void readsAmountsAsPeopleTypeThemAndRefusesAnythingButWholeDong() {
        assertThat(Dong.parse("1.250.000.000")).isEqualTo(1_250_000_000L);
        assertThat(Dong.parse(" 1 250 000 000 đ ")).isEqualTo(1_250_000_000L);
        assertThat(Dong.parse("1,250,000,000 VND")).isEqualTo(1_250_000_000L);
        assertThat(Dong.parse("900000000 đồng")).isEqualTo(900_000_000L);
        assertThat(Dong.parse("  ")).isNull();
        assertThatThrownBy(() -> Dong.parse("một tỷ")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Dong.parse("12,5")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Dong.parse("1.250,5")).isInstanceOf(NumberFormatException.class);
    }
}

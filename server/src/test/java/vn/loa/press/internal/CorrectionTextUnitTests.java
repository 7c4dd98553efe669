package vn.loa.press.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CorrectionTextUnitTests {

    private static final String REQUEST = "Bệnh viện Đa khoa tỉnh Khánh Hòa có một nghìn hai trăm giường bệnh kế hoạch.";

    @Test
    void pairsIgnoreCaseAndAccentsButNotTheSyllables() {
        assertThat(CorrectionText.pairs("Khánh Hòa")).isEqualTo(CorrectionText.pairs("khánh hoà"));
        assertThat(CorrectionText.pairs("Khánh Hòa")).as("a paper printed without accents")
                .isEqualTo(CorrectionText.pairs("Khanh Hoa"));
        assertThat(CorrectionText.pairs("Khánh Hòa")).isNotEqualTo(CorrectionText.pairs("Khánh Sơn"));
        assertThat(CorrectionText.pairs("một, hai")).isEqualTo(CorrectionText.pairs("một hai"));
        assertThat(CorrectionText.pairs("")).isEmpty();
        assertThat(CorrectionText.pairs("Hòa")).isEmpty();
    }

    @Test
    void aPostCarriesTheRequestWhenItHoldsHalfOfItsPairsOrMore() {
        Set<Long> request = CorrectionText.pairs(REQUEST);
        assertThat(CorrectionText.carries(request, CorrectionText.pairs("Cải chính: " + REQUEST + " Xin lỗi bạn đọc."))).isTrue();
        assertThat(CorrectionText.carries(request, CorrectionText.pairs("Bệnh viện Đa khoa tỉnh Khánh Hòa tổ chức hội thao.")))
                .isFalse();
        assertThat(CorrectionText.carries(request, CorrectionText.pairs("Giường bệnh, kế hoạch, bệnh viện, nghìn, trăm.")))
                .as("the words without their order").isFalse();
        assertThat(CorrectionText.carries(Set.of(), CorrectionText.pairs(REQUEST))).isFalse();
    }
}

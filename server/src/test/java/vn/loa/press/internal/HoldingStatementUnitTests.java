package vn.loa.press.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HoldingStatementUnitTests {

    @Test
    void aCrisisTitleReadsInsideASentenceWithoutItsOpeningCapitalUnlessItOpensWithAName() {
        assertThat(JdbcCrises.withinSentence("Nghi ngộ độc thực phẩm tại trường Tiểu học Phước Hữu"))
                .isEqualTo("nghi ngộ độc thực phẩm tại trường Tiểu học Phước Hữu");
        assertThat(JdbcCrises.withinSentence("Bệnh viện Đa khoa tỉnh quá tải")).isEqualTo("bệnh viện Đa khoa tỉnh quá tải");
        assertThat(JdbcCrises.withinSentence("Khánh Hòa ngập sau bão")).isEqualTo("Khánh Hòa ngập sau bão");
        assertThat(JdbcCrises.withinSentence("Sở Y tế bị tố chậm cấp phép")).isEqualTo("Sở Y tế bị tố chậm cấp phép");
        assertThat(JdbcCrises.withinSentence("UBND xã chậm trả lời")).isEqualTo("UBND xã chậm trả lời");
        assertThat(JdbcCrises.withinSentence("Sạt lở")).isEqualTo("sạt lở");
        assertThat(JdbcCrises.withinSentence("bão số 3")).isEqualTo("bão số 3");
    }
}

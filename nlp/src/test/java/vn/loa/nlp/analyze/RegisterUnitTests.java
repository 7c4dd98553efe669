package vn.loa.nlp.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RegisterUnitTests {

    @Test
    void feedbackByHotlineIsACitizensCommentWhateverItsWording() {
        assertThat(Register.decide(Register.Hint.FEEDBACK, "Thông báo: đường Lê Duẩn mất điện từ sáng", 0.99))
                .isEqualTo(Register.COMMENT);
    }

    @Test
    void aNewsSourceGivesNewsUnlessTheTextOpensAsAnOfficialStatement() {
        assertThat(Register.decide(Register.Hint.NEWS, "Một xe khách lao xuống vực làm 12 người chết", 0))
                .isEqualTo(Register.NEWS);
        assertThat(Register.decide(Register.Hint.NEWS, "UBND tỉnh vừa tổ chức hội nghị tổng kết năm", 0))
                .isEqualTo(Register.NEWS);
        assertThat(Register.decide(Register.Hint.NEWS,
                "Thông cáo báo chí về việc tạm dừng hoạt động khám chữa bệnh tại Bệnh viện đa khoa tỉnh", 0))
                .isEqualTo(Register.OFFICIAL);
        assertThat(Register.decide(Register.Hint.NEWS, "Căn cứ Nghị định 13/2018/NĐ-CP, Sở Y tế thông báo lịch tiếp nhận", 0))
                .isEqualTo(Register.OFFICIAL);
    }

    @Test
    void onASocialNetworkOnlyATextThatReadsLikeNewsIsNews() {
        assertThat(Register.decide(Register.Hint.SOCIAL, "bệnh viện gì mà chờ cả buổi sáng", 0.1)).isEqualTo(Register.COMMENT);
        assertThat(Register.decide(Register.Hint.SOCIAL, "Sáng nay, một vụ cháy lớn xảy ra tại chợ Phan Rang", 0.7))
                .isEqualTo(Register.COMMENT);
        assertThat(Register.decide(Register.Hint.SOCIAL, "Sáng nay, một vụ cháy lớn xảy ra tại chợ Phan Rang", 0.9))
                .isEqualTo(Register.NEWS);
    }

    @Test
    void aSourceOfCitizensPostsGivesCommentsHoweverWellWrittenUnlessOfficial() {
        assertThat(Register.decide(Register.Hint.CITIZENS, "Mẹ tôi 76 tuổi, có được cấp thẻ BHYT không hay phải tự mua?", 0.99))
                .isEqualTo(Register.COMMENT);
        assertThat(Register.decide(Register.Hint.CITIZENS,
                "Thông báo: UBND xã đề nghị các hộ dân đăng ký thẻ bảo hiểm y tế cho người cao tuổi trước ngày 15", 0.99))
                .isEqualTo(Register.OFFICIAL);
        assertThat(TextAnalyzerUnitTests.ANALYZER.analyze("Mẹ tôi 76 tuổi, có được cấp thẻ BHYT không hay phải tự mua?",
                LocalDate.of(2026, 11, 30), Register.Hint.CITIZENS).register()).isEqualTo(Register.COMMENT);
    }

    @Test
    void anUnknownSourceIsDecidedByTheText() {
        assertThat(Register.decide(Register.Hint.UNKNOWN, "hay quá ad ơi", 0.2)).isEqualTo(Register.COMMENT);
        assertThat(Register.decide(Register.Hint.UNKNOWN, "Giá xăng tăng 500 đồng mỗi lít từ 15 giờ chiều nay", 0.6))
                .isEqualTo(Register.NEWS);
    }

    @Test
    void theAnalyzerReadsTheRegisterFromTheSourceAndTheText() {
        TextAnalyzer analyzer = TextAnalyzerUnitTests.ANALYZER;
        LocalDate day = LocalDate.of(2026, 11, 30);
        assertThat(analyzer.analyze("Bệnh viện tỉnh để bệnh nhân chờ cả buổi sáng", day, Register.Hint.FEEDBACK).register())
                .isEqualTo(Register.COMMENT);
        assertThat(analyzer.analyze("Bệnh viện tỉnh để bệnh nhân chờ cả buổi sáng", day, Register.Hint.NEWS).register())
                .isEqualTo(Register.NEWS);
        assertThat(analyzer.modelVersion()).matches("[0-9a-f]{12}");
    }

    @Test
    void namesOnlyTheThreeRegisters() {
        assertThat(Register.of("official")).isEqualTo(Register.OFFICIAL);
        assertThatThrownBy(() -> Register.of("tweet")).hasMessageContaining("'tweet'");
    }
}

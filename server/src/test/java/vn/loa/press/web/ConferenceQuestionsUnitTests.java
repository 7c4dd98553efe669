package vn.loa.press.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.press.Obligations;

class ConferenceQuestionsUnitTests {

    @Test
    void aBrowsersLineBreaksSeparateLinesAndOnlyABlankLineSeparatesQuestions() {
        // as a browser sends a text area: every line ended by CR LF
        String typed = "Phóng viên TTXVN\r\nNguyên nhân?\r\n\r\nBáo Khánh Hòa - Trần B\r\nBao giờ có kết quả?\r\nTrong tuần này.\r\n"
                + "Sở sẽ thông báo.\r\n \r\n\r\nĐài PT-TH\r\nSố người nhập viện?";
        assertThat(ObligationsController.parseQuestions(typed)).containsExactly(
                new Obligations.Question("Phóng viên TTXVN", "Nguyên nhân?", null),
                new Obligations.Question("Báo Khánh Hòa - Trần B", "Bao giờ có kết quả?", "Trong tuần này.\nSở sẽ thông báo."),
                new Obligations.Question("Đài PT-TH", "Số người nhập viện?", null));
        assertThat(ObligationsController.parseQuestions("Phóng viên TTXVN\nNguyên nhân?"))
                .containsExactly(new Obligations.Question("Phóng viên TTXVN", "Nguyên nhân?", null));
        assertThat(ObligationsController.parseQuestions("  \r\n ")).isEqualTo(List.of());
    }
}

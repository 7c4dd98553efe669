package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionsUnitTests {

    @Test
    void aQuestionMarkOrAVietnameseQuestionPhraseAsks() {
        assertThat(Questions.asks("Thẻ BHYT cấp ở đâu?")).isTrue();
        assertThat(Questions.asks("Cho em hỏi thủ tục cấp lại thẻ")).isTrue();
        assertThat(Questions.asks("Bao giờ mới có tiền hỗ trợ")).isTrue();
        assertThat(Questions.asks("bao gio moi co tien ho tro")).isTrue();
        assertThat(Questions.asks("Người già có được miễn phí không ạ")).isTrue();
        assertThat(Questions.asks("Xã mình đã có thẻ chưa, có ai biết không. Cảm ơn")).isTrue();
        assertThat(Questions.asks("Người già được miễn phí được không")).isTrue();
        assertThat(Questions.asks("THẾ NÀO là hộ cận nghèo")).isTrue();
    }

    @Test
    void statementsDoNotAsk() {
        assertThat(Questions.asks("Tỉnh cấp 12.000 thẻ bảo hiểm y tế cho người cao tuổi")).isFalse();
        assertThat(Questions.asks("Cảm ơn cán bộ xã đã đến tận nhà")).isFalse();
        // "sao" inside a word, "nào" alone, "gì" alone are not questions by themselves
        assertThat(Questions.asks("Ngôi sao sáng nhất của làng")).isFalse();
        assertThat(Questions.asks("Không có gì phải lo")).isFalse();
        assertThat(Questions.asks("Có người nói không phải lo, đúng là vậy")).isFalse();
        assertThat(Questions.asks(null)).isFalse();
        assertThat(Questions.asks("")).isFalse();
    }
}

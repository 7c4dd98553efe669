package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedPassageUnitTests {

    private static final String ARTICLE = "Nhiều bệnh viện không chịu trả hồ sơ cho bệnh nhân. Theo thông lệ quốc tế, bệnh nhân "
            + "xuất viện được trao trả toàn bộ hồ sơ bệnh án, trong đó có các kết quả xét nghiệm.";

    @Test
    void anArticleSharedWithAFewWordsEachIsOneTextPassedAround() {
        List<String> texts = new ArrayList<>();
        String[] added = {"Bức xúc quá!", "Lại chuyện cũ.", "", "Đề nghị Sở Y tế vào cuộc.", "Ở tỉnh mình cũng vậy, buồn."};
        for (String words : added) {
            texts.add(words + " " + ARTICLE);
        }
        // two people who write their own complaint, using a few of the same words
        texts.add("Tôi đưa mẹ đi khám ở bệnh viện tỉnh, xuất viện rồi xin hồ sơ bệnh án mà phòng kế hoạch bảo phải làm đơn, "
                + "chờ ba ngày vẫn chưa có, hỏi thì nhân viên không trả lời");
        texts.add(ARTICLE + " Tôi thấy chuyện này ở bệnh viện tỉnh mình cũng xảy ra suốt: người nhà phải xin giấy tờ nhiều lần, "
                + "đi lại tốn kém, cán bộ thì hẹn lần hẹn lữa mãi không xong, đề nghị tỉnh chấn chỉnh ngay");
        assertThat(SharedPassage.repeats(texts)).isEqualTo(5);
    }

    @Test
    void differentOpinionsRepeatNothing() {
        assertThat(SharedPassage.repeats(List.of(
                "Đường vào thôn bị sạt lở sau mưa lớn, xe máy không đi được, học sinh phải lội bùn đến trường mỗi sáng",
                "Trạm y tế xã thiếu thuốc hạ sốt cho trẻ em, người dân phải mua ngoài với giá cao hơn nhiều so với trước",
                "Cảm ơn cán bộ phường đã hỗ trợ làm căn cước rất nhanh, thủ tục gọn gàng, thái độ niềm nở với người dân"))).isZero();
        assertThat(SharedPassage.repeats(List.of(ARTICLE, ARTICLE))).as("too few to say").isZero();
    }
}

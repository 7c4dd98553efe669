package vn.loa.listening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class QuarantineReasonsUnitTests {

    private final QuarantineReasons reasons = new QuarantineReasons(vn.loa.platform.MessageBundles.real());


    @Test
    void theImportersReasonsReadInVietnameseWithWhatTheyName() {
        Locale vi = Locale.of("vi");
        assertThat(reasons.shown("platform: unknown platform 'myspace'; one of facebook, zalo", vi))
                .isEqualTo("platform: không có nền tảng \"myspace\"; các nền tảng: facebook, zalo.");
        assertThat(reasons.shown("published_at: lies in the future", vi)).isEqualTo("published_at: thời điểm đăng ở tương lai.");
        assertThat(reasons.shown("text: longer than 100000 characters", vi)).isEqualTo("text: dài quá 100000 ký tự.");
        assertThat(reasons.shown("external_id: missing or empty", vi)).isEqualTo("external_id: thiếu hoặc để trống.");
        assertThat(reasons.shown("not valid UTF-8 (save the file as UTF-8)", vi))
                .isEqualTo("Không phải mã UTF-8 hợp lệ (hãy lưu tệp dưới dạng UTF-8).");
        assertThat(reasons.shown("not valid JSON: unterminated string at column 12", vi))
                .isEqualTo("Không phải JSON hợp lệ: lỗi ở cột 12 (unterminated string).");
        assertThat(reasons.shown("text: must be text or a number, not an object", vi))
                .isEqualTo("text: phải là chữ hoặc số, không phải một đối tượng JSON.");
        assertThat(reasons.shown("not a JSON object with the post's fields", Locale.ENGLISH))
                .isEqualTo("Not a JSON object with the post's fields.");
        assertThat(reasons.shown("source: 'demo-hotline' belongs to another agency; a token writes only into its own"
                + " agency's sources or new ones", vi))
                .isEqualTo("source: nguồn \"demo-hotline\" thuộc cơ quan khác; mã truy cập chỉ ghi vào nguồn của cơ quan mình"
                        + " hoặc nguồn mới.");
        assertThat(reasons.shown("source: 'x' belongs to another agency; a token writes only into its own"
                + " agency's sources or new ones", Locale.ENGLISH)).contains("agency's sources");
        assertThat(reasons.shown("text: contains a NUL character (\\u0000), which cannot be stored", vi))
                .isEqualTo("text: có ký tự NUL (\\u0000), không lưu được.");
        // a reason of no known form (an older version's) is shown as it was stored
        assertThat(reasons.shown("something new", vi)).isEqualTo("something new");
    }
}

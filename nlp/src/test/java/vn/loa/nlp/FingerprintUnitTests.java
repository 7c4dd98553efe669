package vn.loa.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.classify.LabeledData;
import vn.loa.nlp.classify.LabeledText;

class FingerprintUnitTests {

    private static final String POST = "Bệnh viện đa khoa tỉnh Ninh Thuận quá tải, người bệnh phải nằm ghép hai "
            + "người một giường suốt cả tuần, đề nghị Sở Y tế kiểm tra và có giải pháp ngay";

    @Test
    void aRepostWithSmallChangesIsANearDuplicate() {
        long original = Fingerprint.of(POST);
        long repost = Fingerprint.of(POST.replace("quá tải", "quá tải nghiêm trọng") + " 😡😡 #chiase");
        long withoutAccents = Fingerprint.of("Benh vien da khoa tinh Ninh Thuan qua tai, nguoi benh phai nam ghep hai "
                + "nguoi mot giuong suot ca tuan, de nghi So Y te kiem tra va co giai phap ngay");
        assertThat(Fingerprint.nearDuplicates(original, repost)).isTrue();
        assertThat(original).isEqualTo(withoutAccents);
    }

    @Test
    void anotherStoryIsFarAway() {
        long other = Fingerprint.of("Đội tuyển bóng đá tỉnh giành chiến thắng trong trận chung kết giải hạng nhì "
                + "quốc gia, người hâm mộ đổ ra đường ăn mừng đến khuya");
        assertThat(Fingerprint.nearDuplicates(Fingerprint.of(POST), other)).isFalse();
        assertThat(Fingerprint.similarity(Fingerprint.of(POST), other)).isLessThan(0.8);
    }

    @Test
    void textWithoutWordsHasTheEmptyFingerprint() {
        assertThat(Fingerprint.of("")).isZero();
        assertThat(Fingerprint.of("!!! 😭")).isZero();
    }

    /** On real comments: what a share adds around a text (hashtags, mentions, a link, emoji) leaves its fingerprint as it was. */
    @Test
    void sharingDecorationsLeaveTheFingerprintOfRealCommentsUnchanged() throws IOException {
        List<LabeledText> comments = LabeledData.read(SharedData.dir().resolve("vihsd/dev.jsonl"), "label").rows();
        int tried = 0;
        int unchanged = 0;
        int nearOther = 0;
        long previous = 0;
        for (LabeledText comment : comments) {
            String text = comment.text();
            if (text.contains("#") || text.contains("@") || text.contains("http") || text.split("\\s+").length < 10) {
                continue;
            }
            long fingerprint = Fingerprint.of(text);
            tried++;
            if (fingerprint == Fingerprint.of("#tinnong " + text + " 😡😡 #chiase #SởYTế @nguyen.van.an https://example.org/a?b=1")) {
                unchanged++;
            }
            if (previous != 0 && Fingerprint.nearDuplicates(fingerprint, previous)) {
                nearOther++;
            }
            previous = fingerprint;
        }
        assertThat(tried).isGreaterThan(500);
        assertThat(unchanged).isEqualTo(tried);
        // and different comments stay apart
        assertThat(nearOther).isLessThan(tried / 100);
    }
}

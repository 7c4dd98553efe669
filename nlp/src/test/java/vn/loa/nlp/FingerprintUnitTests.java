package vn.loa.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}

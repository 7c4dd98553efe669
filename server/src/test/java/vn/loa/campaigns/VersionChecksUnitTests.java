package vn.loa.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.loa.shared.SmsSegments;

class VersionChecksUnitTests {

    private final VersionChecks checks = new VersionChecks(new CampaignSettings(800, 160, 24, 4, 63_206, 2000, 10_485_760,
            "espeak-ng", 30));

    @Test
    void aLoudspeakerBulletinOf160SyllablesTakesAMinuteToRead() {
        String script = "Bà con chú ý. " + "người cao tuổi ".repeat(52);
        VersionChecks.Figures f = checks.of(VersionKind.LOUDSPEAKER, script);
        assertThat(f.syllables()).isEqualTo(160);
        assertThat(f.readingSeconds()).isEqualTo(60);
    }

    @Test
    void aBillboardTakesAtMostItsLinesOfItsCharacters() {
        assertThat(checks.of(VersionKind.BILLBOARD, "BẢO HIỂM Y TẾ\nCHO NGƯỜI CAO TUỔI\nĐĂNG KÝ TẠI\nTRẠM Y TẾ XÃ")
                .problems()).isEmpty();
        assertThat(checks.of(VersionKind.BILLBOARD, "MỘT\nHAI\nBA\nBỐN\nNĂM").problems())
                .containsExactly("campaigns.check.billboard-lines");
        assertThat(checks.of(VersionKind.BILLBOARD, "MỘT DÒNG QUÁ DÀI CHO BẢNG ĐIỆN TỬ").problems())
                .containsExactly("campaigns.check.billboard-line-length");
    }

    @Test
    void anSmsWithDiacriticsIsOfferedWithoutThem() {
        VersionChecks.Figures f = checks.of(VersionKind.SMS, "Đăng ký bảo hiểm y tế");
        assertThat(f.sms().encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
        assertThat(f.plainSms()).isEqualTo("Dang ky bao hiem y te");
        assertThat(f.plainCount().encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
        assertThat(checks.of(VersionKind.SMS, "Dang ky").plainSms()).isNull();
    }

    @Test
    void eachNetworkHasItsLimitCountingHashtagsAndLink() {
        assertThat(checks.of(VersionKind.ZALO_POST, "a".repeat(2000)).problems()).isEmpty();
        assertThat(checks.of(VersionKind.ZALO_POST, "a".repeat(2001)).problems())
                .containsExactly("campaigns.check.social-too-long");
        assertThat(checks.of(VersionKind.SOCIAL_POST, "a".repeat(2001)).problems()).isEmpty();
        assertThat(checks.of(VersionKind.SOCIAL_POST, "a".repeat(63_207)).problems())
                .containsExactly("campaigns.check.social-too-long");
        String published = VersionChecks.socialText("a".repeat(1980), "#BHYT #NguoiCaoTuoi", "https://syt.khanhhoa.gov.vn");
        assertThat(published).endsWith("\n\n#BHYT #NguoiCaoTuoi\nhttps://syt.khanhhoa.gov.vn");
        assertThat(checks.of(VersionKind.ZALO_POST, published).problems()).containsExactly("campaigns.check.social-too-long");
    }
}

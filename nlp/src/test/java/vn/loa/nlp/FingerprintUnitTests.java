package vn.loa.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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

    /**
     * On real comments of 20 to 80 words: one word changed, or one put before the text, leaves most of them within
     * {@value Fingerprint#NEAR_DUPLICATE_BITS} bits (three-syllable shingles, before 06/12/2026, kept about half), while
     * unrelated comments stay apart.
     */
    @Test
    void aOneWordEditOfARealCommentUsuallyStaysANearDuplicate() throws IOException {
        List<LabeledText> comments = LabeledData.read(SharedData.dir().resolve("vihsd/dev.jsonl"), "label").rows();
        String[] fillers = {"nhé", "ạ", "luôn", "1", "hôm nay", "thật", "quá", "mà"};
        Random random = new Random(6);
        List<Long> fingerprints = new ArrayList<>();
        int tried = 0;
        int kept = 0;
        for (LabeledText comment : comments) {
            String[] words = comment.text().trim().split("\\s+");
            if (words.length < 20 || words.length > 80) {
                continue;
            }
            String filler = fillers[random.nextInt(fillers.length)];
            String edited;
            if (random.nextBoolean()) {
                edited = filler + " " + String.join(" ", words);
            } else {
                words[random.nextInt(words.length)] = filler;
                edited = String.join(" ", words);
            }
            long fingerprint = Fingerprint.of(comment.text());
            fingerprints.add(fingerprint);
            tried++;
            if (Fingerprint.nearDuplicates(fingerprint, Fingerprint.of(edited))) {
                kept++;
            }
        }
        assertThat(tried).isGreaterThan(300);
        assertThat(kept).isGreaterThan(tried * 7 / 10);
        long near = 0;
        for (int i = 0; i < fingerprints.size(); i++) {
            for (int j = i + 1; j < fingerprints.size(); j++) {
                if (Fingerprint.nearDuplicates(fingerprints.get(i), fingerprints.get(j))) {
                    near++;
                }
            }
        }
        assertThat(near).isLessThanOrEqualTo(tried / 100);
    }

    /**
     * Word order counts ("chó cắn người" is not "người cắn chó"): the pairs of syllables keep it, where syllables alone
     * would give the words of a real comment in reverse order the comment's own fingerprint.
     */
    @Test
    void theWordsOfARealCommentInReverseOrderAreAnotherText() throws IOException {
        List<LabeledText> comments = LabeledData.read(SharedData.dir().resolve("vihsd/dev.jsonl"), "label").rows();
        int tried = 0;
        int apart = 0;
        for (LabeledText comment : comments) {
            List<String> words = new ArrayList<>(List.of(comment.text().trim().split("\\s+")));
            if (words.size() < 20 || words.size() > 80) {
                continue;
            }
            Collections.reverse(words);
            tried++;
            if (!Fingerprint.nearDuplicates(Fingerprint.of(comment.text()), Fingerprint.of(String.join(" ", words)))) {
                apart++;
            }
        }
        assertThat(tried).isGreaterThan(300);
        assertThat(apart).isGreaterThan(tried * 95 / 100);
    }
}

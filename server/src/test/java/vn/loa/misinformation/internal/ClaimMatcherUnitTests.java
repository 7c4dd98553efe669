package vn.loa.misinformation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.listening.PostRecords.PostRecord;
import vn.loa.nlp.Fingerprint;
import vn.loa.nlp.LongSet;
import vn.loa.nlp.analyze.TextAnalyzer;

/** Which new posts repeat a refuted claim, on real Vietnamese sentences. */
class ClaimMatcherUnitTests {

    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();
    private static final Instant REFUTED = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant LATER = REFUTED.plusSeconds(3600);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private final ClaimMatcher.Profile water = profile(1, "Nước máy ở Phan Rang bị nhiễm độc, người dân không được uống",
            "Khẩn cấp: nước máy ở Phan Rang bị nhiễm độc chì nặng, các gia đình tuyệt đối không được uống và nấu ăn, hãy chia sẻ");
    private final ClaimMatcher.Profile vaccine = profile(3,
            "Tiêm vắc xin sởi xong trẻ bị sốt cao co giật, mn ko cho con đi tiêm nha, chia sẻ ngay @Hội phụ huynh "
                    + "https://tinnong.example/vac-xin");
    private final ClaimMatcher.Profile fuel = profile(2, "Xăng dầu sẽ tăng giá gấp đôi từ tuần sau",
            "Tin nội bộ: từ thứ hai tuần sau giá xăng dầu sẽ tăng gấp đôi, mọi người đổ đầy bình ngay hôm nay");

    @Test
    void aRepostWithAFewWordsChangedIsANearDuplicateOfTheCasesPost() {
        List<ClaimMatcher.Match> matches = match(post(10, LATER,
                "Khẩn cấp: nước máy ở Phan Rang bị nhiễm độc chì nặng, các gia đình tuyệt đối không được uống và nấu ăn, chia sẻ ngay"));
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.caseId()).isEqualTo(1);
            assertThat(m.matchedBy()).isEqualTo("FINGERPRINT");
        });
    }

    /** Teencode, a mention and a link: the claim's fingerprint is a post's of the same words, not of their normal forms. */
    @Test
    void aPostThatRepeatsAClaimWrittenInTeencodeWordForWordMatchesItsFingerprint() {
        String claim = "Tiêm vắc xin sởi xong trẻ bị sốt cao co giật, mn ko cho con đi tiêm nha, chia sẻ ngay @Hội phụ huynh "
                + "https://tinnong.example/vac-xin";
        assertThat(ClaimMatcher.fingerprint(ANALYZER.normalize(claim)))
                .isEqualTo(ANALYZER.analyze(claim, DAY).fingerprint())
                .isNotEqualTo(Fingerprint.of(ANALYZER.normalize(claim).normalized()));
        assertThat(ClaimMatcher.match(List.of(vaccine), List.of(post(18, LATER, claim)))).singleElement()
                .satisfies(m -> {
                    assertThat(m.caseId()).isEqualTo(3);
                    assertThat(m.matchedBy()).isEqualTo("FINGERPRINT");
                    assertThat(m.similarity()).isEqualTo(1.0);
                });
    }

    @Test
    void aPostThatRetellsTheClaimInOtherWordsAroundItMatchesByText() {
        List<ClaimMatcher.Match> matches = match(post(11, LATER,
                "Mọi người ơi nghe nói nuoc may o Phan Rang bi nhiem doc, nguoi dan khong duoc uong, có thật không vậy?"));
        assertThat(matches).singleElement().satisfies(m -> {
            assertThat(m.caseId()).isEqualTo(1);
            assertThat(m.matchedBy()).isEqualTo("TEXT");
            assertThat(m.similarity()).isGreaterThanOrEqualTo(ClaimMatcher.CLAIM_CONTAINMENT);
        });
    }

    @Test
    void aRepostCutDownToPartOfTheCasesPostMatches() {
        assertThat(match(post(17, LATER, "giá xăng dầu sẽ tăng gấp đôi, mọi người đổ đầy bình ngay hôm nay")))
                .singleElement().satisfies(m -> {
                    assertThat(m.caseId()).isEqualTo(2);
                    assertThat(m.similarity()).isGreaterThanOrEqualTo(ClaimMatcher.POST_OVERLAP);
                });
    }

    @Test
    void postsOnTheSameSubjectThatDoNotRepeatTheClaimAreLeftAlone() {
        assertThat(match(post(12, LATER, "Công ty cấp nước Ninh Thuận thông báo lịch cắt nước ở Phan Rang ngày mai để sửa đường ống"),
                post(13, LATER, "Giá xăng dầu hôm nay giảm nhẹ theo điều chỉnh của liên bộ Công Thương và Tài chính"),
                post(14, LATER, "Nước"))).isEmpty();
    }

    @Test
    void aPostThatArrivedBeforeTheRefutationIsNotARepeat() {
        assertThat(match(post(15, REFUTED.minusSeconds(60), "Xăng dầu sẽ tăng giá gấp đôi từ tuần sau, đổ xăng ngay"))).isEmpty();
        assertThat(match(post(16, LATER, "Xăng dầu sẽ tăng giá gấp đôi từ tuần sau, đổ xăng ngay")))
                .extracting(ClaimMatcher.Match::caseId).containsExactly(2L);
    }

    private List<ClaimMatcher.Match> match(PostRecord... posts) {
        return ClaimMatcher.match(List.of(water, fuel), List.of(posts));
    }

    private static ClaimMatcher.Profile profile(long caseId, String claim, String... posts) {
        String normalizedClaim = ANALYZER.normalize(claim).normalized();
        List<LongSet> postPairs = new ArrayList<>();
        List<Long> fingerprints = new ArrayList<>();
        fingerprints.add(ClaimMatcher.fingerprint(ANALYZER.normalize(claim)));
        for (String text : posts) {
            String normalized = ANALYZER.normalize(text).normalized();
            fingerprints.add(ANALYZER.analyze(text, DAY).fingerprint());
            postPairs.add(LongSet.of(ClaimMatcher.pairs(normalized)));
        }
        return new ClaimMatcher.Profile(caseId, "SYT", REFUTED, fingerprints.stream().mapToLong(Long::longValue).toArray(),
                LongSet.of(ClaimMatcher.pairs(normalizedClaim)), postPairs);
    }

    private static PostRecord post(long id, Instant ingested, String text) {
        // labelled as the import labels a post
        String normalized = ANALYZER.normalize(text).normalized();
        return new PostRecord(id, "FACEBOOK", "test", "x" + id, null, null, ingested, null, text, null, "negative", "other",
                "clean", List.of(), normalized, ANALYZER.analyze(text, DAY).fingerprint(), ingested);
    }
}

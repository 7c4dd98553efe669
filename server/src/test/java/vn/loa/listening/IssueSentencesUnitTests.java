package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.loa.platform.MessageBundles;

/** What an issue's sentence says of opinion, from the real message bundles. */
class IssueSentencesUnitTests {

    private final IssueSentences sentences = new IssueSentences(MessageBundles.real());

    private static Trends.Issue issue(double negativeShare, long comments) {
        return issue(negativeShare, comments, 0);
    }

    private static Trends.Issue issue(double negativeShare, long comments, long sharedPassage) {
        return new Trends.Issue("k", List.of("mất nước"), "keyword", "mất nước", "mất nước", 60, 16, 1.0, 16.0, 20, 18, 2,
                Instant.parse("2026-12-03T02:00:00Z"), negativeShare, comments, 5.0, 5.0, null, List.of(), null, null,
                List.of(), List.of(), List.of(), List.of(), null, sharedPassage);
    }

    @Test
    void namesTheCaseOnlyToAReaderWhoMayOpenItAndTellsOthersOnlyThatTheMatterIsInHand() {
        Trends.Issue covered = issue(0.5, 4).withCoverage(new Trends.Coverage(42, "VERIFYING", false, "Tin đồn"));
        assertThat(sentences.action(covered, Locale.of("vi"))).isEqualTo("Đang xử lý: vụ việc số 42 (Đang xác minh).");
        Trends.Issue withheld = issue(0.5, 4).withCoverage(Trends.Coverage.withheld(false));
        assertThat(sentences.action(withheld, Locale.of("vi")))
                .isEqualTo("Đã được cơ quan chức năng của tỉnh tiếp nhận xử lý.");
        assertThat(sentences.sentence(withheld, Locale.ENGLISH)).endsWith("The province's authorities are already handling it.");
    }

    @Test
    void saysWhatShareOfCitizensCommentsIsNegativeAndHowManyThereAre() {
        assertThat(sentences.opinion(issue(0.75, 16), Locale.of("vi"))).isEqualTo("75% trong 16 bình luận của người dân là tiêu cực");
        assertThat(sentences.opinion(issue(0.75, 16), Locale.ENGLISH)).isEqualTo("75% of 16 comments by citizens are negative");
        assertThat(sentences.sentence(issue(0.75, 16), Locale.of("vi"))).contains("; 75% trong 16 bình luận của người dân là tiêu cực.");
    }

    @Test
    void anIssueOfNewsAloneIsNotCalledNegativeOpinion() {
        assertThat(sentences.opinion(issue(0, 0), Locale.of("vi"))).isEqualTo("chưa có bình luận của người dân, chỉ có tin bài");
        assertThat(sentences.sentence(issue(0, 0), Locale.ENGLISH)).contains("no comments by citizens yet: news only")
                .doesNotContain("% of");
    }

    @Test
    void anIssueWhosePostsRepeatOnePassageSaysSoAndNotSoManyOpinions() {
        assertThat(sentences.amount(issue(0.5, 4, 18), Locale.of("vi")))
                .endsWith("; 18 bài trong số đó mang cùng một đoạn văn được chia sẻ lại, mỗi bài thêm không quá 15 chữ "
                        + "của người đăng: một nội dung được chia sẻ nhiều lần, không phải 18 ý kiến riêng");
        assertThat(sentences.amount(issue(0.5, 4, 18), Locale.ENGLISH)).contains("18 of them carry one shared passage",
                "not 18 separate opinions");
        assertThat(sentences.sentence(issue(0.5, 4, 18), Locale.ENGLISH)).contains("18 of them carry one shared passage");
        // one post is no shared passage
        assertThat(sentences.amount(issue(0.5, 4, 1), Locale.of("vi"))).isEqualTo(sentences.amount(issue(0.5, 4, 0),
                Locale.of("vi"))).doesNotContain("đoạn văn");
    }

    @Test
    void thePolicyDomainAndTheNewsTopicThatRoseWithAnIssueAreToldApartAndNoNameIsListedTwice() {
        Trends.Issue base = issue(0.5, 4);
        Trends.Issue issue = new Trends.Issue(base.key(), base.words(), base.dimension(), base.value(), base.name(),
                base.windowMinutes(), base.recent(), base.expected(), base.growth(), base.observed(), base.authors(),
                base.storyCount(), base.firstSeen(), base.negativeShare(), base.comments(), base.burst(), base.score(),
                null, List.of(), null, null, List.of(), List.of(), List.of(),
                List.of(new Trends.Related("agency", "SYT", "Department of Health", 4.0),
                        new Trends.Related("place", "01@2025-07-01", "Phan Rang Ward", 3.0),
                        new Trends.Related("place", "02@2025-07-01", "Phan Rang Ward", 2.0),
                        new Trends.Related("domain", "health", null, 3.0),
                        new Trends.Related("topic", "Suc khoe", null, 2.0)),
                null, 0);
        assertThat(sentences.related(issue, 6, Locale.ENGLISH)).extracting(IssueSentences.RelatedSeries::label)
                .containsExactly("Department of Health", "Phan Rang Ward", "Health (policy domain)", "Health (topic)");
        assertThat(sentences.related(issue, 6, Locale.of("vi"))).extracting(IssueSentences.RelatedSeries::label)
                .containsExactly("Department of Health", "Phan Rang Ward", "Y tế (lĩnh vực)", "Sức khỏe (chủ đề)");
        assertThat(sentences.related(issue, 2, Locale.ENGLISH)).extracting(IssueSentences.RelatedSeries::dimension)
                .containsExactly("agency", "place");
    }
}

package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How issues are built from growing words and merged, on posts made for the purpose. A post's terms here are its
 * words separated by commas (the real pipeline uses the keyword extractor's words and pairs of words).
 */
class IssueFinderUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
    private long ids;

    /** 200 ordinary posts over the day, each with a few everyday words. */
    private List<IssueFinder.RecentPost> ordinaryDay() {
        List<IssueFinder.RecentPost> posts = new ArrayList<>();
        String[] everyday = {"giá xăng", "thời tiết", "bóng đá", "người dân", "chợ", "học sinh", "giao thông"};
        for (int i = 0; i < 200; i++) {
            posts.add(post(NOW.minus(i * 7L, ChronoUnit.MINUTES), "Người " + i, "neutral",
                    everyday[i % everyday.length] + "," + everyday[(i * 3 + 1) % everyday.length]));
        }
        return posts;
    }

    /** What normal looks like: the everyday words are common, "bệnh viện" is known, the rest is new. */
    private static IssueFinder.Baseline baseline() {
        Map<Long, Integer> frequency = new HashMap<>();
        for (String word : new String[] {"giá xăng", "thời tiết", "bóng đá", "người dân", "chợ", "học sinh", "giao thông"}) {
            frequency.put(key(word), 600);
        }
        frequency.put(key("bệnh viện"), 200);
        frequency.put(key("bức xúc"), 150);
        return new IssueFinder.Baseline(2000, frequency, new double[] {4, 8, 200}, term -> 0);
    }

    private IssueFinder.RecentPost post(Instant at, String author, String sentiment, String terms) {
        Map<Long, String> surfaces = new HashMap<>();
        for (String term : terms.split(",")) {
            surfaces.put(key(term.strip()), term.strip());
        }
        long id = ++ids;
        return new IssueFinder.RecentPost(id, at, author, 0, sentiment, "comment", List.of("SYT"), List.of(), null, "health", "FACEBOOK",
                terms.replace(',', ' '), surfaces.keySet(), surfaces);
    }

    private static IssueFinder.RecentPost asNews(IssueFinder.RecentPost p) {
        return new IssueFinder.RecentPost(p.id(), p.at(), p.author(), p.story(), p.sentiment(), "news", p.agencies(), p.places(),
                p.topic(), p.domain(), p.platform(), p.text(), p.terms(), p.surfaces());
    }

    private static IssueFinder.RecentPost withText(IssueFinder.RecentPost p, String text) {
        return new IssueFinder.RecentPost(p.id(), p.at(), p.author(), p.story(), p.sentiment(), p.register(), p.agencies(), p.places(),
                p.topic(), p.domain(), p.platform(), text, p.terms(), p.surfaces());
    }

    private static long key(String term) {
        return term.hashCode();
    }

    @Test
    void theNegativeShareIsCitizensOpinionAndABurstOfNegativeNewsRanksBelowOneOfNegativeComments() {
        List<IssueFinder.RecentPost> posts = ordinaryDay();
        // two bursts of the same size and pace, both read as negative: accident reports, and citizens' complaints
        for (int i = 0; i < 16; i++) {
            posts.add(asNews(post(NOW.minus(i, ChronoUnit.MINUTES), "Báo " + i, "negative", "đèo ngoạn mục,tai nạn")));
            posts.add(post(NOW.minus(i, ChronoUnit.MINUTES).minusSeconds(20), "Dân " + i, i < 12 ? "negative" : "neutral",
                    "nước sinh hoạt,mất nước"));
        }
        // and four comments among the accident reports, one of them negative
        for (int i = 0; i < 4; i++) {
            posts.add(post(NOW.minus(i, ChronoUnit.MINUTES).minusSeconds(40), "Người đọc " + i, i == 0 ? "negative" : "neutral",
                    "đèo ngoạn mục,tai nạn"));
        }
        List<IssueFinder.Found> issues = IssueFinder.find(posts, baseline(), NOW);
        IssueFinder.Found accidents = issues.stream().filter(f -> f.words().contains("tai nạn")).findFirst().orElseThrow();
        IssueFinder.Found water = issues.stream().filter(f -> f.words().contains("mất nước")).findFirst().orElseThrow();
        assertThat(accidents.posts()).hasSize(20);
        assertThat(accidents.comments()).isEqualTo(4);
        assertThat(accidents.negativeShare()).isEqualTo(0.25);
        assertThat(water.comments()).isEqualTo(16);
        assertThat(water.negativeShare()).isEqualTo(0.75);
        // the reports of harm do not read as public anger: the complaints rank first
        assertThat(issues.indexOf(water)).isLessThan(issues.indexOf(accidents));
    }

    @Test
    void anOrdinaryDayHasNoIssue() {
        assertThat(IssueFinder.find(ordinaryDay(), baseline(), NOW)).isEmpty();
    }

    @Test
    void wordsOfOneBurstAreOneIssueTitledByWhatIsNewAndTwoBurstsAreTwo() {
        List<IssueFinder.RecentPost> posts = ordinaryDay();
        // a burst in the last half hour: each complaint has one or two of its words and the hospital
        String[] complaints = {"bệnh viện,quá tải", "bệnh viện,thiếu thuốc", "bệnh viện,quá tải,bhyt", "thiếu thuốc,bhyt"};
        for (int i = 0; i < 16; i++) {
            posts.add(post(NOW.minus(i, ChronoUnit.MINUTES), "Dân " + i, "negative", complaints[i % complaints.length]));
        }
        // another burst, elsewhere, over the day: a bridge
        for (int i = 0; i < 12; i++) {
            posts.add(post(NOW.minus(i * 90L, ChronoUnit.MINUTES), "Khách " + i, "negative", "cầu tân an,sập nhịp"));
        }
        List<IssueFinder.Found> issues = IssueFinder.find(posts, baseline(), NOW);
        assertThat(issues).hasSize(2);
        IssueFinder.Found hospital = issues.stream().filter(f -> f.words().contains("quá tải")).findFirst().orElseThrow();
        assertThat(hospital.words()).contains("quá tải", "thiếu thuốc", "bhyt").doesNotContain("giá xăng");
        assertThat(hospital.posts()).hasSize(16);
        assertThat(hospital.windowMinutes()).isEqualTo(30);
        assertThat(hospital.authors()).isEqualTo(16);
        assertThat(hospital.negativeShare()).isEqualTo(1.0);
        assertThat(hospital.agency()).isEqualTo("SYT");
        assertThat(hospital.examples()).hasSize(3);
        IssueFinder.Found bridge = issues.stream().filter(f -> f.words().contains("sập nhịp") || f.words().contains("cầu tân an"))
                .findFirst().orElseThrow();
        assertThat(bridge.posts()).hasSize(12);
        assertThat(bridge.windowMinutes()).isEqualTo(1440);
        // the fresher, faster burst ranks first
        assertThat(issues.get(0)).isSameAs(hospital);
    }

    @Test
    void aCommonWordThatGrewWithTheBurstDoesNotBringInItsOtherPosts() {
        List<IssueFinder.RecentPost> posts = ordinaryDay();
        for (int i = 0; i < 12; i++) {
            posts.add(post(NOW.minus(i * 2L, ChronoUnit.MINUTES), "Dân " + i, "negative", "bức xúc,quá tải,bệnh viện"));
        }
        // older complaints that share a common word with the burst and nothing new
        for (int i = 0; i < 5; i++) {
            posts.add(post(NOW.minus(10, ChronoUnit.HOURS).plus(i, ChronoUnit.MINUTES), "Cũ " + i, "negative", "bức xúc,hồ sơ"));
        }
        List<IssueFinder.Found> issues = IssueFinder.find(posts, baseline(), NOW);
        assertThat(issues).hasSize(1);
        assertThat(issues.get(0).posts()).hasSize(12).noneMatch(p -> p.text().contains("hồ sơ"));
    }

    @Test
    void twoBurstsSharingACommonWordAreTwoIssues() {
        List<IssueFinder.RecentPost> posts = ordinaryDay();
        // an older story still spreading today, and a new burst: both say "bệnh viện", a word that grew with both
        for (int i = 0; i < 40; i++) {
            posts.add(post(NOW.minus(20 + i * 25L, ChronoUnit.MINUTES), "Người đọc " + i, "negative",
                    "bệnh viện,hồ sơ bệnh án,xuất viện"));
        }
        for (int i = 0; i < 14; i++) {
            posts.add(post(NOW.minus(i, ChronoUnit.MINUTES), "Dân " + i, "negative",
                    i % 2 == 0 ? "bệnh viện,quá tải,thiếu thuốc" : "bệnh viện,quá tải"));
        }
        List<IssueFinder.Found> issues = IssueFinder.find(posts, baseline(), NOW);
        assertThat(issues).hasSize(2);
        IssueFinder.Found burst = issues.stream().filter(f -> f.words().contains("quá tải")).findFirst().orElseThrow();
        IssueFinder.Found records = issues.stream().filter(f -> f.words().contains("hồ sơ bệnh án")).findFirst().orElseThrow();
        assertThat(burst.words()).doesNotContain("hồ sơ bệnh án", "xuất viện");
        assertThat(burst.posts()).hasSize(14).noneMatch(p -> p.text().contains("hồ sơ"));
        assertThat(records.posts()).hasSize(40).noneMatch(p -> p.text().contains("quá tải"));
    }

    @Test
    void aBurstOfManyNewWordsDoesNotCrowdOutASmallerOne() {
        List<IssueFinder.RecentPost> posts = ordinaryDay();
        // a long article shared 30 times in the last half hour: 90 words new today, each in every share
        StringBuilder article = new StringBuilder("lễ hội");
        for (int w = 0; w < 90; w++) {
            article.append(",từ mới ").append(w);
        }
        for (int i = 0; i < 30; i++) {
            posts.add(post(NOW.minus(i, ChronoUnit.MINUTES), "Bạn đọc " + i, "positive", article.toString()));
        }
        // and, over the day, a bridge: a smaller burst, with two new words
        for (int i = 0; i < 12; i++) {
            posts.add(post(NOW.minus(i * 90L, ChronoUnit.MINUTES), "Khách " + i, "negative", "cầu tân an,sập nhịp"));
        }
        List<IssueFinder.Found> issues = IssueFinder.find(posts, baseline(), NOW);
        assertThat(issues).anySatisfy(f -> assertThat(f.words()).contains("sập nhịp"));
        assertThat(issues).anySatisfy(f -> assertThat(f.words()).contains("lễ hội"));
        assertThat(issues).hasSize(2);
    }

    @Test
    void onePersonPostingManyTimesIsNotABurst() {
        List<IssueFinder.RecentPost> posts = ordinaryDay();
        for (int i = 0; i < 15; i++) {
            posts.add(post(NOW.minus(i, ChronoUnit.MINUTES), "Một người", "negative", "lừa đảo,quà tặng"));
        }
        assertThat(IssueFinder.find(posts, baseline(), NOW)).isEmpty();
    }

    @Test
    void abbreviationsAreShownAsWritten() {
        List<IssueFinder.RecentPost> posts = List.of(
                withText(post(NOW, "a", "negative", "x"), "Thẻ BHYT không dùng được"),
                withText(post(NOW, "b", "negative", "x"), "BHYT hết thuốc"),
                withText(post(NOW, "c", "negative", "x"), "quá tải"));
        assertThat(IssueFinder.asWritten("bhyt", posts)).isEqualTo("BHYT");
        assertThat(IssueFinder.asWritten("quá tải", posts)).isEqualTo("quá tải");
    }
}

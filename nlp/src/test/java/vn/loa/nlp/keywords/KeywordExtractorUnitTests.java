package vn.loa.nlp.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.segment.WordSegmenter;

class KeywordExtractorUnitTests {

    private static final KeywordExtractor EXTRACTOR = KeywordExtractor.standard(WordSegmenter.loadDefault());

    @Test
    void aStoryThatSpreadsStandsOutAgainstTheBackground() {
        List<String> hour = new ArrayList<>();
        String[] ordinary = {"Chúc mọi người cuối tuần vui vẻ", "Hôm nay trời nắng đẹp quá", "Giá xăng lại tăng rồi",
            "Đội tuyển đá hay lắm", "Cho mình hỏi đường về trung tâm thành phố", "Món này ngon tuyệt"};
        for (int i = 0; i < 20; i++) {
            hour.add("Bệnh viện tỉnh lại quá tải vì sốt xuất huyết, người bệnh nằm ghép lần " + i);
            hour.add(ordinary[i % ordinary.length]);
        }
        List<KeywordExtractor.Keyword> keywords = EXTRACTOR.extract(hour, 15, 2);
        assertThat(keywords).extracting(KeywordExtractor.Keyword::term).contains("sốt xuất huyết", "nằm ghép");
        assertThat(keywords.get(0).documents()).isEqualTo(20);
        assertThat(keywords).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void aBurstOfOutagesIsNamedByWhatIsLostNotOnlyByWhereAndForWhat() {
        // "mất", "thiếu" and "nước" are content words in a complaint: water lost, water lacking
        List<String> hour = new ArrayList<>();
        String[] ordinary = {"Chúc mọi người cuối tuần vui vẻ", "Hôm nay trời nắng đẹp quá", "Giá xăng lại tăng rồi",
            "Đội tuyển đá hay lắm", "Cho mình hỏi đường về trung tâm thành phố", "Món này ngon tuyệt"};
        String[] complaints = {"Khu dân cư gần chợ Phan Rang cũng mất nước sinh hoạt, đề nghị xử lý gấp",
            "Phường Phan Rang mất nước từ sáng, bà con không có nước nấu ăn", "Lại mất nước cả ngày, khổ quá",
            "Nhà tôi mất nước hai hôm rồi, gọi công ty cấp nước không ai nghe"};
        for (int i = 0; i < 12; i++) {
            hour.add(complaints[i % complaints.length] + " lần " + i);
            hour.add(ordinary[i % ordinary.length]);
        }
        List<String> terms = EXTRACTOR.extract(hour, 5, 2).stream().map(KeywordExtractor.Keyword::term).toList();
        assertThat(terms).contains("mất nước");
    }

    @Test
    void stopWordsAndRareTermsAreLeftOut() {
        List<KeywordExtractor.Keyword> keywords = EXTRACTOR.extract(
                List.of("và của là những thì mà", "và của là những thì mà", "ngoại lệ duy nhất"), 10, 2);
        assertThat(keywords).isEmpty();
    }

    @Test
    void theLogLikelihoodGrowsWithTheSurprise() {
        double common = KeywordExtractor.logLikelihood(10, 100, 1000, 10_000);
        double surprising = KeywordExtractor.logLikelihood(50, 100, 1000, 10_000);
        assertThat(surprising).isGreaterThan(common);
        assertThat(KeywordExtractor.logLikelihood(10, 100, 1000, 10_000)).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void markupInAPostIsNoSourceOfKeywords() {
        List<String> hour = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            hour.add("Chợ Phan Rang họp tràn ra đường <script>alert(" + i + ")</script> <img src=x onerror=alert(1)> lần " + i);
            hour.add("&lt;script&gt;document.cookie&lt;/script&gt; chợ Phan Rang kẹt xe <b>cả buổi</b> &amp; bẩn lần " + i);
        }
        List<String> terms = EXTRACTOR.extract(hour, 30, 2).stream().map(KeywordExtractor.Keyword::term).toList();
        java.util.Set<String> markup = java.util.Set.of("script", "alert", "img", "src", "onerror", "document", "cookie",
                "lt", "gt", "amp", "b", "x");
        assertThat(terms).contains("phan rang", "kẹt xe")
                .noneMatch(term -> java.util.Arrays.stream(term.split(" ")).anyMatch(markup::contains));
        assertThat(EXTRACTOR.termsOf("Giá <i>rau</i> tăng").values()).contains("rau", "giá").doesNotContain("i");
    }

    @Test
    void aLessThanSignThatStartsNoTagKeepsTheWordsAfterIt() {
        assertThat(Markup.strip("giá a < b nhưng <3 lắm")).isEqualTo("giá a < b nhưng <3 lắm");
        assertThat(Markup.strip("x<!-- ẩn -->y &#7843;nh &#x1EA3;nh")).isEqualTo("x y ảnh ảnh");
    }

    @Test
    void markupInANormalisedTextOrCutWithinATagIsMarkupToo() {
        // the stored normal form: tokens joined by single spaces, cut to its first characters
        assertThat(EXTRACTOR.termsOf("chợ phan rang < script > alert ( 1 ) < / script > ngập & lt ; b & gt ; nước "
                + "< img src = x onerror = alert ( document . cookie").values())
                .contains("phan rang", "ngập").noneMatch(term -> java.util.Arrays.stream(term.split(" "))
                        .anyMatch(java.util.Set.of("script", "alert", "img", "src", "onerror", "document", "cookie", "lt",
                                "gt", "b")::contains));
    }

    @Test
    void anEmptyBatchHasNoKeywords() {
        assertThat(EXTRACTOR.extract(List.of(), 10, 1)).isEmpty();
    }
}

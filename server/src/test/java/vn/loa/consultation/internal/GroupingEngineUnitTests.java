package vn.loa.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.normalize.TextNormalizer;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * The grouping of contributions into themes, on real-shaped Vietnamese comments: near duplicates (a word changed, typed
 * without diacritics) end in one group, and on the demo's 200 comments the groups per article match the themes their
 * authors meant.
 */
class GroupingEngineUnitTests {

    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();
    private static final WordSegmenter SEGMENTER = WordSegmenter.loadDefault();

    @Test
    void mergesNearDuplicatesEvenWithoutDiacriticsAndKeepsADifferentCommentApart() {
        GroupingEngine engine = new GroupingEngine(NORMALIZER, 0.9);
        List<GroupingEngine.Group> groups = engine.group(List.of(
                new GroupingEngine.Item(1, "Thu gom rác lúc 19 giờ đến 23 giờ là quá muộn, chó sủa, mùi hôi cả khu phố.", "negative"),
                new GroupingEngine.Item(2, "Thu gom rác lúc 19 giờ đến 23 giờ là quá trễ, chó sủa, mùi hôi cả khu phố.", "negative"),
                new GroupingEngine.Item(3, "Thu gom rac luc 19 gio den 23 gio la qua muon, cho sua, mui hoi ca khu pho.", "negative"),
                new GroupingEngine.Item(4, "Tôi ủng hộ phân loại rác tại nguồn, nên tuyên truyền nhiều hơn trên loa phường.", "positive")));
        assertThat(groups).hasSize(2);
        assertThat(groups.getFirst().members()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(groups.getFirst().nearDuplicates()).isEqualTo(2);
        assertThat(groups.getFirst().sentiments()).containsEntry("negative", 3);
        assertThat(groups.getFirst().label()).isNotBlank();
        assertThat(groups.get(1).members()).containsExactly(4L);
    }

    @Test
    void labelsAGroupByItsKeywordsWithDiacritics() {
        GroupingEngine engine = new GroupingEngine(NORMALIZER);
        List<GroupingEngine.Group> groups = engine.group(List.of(
                new GroupingEngine.Item(1, "Giờ thu gom buổi tối quá muộn, đề nghị thu gom sớm hơn.", null),
                new GroupingEngine.Item(2, "Thu gom lúc 23 giờ quá muộn, nên đổi giờ thu gom.", null),
                new GroupingEngine.Item(3, "Giờ thu gom ban đêm làm ồn, xin đổi giờ thu gom.", null)));
        assertThat(groups).hasSize(1);
        assertThat(groups.getFirst().keywords()).contains("thu gom");
        assertThat(groups.getFirst().sentiments()).containsEntry("unclear", 3);
    }

    @Test
    void withTheSegmenterALabelIsMadeOfWordsNeverOfSyllablesAcrossTwoWords() {
        List<GroupingEngine.Item> items = List.of(
                new GroupingEngine.Item(1, "Tôi hoan nghênh tỉnh ban hành quy định phân loại rác tại nguồn.", null),
                new GroupingEngine.Item(2, "Hoan nghênh tỉnh đã lấy ý kiến người dân về phân loại rác.", null),
                new GroupingEngine.Item(3, "Rất hoan nghênh tỉnh, quy định phân loại rác là cần thiết.", null));
        List<String> bySyllables = new GroupingEngine(NORMALIZER).group(items).getFirst().keywords();
        List<String> byWords = new GroupingEngine(NORMALIZER, SEGMENTER, GroupingEngine.DEFAULT_THRESHOLD).group(items)
                .getFirst().keywords();
        assertThat(bySyllables).as("syllable pairs").contains("nghênh tỉnh");
        assertThat(byWords).as("words").contains("hoan nghênh").doesNotContain("nghênh tỉnh", "loại rác");
    }

    @Test
    void aSyllableOfANameDoesNotNameAGroup() {
        // three places that share a syllable: "hòa" is in every comment, but only as part of a name
        List<GroupingEngine.Item> items = List.of(
                new GroupingEngine.Item(1, "Ở phường Phước Hòa xe rác đến muộn, đề nghị thu gom sớm hơn.", null),
                new GroupingEngine.Item(2, "Xã Vĩnh Hòa xe rác đến muộn, mong thu gom sớm hơn.", null),
                new GroupingEngine.Item(3, "Phường Ninh Hòa xe rác đến rất muộn, xin thu gom sớm hơn.", null));
        List<String> keywords = new GroupingEngine(NORMALIZER, SEGMENTER, GroupingEngine.DEFAULT_THRESHOLD).group(items)
                .getFirst().keywords();
        assertThat(keywords).doesNotContain("hòa").containsAnyOf("muộn", "sớm", "xe rác");
    }

    @Test
    void labelsAGroupByWordsAsTheConsultationWritesThemWithTheirDiacriticsNeverByWordsWithoutMeaning() {
        Map<String, List<GroupingEngine.Item>> byArticle = new LinkedHashMap<>();
        byArticle.put("a14", List.of(
                new GroupingEngine.Item(1, "Giá 420 ngàn một khối là cao, xe rác thu một bịch thì tính sao?", null),
                new GroupingEngine.Item(2, "Tính tiền theo khối thì thiệt cho hộ kinh doanh nhỏ.", null)));
        // typed without diacritics: its words are named as the other comments write them, or not at all
        byArticle.put("a8", List.of(new GroupingEngine.Item(3, "tinh theo khoi thi thiet qua, de nghi tinh theo can ky",
                null)));
        // nothing here names a theme: "thêm", "năm" and "tỉnh" say nothing of what the comment is about
        byArticle.put("draft", List.of(
                new GroupingEngine.Item(4, "Tôi đồng ý với dự thảo, không có ý kiến thêm.", null),
                new GroupingEngine.Item(5, "Năm nay tỉnh làm thế là được.", null)));
        // two words that fold alike ("sáp", "sắp"): the syllable they share is neither
        byArticle.put("a23", List.of(
                new GroupingEngine.Item(6, "Phường mới sáp nhập, dân chưa được hướng dẫn phân loại.", null),
                new GroupingEngine.Item(7, "Mong có ứng dụng báo xe rác sắp tới để kịp phân loại.", null)));
        Map<String, List<GroupingEngine.Group>> groups = new GroupingEngine(NORMALIZER, SEGMENTER,
                GroupingEngine.DEFAULT_THRESHOLD).group(byArticle);
        assertThat(groups.get("a23").stream().flatMap(g -> g.keywords().stream())).doesNotContain("sáp", "sắp");
        List<String> typedWithout = groups.get("a8").getFirst().keywords();
        assertThat(typedWithout).contains("khối").doesNotContain("khoi", "tinh", "thiet")
                .allSatisfy(k -> assertThat(k).isNotEqualTo(vn.loa.nlp.AccentFolding.fold(k)));
        assertThat(groups.get("a14").stream().flatMap(g -> g.keywords().stream())).contains("khối");
        assertThat(groups.get("draft")).isNotEmpty().allSatisfy(g -> {
            assertThat(g.keywords()).isEmpty();
            assertThat(g.label()).isEmpty();
        });
    }

    @Test
    void findsTheAuthorsThemesInTheDemoComments() {
        Measure measure = measure(new GroupingEngine(NORMALIZER));
        System.out.println("grouping on comments.csv: " + measure);
        for (var article : byArticle().entrySet()) {
            for (GroupingEngine.Group group : new GroupingEngine(NORMALIZER, SEGMENTER, GroupingEngine.DEFAULT_THRESHOLD)
                    .group(article.getValue())) {
                System.out.println(article.getKey() + " (" + group.members().size() + "): " + group.label());
            }
        }
        assertThat(measure.purity()).as("purity").isGreaterThanOrEqualTo(0.90);
        assertThat(measure.inversePurity()).as("inverse purity").isGreaterThanOrEqualTo(0.78);
        assertThat(measure.themesFound()).as("themes found as the majority of a group").isGreaterThanOrEqualTo(14);
        assertThat(measure.groups()).as("groups").isLessThanOrEqualTo(40);
    }

    record Measure(int comments, int groups, double purity, double inversePurity, int themesFound, int themes) {
    }

    private static Map<String, List<GroupingEngine.Item>> byArticle() {
        List<DemoCommentsCsv> comments = DemoCommentsCsv.load();
        Map<String, List<GroupingEngine.Item>> byArticle = new LinkedHashMap<>();
        for (int i = 0; i < comments.size(); i++) {
            DemoCommentsCsv c = comments.get(i);
            byArticle.computeIfAbsent(c.article().isEmpty() ? "draft" : c.article(), k -> new ArrayList<>())
                    .add(new GroupingEngine.Item(i, c.text(), null));
        }
        return byArticle;
    }

    static Measure measure(GroupingEngine engine) {
        List<DemoCommentsCsv> comments = DemoCommentsCsv.load();
        Map<String, List<GroupingEngine.Item>> byArticle = new LinkedHashMap<>();
        Map<Long, String> theme = new HashMap<>();
        for (int i = 0; i < comments.size(); i++) {
            DemoCommentsCsv c = comments.get(i);
            byArticle.computeIfAbsent(c.article().isEmpty() ? "draft" : c.article(), k -> new ArrayList<>())
                    .add(new GroupingEngine.Item(i, c.text(), null));
            theme.put((long) i, c.theme());
        }
        int majority = 0;
        int groups = 0;
        Set<String> found = new TreeSet<>();
        Map<String, Map<String, Integer>> bestOverlap = new HashMap<>();
        for (var article : engine.group(byArticle).entrySet()) {
            for (GroupingEngine.Group group : article.getValue()) {
                groups++;
                Map<String, Integer> counts = new HashMap<>();
                group.members().forEach(id -> counts.merge(theme.get(id), 1, Integer::sum));
                var top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
                majority += top.getValue();
                found.add(top.getKey());
                String key = article.getKey() + "#" + groups;
                counts.forEach((t, n) -> bestOverlap.computeIfAbsent(t, k -> new HashMap<>()).merge(key, n,
                        Integer::sum));
            }
        }
        int inverse = bestOverlap.values().stream()
                .mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).max().orElse(0)).sum();
        int n = comments.size();
        return new Measure(n, groups, (double) majority / n, (double) inverse / n, found.size(),
                new TreeSet<>(theme.values()).size());
    }

    /**
     * Writes every group of the demo comments with its label and its comments to the file named by
     * {@code -Dgrouping.dump=...}, for a reader's review: {@code -Dtest=GroupingEngineUnitTests#dump}.
     */
    @Test
    void dump() throws Exception {
        String file = System.getProperty("grouping.dump");
        if (file == null) {
            return;
        }
        List<DemoCommentsCsv> comments = DemoCommentsCsv.load();
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (var article : new GroupingEngine(NORMALIZER, SEGMENTER, GroupingEngine.DEFAULT_THRESHOLD).group(byArticle())
                .entrySet()) {
            out.append("\n## ").append(article.getKey().equals("draft") ? "whole draft" : "Điều " + article.getKey())
                    .append('\n');
            for (GroupingEngine.Group group : article.getValue()) {
                out.append("\n### G").append(++n).append(" label: ").append(group.label()).append(" (")
                        .append(group.members().size()).append(" comments)\n");
                group.members().forEach(id -> out.append("- ").append(comments.get(id.intValue()).text()).append('\n'));
            }
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(file), out);
    }

    /** Prints the figures per threshold, to choose one: {@code -Dtest=GroupingEngineUnitTests#sweep}. */
    @Test
    void sweep() {
        if (System.getProperty("grouping.sweep") == null) {
            return;
        }
        for (double t : new double[] {0.02, 0.025, 0.03, 0.035, 0.04, 0.05, 0.06}) {
            System.out.println(t + " -> " + measure(new GroupingEngine(NORMALIZER, t)));
        }
    }
}

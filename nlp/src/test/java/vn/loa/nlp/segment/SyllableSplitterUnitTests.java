package vn.loa.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the units word segmentation works on, on real Vietnamese sentences with exact
 * offsets: what UD Vietnamese VTB keeps whole stays whole, and nothing else is glued.
 */
class SyllableSplitterUnitTests {

    /** The units of a text as "text@start-end". */
    private static List<String> tokens(String text) {
        return spans(text, SyllableSplitter.tokens(text));
    }

    private static List<String> spans(String text, SyllableSplitter.Syllabified split) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < split.count(); i++) {
            out.add(text.substring(split.starts()[i], split.ends()[i]) + "@" + split.starts()[i] + "-" + split.ends()[i]);
        }
        return out;
    }

    @Test
    void keepsAnEllipsisWhole() {
        assertThat(tokens("Chờ mãi... rồi thôi."))
                .containsExactly("Chờ@0-3", "mãi@4-7", "...@7-10", "rồi@11-14", "thôi@15-19", ".@19-20");
        assertThat(tokens("Vậy thì . . . sao?")).containsExactly("Vậy@0-3", "thì@4-7", ".@8-9", ".@10-11", ".@12-13",
                "sao@14-17", "?@17-18");
    }

    @Test
    void keepsAbbreviationsAndInitialsWhole() {
        assertThat(tokens("Sở GD-ĐT TP. HCM họp")).containsExactly("Sở@0-2", "GD-ĐT@3-8", "TP.@9-12", "HCM@13-16", "họp@17-20");
        assertThat(tokens("UBND TP.HCM và UBND q.1 họp."))
                .containsExactly("UBND@0-4", "TP.HCM@5-11", "và@12-14", "UBND@15-19", "q.1@20-23", "họp@24-27", ".@27-28");
        assertThat(tokens("Ông Nguyễn V. Hùng và PGS. TS. Lê Thị Hà.")).containsExactly("Ông@0-3", "Nguyễn@4-10", "V.@11-13",
                "Hùng@14-18", "và@19-21", "PGS.@22-26", "TS.@27-30", "Lê@31-33", "Thị@34-37", "Hà@38-40", ".@40-41");
        assertThat(tokens("Tp.HCM")).containsExactly("Tp.HCM@0-6");
        assertThat(tokens("anh H. (35 tuổi) nói")).containsExactly("anh@0-3", "H.@4-6", "(@7-8", "35@8-10", "tuổi@11-15",
                ")@15-16", "nói@17-20");
    }

    @Test
    void leavesTheFullStopOfASentenceThatEndsInCapitalsOrASyllable() {
        assertThat(tokens("tăng trưởng của VN.")).containsExactly("tăng@0-4", "trưởng@5-11", "của@12-15", "VN@16-18", ".@18-19");
        assertThat(tokens("ở Hà Nội. Sau đó")).containsExactly("ở@0-1", "Hà@2-4", "Nội@5-8", ".@8-9", "Sau@10-13", "đó@14-16");
        assertThat(tokens("về Mỹ.Theo")).containsExactly("về@0-2", "Mỹ@3-5", ".@5-6", "Theo@6-10");
        assertThat(tokens("ở.Tại")).containsExactly("ở@0-1", ".@1-2", "Tại@2-5");
        assertThat(tokens("gặp TP...")).containsExactly("gặp@0-3", "TP@4-6", "...@6-9");
    }

    @Test
    void keepsAPercentageWhole() {
        assertThat(tokens("Tỷ lệ đạt 95%, cao hơn 10-15% năm 2003.")).containsExactly("Tỷ@0-2", "lệ@3-5", "đạt@6-9", "95%@10-13",
                ",@13-14", "cao@15-18", "hơn@19-22", "10-15%@23-29", "năm@30-33", "2003@34-38", ".@38-39");
        assertThat(tokens("98 % số hộ")).containsExactly("98@0-2", "%@3-4", "số@5-7", "hộ@8-10");
    }

    @Test
    void keepsDatesScoresAndCodesWithHyphensWhole() {
        assertThat(tokens("Ngày 30-4-2004, đội thắng 2-1.")).containsExactly("Ngày@0-4", "30-4-2004@5-14", ",@14-15", "đội@16-19",
                "thắng@20-25", "2-1@26-29", ".@29-30");
        assertThat(tokens("xe 43H-016 theo Quyết định 07/CT-TTg về Covid-19")).containsExactly("xe@0-2", "43H-016@3-10",
                "theo@11-15", "Quyết@16-21", "định@22-26", "07/CT-TTg@27-36", "về@37-39", "Covid-19@40-48");
    }

    @Test
    void keepsHyphenatedAcronymsWholeButNotHyphenatedSyllables() {
        assertThat(tokens("Sở GD-ĐT và QĐ-UBND")).containsExactly("Sở@0-2", "GD-ĐT@3-8", "và@9-11", "QĐ-UBND@12-19");
        assertThat(tokens("Phan Rang-Tháp Chàm")).containsExactly("Phan@0-4", "Rang@5-9", "-@9-10", "Tháp@10-14", "Chàm@15-19");
        assertThat(tokens("GD - ĐT")).containsExactly("GD@0-2", "-@3-4", "ĐT@5-7");
    }

    @Test
    void keepsAWebAddressWholeWithoutTheFullStopAfterIt() {
        assertThat(tokens("Xem www.ninhthuan.gov.vn.")).containsExactly("Xem@0-3", "www.ninhthuan.gov.vn@4-24", ".@24-25");
        assertThat(tokens("(https://a.vn/tin?id=1)")).containsExactly("(@0-1", "https://a.vn/tin?id=1@1-22", ")@22-23");
    }

    @Test
    void staysUnicodeAwareWithDecomposedText() {
        String decomposed = java.text.Normalizer.normalize("Sở GD-ĐT TP. Hồ", java.text.Normalizer.Form.NFD);
        List<String> units = tokens(decomposed);
        assertThat(units).hasSize(4);
        assertThat(units.get(1)).startsWith("GD-Đ");
        assertThat(units.get(2)).startsWith("TP.@");
    }

    @Test
    void leavesTheSyllablesOfOtherStagesAsTheyWere() {
        String text = "Sở GD-ĐT TP. HCM: 95% ngày 30-4-2004...";
        assertThat(spans(text, SyllableSplitter.split(text))).containsExactly("Sở@0-2", "GD@3-5", "-@5-6", "ĐT@6-8",
                "TP@9-11", ".@11-12", "HCM@13-16", ":@16-17", "95@18-20", "%@20-21", "ngày@22-26", "30@27-29",
                "-@29-30", "4@30-31", "-@31-32", "2004@32-36", ".@36-37", ".@37-38", ".@38-39");
    }

    @Test
    void everyUnitIsMadeOfWholeSyllablesSideBySide() {
        Random random = new Random(11);
        String alphabet = "aAđĐêHPTVNq01349 .-%/:,()w\u0301\t";
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = random.nextInt(10) == 0 ? "www." + text : text.toString();
            SyllableSplitter.Syllabified syllables = SyllableSplitter.split(input);
            SyllableSplitter.Syllabified units = SyllableSplitter.tokens(input);
            Set<Integer> boundaries = new HashSet<>();
            for (int i = 0; i < syllables.count(); i++) {
                boundaries.add(syllables.starts()[i]);
                boundaries.add(-1 - syllables.ends()[i]);
            }
            int previousEnd = 0;
            for (int i = 0; i < units.count(); i++) {
                assertThat(units.starts()[i]).isGreaterThanOrEqualTo(previousEnd);
                assertThat(units.ends()[i]).isGreaterThan(units.starts()[i]);
                assertThat(boundaries).contains(units.starts()[i], -1 - units.ends()[i]);
                assertThat(input.substring(units.starts()[i], units.ends()[i])).doesNotContainAnyWhitespaces();
                previousEnd = units.ends()[i];
            }
        }
    }
}

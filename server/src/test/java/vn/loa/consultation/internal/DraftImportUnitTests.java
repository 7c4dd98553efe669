package vn.loa.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import vn.loa.consultation.ArticleDiff;
import vn.loa.consultation.ArticleDiff.Change;
import vn.loa.consultation.ArticleDiff.Mark;
import vn.loa.consultation.DraftUnit;
import vn.loa.consultation.UnitKind;

/**
 * Splitting drafts typed in Word into chapters, articles, clauses and points: the demo regulation as a drafting
 * department types it, the same with Word's automatic numbering, a Decision wrapping the regulation, and the
 * article-by-article difference between the consulted and the final text.
 */
class DraftImportUnitTests {

    static List<String> demo(String name) {
        try (InputStream in = DraftImportUnitTests.class.getResourceAsStream("/consultation/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<DraftParser.Part> parse(byte[] docx) {
        return DraftParser.parse(DocxParagraphs.read(docx));
    }

    static Map<String, DraftParser.Part> byKey(List<DraftParser.Part> parts) {
        return parts.stream().collect(Collectors.toMap(DraftParser.Part::key, Function.identity()));
    }

    @Test
    void keepsTheNumberingOfTheDemoRegulation() {
        List<DraftParser.Part> parts = parse(DemoDraftDocument.of(demo("draft-v1.txt")));
        assertThat(parts.get(0).kind()).isEqualTo(UnitKind.PREAMBLE);
        assertThat(parts.get(0).body()).startsWith("QUY ĐỊNH\nVề phân loại");
        assertThat(parts.stream().filter(p -> p.kind() == UnitKind.CHAPTER).map(DraftParser.Part::number))
                .containsExactly("I", "II", "III", "IV", "V");
        assertThat(parts.stream().filter(p -> p.kind() == UnitKind.ARTICLE)).hasSize(24);
        Map<String, DraftParser.Part> keys = byKey(parts);
        assertThat(keys.get("c2").heading()).isEqualTo("PHÂN LOẠI CHẤT THẢI RẮN SINH HOẠT TẠI NGUỒN");
        DraftParser.Part article5 = keys.get("a5");
        assertThat(article5.heading()).isEqualTo("Phân loại chất thải rắn sinh hoạt tại nguồn");
        assertThat(parts.get(article5.parent()).key()).isEqualTo("c2");
        assertThat(keys.get("a5.k4").body()).startsWith("Chất thải nguy hại phát sinh");
        assertThat(parts.stream().filter(p -> p.key().startsWith("a5.k4.p")).map(DraftParser.Part::number))
                .containsExactly("a", "b", "c", "d", "đ");
        assertThat(keys.get("a5.k4.pđ").body()).startsWith("Dầu nhớt thải");
        assertThat(parts.get(keys.get("a5.k4.pđ").parent()).key()).isEqualTo("a5.k4");
        assertThat(keys.get("a2").body()).startsWith("Quy định này áp dụng đối với");
        assertThat(keys).doesNotContainKey("a2.k1");
        assertThat(keys.get("a3").body()).isEqualTo("Trong Quy định này, các từ ngữ dưới đây được hiểu như sau:");
        assertThat(keys).containsKeys("a3.k1", "a3.k5", "a24");
    }

    @Test
    void writesOutWordsAutomaticNumbering() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFNumbering numbering = document.createNumbering();
            CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
            abstractNum.setAbstractNumId(BigInteger.ONE);
            level(abstractNum, 0, STNumberFormat.DECIMAL, "Điều %1.");
            level(abstractNum, 1, STNumberFormat.DECIMAL, "%2.");
            level(abstractNum, 2, STNumberFormat.LOWER_LETTER, "%3)");
            BigInteger numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum)));
            document.createParagraph().createRun().setText("QUY ĐỊNH VỀ THỬ NGHIỆM");
            numbered(document, numId, 0, "Phạm vi");
            numbered(document, numId, 1, "Khoản một của điều một");
            numbered(document, numId, 1, "Khoản hai gồm:");
            numbered(document, numId, 2, "Điểm thứ nhất;");
            numbered(document, numId, 2, "Điểm thứ hai.");
            numbered(document, numId, 0, "Đối tượng");
            numbered(document, numId, 1, "Khoản một của điều hai");
            document.write(out);
            docx = out.toByteArray();
        }
        assertThat(DocxParagraphs.read(docx)).containsSequence("Điều 1. Phạm vi", "1. Khoản một của điều một");
        Map<String, DraftParser.Part> keys = byKey(parse(docx));
        assertThat(keys).containsOnlyKeys("p", "a1", "a1.k1", "a1.k2", "a1.k2.pa", "a1.k2.pb", "a2", "a2.k1");
        assertThat(keys.get("a1").heading()).isEqualTo("Phạm vi");
        assertThat(keys.get("a1.k2.pb").body()).isEqualTo("Điểm thứ hai.");
        assertThat(keys.get("a2.k1").body()).isEqualTo("Khoản một của điều hai");
    }

    private static void level(CTAbstractNum abstractNum, int level, STNumberFormat.Enum format, String text) {
        CTLvl lvl = abstractNum.addNewLvl();
        lvl.setIlvl(BigInteger.valueOf(level));
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(format);
        lvl.addNewLvlText().setVal(text);
    }

    private static void numbered(XWPFDocument document, BigInteger numId, int level, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setNumID(numId);
        paragraph.setNumILvl(BigInteger.valueOf(level));
        paragraph.createRun().setText(text);
    }

    @Test
    void keepsAWrappingDecisionsArticlesInThePreamble() {
        List<String> lines = new ArrayList<>(demo("decision.txt"));
        lines.addAll(demo("draft-v1.txt"));
        List<DraftParser.Part> parts = parse(DemoDraftDocument.of(lines));
        assertThat(parts.get(0).kind()).isEqualTo(UnitKind.PREAMBLE);
        assertThat(parts.get(0).body()).contains("QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này")
                .contains("Điều 3.").endsWith("(Kèm theo Quyết định số /2026/QĐ-UBND ngày tháng năm 2026 của Ủy ban nhân dân tỉnh Khánh Hòa)");
        assertThat(parts.stream().filter(p -> p.kind() == UnitKind.ARTICLE)).hasSize(24);
        assertThat(byKey(parts).get("a1").heading()).isEqualTo("Phạm vi điều chỉnh");
    }

    @Test
    void refusesWhatIsNotADocxOrHasNoArticle() {
        assertThatThrownBy(() -> DocxParagraphs.read("Điều 1. Phạm vi".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DocxParagraphs.NotDocx.class);
        assertThatThrownBy(() -> DocxParagraphs.read(new byte[] {'P', 'K', 3, 4, 0, 0}))
                .isInstanceOf(DocxParagraphs.NotDocx.class);
        assertThatThrownBy(() -> parse(DemoDraftDocument.of(List.of("KẾ HOẠCH", "Tuyên truyền về rác thải"))))
                .isInstanceOf(DraftParser.NoArticle.class);
    }

    static List<DraftUnit> units(List<DraftParser.Part> parts) {
        List<DraftUnit> units = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            DraftParser.Part p = parts.get(i);
            units.add(new DraftUnit(i, p.parent() < 0 ? null : (long) p.parent(), p.kind(), p.number(), p.heading(),
                    p.body(), p.key(), i));
        }
        return units;
    }

    @Test
    void comparesTheConsultedAndTheFinalTextArticleByArticle() {
        List<DraftUnit> v1 = units(parse(DemoDraftDocument.of(demo("draft-v1.txt"))));
        List<DraftUnit> v2 = units(parse(DemoDraftDocument.of(demo("draft-v2.txt"))));
        List<ArticleDiff> diff = DraftComparison.compare(v1, v2);
        Map<String, ArticleDiff> byKey = diff.stream().collect(Collectors.toMap(ArticleDiff::key, Function.identity()));
        assertThat(diff).hasSize(25);
        assertThat(diff.stream().map(ArticleDiff::key).toList()).containsSubsequence("a12", "a12a", "a13");
        assertThat(byKey.get("a12a").change()).isEqualTo(Change.ADDED);
        assertThat(byKey.get("a12a").label()).isEqualTo("Điều 12a.");
        assertThat(byKey.get("a12a").after().get(0).text()).contains("trên các đảo có dân cư");
        assertThat(diff.stream().filter(d -> d.change() == Change.CHANGED).map(ArticleDiff::key))
                .containsExactlyInAnyOrder("a6", "a8", "a10", "a12", "a14", "a17", "a22", "a23");
        assertThat(byKey.get("a1").change()).isEqualTo(Change.UNCHANGED);
        assertThat(diff).noneMatch(d -> d.change() == Change.REMOVED);
        ArticleDiff article22 = byKey.get("a22");
        assertThat(removed(article22)).contains("công khai tên, địa chỉ trên hệ thống loa truyền thanh");
        assertThat(added(article22)).doesNotContain("công khai tên");
        ArticleDiff article23 = byKey.get("a23");
        assertThat(removed(article23)).contains("01").contains("2027");
        assertThat(added(article23)).contains("Trong 06 tháng đầu kể từ ngày thực hiện");
        String before = article23.before().stream().map(ArticleDiff.Segment::text).collect(Collectors.joining());
        assertThat(before).contains("1. Các phường thực hiện phân loại").contains("\n2. Các xã");
    }

    @Test
    void marksARemovedArticle() {
        List<DraftUnit> v2 = units(parse(DemoDraftDocument.of(demo("draft-v2.txt"))));
        List<DraftUnit> v1 = units(parse(DemoDraftDocument.of(demo("draft-v1.txt"))));
        List<ArticleDiff> backwards = DraftComparison.compare(v2, v1);
        assertThat(backwards).filteredOn(d -> d.change() == Change.REMOVED).extracting(ArticleDiff::key)
                .containsExactly("a12a");
        assertThat(backwards.stream().map(ArticleDiff::key).toList()).containsSubsequence("a12", "a12a", "a13");
    }

    @Test
    void diffsWordByWord() {
        WordDiff.Sides sides = WordDiff.of("thu gom từ 19 giờ 00 đến 23 giờ", "thu gom từ 16 giờ 30 đến 20 giờ 30");
        assertThat(sides.before()).extracting(ArticleDiff.Segment::mark)
                .containsExactly(Mark.SAME, Mark.REMOVED, Mark.SAME, Mark.REMOVED, Mark.SAME, Mark.REMOVED, Mark.SAME);
        assertThat(sides.after().stream().filter(s -> s.mark() == Mark.ADDED).map(s -> s.text().strip()))
                .containsExactly("16", "30", "20", "30");
        assertThat(WordDiff.of("", "").before()).isEmpty();
        String many = "từ ".repeat(3000);
        WordDiff.Sides huge = WordDiff.of("đầu " + many + "giữa " + "x ".repeat(2500) + "cuối",
                "đầu " + many + "khác " + "y ".repeat(2500) + "cuối");
        assertThat(huge.before()).extracting(ArticleDiff.Segment::mark).containsExactly(Mark.SAME, Mark.REMOVED, Mark.SAME);
        assertThat(huge.after().get(1).text().strip()).startsWith("khác y y");
    }

    private static String removed(ArticleDiff diff) {
        return diff.before().stream().filter(s -> s.mark() == Mark.REMOVED).map(ArticleDiff.Segment::text)
                .collect(Collectors.joining(" | "));
    }

    private static String added(ArticleDiff diff) {
        return diff.after().stream().filter(s -> s.mark() == Mark.ADDED).map(ArticleDiff.Segment::text)
                .collect(Collectors.joining(" | "));
    }
}

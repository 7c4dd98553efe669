package vn.loa.nlp.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

class VietnameseAnalyzerUnitTests {

    private static final VietnameseAnalyzer ANALYZER = VietnameseAnalyzer.standard();

    @Test
    void emitsSyllablesWordsAndTheirFoldedFormsWithOffsets() throws IOException {
        String text = "Bệnh viện tỉnh quá tải!";
        assertThat(terms(text)).containsExactly(
                "bệnh@0-4+1", "~benh@0-4+0", "bệnh_viện@0-9+0", "~benh_vien@0-9+0", "viện@5-9+1", "~vien@5-9+0",
                "tỉnh@10-14+1", "~tinh@10-14+0",
                "quá@15-18+1", "~qua@15-18+0", "quá_tải@15-22+0", "~qua_tai@15-22+0", "tải@19-22+1", "~tai@19-22+0");
        assertThat(terms("benh vien qua tai")).startsWith("benh@0-4+1", "=benh@0-4+0", "benh_vien@0-9+0",
                "=benh_vien@0-9+0", "vien@5-9+1", "=vien@5-9+0");
        assertThat(terms(ANALYZER.queries(), "Bệnh viện tp")).containsExactly("bệnh@0-4+1", "=benh@0-4+0",
                "bệnh_viện@0-9+0", "=benh_vien@0-9+0", "viện@5-9+1", "=vien@5-9+0", "tp@10-12+1");
        assertThat(terms(ANALYZER.queries(), "benh vien")).containsExactly("benh@0-4+1", "~benh@0-4+0", "benh_vien@0-9+0",
                "~benh_vien@0-9+0", "vien@5-9+1", "~vien@5-9+0");
    }

    @Test
    void aWordTypedWithDiacriticsFindsItAsTypedOrWrittenWithoutThemButNotWithOtherDiacritics() throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
                add(writer, "Hơn 40 học sinh bị ngộ độc thực phẩm sau bữa trưa");
                add(writer, "Ong ba an com xong bi ngo doc, phai vao vien");
                add(writer, "Bác nông dân vừa bẻ ngô vừa đọc báo");
                add(writer, "Đường lên xã bị sát lở, xe chạy sát mép");
                add(writer, "Thiên tai làm hỏng mùa màng, nông dân lo lắng");
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder marksFirst = new MarksFirstQueryBuilder(ANALYZER.queries());
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "ngộ độc", BooleanClause.Occur.MUST))).isEqualTo(2);
                assertThat(hits(searcher, marksFirst.createPhraseQuery("text", "ngộ độc"))).isEqualTo(2);
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "ngo doc", BooleanClause.Occur.MUST))).isEqualTo(3);
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "sạt lở", BooleanClause.Occur.MUST))).isZero();
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "sat lo", BooleanClause.Occur.MUST))).isEqualTo(1);
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "ngô", BooleanClause.Occur.MUST))).isEqualTo(2);
                // in a text written with diacritics, a word without any is that word: "tai" is not "tại"
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "tại", BooleanClause.Occur.MUST))).isZero();
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "tai", BooleanClause.Occur.MUST))).isEqualTo(1);
                TopDocs top = searcher.search(marksFirst.createBooleanQuery("text", "ngộ độc", BooleanClause.Occur.MUST), 2);
                assertThat(searcher.storedFields().document(top.scoreDocs[0].doc).get("text")).startsWith("Hơn 40");
            }
        }
    }

    @Test
    void aPlaceNamedWithoutDiacriticsIsFoundAsWrittenNotAsAWordThatFoldsToIt() throws IOException {
        VietnameseAnalyzer withNames = new VietnameseAnalyzer(vn.loa.nlp.segment.WordSegmenter.loadDefault(),
                List.of("Nha Trang", "Cam Ranh", "Ninh Hải"));
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(withNames))) {
                add(writer, "Nha Trang đón 500.000 lượt khách trong dịp lễ");
                add(writer, "Nhà Trắng lên tiếng về thuế quan mới");
                add(writer, "bien nha trang hom nay dong nguoi qua");
                add(writer, "Đường lên Ninh Hải sạt lở");
                add(writer, "Bệnh viện tỉnh quá tải");
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder marksFirst = new MarksFirstQueryBuilder(withNames.queries());
                // the city and a comment typed without diacritics, not the White House
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "Nha Trang", BooleanClause.Occur.MUST))).isEqualTo(2);
                assertThat(hits(searcher, marksFirst.createPhraseQuery("text", "nha trang"))).isEqualTo(2);
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "Nhà Trắng", BooleanClause.Occur.MUST))).isEqualTo(2);
                // a name with diacritics and other words typed without them still find every form
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "ninh hai", BooleanClause.Occur.MUST))).isEqualTo(1);
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "benh vien", BooleanClause.Occur.MUST))).isEqualTo(1);
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "nha trang thue quan", BooleanClause.Occur.MUST))).isZero();
                assertThat(hits(searcher, marksFirst.createBooleanQuery("text", "trang", BooleanClause.Occur.MUST))).isEqualTo(3);
            }
            // without the names, the folded form finds both, as a word typed without diacritics does
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                QueryBuilder plain = new MarksFirstQueryBuilder(ANALYZER.queries());
                assertThat(hits(new IndexSearcher(reader), plain.createBooleanQuery("text", "Nha Trang", BooleanClause.Occur.MUST))).isEqualTo(3);
            }
        }
    }

    @Test
    void toneMarkPlacementAndCaseDoNotMatter() throws IOException {
        assertThat(terms("HOÀ BÌNH")).isEqualTo(terms("hòa bình"));
    }

    @Test
    void searchFindsPostsWithOrWithoutDiacriticsAndByPhrase() throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
                add(writer, "Bệnh viện đa khoa tỉnh quá tải, người bệnh nằm ghép");
                add(writer, "Đường lên xã Phước Hà sạt lở sau mưa lớn");
                add(writer, "Giá xăng tăng, người dân lo lắng");
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder builder = new QueryBuilder(ANALYZER.queries());
                assertThat(hits(searcher, builder.createBooleanQuery("text", "benh vien qua tai"))).isEqualTo(1);
                assertThat(hits(searcher, builder.createBooleanQuery("text", "bệnh viện"))).isEqualTo(1);
                assertThat(hits(searcher, builder.createPhraseQuery("text", "sat lo sau mua"))).isEqualTo(1);
                assertThat(hits(searcher, builder.createPhraseQuery("text", "mưa sau sạt lở"))).isZero();
                assertThat(hits(searcher, builder.createBooleanQuery("text", "nguoi"))).isEqualTo(2);
                assertThat(hits(searcher, builder.createPhraseQuery("text", "nguoi dan"))).isEqualTo(1);
            }
        }
    }

    @Test
    void indexesThePartsOfWhatTheSegmenterKeepsWhole() throws IOException {
        assertThat(terms("Sở GD-ĐT TP. HCM")).containsExactly("sở@0-2+1", "~so@0-2+0", "gd@3-5+1", "gd-đt@3-8+0", "~gd-dt@3-8+0",
                "đt@6-8+2", "~dt@6-8+0", "tp@9-11+1", "hcm@13-16+2");
        try (Directory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
                add(writer, "Sở GD-ĐT TP. HCM thông báo lịch thi ngày 30-4-2004, 95% thí sinh dự thi");
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                QueryBuilder builder = new QueryBuilder(ANALYZER.queries());
                assertThat(hits(searcher, builder.createBooleanQuery("text", "2004"))).isEqualTo(1);
                assertThat(hits(searcher, builder.createBooleanQuery("text", "95"))).isEqualTo(1);
                assertThat(hits(searcher, builder.createBooleanQuery("text", "gd dt"))).isEqualTo(1);
                assertThat(hits(searcher, builder.createPhraseQuery("text", "TP. HCM"))).isEqualTo(1);
                assertThat(hits(searcher, builder.createPhraseQuery("text", "GD-ĐT"))).isEqualTo(1);
                assertThat(hits(searcher, builder.createPhraseQuery("text", "30-4-2004"))).isEqualTo(1);
            }
        }
    }

    @Test
    void hostileInputNeitherCrashesNorGoesBackwards() throws IOException {
        List<String> terms = terms("\u0000\uD800 ,,, 😭 abc\u0301 " + "x".repeat(100_000));
        assertThat(terms).isNotEmpty();
    }

    private static void add(IndexWriter writer, String text) throws IOException {
        Document document = new Document();
        document.add(new TextField("text", text, Field.Store.YES));
        writer.addDocument(document);
    }

    private static long hits(IndexSearcher searcher, Query query) throws IOException {
        return query == null ? 0 : searcher.count(query);
    }

    private static List<String> terms(String text) throws IOException {
        return terms(ANALYZER, text);
    }

    private static List<String> terms(VietnameseAnalyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute position = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int lastStart = 0;
            while (stream.incrementToken()) {
                assertThat(offset.startOffset()).isGreaterThanOrEqualTo(lastStart);
                lastStart = offset.startOffset();
                terms.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+" + position.getPositionIncrement());
            }
            stream.end();
        }
        return terms;
    }
}

package vn.loa.consultation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Lays out the demo's draft regulation, written as one paragraph per line, as a Word document the way a drafting
 * department types one (Apache POI): the title lines and chapters centred in bold, an article's number and heading in
 * bold, clauses and points as plain justified paragraphs with their numbers typed in the text; on A4 with the margins
 * of Decree 30/2020, as Loa's official documents.
 */
final class DemoDraftDocument {

    private static final Pattern CHAPTER = Pattern.compile("^(Chương|Mục) [0-9IVXLC]+\\b.*");
    private static final Pattern ARTICLE = Pattern.compile("^(Điều \\d+[a-zđ]?\\.)(.*)$");

    private DemoDraftDocument() {
    }

    static byte[] of(List<String> lines) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            boolean headingNext = false;
            boolean beforeFirstChapter = true;
            for (String line : lines) {
                String text = line.strip();
                if (text.isEmpty()) {
                    continue;
                }
                XWPFParagraph paragraph = document.createParagraph();
                if (CHAPTER.matcher(text).matches()) {
                    beforeFirstChapter = false;
                    paragraph.setAlignment(ParagraphAlignment.CENTER);
                    run(paragraph, text, true);
                    headingNext = true;
                    continue;
                }
                var article = ARTICLE.matcher(text);
                if (article.matches()) {
                    beforeFirstChapter = false;
                    headingNext = false;
                    paragraph.setAlignment(ParagraphAlignment.BOTH);
                    run(paragraph, article.group(1), true);
                    run(paragraph, article.group(2), true);
                    continue;
                }
                boolean capitals = text.equals(text.toUpperCase(java.util.Locale.ROOT));
                if (headingNext && capitals || beforeFirstChapter) {
                    paragraph.setAlignment(ParagraphAlignment.CENTER);
                    run(paragraph, text, capitals || headingNext);
                    headingNext = false;
                    continue;
                }
                headingNext = false;
                paragraph.setAlignment(ParagraphAlignment.BOTH);
                paragraph.setIndentationFirstLine(567);
                run(paragraph, text, false);
            }
            vn.loa.platform.OfficialLetter.a4(document);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(XWPFParagraph paragraph, String text, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily("Times New Roman");
        run.setFontSize(14);
        run.setBold(bold);
        run.setText(text);
    }
}

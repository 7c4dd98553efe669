package vn.loa.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * An administrative document in the format of Decree 30/2020/NĐ-CP, Appendix I, made with Apache POI: A4, margins top
 * and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the issuing body and the number on the left and the
 * national title (12 pt) and the motto one size larger (13 pt) on the right of the header; place and date in italics; the document's name and summary;
 * the date's days 1 to 9 and months 1 and 2 with a leading zero (Appendix I, 2.4); page numbers centred in the top
 * margin from the second page on (2.9); the body at 14 pt, justified, first lines indented 1 cm; recipients at 11 pt under "Nơi nhận:" (12 pt, bold italic), left-aligned; the signature block.
 */
public final class OfficialLetter {

    /** Twentieths of a point in a millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;
    public static final String FONT = "Times New Roman";

    private final XWPFDocument document = new XWPFDocument();
    /** The header's cell under the number, where an official letter's "V/v" summary goes; null without a header. */
    private XWPFTableCell underNumber;

    /**
     * @param parentBody the governing body, upper case ("UBND TỈNH KHÁNH HÒA"), or null
     * @param issuer the issuing agency ("SỞ Y TẾ")
     * @param symbol the number's symbol ("TB-SYT"); the number itself is left for the clerk who registers it
     * @param place the place, as the administrative unit of the seat ("Khánh Hòa")
     * @param day the date
     */
    public OfficialLetter(String parentBody, String issuer, String symbol, String place, LocalDate day) {
        this(parentBody, issuer, symbol, null, place, day);
    }

    /**
     * A document already registered: its number in the year written with two digits at least ("Số: 07/BC-UBND",
     * Decree 30/2020, Appendix I, 2.3); a null number leaves it blank for the clerk, as the other constructor does.
     */
    public OfficialLetter(String parentBody, String issuer, String symbol, Integer number, String place, LocalDate day) {
        a4(document);
        XWPFTable header = document.createTable(3, 2);
        header.removeBorders();
        header.setTableAlignment(TableRowAlign.CENTER);
        header.setWidth("100%");
        // the issuing body's column narrower than the national title's, so that the title and the date keep to one line
        columns(header, 0.38);
        XWPFTableCell body = header.getRow(0).getCell(0);
        if (parentBody == null) {
            // a body with none above it (the provincial People's Committee) stands alone on the first line
            cell(body, issuer.toUpperCase(java.util.Locale.ROOT), 12, true, false);
        } else {
            cell(body, parentBody.toUpperCase(java.util.Locale.ROOT), 12, false, false);
            cellLine(body, issuer.toUpperCase(java.util.Locale.ROOT), 12, true, false);
        }
        // a short solid rule under the issuing body, centred (Decree 30/2020, Appendix I)
        rule(body.getParagraphs().get(body.getParagraphs().size() - 1), 19);
        cell(header.getRow(0).getCell(1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
        // the motto one size larger than the national title (Decree 30/2020, Appendix I: 12-13 and 13-14)
        cellLine(header.getRow(0).getCell(1), "Độc lập - Tự do - Hạnh phúc", 13, true, false);
        // and under it a solid rule about as long as its line: drawn as the paragraph's bottom border, indented so
        // that it spans the motto (about 64 mm at 13 pt bold in a column of about 102 mm), not underlined
        XWPFTableCell title = header.getRow(0).getCell(1);
        rule(title.getParagraphs().get(title.getParagraphs().size() - 1), 19);
        cell(header.getRow(1).getCell(0), "Số: " + (number == null ? "       " : two(number)) + "/" + symbol, 13, false, false);
        cell(header.getRow(1).getCell(1), place + ", ngày " + two(day.getDayOfMonth()) + " tháng " + (day.getMonthValue() < 3 ? "0" : "") + day.getMonthValue()
                + " năm " + day.getYear(), 13, false, true);
        cell(header.getRow(2).getCell(0), "", 13, false, false);
        cell(header.getRow(2).getCell(1), "", 13, false, false);
        underNumber = header.getRow(2).getCell(0);
        pageNumbers();
    }

    private OfficialLetter(String parentBody, String issuer) {
        a4(document);
        if (parentBody != null) {
            run(centred(), parentBody.toUpperCase(java.util.Locale.ROOT), 12, false, false);
        }
        run(centred(), issuer.toUpperCase(java.util.Locale.ROOT), 12, true, false);
    }

    /**
     * A document for the public that is not an administrative document (a leaflet, "tờ rơi"): the same page, font and
     * body, headed by the issuing body alone, without the national title, a number or a place and date.
     */
    public static OfficialLetter forThePublic(String parentBody, String issuer) {
        return new OfficialLetter(parentBody, issuer);
    }

    /**
     * Lays a document out on A4 portrait with the margins of Decree 30/2020 (Appendix I: top and bottom 20 mm, left
     * 30 mm, right 15 mm), for any document Loa writes, an official one or a draft.
     */
    public static void a4(XWPFDocument document) {
        var body = document.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(twips(20));
        margins.setBottom(twips(20));
        margins.setLeft(twips(30));
        margins.setRight(twips(15));
    }

    /**
     * A mark centred in the top margin of every page, in bold capitals ("DỰ THẢO – CHƯA DUYỆT"), so that no printed page
     * of a copy not to be used can pass for the final one; black, as official text is (Decree 30/2020). Meant for a
     * document without page numbers (a leaflet).
     */
    public OfficialLetter markEveryPage(String mark) {
        XWPFParagraph paragraph = document.createHeader(HeaderFooterType.DEFAULT).createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, mark.toUpperCase(java.util.Locale.ROOT), 14, true, false);
        return this;
    }

    /** The document's name and, under it, what it is about. */
    public OfficialLetter title(String name, String about) {
        XWPFParagraph title = centred();
        title.setSpacingBefore(240);
        run(title, name.toUpperCase(java.util.Locale.ROOT), 14, true, false);
        if (about != null) {
            run(centred(), about, 14, true, false);
        }
        return this;
    }

    /**
     * The "V/v" summary of an official letter, under the number and centred in the issuer's column, 12 pt upright
     * (Decree 30/2020, Appendix I, cell 5b); a document without a header has it as a paragraph of its own.
     */
    public OfficialLetter summary(String about) {
        if (underNumber == null) {
            run(document.createParagraph(), "V/v " + about, 12, false, false);
            return this;
        }
        XWPFParagraph summary = underNumber.getParagraphs().get(0);
        summary.setAlignment(ParagraphAlignment.CENTER);
        while (!summary.getRuns().isEmpty()) {
            summary.removeRun(0);
        }
        run(summary, "V/v " + about, 12, false, false);
        return this;
    }

    public OfficialLetter addressee(String to) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setSpacingBefore(200);
        run(paragraph, "Kính gửi: " + to, 14, false, false);
        return this;
    }

    /** A paragraph of the body; each line of the text is a paragraph. */
    public OfficialLetter body(String text) {
        for (String line : text.split("\\R")) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.setAlignment(ParagraphAlignment.BOTH);
            paragraph.setIndentationFirstLine((int) Math.round(10 * TWIPS_PER_MM));
            paragraph.setSpacingAfter(120);
            run(paragraph, line, 14, false, false);
        }
        return this;
    }

    /** A heading inside the body: bold, 14 pt, left-aligned. */
    public OfficialLetter heading(String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setSpacingBefore(200);
        paragraph.setSpacingAfter(120);
        run(paragraph, text, 14, true, false);
        return this;
    }

    /**
     * A table with borders over the width between the margins: a bold header row, then the rows (each cell's lines as
     * paragraphs), at 12 pt; {@code shares} gives each column's part of the width (summing to 1).
     */
    public OfficialLetter table(List<String> header, List<List<String>> rows, double... shares) {
        if (shares.length != header.size()) {
            throw new IllegalArgumentException("a table needs one share per column, had " + shares.length + " for "
                    + header.size());
        }
        XWPFTable table = document.createTable(rows.size() + 1, header.size());
        table.setWidth(String.valueOf(Math.round(165 * TWIPS_PER_MM)));
        table.setTableAlignment(TableRowAlign.CENTER);
        long width = Math.round(165 * TWIPS_PER_MM);
        var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (double share : shares) {
            grid.addNewGridCol().setW(BigInteger.valueOf(Math.round(width * share)));
        }
        for (int r = 0; r <= rows.size(); r++) {
            List<String> cells = r == 0 ? header : rows.get(r - 1);
            for (int k = 0; k < header.size(); k++) {
                XWPFTableCell cell = table.getRow(r).getCell(k);
                cell.setWidth(String.valueOf(Math.round(width * shares[k])));
                String text = k < cells.size() && cells.get(k) != null ? cells.get(k) : "";
                String[] lines = text.split("\\R");
                for (int i = 0; i < lines.length; i++) {
                    XWPFParagraph paragraph = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
                    paragraph.setAlignment(r == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                    run(paragraph, lines[i], 12, r == 0, false);
                }
            }
        }
        document.createParagraph();
        return this;
    }

    /**
     * A picture (PNG) centred between the margins, {@code widthMm} wide and as high as its proportions say, with an
     * italic caption under it when given.
     */
    public OfficialLetter picture(byte[] png, String name, int widthPixels, int heightPixels, double widthMm, String caption) {
        XWPFParagraph paragraph = centred();
        double heightMm = widthMm * heightPixels / widthPixels;
        try {
            paragraph.createRun().addPicture(new java.io.ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, name,
                    Units.toEMU(widthMm / 25.4 * 72), Units.toEMU(heightMm / 25.4 * 72));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalArgumentException("not a picture POI can embed: " + name, e);
        }
        if (caption != null) {
            run(centred(), caption, 12, false, true);
        }
        return this;
    }

    /**
     * Page numbers centred in the top margin from the second page on (Decree 30/2020, Appendix I, 2.9: the first page
     * bears none): an empty header for the first page and a PAGE field in the others'. Every administrative document
     * has them, whoever writes it, so the constructor adds them; a leaflet for the public is not one and has none.
     */
    private void pageNumbers() {
        document.createHeader(HeaderFooterType.FIRST).createParagraph();
        XWPFHeader header = document.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph paragraph = header.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        XWPFRun begin = paragraph.createRun();
        begin.setFontFamily(FONT);
        begin.setFontSize(13);
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instruction = paragraph.createRun();
        instruction.setFontFamily(FONT);
        instruction.setFontSize(13);
        instruction.getCTR().addNewInstrText().setStringValue(" PAGE ");
        XWPFRun separate = paragraph.createRun();
        separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        run(paragraph, "2", 13, false, false);
        XWPFRun end = paragraph.createRun();
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    /**
     * The recipients on the left and the signature block on the right, with no signer's name: a hint for the one who
     * signs to write it by hand.
     */
    public OfficialLetter close(List<String> recipients, String signatory) {
        return close(recipients, signatory, null);
    }

    /**
     * The recipients on the left and the signature block on the right: the signer's authority and title, one per line
     * ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), then the space for the signature and the seal and under it
     * the signer's full name in bold (Decree 30/2020, Appendix I, cells 7a-7c). Without a name (null or blank) a hint
     * in its place asks the one who signs to write it.
     */
    public OfficialLetter close(List<String> recipients, String signatory, String signerName) {
        XWPFTable footer = document.createTable(1, 2);
        footer.removeBorders();
        footer.setWidth("100%");
        columns(footer, 0.5);
        // the recipients are left-aligned under "Nơi nhận:" (Decree 30/2020, Appendix I, cell 9a), not centred as the
        // signature block is
        XWPFTableCell left = footer.getRow(0).getCell(0);
        XWPFParagraph to = left.getParagraphs().get(0);
        to.setAlignment(ParagraphAlignment.LEFT);
        run(to, "Nơi nhận:", 12, true, true);
        for (String recipient : recipients) {
            run(leftLine(left), "- " + recipient + ";", 11, false, false);
        }
        run(leftLine(left), "- Lưu: VT.", 11, false, false);
        XWPFTableCell right = footer.getRow(0).getCell(1);
        // the signer's authority and title, one per line ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
        String[] lines = signatory.split("\n");
        cell(right, lines[0].strip().toUpperCase(java.util.Locale.ROOT), 14, true, false);
        for (int i = 1; i < lines.length; i++) {
            cellLine(right, lines[i].strip().toUpperCase(java.util.Locale.ROOT), 14, true, false);
        }
        if (signerName == null || signerName.isBlank()) {
            cellLine(right, "(Ký, ghi rõ họ tên, đóng dấu)", 13, false, true);
            return this;
        }
        // room for the signature and the seal, then the name, not in capitals and without academic titles
        for (int i = 0; i < 4; i++) {
            cellLine(right, "", 14, false, false);
        }
        cellLine(right, signerName.strip(), 14, true, false);
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getProperties().getCoreProperties().setCreator("Loa");
            document.write(out);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two columns over the width between the margins (210 - 30 - 15 mm), the first {@code share} of it, fixed. */
    private static void columns(XWPFTable table, double share) {
        long width = Math.round(165 * TWIPS_PER_MM);
        long first = Math.round(width * share);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.getCTTbl().getTblPr().addNewTblLayout().setType(
                org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        var grid = table.getCTTbl().getTblGrid() == null ? table.getCTTbl().addNewTblGrid() : table.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        grid.addNewGridCol().setW(BigInteger.valueOf(first));
        grid.addNewGridCol().setW(BigInteger.valueOf(width - first));
        table.setWidth(String.valueOf(width));
        for (var row : table.getRows()) {
            row.getCell(0).setWidth(String.valueOf(first));
            row.getCell(1).setWidth(String.valueOf(width - first));
        }
    }

    private XWPFParagraph centred() {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        return paragraph;
    }

    /** A solid bottom border under a centred paragraph, indented by {@code insetMm} on both sides. */
    private static void rule(XWPFParagraph paragraph, int insetMm) {
        paragraph.setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
        paragraph.setIndentationLeft(twips(insetMm).intValue());
        paragraph.setIndentationRight(twips(insetMm).intValue());
    }

    private static void cell(XWPFTableCell cell, String text, int size, boolean bold, boolean italic) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, text, size, bold, italic);
    }

    private static void cellLine(XWPFTableCell cell, String text, int size, boolean bold, boolean italic) {
        XWPFParagraph paragraph = cell.addParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, text, size, bold, italic);
    }

    private static XWPFParagraph leftLine(XWPFTableCell cell) {
        XWPFParagraph paragraph = cell.addParagraph();
        paragraph.setAlignment(ParagraphAlignment.LEFT);
        return paragraph;
    }

    private static void run(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
    }

    private static BigInteger twips(int millimetres) {
        return BigInteger.valueOf((long) Math.ceil(millimetres * TWIPS_PER_MM));
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }
}

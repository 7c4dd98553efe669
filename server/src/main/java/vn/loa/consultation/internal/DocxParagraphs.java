package vn.loa.consultation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;

/**
 * The paragraphs of a Word document (DOCX) as text, in order, with Word's automatic numbering written out as Word
 * shows it ("Điều 5.", "2.", "a)"): the counters of each list and level are kept as the paragraphs go, a level resets
 * the levels below it, and the level's text pattern ({@code %1.}) and format (decimal, letters, roman) make the label.
 * Table cells are read paragraph by paragraph.
 */
final class DocxParagraphs {

    /** The bytes are not a Word (DOCX) document. */
    static final class NotDocx extends RuntimeException {
        NotDocx(Throwable cause) {
            super("not a DOCX document", cause);
        }
    }

    private DocxParagraphs() {
    }

    static List<String> read(byte[] docx) {
        if (docx == null || docx.length < 4 || docx[0] != 'P' || docx[1] != 'K') {
            throw new NotDocx(null);
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            Counters counters = new Counters(document.getNumbering());
            List<String> lines = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    lines.add(counters.label(paragraph) + paragraph.getText());
                } else if (element instanceof XWPFTable table) {
                    table.getRows().forEach(row -> row.getTableCells().forEach(cell -> cell.getParagraphs()
                            .forEach(p -> lines.add(counters.label(p) + p.getText()))));
                }
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            throw new NotDocx(e);
        }
    }

    /** Word's list counters: per list (numId) and level. */
    private static final class Counters {

        private final XWPFNumbering numbering;
        private final Map<BigInteger, int[]> counts = new HashMap<>();

        Counters(XWPFNumbering numbering) {
            this.numbering = numbering;
        }

        String label(XWPFParagraph paragraph) {
            BigInteger numId = paragraph.getNumID();
            if (numId == null || numbering == null || BigInteger.ZERO.equals(numId)) {
                return "";
            }
            int level = paragraph.getNumIlvl() == null ? 0 : paragraph.getNumIlvl().intValue();
            if (level < 0 || level > 8) {
                return "";
            }
            XWPFNum num = numbering.getNum(numId);
            if (num == null) {
                return "";
            }
            XWPFAbstractNum abstractNum = numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
            if (abstractNum == null) {
                return "";
            }
            CTLvl[] levels = abstractNum.getCTAbstractNum().getLvlArray();
            int[] count = counts.computeIfAbsent(numId, id -> {
                int[] fresh = new int[9];
                for (int l = 0; l < 9; l++) {
                    fresh[l] = start(num, levels, l) - 1;
                }
                return fresh;
            });
            count[level]++;
            for (int l = level + 1; l < 9; l++) {
                count[l] = start(num, levels, l) - 1;
            }
            CTLvl lvl = lvl(levels, level);
            if (lvl == null || lvl.getLvlText() == null) {
                return "";
            }
            String text = lvl.getLvlText().getVal();
            for (int l = 0; l <= level; l++) {
                CTLvl at = lvl(levels, l);
                String format = at == null || at.getNumFmt() == null ? "decimal" : at.getNumFmt().getVal().toString();
                text = text.replace("%" + (l + 1), format(Math.max(count[l], 1), format));
            }
            return text.isBlank() ? "" : text + " ";
        }

        private static CTLvl lvl(CTLvl[] levels, int level) {
            for (CTLvl l : levels) {
                if (l.getIlvl() != null && l.getIlvl().intValue() == level) {
                    return l;
                }
            }
            return null;
        }

        private static int start(XWPFNum num, CTLvl[] levels, int level) {
            for (CTNumLvl override : num.getCTNum().getLvlOverrideArray()) {
                if (override.getIlvl() != null && override.getIlvl().intValue() == level
                        && override.getStartOverride() != null) {
                    return override.getStartOverride().getVal().intValue();
                }
            }
            CTLvl lvl = lvl(levels, level);
            return lvl == null || lvl.getStart() == null ? 1 : lvl.getStart().getVal().intValue();
        }

        static String format(int n, String format) {
            return switch (format) {
                case "lowerLetter" -> letters(n).toLowerCase(java.util.Locale.ROOT);
                case "upperLetter" -> letters(n);
                case "upperRoman" -> roman(n);
                case "lowerRoman" -> roman(n).toLowerCase(java.util.Locale.ROOT);
                case "bullet", "none" -> "";
                default -> String.valueOf(n);
            };
        }

        private static String letters(int n) {
            char letter = (char) ('A' + (n - 1) % 26);
            return String.valueOf(letter).repeat((n - 1) / 26 + 1);
        }

        private static String roman(int n) {
            int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
            String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < values.length; i++) {
                while (n >= values[i]) {
                    out.append(symbols[i]);
                    n -= values[i];
                }
            }
            return out.toString();
        }
    }
}

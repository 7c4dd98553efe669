package vn.loa.consultation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.consultation.UnitKind;

/**
 * Splits a draft, given as its paragraphs in order, into preamble, chapters ("Chương II"), sections ("Mục 1"),
 * articles ("Điều 5.", "Điều 12a."), clauses ("1.") and points ("a)", "đ)"), keeping the numbers as written.
 * A paragraph that starts none of them belongs to the part before it. A Decision that wraps a regulation ("QUYẾT ĐỊNH
 * ... Điều 1. Ban hành kèm theo ... Quy định ...") stays whole in the preamble: the articles are the Regulation's.
 *
 * <p>Keys are stable across versions for the same numbered place: {@code p} the preamble, {@code c2} Chương II,
 * {@code c2.m1} its Mục 1, {@code a5} Điều 5 (without its chapter, so that moving an article keeps its key),
 * {@code a5.k2} its khoản 2, {@code a5.k2.pđ} its điểm đ (or {@code a5.pđ} without a clause).
 */
final class DraftParser {

    private static final Pattern CHAPTER = Pattern.compile("^Chương\\s+([IVXLCDM]+|\\d+)\\b[.:]?\\s*(.*)$");
    private static final Pattern SECTION = Pattern.compile("^Mục\\s+(\\d+|[IVXLCDM]+)\\b[.:]?\\s*(.*)$");
    private static final Pattern ARTICLE = Pattern.compile("^Điều\\s+(\\d+[a-zđ]?)\\s*[.:]\\s*(.*)$");
    private static final Pattern CLAUSE = Pattern.compile("^(\\d+)\\.\\s*(\\S.*)$");
    private static final Pattern POINT = Pattern.compile("^([a-zđ])\\)\\s*(\\S.*)$");
    private static final Pattern DECISION = Pattern.compile("^QUYẾT ĐỊNH:?$");
    private static final Pattern REGULATION = Pattern.compile("^(QUY ĐỊNH|QUY CHẾ|ĐIỀU LỆ|HƯỚNG DẪN)$");

    /** One part as parsed; {@code parent} is the index of the enclosing part in the list, -1 at the top. */
    record Part(UnitKind kind, String number, String heading, String body, String key, int parent) {
    }

    private DraftParser() {
    }

    /**
     * The parts of a draft, in order; the first is the preamble when there is text before the first chapter or article.
     *
     * @throws NoArticle when no article is found
     */
    static List<Part> parse(List<String> paragraphs) {
        List<String> lines = paragraphs.stream().map(DraftParser::clean).filter(s -> !s.isEmpty()).toList();
        int start = regulationStart(lines);
        List<Builder> parts = new ArrayList<>();
        Builder preamble = null;
        Builder chapter = null;
        Builder section = null;
        Builder article = null;
        Builder clause = null;
        Builder point = null;
        boolean chapterTitleNext = false;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i < start) {
                preamble = append(preamble, parts, line);
                continue;
            }
            Matcher m;
            if ((m = CHAPTER.matcher(line)).matches()) {
                chapter = add(parts, seen, UnitKind.CHAPTER, m.group(1), m.group(2),
                        "c" + arabic(m.group(1)), null);
                section = article = clause = point = null;
                chapterTitleNext = m.group(2).isEmpty();
            } else if ((m = SECTION.matcher(line)).matches()) {
                section = add(parts, seen, UnitKind.SECTION, m.group(1), m.group(2),
                        (chapter == null ? "" : chapter.key + ".") + "m" + arabic(m.group(1)), chapter);
                article = clause = point = null;
                chapterTitleNext = m.group(2).isEmpty();
            } else if ((m = ARTICLE.matcher(line)).matches()) {
                article = add(parts, seen, UnitKind.ARTICLE, m.group(1), m.group(2), "a" + m.group(1),
                        section != null ? section : chapter);
                clause = point = null;
                chapterTitleNext = false;
            } else if (article != null && (m = CLAUSE.matcher(line)).matches()) {
                clause = add(parts, seen, UnitKind.CLAUSE, m.group(1), null, article.key + ".k" + m.group(1), article);
                clause.body.append(m.group(2));
                point = null;
            } else if (article != null && (m = POINT.matcher(line)).matches()) {
                Builder owner = clause != null ? clause : article;
                point = add(parts, seen, UnitKind.POINT, m.group(1), null, owner.key + ".p" + m.group(1), owner);
                point.body.append(m.group(2));
            } else if (chapterTitleNext) {
                Builder titled = section != null ? section : chapter;
                titled.heading = line;
                chapterTitleNext = false;
            } else if (point != null) {
                paragraph(point, line);
            } else if (clause != null) {
                paragraph(clause, line);
            } else if (article != null) {
                paragraph(article, line);
            } else if (chapter == null) {
                preamble = append(preamble, parts, line);
            } else {
                paragraph(section != null ? section : chapter, line);
            }
        }
        if (parts.stream().noneMatch(p -> p.kind == UnitKind.ARTICLE)) {
            throw new NoArticle();
        }
        List<Part> result = new ArrayList<>();
        for (Builder b : parts) {
            result.add(new Part(b.kind, b.number, b.heading == null || b.heading.isEmpty() ? null : b.heading,
                    b.body.toString(), b.key, b.parent == null ? -1 : parts.indexOf(b.parent)));
        }
        return result;
    }

    /** No "Điều ..." paragraph in the document: not a draft that can be consulted on article by article. */
    static final class NoArticle extends RuntimeException {
        NoArticle() {
            super("no article found");
        }
    }

    /**
     * Where the regulation starts when a Decision wraps it: the title line ("QUY ĐỊNH") after the Decision's own
     * articles; 0 otherwise.
     */
    private static int regulationStart(List<String> lines) {
        int decision = -1;
        boolean decisionArticles = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (decision < 0) {
                if (ARTICLE.matcher(line).matches() || CHAPTER.matcher(line).matches()) {
                    return 0;
                }
                if (DECISION.matcher(line).matches()) {
                    decision = i;
                }
            } else if (ARTICLE.matcher(line).matches()) {
                decisionArticles = true;
            } else if (decisionArticles && REGULATION.matcher(line).matches()) {
                return i;
            }
        }
        return 0;
    }

    private static Builder append(Builder preamble, List<Builder> parts, String line) {
        if (preamble == null) {
            preamble = new Builder(UnitKind.PREAMBLE, null, null, "p", null);
            parts.add(0, preamble);
        }
        paragraph(preamble, line);
        return preamble;
    }

    private static Builder add(List<Builder> parts, Map<String, Integer> seen, UnitKind kind, String number,
            String heading, String key, Builder parent) {
        int times = seen.merge(key, 1, Integer::sum);
        Builder b = new Builder(kind, number, heading, times == 1 ? key : key + "~" + times, parent);
        parts.add(b);
        return b;
    }

    private static void paragraph(Builder b, String line) {
        if (!b.body.isEmpty()) {
            b.body.append('\n');
        }
        b.body.append(line);
    }

    private static String clean(String paragraph) {
        return java.text.Normalizer.normalize(paragraph == null ? "" : paragraph, java.text.Normalizer.Form.NFC)
                .replace('\u00a0', ' ').replaceAll("[\\t ]+", " ").strip();
    }

    /** "II" → 2, "12" → 12; the key uses the arabic number so that "Chương 2" and "Chương II" match. */
    static String arabic(String number) {
        if (number.chars().allMatch(Character::isDigit)) {
            return String.valueOf(Integer.parseInt(number));
        }
        String roman = number.toUpperCase(Locale.ROOT);
        int total = 0;
        for (int i = 0; i < roman.length(); i++) {
            int value = romanValue(roman.charAt(i));
            int next = i + 1 < roman.length() ? romanValue(roman.charAt(i + 1)) : 0;
            total += value < next ? -value : value;
        }
        return String.valueOf(total);
    }

    private static int romanValue(char c) {
        return switch (c) {
            case 'I' -> 1;
            case 'V' -> 5;
            case 'X' -> 10;
            case 'L' -> 50;
            case 'C' -> 100;
            case 'D' -> 500;
            case 'M' -> 1000;
            default -> 0;
        };
    }

    private static final class Builder {
        final UnitKind kind;
        final String number;
        String heading;
        final StringBuilder body = new StringBuilder();
        final String key;
        final Builder parent;

        Builder(UnitKind kind, String number, String heading, String key, Builder parent) {
            this.kind = kind;
            this.number = number;
            this.heading = heading;
            this.key = key;
            this.parent = parent;
        }
    }
}

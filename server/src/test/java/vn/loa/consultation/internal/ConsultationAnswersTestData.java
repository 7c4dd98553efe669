package vn.loa.consultation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a consultation straight into the core tables (V32), as the draft import and the public form would: the demo draft
 * (v1 consulted, v2 final) split into chapters, articles, clauses and points, an open consultation on v1, and the
 * demo's 200 comments as published contributions (the toxic ones rejected), verified when they carry a contact.
 */
public final class ConsultationAnswersTestData {

    private static final Pattern CHAPTER = Pattern.compile("^Chương ([IVXLC]+)$");
    private static final Pattern ARTICLE = Pattern.compile("^Điều (\\d+[a-zđ]?)\\.\\s*(.*)$");
    private static final Pattern CLAUSE = Pattern.compile("^(\\d+)\\.\\s+(.*)$");
    private static final Pattern POINT = Pattern.compile("^([a-zđ])\\)\\s+(.*)$");

    private ConsultationAnswersTestData() {
    }

    /**
     * @param contributions contribution id per row of comments.csv (0-based), absent for rows not imported
     * @param themes the intended theme per contribution id
     * @param articleUnits the ARTICLE unit id of v1 per article number
     */
    public record Fixture(long draftId, long consultedVersionId, long finalVersionId, long consultationId,
            Map<Integer, Long> contributions, Map<Long, String> themes, Map<String, Long> articleUnits) {
    }

    /** A consultation of the agency with the demo's comments (at most {@code limit} of them), marked for this test. */
    public static Fixture create(JdbcClient jdbc, String agencyCode, String marker, int limit) {
        Instant now = Instant.parse("2026-11-02T01:00:00Z");
        long draft = jdbc.sql("""
                INSERT INTO consultation_draft (agency_code, title, doc_kind, created_by, created_at)
                VALUES (?, ?, 'Quyết định', 'officer', ?) RETURNING id""")
                .params(agencyCode, "Quy định về chất thải rắn sinh hoạt " + marker, Timestamp.from(now))
                .query(Long.class).single();
        long v1 = version(jdbc, draft, 1, "draft-v1.txt", false, now);
        Map<String, Long> articles = units(jdbc, v1, lines("draft-v1.txt"));
        long v2 = version(jdbc, draft, 2, "draft-v2.txt", false, now);
        units(jdbc, v2, lines("draft-v2.txt"));
        long consultation = jdbc.sql("""
                INSERT INTO consultation (draft_id, version_id, agency_code, title, summary, opens_on, closes_on, status,
                    created_by, created_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', 'officer', ?, ?) RETURNING id""")
                .params(draft, v1, agencyCode, "Quy định về chất thải rắn sinh hoạt " + marker,
                        "Lấy ý kiến về phân loại, thu gom chất thải rắn sinh hoạt", Date.valueOf(LocalDate.of(2026, 11, 2)),
                        Date.valueOf(LocalDate.of(2026, 12, 1)), Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).single();
        Map<Integer, Long> contributions = new LinkedHashMap<>();
        Map<Long, String> themes = new LinkedHashMap<>();
        List<DemoCommentsCsv> comments = DemoCommentsCsv.load();
        for (int i = 0; i < comments.size() && contributions.size() < limit; i++) {
            DemoCommentsCsv c = comments.get(i);
            String contact = c.contact().isEmpty() ? null : c.contact();
            String kind = contact == null ? null : contact.contains("@") ? "EMAIL" : "PHONE";
            Long unit = c.article().isEmpty() ? null : articles.get(c.article());
            long id = jdbc.sql("""
                    INSERT INTO consultation_contribution (consultation_id, unit_id, kind, author_name, organisation,
                        contact_kind, contact, verified, body, source, status, received_at, reference)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORT', ?, ?, ?) RETURNING id""")
                    .params(consultation, unit, c.kind(), c.name(), c.organisation().isEmpty() ? null : c.organisation(),
                            kind, contact, contact != null, c.text(), c.theme().equals("toxic") ? "REJECTED" : "PUBLISHED",
                            Timestamp.from(now.plusSeconds(86_400L * c.day() + i)), "GY-T-" + marker + "-" + i)
                    .query(Long.class).single();
            contributions.put(i, id);
            themes.put(id, c.theme());
        }
        return new Fixture(draft, v1, v2, consultation, contributions, themes, articles);
    }

    private static long version(JdbcClient jdbc, long draft, int number, String file, boolean finalText, Instant now) {
        return jdbc.sql("""
                INSERT INTO consultation_draft_version (draft_id, version_no, file_name, file_bytes, final, imported_by,
                    imported_at) VALUES (?, ?, ?, ?, ?, 'officer', ?) RETURNING id""")
                .params(draft, number, file.replace(".txt", ".docx"), DemoDraftDocument.of(lines(file)), finalText,
                        Timestamp.from(now)).query(Long.class).single();
    }

    static List<String> lines(String file) {
        try (InputStream in = ConsultationAnswersTestData.class.getResourceAsStream("/consultation/demo/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unit before it is written: its parent is an index in the list. */
    private static final class Pending {
        final int parent;
        final String kind;
        final String number;
        final String heading;
        final StringBuilder body;
        final String key;

        Pending(int parent, String kind, String number, String heading, String body, String key) {
            this.parent = parent;
            this.kind = kind;
            this.number = number;
            this.heading = heading;
            this.body = new StringBuilder(body);
            this.key = key;
        }
    }

    /** Splits the lines into units; returns the ARTICLE unit ids by article number. */
    private static Map<String, Long> units(JdbcClient jdbc, long version, List<String> lines) {
        List<Pending> units = new ArrayList<>();
        int chapter = -1;
        int article = -1;
        int clause = -1;
        String articleNo = null;
        String clauseNo = null;
        boolean chapterTitleNext = false;
        for (String line : lines) {
            String text = line.strip();
            Matcher m;
            if ((m = CHAPTER.matcher(text)).matches()) {
                units.add(new Pending(-1, "CHAPTER", m.group(1), null, "", "c" + m.group(1)));
                chapter = units.size() - 1;
                article = -1;
                clause = -1;
                chapterTitleNext = true;
            } else if (chapterTitleNext) {
                units.get(chapter).body.append(text);
                chapterTitleNext = false;
            } else if ((m = ARTICLE.matcher(text)).matches()) {
                articleNo = m.group(1);
                units.add(new Pending(chapter, "ARTICLE", articleNo, m.group(2), "", "a" + articleNo));
                article = units.size() - 1;
                clause = -1;
            } else if (article >= 0 && (m = CLAUSE.matcher(text)).matches()) {
                clauseNo = m.group(1);
                units.add(new Pending(article, "CLAUSE", clauseNo, null, m.group(2), "a" + articleNo + ".k" + clauseNo));
                clause = units.size() - 1;
            } else if (clause >= 0 && (m = POINT.matcher(text)).matches()) {
                units.add(new Pending(clause, "POINT", m.group(1), null, m.group(2),
                        "a" + articleNo + ".k" + clauseNo + ".p" + m.group(1)));
            } else if (units.isEmpty()) {
                units.add(new Pending(-1, "PREAMBLE", null, null, text, "pre"));
            } else {
                StringBuilder body = units.getLast().body;
                body.append(body.isEmpty() ? "" : "\n").append(text);
            }
        }
        Map<String, Long> articles = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Pending u = units.get(i);
            long id = jdbc.sql("""
                    INSERT INTO consultation_draft_unit (version_id, parent_id, kind, number, heading, body, unit_key,
                        position) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(version, u.parent < 0 ? null : ids.get(u.parent), u.kind, u.number, u.heading,
                            u.body.toString(), u.key, i).query(Long.class).single();
            ids.add(id);
            if (u.kind.equals("ARTICLE")) {
                articles.put(u.number, id);
            }
        }
        return articles;
    }
}

package vn.loa.consultation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.consultation.ThemeGroups;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencySigners;
import vn.loa.identity.IssuingBody;
import vn.loa.platform.OfficialLetter;
import vn.loa.platform.ProvinceSettings;
import vn.loa.shared.LocalTime;

/**
 * The synthesis report ("Báo cáo tổng hợp, giải trình, tiếp thu ý kiến góp ý") as a DOCX in the Decree 30/2020
 * format: per article, how many contributions and their groups with a representative comment, the answer and its
 * reason, and what changed between the consulted and the final version; then the contributions an officer marked as
 * not about the draft, each quoted, so that every contribution received is accounted for. Page numbers from page 2 and
 * the recipients left-aligned, as every {@link OfficialLetter} has them.
 */
@Component
class SynthesisReport {

    private static final int QUOTE_MAX = 300;

    /** The keywords a theme's heading names: two read as a theme, three read as a list of words. */
    private static final int KEYWORDS_SHOWN = 2;

    private final JdbcClient jdbc;
    private final ConsultationRows rows;
    private final AgencyDirectory agencies;
    private final ProvinceSettings province;
    private final Clock clock;

    private final AgencySigners signers;

    SynthesisReport(JdbcClient jdbc, ConsultationRows rows, AgencyDirectory agencies, ProvinceSettings province,
            Clock clock, AgencySigners signers) {
        this.signers = signers;
        this.jdbc = jdbc;
        this.rows = rows;
        this.agencies = agencies;
        this.province = province;
        this.clock = clock;
    }

    /**
     * How the report says what the agency did, by the consultation's state: a consultation not yet published or not
     * yet open is planned ("dự kiến lấy ý kiến"), an open one is under way ("đang lấy ý kiến"), only one whose period
     * is over was held ("đã lấy ý kiến").
     */
    static String consulting(String status, LocalDate opens, LocalDate closes, LocalDate today) {
        if (status.equals("DRAFT") || today.isBefore(opens)) {
            return "dự kiến lấy ý kiến góp ý đối với";
        }
        if (status.equals("OPEN") && !today.isAfter(closes)) {
            return "đang lấy ý kiến góp ý đối với";
        }
        return "đã lấy ý kiến góp ý đối với";
    }

    byte[] of(ConsultationRows.Consultation c, List<ThemeGroups.ArticleGroups> articles) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        Agency agency = agencies.findByCode(c.agencyCode(), today).orElse(null);
        // a commune consulting issues as its People's Committee, under no governing body; a department under the province's
        String agencyName = agency == null ? c.agencyCode() : IssuingBody.name(agency);
        String parent = agency != null && IssuingBody.standsAlone(agency) ? null : "UBND tỉnh " + province.name();
        String symbol = IssuingBody.of(agency, c.agencyCode()).symbol("BC");
        record Period(LocalDate opens, LocalDate closes) {
        }
        Period period = jdbc.sql("SELECT opens_on, closes_on FROM consultation WHERE id = ?").param(c.id())
                .query((rs, n) -> new Period(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate())).single();
        List<ConsultationRows.Contribution> published = rows.published(c.id());
        List<ConsultationRows.OffTopic> offTopic = rows.offTopic(c.id());
        List<ConsultationRows.OffTopic> offTopicShown = offTopic.stream().filter(k -> k.status().equals("PUBLISHED"))
                .toList();
        int total = published.size() + offTopicShown.size();
        long organisations = published.stream().filter(k -> k.kind().equals("ORGANISATION")).count()
                + offTopicShown.stream().filter(k -> k.kind().equals("ORGANISATION")).count();
        Map<String, String> before = rows.articleTexts(c.versionId());
        // the adopted text, or before adoption the version the drafting agency marked final
        Long finalVersion = c.finalVersionId() != null ? c.finalVersionId() : jdbc.sql("""
                SELECT id FROM consultation_draft_version WHERE draft_id = ? AND final AND id <> ?
                ORDER BY version_no DESC LIMIT 1""").params(c.draftId(), c.versionId()).query(Long.class).optional()
                .orElse(null);
        Map<String, String> after = finalVersion == null ? null : rows.articleTexts(finalVersion);
        String draft = jdbc.sql("SELECT title FROM consultation_draft WHERE id = ?").param(c.draftId())
                .query(String.class).single();
        String ofDraft = draft.regionMatches(true, 0, "dự thảo", 0, 7) ? "dự thảo" + draft.substring(7)
                : "dự thảo " + draft;
        Map<String, ConsultationRows.Article> consulted = rows.articles(c.versionId());
        String consulting = consulting(c.status(), period.opens(), period.closes(), today);

        OfficialLetter letter = new OfficialLetter(parent, agencyName, symbol,
                IssuingBody.place(agency, province.name()), today)
                .title("Báo cáo", "Tổng hợp, giải trình, tiếp thu ý kiến góp ý đối với " + ofDraft)
                .body(agencyName + " " + consulting + " " + ofDraft + " từ ngày " + LocalTime.format(period.opens())
                        + " đến ngày " + LocalTime.format(period.closes()) + " trên Cổng thông tin điện tử. "
                        + (consulting.startsWith("đã") ? "Tổng" : "Đến ngày " + LocalTime.format(today) + ", tổng")
                        + " số ý kiến nhận được và đã công khai: " + total
                        + " (của người dân: " + (total - organisations) + "; của cơ quan, tổ chức: "
                        + organisations + ")"
                        + (offTopicShown.isEmpty() ? "" : ", trong đó " + offTopicShown.size()
                                + " ý kiến ngoài phạm vi dự thảo được tổng hợp riêng tại mục III")
                        + ". Các ý kiến được tổng hợp theo từng điều của dự thảo, nhóm theo nội dung; "
                        + "mỗi nhóm ý kiến được giải trình, tiếp thu như sau.")
                .heading("I. TỔNG HỢP, GIẢI TRÌNH, TIẾP THU Ý KIẾN THEO TỪNG ĐIỀU");
        List<List<String>> table = new ArrayList<>();
        int number = 0;
        for (ThemeGroups.ArticleGroups article : articles) {
            StringBuilder said = new StringBuilder();
            StringBuilder answered = new StringBuilder();
            for (int i = 0; i < article.groups().size(); i++) {
                ThemeGroups.Group g = article.groups().get(i);
                if (!said.isEmpty()) {
                    said.append('\n');
                    answered.append('\n');
                }
                String heading = heading(article, g, i + 1);
                said.append("- ").append(heading).append(" (").append(g.count()).append(" ý kiến)");
                if (g.representative() != null) {
                    said.append(": «").append(quote(g.representative().body())).append("»");
                }
                answered.append("- ").append(heading).append(": ");
                if (g.answer() == null) {
                    answered.append("chưa giải trình");
                } else {
                    String verdict = JdbcConsultationAnswers.verdict(g.answer().verdict());
                    answered.append(verdict.substring(0, 1).toUpperCase(Locale.ROOT)).append(verdict.substring(1))
                            .append(". ").append(g.answer().reason());
                }
            }
            table.add(List.of(String.valueOf(++number), article.article(), String.valueOf(article.contributions()),
                    said.toString(), answered.toString(), change(article.unitKey(), before, after)));
        }
        letter.table(List.of("STT", "Điều", "Số ý kiến", "Nội dung góp ý", "Giải trình, tiếp thu",
                "Thay đổi trong văn bản cuối"), table, 0.06, 0.13, 0.08, 0.30, 0.28, 0.15);
        letter.heading("II. NHỮNG ĐIỀU ĐƯỢC SỬA ĐỔI, BỔ SUNG, BÃI BỎ");
        if (after == null) {
            letter.body("Chưa có văn bản cuối cùng được thông qua.");
        } else {
            Set<String> keys = new LinkedHashSet<>(before.keySet());
            keys.addAll(after.keySet());
            List<String> changes = new ArrayList<>();
            for (String key : keys) {
                String what = change(key, before, after);
                if (!what.equals("Giữ nguyên")) {
                    String label = consulted.containsKey(key) ? consulted.get(key).label()
                            : after.get(key).lines().findFirst().orElse(key);
                    changes.add("- " + label + ": " + what.toLowerCase(Locale.ROOT) + ".");
                }
            }
            letter.body(changes.isEmpty() ? "Văn bản cuối cùng giữ nguyên nội dung dự thảo." : String.join("\n", changes));
        }
        offTopic(letter, offTopicShown, offTopic.size() - offTopicShown.size(), consulted, rows.articleOfUnit(c.versionId()));
        // no issue step: the report is made when downloaded, signed by the agency's default signer as it stands then,
        // under the agency's own authority (a deputy "KT." its head); with none recorded, for its head, name left blank
        AgencySigners.Signer signer = agency == null ? null : signers.byDefault(agency.id()).orElse(null);
        return letter.close(List.of("UBND tỉnh " + province.name() + " (để báo cáo)", "Sở Tư pháp (để thẩm định)",
                "Cổng thông tin điện tử (để đăng tải)"), signer == null ? "Thủ trưởng cơ quan"
                        : IssuingBody.of(agency).signedBy(signer.title()), signer == null ? null : signer.fullName()).bytes();
    }

    /**
     * Section III: the contributions an officer marked as not about the draft, counted and each quoted as the groups'
     * representative comments are, with the part of the draft it was sent on and the officer's note; not grouped, not
     * answered, but never silently dropped. Those still held by moderation are counted without their text, as held
     * contributions are nowhere quoted.
     */
    private static void offTopic(OfficialLetter letter, List<ConsultationRows.OffTopic> shown, int held,
            Map<String, ConsultationRows.Article> consulted, Map<Long, String> articleOf) {
        letter.heading("III. Ý KIẾN NGOÀI PHẠM VI DỰ THẢO");
        StringBuilder text = new StringBuilder("Ý kiến ngoài phạm vi dự thảo: " + shown.size() + " ý kiến.");
        if (!shown.isEmpty()) {
            text.append(" Các ý kiến này không thuộc nội dung dự thảo nên không được tổng hợp vào các nhóm ý kiến và "
                    + "không giải trình, tiếp thu; nội dung được ghi nhận như sau:");
        }
        for (ConsultationRows.OffTopic k : shown) {
            String key = k.unitId() == null ? ConsultationRows.WHOLE_DRAFT
                    : articleOf.getOrDefault(k.unitId(), ConsultationRows.WHOLE_DRAFT);
            ConsultationRows.Article article = consulted.get(key);
            String on = article == null || key.equals(ConsultationRows.WHOLE_DRAFT) ? "toàn bộ dự thảo"
                    : article.label();
            text.append("\n- ").append(k.reference()).append(" (gửi tại ").append(on).append("): «")
                    .append(quote(k.body())).append("»");
            if (k.note() != null && !k.note().isBlank()) {
                text.append(" Ghi chú: ").append(quote(k.note()));
            }
        }
        if (held > 0) {
            text.append("\nNgoài ra, ").append(held).append(" ý kiến ngoài phạm vi dự thảo đang chờ kiểm duyệt, "
                    + "chưa công khai nên không trích nội dung.");
        }
        letter.body(text.toString());
    }

    /**
     * A group's heading as a report reads: the label an officer wrote, else the article it is on when it is the
     * article's only group, else its first keywords said as a theme ("Nhóm ý kiến về: phân loại, rõ ràng"), else, for a
     * group with no word that names a theme, its number in the article ("Nhóm ý kiến số 2"); never bare keywords.
     *
     * @param number the group's place in its article's list, from 1
     */
    static String heading(ThemeGroups.ArticleGroups article, ThemeGroups.Group g, int number) {
        if (g.named() && (g.manual() || !g.label().equals(String.join(", ", g.keywords())))) {
            return g.label();
        }
        if (!article.unitKey().equals(ConsultationRows.WHOLE_DRAFT) && article.groups().size() == 1) {
            return "Ý kiến về " + article.article();
        }
        List<String> words = g.keywords().stream().limit(KEYWORDS_SHOWN).toList();
        return words.isEmpty() ? "Nhóm ý kiến số " + number : "Nhóm ý kiến về: " + String.join(", ", words);
    }

    private static String change(String key, Map<String, String> before, Map<String, String> after) {
        if (after == null) {
            return "Chưa có văn bản cuối";
        }
        if (key.equals(ConsultationRows.WHOLE_DRAFT)) {
            return before.equals(after) ? "Giữ nguyên" : "Văn bản được sửa đổi";
        }
        String old = before.get(key);
        String now = after.get(key);
        if (old == null) {
            return "Bổ sung mới";
        }
        if (now == null) {
            return "Bãi bỏ";
        }
        return old.equals(now) ? "Giữ nguyên" : "Sửa đổi";
    }

    private static String quote(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > QUOTE_MAX ? flat.substring(0, QUOTE_MAX - 1) + "…" : flat;
    }
}

package vn.loa.consultation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.consultation.Consultation;
import vn.loa.consultation.Consultations;
import vn.loa.consultation.Contributions;
import vn.loa.consultation.Drafts;
import vn.loa.consultation.ThemeGroups;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.shared.LocalTime;

/**
 * Demo mode only, once: the demo's draft regulation on household waste of the Department of Agriculture and
 * Environment (see {@code consultation/demo/README.md}), its consultation opened 29 days ago and closing today, the
 * 200 comments received and grouped into themes, and the final text (version 2) to compare with. Imported by the demo
 * coordinator.
 */
@Component
@Order(47)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoConsultation implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Drafts drafts;
    private final Consultations consultations;
    private final Contributions contributions;
    private final ThemeGroups groups;
    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoConsultation(JdbcClient jdbc, Drafts drafts, Consultations consultations, Contributions contributions,
            ThemeGroups groups, Users users, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.consultations = consultations;
        this.contributions = contributions;
        this.groups = groups;
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM consultation_draft").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        Optional<SignedInUser> coordinator = users.findByUsername("coordinator").filter(UserAccount::enabled)
                .map(a -> new SignedInUser(a.id(), a.username(), a.fullName(), a.agency(),
                        a.agency() == null ? null : agencies.find(a.agency()).map(x -> x.code()).orElse(null), a.roles()));
        if (coordinator.isEmpty() || agencies.findByCode("SNNMT", today).isEmpty()) {
            return;
        }
        SignedInUser by = coordinator.get();
        Drafts.Draft draft = drafts.importDraft(new Drafts.NewDraft("SNNMT",
                "Dự thảo Quy định về phân loại, thu gom, vận chuyển chất thải rắn sinh hoạt (dữ liệu trình diễn)",
                "Quyết định", "du-thao-quy-dinh-chat-thai-ran.docx", DemoDraftDocument.of(lines("draft-v1.txt")),
                "Bản lấy ý kiến"), by);
        long consulted = drafts.versions(draft.id(), by).get(0).id();
        Consultation c = consultations.create(new Consultations.NewConsultation(consulted,
                "Lấy ý kiến dự thảo Quy định về chất thải rắn sinh hoạt (dữ liệu trình diễn)",
                "Sở Nông nghiệp và Môi trường lấy ý kiến nhân dân, cơ quan, tổ chức về dự thảo Quy định phân loại rác tại"
                        + " nguồn, thời gian thu gom và giá dịch vụ thu gom, vận chuyển chất thải rắn sinh hoạt.",
                today, today.plusDays(29),
                List.of("Thời gian thu gom rác buổi tối từ 19 giờ đến 23 giờ có phù hợp không?",
                        "Mức giá dịch vụ 40.000 đồng/hộ/tháng có hợp lý không?",
                        "Lộ trình áp dụng từ ngày 01/01/2027 có khả thi không?"),
                List.of("hộ gia đình, cá nhân", "hộ kinh doanh", "cơ sở du lịch", "Ủy ban nhân dân cấp xã"),
                List.of("phân loại rác", "thu gom rác", "giá dịch vụ rác")), by);
        consultations.publish(c.id(), by);
        // the demo's consultation ran the 30 days before today: published as on its first day, then dated back (a
        // real one can only open on the day it is published)
        jdbc.sql("UPDATE consultation SET opens_on = ?, closes_on = ?, published_at = ? WHERE id = ?")
                .params(java.sql.Date.valueOf(today.minusDays(29)), java.sql.Date.valueOf(today),
                        java.sql.Timestamp.from(today.minusDays(29).atTime(8, 0).atZone(vn.loa.shared.LocalTime.ZONE)
                                .toInstant()), c.id())
                .update();
        contributions.importCsv(c.id(), bytes("comments.csv"), by);
        markOffTopic(c.id(), by);
        drafts.importVersion(draft.id(), "quy-dinh-chat-thai-ran-ban-cuoi.docx",
                DemoDraftDocument.of(lines("draft-v2.txt")), "Bản cuối cùng sau lấy ý kiến", true, by);
        groups.regroup(c.id(), by);
    }

    /**
     * What the officer did during the demo's consultation: the comments about something else than the draft (a road, a
     * vaccination, the water supply; the {@code off-topic} theme of {@code comments.csv}) marked off-topic, so that
     * they are left out of the themes and the summary report counts them apart.
     */
    private void markOffTopic(long consultationId, SignedInUser by) {
        try (org.apache.commons.csv.CSVParser rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(
                        new String(bytes("comments.csv"), StandardCharsets.UTF_8)))) {
            for (org.apache.commons.csv.CSVRecord row : rows) {
                if (!row.get("theme").equals("off-topic")) {
                    continue;
                }
                record Stored(long id, int version) {
                }
                jdbc.sql("""
                        SELECT id, version FROM consultation_contribution WHERE consultation_id = ?
                          AND regexp_replace(body, '\\s+', ' ', 'g') = regexp_replace(?, '\\s+', ' ', 'g')""")
                        .params(consultationId, row.get("text").strip())
                        .query((rs, n) -> new Stored(rs.getLong(1), rs.getInt(2))).list()
                        .forEach(k -> contributions.markOffTopic(k.id(), k.version(),
                                "Không thuộc phạm vi dự thảo (dữ liệu trình diễn)", by));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8).lines().toList();
    }

    private static byte[] bytes(String name) {
        try (InputStream in = DemoConsultation.class.getResourceAsStream("/consultation/demo/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

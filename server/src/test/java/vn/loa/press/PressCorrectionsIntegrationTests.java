package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.test.web.servlet.MockMvc;
import vn.loa.TestClock;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * Correction requests watched in the news through the real importer: a request is found only in a news post of its
 * press agency's source carrying enough of its word pairs (accents placed differently count the same), with the
 * article's address; a request nobody published is overdue after its five working days, counted across the weekend.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PressCorrectionsIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));
    private static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    private static final SignedInUser SPOKESPERSON = new SignedInUser(6L, "spokesperson", "Người phát ngôn Sở Y tế", null,
            "SYT", Set.of(Role.SPOKESPERSON));
    private static final SignedInUser DISTRICT = new SignedInUser(5L, "district", "Cán bộ xã", null, "22852",
            Set.of(Role.OFFICER));

    private static final String CORRECTION = "Bệnh viện Đa khoa tỉnh Khánh Hòa hiện có một nghìn hai trăm giường bệnh kế hoạch"
            + " và một nghìn bốn trăm năm mươi giường thực kê, không phải tám trăm giường như bài báo đã nêu.";

    @Autowired
    MockMvc mvc;

    @Autowired
    Statements statements;

    @Autowired
    MediaDirectory media;

    @Autowired
    Corrections corrections;

    @Autowired
    PostImporter importer;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    private long request(long outletId, String marker) {
        Statement draft = statements.draft(new Statements.Draft("SYT", StatementForm.CORRECTION_REQUEST, StatementChannel.LETTER,
                "Đề nghị cải chính " + marker, CORRECTION, outletId, null), OFFICER);
        return statements.publish(draft.id(), SPOKESPERSON).id();
    }

    private MediaDirectory.Outlet outlet(String marker) {
        return media.addOutlet(new MediaDirectory.Outlet(null, "Bao Kiem Chung " + marker, OutletKind.ONLINE, null,
                "toasoan." + marker + "@demo.loa.local", LocalDate.of(2020, 1, 1), null), COORDINATOR);
    }

    private ImportSummary importLines(String... lines) throws IOException {
        ImportSummary summary = importer.importFile("news-" + System.nanoTime() + ".jsonl",
                new ByteArrayInputStream(String.join("", lines).getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();
        return summary;
    }

    private String post(String source, String platform, String id, String title, String text) {
        return "{\"source\":\"" + source + "\",\"platform\":\"" + platform + "\",\"external_id\":\"" + id
                + "\",\"url\":\"https://news.example/" + id + "\",\"published_at\":\"" + clock.instant() + "\",\"title\":\""
                + title + "\",\"text\":\"" + text + "\"}\n";
    }

    private CorrectionStatus status(long id) {
        return corrections.watchOf(id, OFFICER).orElseThrow().status();
    }

    @Test
    void aCorrectionRequestIsMarkedPublishedWhenItsPressAgencyPrintsTheCorrectedText() throws Exception {
        String marker = "kc" + System.nanoTime();
        MediaDirectory.Outlet outlet = outlet(marker);
        String ownSource = "bao-kiem-chung-" + marker;
        long id = request(outlet.id(), marker);
        assertThat(status(id)).isEqualTo(CorrectionStatus.WATCHING);
        assertThat(corrections.watchOf(id, DISTRICT)).isEmpty();

        importLines(post(ownSource, "news", "a1-" + marker, "Giá rau tăng", "Giá rau xanh tại chợ Đầm tăng mạnh sau mưa lớn."));
        assertThat(status(id)).as("an article about something else").isEqualTo(CorrectionStatus.WATCHING);
        importLines(post(ownSource, "news", "a3-" + marker, "Hội thao ngành y",
                "Bệnh viện Đa khoa tỉnh Khánh Hòa tổ chức hội thao cho cán bộ y tế, có một nghìn người tham gia."));
        assertThat(status(id)).as("an article about the same hospital, not the correction").isEqualTo(CorrectionStatus.WATCHING);
        importLines(post("facebook-" + marker, "facebook", "f1-" + marker, "", CORRECTION));
        assertThat(status(id)).as("a social post is not the press agency publishing it").isEqualTo(CorrectionStatus.WATCHING);
        importLines(post("bao-khac-" + marker, "news", "o1-" + marker, "Cải chính", CORRECTION));
        assertThat(status(id)).as("another newspaper's article").isEqualTo(CorrectionStatus.WATCHING);

        // the press agency's own article, with the tone marks placed the old way and words around it
        String printed = "Cải chính: theo Sở Y tế, Bệnh viện Đa khoa tỉnh Khánh Hoà hiện có một nghìn hai trăm giường bệnh kế"
                + " hoạch và một nghìn bốn trăm năm mươi giường thực kê, không phải tám trăm giường. Tòa soạn xin lỗi bạn đọc.";
        importLines(post(ownSource, "news", "a2-" + marker, "Cải chính thông tin", printed));
        Corrections.Watch found = corrections.watchOf(id, OFFICER).orElseThrow();
        assertThat(found.status()).isEqualTo(CorrectionStatus.FOUND);
        assertThat(found.postUrl()).isEqualTo("https://news.example/a2-" + marker);
        String page = mvc.perform(get("/press/statements/" + id).session((org.springframework.mock.web.MockHttpSession) mvc
                        .perform(formLogin("/login").user("officer").password("loa-demo")).andReturn().getRequest()
                        .getSession(false))).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"correction-status\"", "Đã đăng: tìm thấy trên báo", "href=\"https://news.example/a2-" + marker);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'press-correction.found' AND target_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCorrectionRequestNobodyPublishedIsOverdueAfterFiveWorkingDaysAcrossTheWeekend() throws Exception {
        Instant start = clock.instant();
        try {
            // Friday 2 May 2031
            clock.set(LocalDateTime.of(2031, 5, 2, 10, 0).atZone(LocalTime.ZONE).toInstant());
            String marker = "od" + System.nanoTime();
            long id = request(outlet(marker).id(), marker);
            assertThat(corrections.watchOf(id, OFFICER).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2031, 5, 9));
            clock.set(LocalDateTime.of(2031, 5, 9, 23, 0).atZone(LocalTime.ZONE).toInstant());
            corrections.check();
            assertThat(status(id)).as("on its last day").isEqualTo(CorrectionStatus.WATCHING);
            clock.set(LocalDateTime.of(2031, 5, 10, 8, 0).atZone(LocalTime.ZONE).toInstant());
            corrections.check();
            assertThat(status(id)).isEqualTo(CorrectionStatus.OVERDUE);
            assertThat(corrections.list(COORDINATOR, 500)).extracting(Corrections.Watch::statementId).contains(id);
            assertThat(corrections.list(DISTRICT, 500)).extracting(Corrections.Watch::statementId).doesNotContain(id);
        } finally {
            clock.set(start);
        }
    }
}

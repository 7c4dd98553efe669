package vn.loa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.shared.LocalTime;

/**
 * An administrator finds records in a trail of thousands by who, which agency and which days, and downloads what they
 * found for Excel; a day typed wrong is named, and the download is itself recorded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditFilterIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @Test
    void theTrailIsFilteredByPersonAgencyAndDaysAndDownloadedAsFiltered() throws Exception {
        String actor = "auditf" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            trail.append(new AuditEntry(actor, "SYT", "test.happened", "thing", String.valueOf(i), Map.of("what", "lọc " + i)));
        }
        trail.append(new AuditEntry(actor, "SXD", "test.happened", "thing", "9", Map.of("what", "khác")));
        trail.append(new AuditEntry("someone-else", "SYT", "test.happened", "thing", "8", Map.of("what", "của người khác")));
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        String today = LocalTime.format(LocalDate.now(LocalTime.ZONE));

        Document page = page(mvc.perform(get("/admin/audit").param("actor", actor.toUpperCase(java.util.Locale.ROOT))
                .param("agency", "SYT").param("from", today).param("to", today).session(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#audit-table tbody tr")).hasSize(3);
        assertThat(page.select("#audit-actor option[selected]").attr("value")).isEqualTo(actor);
        assertThat(page.select("#audit-from").attr("value")).isEqualTo(today);
        // a day before the records': none
        String yesterday = LocalTime.format(LocalDate.now(LocalTime.ZONE).minusDays(1));
        Document none = page(mvc.perform(get("/admin/audit").param("actor", actor).param("to", yesterday).session(admin))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(none.select("#audit-table tbody tr")).isEmpty();
        assertThat(none.select("#audit-none").text()).isEqualTo("Không có bản ghi nào khớp bộ lọc.");

        // a day typed wrong is named, and what was typed stays
        Document wrong = page(mvc.perform(get("/admin/audit").param("actor", actor).param("from", "31/02/2026").session(admin))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(wrong.select("#problems li").eachAttr("data-field")).containsExactly("from");
        assertThat(wrong.select("#problems li").text()).startsWith("Từ ngày: ngày không hợp lệ");
        assertThat(wrong.select("#audit-from").attr("value")).isEqualTo("31/02/2026");

        // the download is what the page found, for Excel, and is itself recorded
        String href = page.select("#audit-export").attr("href");
        assertThat(href).startsWith("/admin/audit/export.csv?").containsIgnoringCase("actor=" + actor).contains("agency=SYT");
        byte[] bytes = mvc.perform(get(href).session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(rows.get(0).toList()).containsExactly("Số", "Thời gian", "Người thực hiện", "Tài khoản", "Cơ quan",
                "Sự việc", "Nội dung trích dẫn", "Mã hành động");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).get(1)).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}").startsWith(today);
        assertThat(rows.get(1).get(3)).isEqualTo(actor);
        assertThat(rows.get(1).get(4)).isEqualTo("Sở Y tế");
        assertThat(rows.get(1).get(7)).isEqualTo("test.happened");
        assertThat(trail.newest(5, null)).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("audit.exported");
            assertThat(r.actor()).isEqualTo("admin");
            assertThat(r.details()).contains("\"rows\":3").containsIgnoringCase(actor);
        });
        // only administrators
        MockHttpSession officer = (MockHttpSession) mvc.perform(formLogin("/login").user("officer").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        mvc.perform(get(href).session(officer)).andExpect(status().isForbidden());
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }
}

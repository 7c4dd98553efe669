package vn.loa.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.shared.LocalTime;

/** The desk's pages: an officer enters a paper request with its scan, sees its due date and why, and extends it. */
@SpringBootTest
@AutoConfigureMockMvc
class TransparencyDeskIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WorkingDays calendar;

    @Autowired
    vn.loa.transparency.InformationRequests requests;

    @Test
    void anOfficerEntersAPaperRequestWithItsScanAndExtendsIt() throws Exception {
        MockHttpSession officer = signIn("officer");
        LocalDate received = LocalDate.now(LocalTime.ZONE).minusDays(1);
        String location = mvc.perform(multipart("/transparency/requests").file(new MockMultipartFile("scan", "phieu-01a.pdf",
                        "application/pdf", "%PDF-1.4 phiếu".getBytes(StandardCharsets.UTF_8)))
                        .param("channel", "POST").param("receivedOn", received + "T10:15").param("agencyCode", "SYT")
                        .param("name", "Hồ Văn Sơn").param("idNumber", "056080002222").param("address", "Xã Bác Ái, Khánh Hòa")
                        .param("phone", "0259 3812 345").param("description", "Số ca sốt xuất huyết theo xã trong năm 2026")
                        .param("purpose", "Phòng bệnh cho thôn").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/transparency/requests/\\d+");
        Document page = page(location, officer);
        LocalDate due = calendar.add(received, 5, PeriodUnit.WORKING_DAYS, "SYT").date();
        assertThat(page.select("#due").text()).isEqualTo("Hạn giải quyết: " + LocalTime.format(due));
        // received after 01/09/2026: the amended law, with the 2016 limits until its own are entered
        assertThat(page.select("#due-why").text()).startsWith("Luật Tiếp cận thông tin (sửa đổi), hiệu lực từ 01/09/2026")
                .contains(". Hạn cuối " + LocalTime.format(due) + ": 5 ngày làm việc");
        assertThat(page.select("a[href$=/scan]").text()).isEqualTo("phieu-01a.pdf");
        assertThat(mvc.perform(get(location + "/scan").session(officer)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        assertThat(page.select("form.action-form input[name=action]").eachAttr("value"))
                .containsExactlyInAnyOrder("ASK_COMPLETION", "START", "MARK_COMPLEX", "EXTEND", "ASK_CONSENT", "PROVIDE", "REFUSE",
                        "TRANSFER", "WITHDRAW");

        {
            mvc.perform(post(location + "/actions").param("action", "EXTEND").param("days", "15")
                    .param("note", "Chờ số liệu của Trung tâm Kiểm soát bệnh tật").session(officer).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            Document extended = page(location, officer);
            assertThat(extended.select("#request-status").text()).isEqualTo("Đã gia hạn");
            // the status says it once; no second badge for the extension
            assertThat(extended.select(".badge").eachText()).containsOnlyOnce("Đã gia hạn");
            assertThat(extended.select("#documents a").eachText()).contains("Thông báo gia hạn (mẫu 04)");
            assertThat(extended.select("#history").text()).contains("gia hạn", "Chờ số liệu của Trung tâm Kiểm soát bệnh tật");
            mvc.perform(get(location + "/documents/extension.docx").session(officer)).andExpect(status().isOk());
            // a second extension is refused, saying why
            mvc.perform(post(location + "/actions").param("action", "EXTEND").param("days", "5").param("note", "x")
                    .session(officer).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(page(location, officer).select("#action-error").text()).isEqualTo("Yêu cầu chỉ được gia hạn một lần.");
            // an action a stale page still offers is refused by its name and the status's, not their codes
            mvc.perform(post(location + "/actions").param("action", "START").param("note", "x")
                    .session(officer).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(page(location, officer).select("#action-error").text())
                    .isEqualTo("Không thể “Bắt đầu giải quyết” khi yêu cầu đang ở trạng thái “Đã gia hạn”.");
        }
        // a form with a missing field names it and keeps what was typed
        Document refused = Jsoup.parse(mvc.perform(multipart("/transparency/requests").param("channel", "FAX")
                        .param("receivedOn", received + "T08:00").param("agencyCode", "SYT").param("name", "Hồ Văn Sơn")
                        .param("address", "").param("phone", "0259 3812 345").param("description", "Số ca sốt xuất huyết")
                        .session(officer).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#problems li").eachAttr("data-field")).containsExactly("requester.address");
        assertThat(refused.select("#name").attr("value")).isEqualTo("Hồ Văn Sơn");
        assertThat(refused.select("#channel option[selected]").attr("value")).isEqualTo("FAX");
        assertThat(refused.select("#agencyCode option[selected]").attr("value")).isEqualTo("SYT");
        assertThat(refused.select("input[name=complex]").hasAttr("checked")).isFalse();
        // "complex" sets the time limit (15 working days instead of 5): it must not be lost either
        Document complexRefused = Jsoup.parse(mvc.perform(multipart("/transparency/requests").param("channel", "IN_PERSON")
                        .param("receivedOn", received + "T08:00").param("agencyCode", "SYT").param("name", "Hồ Văn Sơn")
                        .param("address", "").param("description", "Số ca sốt xuất huyết").param("complex", "true")
                        .session(officer).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(complexRefused.select("#channel option[selected]").attr("value")).isEqualTo("IN_PERSON");
        assertThat(complexRefused.select("input[name=complex]").hasAttr("checked")).isTrue();
        // the district's officer does not see it
        mvc.perform(get(location).session(signIn("district"))).andExpect(status().isNotFound());
    }

    @Test
    void aRequestDueTodayIsOnTheOfficersHomePageAndAnOverdueOneOnTheCoordinators() throws Exception {
        MockHttpSession officer = signIn("officer");
        // received now (to the minute, so the same day whenever the test runs), in person: answered on the day, or on
        // the next working day when today is a day off
        java.time.LocalDateTime now = java.time.LocalDateTime.now(LocalTime.ZONE).withSecond(0).withNano(0);
        LocalDate due = calendar.add(now.toLocalDate(), 0, PeriodUnit.WORKING_DAYS, "SYT").date();
        String today = mvc.perform(multipart("/transparency/requests").param("channel", "IN_PERSON")
                        .param("receivedOn", now.toString())
                        .param("agencyCode", "SYT").param("name", "Mai Văn Tư").param("address", "Cam Lâm")
                        .param("phone", "0905 000 111").param("description", "Lịch tiêm chủng mở rộng tháng này của trạm y tế")
                        .session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String late = mvc.perform(multipart("/transparency/requests").param("channel", "POST")
                        .param("receivedOn", "2026-03-02T08:00").param("agencyCode", "SYT").param("name", "Mai Văn Tư")
                        .param("address", "Cam Lâm").param("phone", "0905 000 111")
                        .param("description", "Báo cáo tài chính năm 2025 của bệnh viện tỉnh").session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        // the officer's home page shows the first eight due within three days, soonest first: the overdue one before
        // today's (other tests' requests may fill the rest)
        Document home = page("/", officer);
        List<String> shown = home.select("#due-requests li a").eachAttr("href");
        assertThat(shown).contains(late);
        if (!due.isAfter(now.toLocalDate().plusDays(3))) {
            assertThat(shown.contains(today) || shown.size() == 8).isTrue();
        }
        assertThat(requests.dueBy(due, 500, officerUser()).stream()
                .map(d -> "/transparency/requests/" + d.id()).toList()).contains(today, late);
        Document province = page("/", signIn("coordinator"));
        assertThat(province.select("#due-requests li.overdue a").eachAttr("href")).contains(late).doesNotContain(today);
        assertThat(page("/", signIn("press")).select("#due-requests")).isEmpty();
        // an administrator sees no request: the home page does not say "none due" of what it cannot see, nor the desk
        // "0 open"
        MockHttpSession admin = signIn("admin");
        assertThat(page("/", admin).select("#due-requests")).isEmpty();
        mvc.perform(get("/transparency").session(admin)).andExpect(status().isForbidden());
    }

    private static vn.loa.identity.SignedInUser officerUser() {
        return new vn.loa.identity.SignedInUser(null, "officer", "Cán bộ", null, "SYT", java.util.Set.of(vn.loa.identity.Role.OFFICER));
    }

    private Document page(String path, MockHttpSession session) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}

package vn.loa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.calendar.CalendarEvent;
import vn.loa.shared.Actor;
import vn.loa.transparency.Channel;
import vn.loa.transparency.InformationRequest;
import vn.loa.transparency.InformationRequests;

/**
 * A deadline moved by a day off says in the audit trail whose deadline it was: an information request and a press
 * enquiry may carry the same number, and "the deadline of 1" told an administrator neither.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeadlineAuditLinesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    InformationRequests requests;

    @Test
    void aMovedDeadlineNamesTheRecordItBelongsTo() throws Exception {
        InformationRequest request = requests.submit(new InformationRequests.Submission(Channel.POST,
                OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.ofHours(7)), "SYT",
                new InformationRequests.Requester("Đỗ Thị Hạnh", null, "hanh@example.vn", null, "Ninh Hòa"),
                "Danh sách trạm y tế xã được nâng cấp AUDITDL", "Tìm hiểu", null, false, null, null), null);
        transactions.executeWithoutResult(status -> events.publishEvent(new CalendarEvent.DeadlineMoved(
                new Actor("admin", null), -1, "information-request", String.valueOf(request.id()),
                LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 10), "nghỉ thử nghiệm AUDITDL",
                vn.loa.shared.MessagePart.of("calendar.change.entered.EXTRA_DAY_OFF", "09/12/2026", "nghỉ thử nghiệm AUDITDL",
                        "Thông báo 1/TB-AUDITDL"))));
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        for (String[] language : new String[][] {{"vi", "Thời hạn của yêu cầu cung cấp thông tin số " + request.id() + " dời từ"},
                {"en", "The deadline of information request " + request.id() + " moved from"}}) {
            String trail = Jsoup.parse(mvc.perform(get("/admin/audit").param("lang", language[0]).session(admin))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .select("#audit-table tr:contains(AUDITDL)").text();
            assertThat(trail).as(language[0]).contains(language[1]);
        }
    }
}

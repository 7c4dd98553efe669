package vn.loa.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyContacts;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.shared.Actor;

/**
 * Where citizens reach an agency: entered by an administrator on the agency's page (each wrong field named, nothing
 * typed lost, a stale page refused), audited, and shown on the public pages that name the agency.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgencyContactsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    AgencyContacts contacts;

    @Autowired
    AuditTrail audit;

    @Test
    void anAdministratorEntersTheContactAndACitizensReceiptShowsIt() throws Exception {
        MockHttpSession admin = signIn("admin");
        String code = "TTLH" + System.nanoTime() % 100_000_000;
        Agency office = agencies.create(new AgencyDirectory.AgencyForm(code, AgencyKind.DEPARTMENT, null,
                "Sở thử nghiệm liên hệ " + code, "Contact test department", LocalDate.of(2025, 7, 1), null, "test"),
                Actor.SYSTEM);
        String page = "/admin/agencies/" + office.id().value();
        Document empty = page(admin, page);
        String seen = empty.select("#contact input[name=seen]").val();
        assertThat(empty.select("#contact-heading").text()).isEqualTo("Liên hệ cho công dân");

        // a telephone written in words and an address without a domain: each field named, what was typed kept
        Document refused = Jsoup.parse(mvc.perform(post(page + "/contact").session(admin).with(csrf())
                        .param("seen", seen).param("address", "12 Lê Lợi <b>Nha Trang</b>").param("phone", "gọi tổng đài")
                        .param("email", "vanthu@khanhhoa").param("hours", "Sáng thứ Hai"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#contact .field-error").eachText()).hasSize(2)
                .anySatisfy(e -> assertThat(e).startsWith("Điện thoại chỉ gồm chữ số"))
                .anySatisfy(e -> assertThat(e).startsWith("Thư điện tử không đúng dạng"));
        assertThat(refused.select("#contact #address").val()).isEqualTo("12 Lê Lợi <b>Nha Trang</b>");
        assertThat(refused.select("#contact #hours").val()).isEqualTo("Sáng thứ Hai");
        assertThat(contacts.of(office.id())).isEmpty();

        mvc.perform(post(page + "/contact").session(admin).with(csrf()).param("seen", seen)
                        .param("address", "12 Lê Lợi <b>Nha Trang</b>").param("phone", "0258 3822 111; 1900 1234")
                        .param("email", "vanthu@" + code.toLowerCase() + ".khanhhoa.gov.vn").param("hours", "  Sáng thứ Hai  "))
                .andExpect(status().is3xxRedirection());
        AgencyContacts.Contact saved = contacts.of(office.id()).orElseThrow();
        assertThat(saved.phone()).isEqualTo("0258 3822 111; 1900 1234");
        assertThat(saved.hours()).isEqualTo("Sáng thứ Hai");
        assertThat(audit.newest(50, null)).filteredOn(r -> String.valueOf(office.id().value()).equals(r.targetId()))
                .extracting(AuditRecord::action).contains("agency.updated");

        // the same page sent again after that change: refused, what was typed kept
        Document stale = Jsoup.parse(mvc.perform(post(page + "/contact").session(admin).with(csrf()).param("seen", seen)
                        .param("address", "").param("phone", "0258 3822 999").param("email", "").param("hours", ""))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(stale.select("#contact-changed-meanwhile")).hasSize(1);
        assertThat(stale.select("#contact #phone").val()).isEqualTo("0258 3822 999");
        assertThat(contacts.of(office.id()).orElseThrow().phone()).isEqualTo("0258 3822 111; 1900 1234");

        // only an administrator may change it
        mvc.perform(post(page + "/contact").session(signIn("officer")).with(csrf()).param("phone", "0258 000 111"))
                .andExpect(status().isForbidden());

        // a citizen who sends a request to the agency reads where to reach it, the stranger's markup as text
        MockHttpSession citizen = new MockHttpSession();
        String receipt = mvc.perform(post("/public/access-to-information").session(citizen).with(csrf())
                        .param("agencyCode", code).param("name", "Người Hỏi Liên Hệ").param("idNumber", "056190004321")
                        .param("address", "Nha Trang").param("email", "hoi@example.vn")
                        .param("description", "Danh sách điểm tiêm chủng " + code).param("purpose", "Tìm hiểu"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document sent = Jsoup.parse(mvc.perform(get(receipt).session(citizen)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(sent.select("#agency-contact-heading").text()).isEqualTo("Liên hệ Sở thử nghiệm liên hệ " + code);
        assertThat(sent.select("#contact-address").text()).isEqualTo("12 Lê Lợi <b>Nha Trang</b>");
        assertThat(sent.select("#contact-address b")).isEmpty();
        assertThat(sent.select("#contact-phone").text()).isEqualTo("0258 3822 111; 1900 1234");
        assertThat(sent.select("#contact-email").attr("href")).isEqualTo("mailto:" + saved.email());
        assertThat(sent.select("#contact-via")).isEmpty();

        // a unit under it that entered no contact of its own: the citizen is told to reach it through the one above
        String childCode = code + "C";
        agencies.create(new AgencyDirectory.AgencyForm(childCode, AgencyKind.DEPARTMENT, office.id(),
                "Chi cục thử nghiệm " + childCode, "Contact test branch", LocalDate.of(2025, 7, 1), null, "test"),
                Actor.SYSTEM);
        MockHttpSession other = new MockHttpSession();
        String childReceipt = mvc.perform(post("/public/access-to-information").session(other).with(csrf())
                        .param("agencyCode", childCode).param("name", "Người Hỏi Chi Cục").param("idNumber", "056190004322")
                        .param("address", "Nha Trang").param("email", "hoi2@example.vn")
                        .param("description", "Danh sách điểm tiêm chủng " + childCode).param("purpose", "Tìm hiểu"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document viaParent = Jsoup.parse(mvc.perform(get(childReceipt).session(other)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(viaParent.select("#agency-contact-heading").text()).isEqualTo("Liên hệ Sở thử nghiệm liên hệ " + code);
        assertThat(viaParent.select("#contact-via").text()).startsWith("Chi cục thử nghiệm " + childCode
                + " chưa công bố địa chỉ liên hệ riêng").contains("liên hệ qua Sở thử nghiệm liên hệ " + code);
        assertThat(viaParent.select("#contact-phone").text()).isEqualTo("0258 3822 111; 1900 1234");
    }

    private MockHttpSession signIn(String user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user).password("loa-demo")).andReturn().getRequest()
                .getSession(false);
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}

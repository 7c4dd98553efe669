package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.consultation.internal.ConsultationTestData;
import vn.loa.shared.LocalTime;

/**
 * The officers' pages through HTTP as the demo coordinator: a draft imported with the form, a consultation too short
 * refused naming the closing date and the law, then created and published; contributions imported from CSV, one held
 * and published with the page's button (audited), a second click told it is done; the demo officer of another agency
 * finds none of it. The import's hint names the columns in order, the date format and the encoding.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsultationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Contributions contributions;

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession();
    }

    @Autowired
    vn.loa.listening.PostImporter importer;

    @Test
    void anOfficerImportsConsultsAndModeratesThroughThePages() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String draftPath = mvc.perform(multipart("/consultations/drafts").file(new MockMultipartFile("file", "v1.docx",
                        "application/octet-stream", ConsultationTestData.docx("draft-v1.txt", marker)))
                        .param("title", "Trang " + marker).param("agencyCode", "SNNMT").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/consultations/drafts/*"))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(draftPath).session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Điều 12.")));
        mvc.perform(multipart("/consultations/drafts").file(new MockMultipartFile("file", "x.docx",
                        "application/octet-stream", "không phải".getBytes(StandardCharsets.UTF_8)))
                        .param("title", "Sai").session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("data-field=\"file\"")));
        long draftId = Long.parseLong(draftPath.substring(draftPath.lastIndexOf('/') + 1));
        long versionId = jdbc.sql("SELECT id FROM consultation_draft_version WHERE draft_id = ?").param(draftId)
                .query(Long.class).single();
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        mvc.perform(post("/consultations").session(coordinator).with(csrf()).param("versionId", String.valueOf(versionId))
                        .param("title", "Trang " + marker).param("opensOn", today.toString())
                        .param("closesOn", today.plusDays(9).toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("data-field=\"closesOn\"")))
                .andExpect(content().string(containsString("64/2025/QH15")));
        String consultationPath = mvc.perform(post("/consultations").session(coordinator).with(csrf())
                        .param("versionId", String.valueOf(versionId)).param("title", "Trang " + marker)
                        .param("opensOn", today.toString()).param("closesOn", today.plusDays(25).toString())
                        .param("questions", "Câu một?\nCâu hai?").param("keywords", "phân loại rác, " + marker))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(consultationPath.substring(consultationPath.lastIndexOf('/') + 1));
        mvc.perform(get("/public/consultations/" + id)).andExpect(status().isNotFound());
        mvc.perform(post(consultationPath + "/publish").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // a post listening found with one of the keywords is shown apart, as public opinion, not as a contribution
        String post = ("{\"source\":\"consultation-test\",\"platform\":\"facebook\",\"external_id\":\"gy-%1$s\","
                + "\"published_at\":\"%2$sT08:00:00+07:00\",\"text\":\"Thùng rác chợ %1$s đầy tràn, đề nghị thu gom"
                + " sớm\"}\n").formatted(marker, today);
        importer.importFile("gy.jsonl", new java.io.ByteArrayInputStream(post.getBytes(StandardCharsets.UTF_8)),
                vn.loa.shared.Actor.SYSTEM, null);
        mvc.perform(get(consultationPath).session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Câu hai?")))
                .andExpect(content().string(containsString("id=\"public-opinion\"")))
                .andExpect(content().string(containsString("Thùng rác chợ " + marker)));
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_contribution WHERE consultation_id = ?")
                .param(Long.parseLong(consultationPath.substring(consultationPath.lastIndexOf('/') + 1)))
                .query(Long.class).single()).isZero();
        String received = LocalTime.format(today);
        mvc.perform(multipart(consultationPath + "/import").file(new MockMultipartFile("file", "c.csv", "text/csv",
                        ("article,name,kind,organisation,contact,received,text\r\n"
                                + "10,An,công dân,,," + received + ",Gọi 0912345678 nhé\r\n"
                                + ",Hội B,tổ chức,Hội B,," + received + ",Đồng ý với dự thảo\r\n").getBytes(StandardCharsets.UTF_8)))
                        .session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("imported"));
        Contribution held = contributions.list(id, null, ContributionStatus.RECEIVED,
                ConsultationTestData.COORDINATOR).get(0);
        mvc.perform(get(consultationPath + "/contributions").session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("có số điện thoại")));
        mvc.perform(post(consultationPath + "/contributions/" + held.id() + "/publish").session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(contributions.get(held.id(), ConsultationTestData.COORDINATOR).status())
                .isEqualTo(ContributionStatus.PUBLISHED);
        mvc.perform(get(consultationPath + "/contributions").session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã công khai góp ý.")));
        // the same button again (a double click, or a second officer): a clear message on the list, nothing changed
        mvc.perform(post(consultationPath + "/contributions/" + held.id() + "/publish").session(coordinator)
                .with(csrf())).andExpect(redirectedUrl(consultationPath + "/contributions"));
        mvc.perform(get(consultationPath + "/contributions").session(coordinator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Góp ý " + held.reference() + " đã được công khai rồi")))
                .andExpect(content().string(not(containsString("Đã công khai góp ý."))));
        assertThat(jdbc.sql("SELECT actor FROM audit_record WHERE action = 'consultation-contribution.moderated' AND target_id = ?")
                .param(String.valueOf(held.id())).query(String.class).single()).isEqualTo("coordinator");

        MockHttpSession officer = signIn("officer");
        mvc.perform(get(consultationPath).session(officer)).andExpect(status().isNotFound());
        mvc.perform(get("/consultations").session(officer)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Trang " + marker))));
        mvc.perform(post(consultationPath + "/contributions/" + held.id() + "/reject").param("reason", "x")
                .session(officer).with(csrf())).andExpect(status().isNotFound());
        assertThat(contributions.get(held.id(), ConsultationTestData.COORDINATOR).status())
                .isEqualTo(ContributionStatus.PUBLISHED);
    }

    @Test
    void theImportHintSaysTheColumnsInOrderTheDateFormatAndTheEncoding() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        Consultation c = ConsultationTestData.open(drafts, consultations, marker(), LocalDate.now(LocalTime.ZONE),
                ConsultationTestData.OFFICER);
        Document vi = page(mvc.perform(get("/consultations/" + c.id() + "/contributions").session(coordinator)));
        assertThat(vi.getElementById("import-columns").text()).isEqualTo("article,name,kind,organisation,contact,received,text");
        assertThat(vi.getElementById("import-hint").text()).contains("UTF-8", "CSV UTF-8",
                "theo thứ tự: article, name, kind, organisation, contact, received, text", "dd/MM/yyyy",
                "trong thời gian lấy ý kiến và không sau hôm nay");
        assertThat(vi.getElementById("import-hint-columns").text()).contains("days_after_open", "công dân hoặc tổ chức");
        Document en = page(mvc.perform(get("/consultations/" + c.id() + "/contributions?lang=en").session(coordinator)));
        assertThat(en.getElementById("import-hint").text()).contains("UTF-8",
                "in this order: article, name, kind, organisation, contact, received, text", "dd/MM/yyyy",
                "within the consultation period and not after today");
    }

    private static Document page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Autowired
    Drafts drafts;

    @Autowired
    Consultations consultations;
}

package vn.loa.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.shared.LocalTime;

/** An agency keeps its disclosure catalogue; overdue items are flagged; disclosed ones are on the public portal. */
@SpringBootTest
@AutoConfigureMockMvc
class DisclosureCatalogueIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anOverdueItemIsFlaggedUntilItIsDisclosedAndThenShownToEveryone() throws Exception {
        MockHttpSession officer = signIn("officer");
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        String title = "Dự toán ngân sách năm 2026 của Sở Y tế " + System.nanoTime();
        String created = mvc.perform(post("/api/v1/disclosure-items").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"agencyCode":"SYT","title":"%s","category":"BUDGETS","dueOn":"%s"}"""
                                .formatted(title, today.minusDays(3))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.overdue").value(true))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = JsonMapper.builder().build().readTree(created).get("id").asLong();
        Document desk = page("/transparency/disclosure", officer);
        assertThat(desk.select("#disclosure-items tr.overdue").text()).contains(title, "Dự toán, quyết toán ngân sách");
        // not on the portal yet, and not another agency's business
        assertThat(Jsoup.parse(mvc.perform(get("/public/access-to-information/disclosure")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).text()).doesNotContain(title);
        assertThat(page("/transparency/disclosure", signIn("district")).text()).doesNotContain(title);
        mvc.perform(post("/api/v1/disclosure-items/" + id + "/published").session(signIn("district")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"publishedOn\":\"" + today + "\",\"place\":\"x\"}"))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/disclosure-items/" + id + "/published").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"publishedOn":"%s","place":"Cổng thông tin Sở Y tế","url":"javascript:alert(1)"}""".formatted(today)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("url"));
        mvc.perform(post("/api/v1/disclosure-items/" + id + "/published").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"publishedOn":"%s","place":"Cổng thông tin Sở Y tế","url":"https://syt.khanhhoa.gov.vn/du-toan",
                                 "reviewOn":"%s"}""".formatted(today, today.plusMonths(6))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.overdue").value(false));
        Document portal = Jsoup.parse(mvc.perform(get("/public/access-to-information/disclosure")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(portal.select("#disclosed a[href='https://syt.khanhhoa.gov.vn/du-toan']").text()).isEqualTo(title);
    }

    @Test
    void theDemosRegisterShowsAnAnswerWithoutItsRequestersNameOrPhone() throws Exception {
        Document register = Jsoup.parse(mvc.perform(get("/public/access-to-information/register").param("q", "tiêm chủng"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(register.select("#register > li")).isNotEmpty();
        assertThat(register.text()).contains("[đã che]").doesNotContain("Phạm Minh Châu", "0905 000 001");
    }

    @Test
    void anIncompleteItemIsRefusedNamingEachField() throws Exception {
        mvc.perform(post("/api/v1/disclosure-items").session(signIn("district")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agencyCode\":\"SYT\",\"title\":\"x\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("agencyCode", "title", "category",
                        "dueOn")));
        mvc.perform(get("/api/v1/disclosure-items")).andExpect(status().isUnauthorized());
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

package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A page form sent twice (a double click, the back button and the form sent again) is handled once: the second request
 * goes where the first went. Shown with the misinformation desk's "open a case", which the review found opened two.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OnceFormsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCaseFormSentTwiceOpensOneCaseAndTheSecondGoesWhereTheFirstWent() throws Exception {
        MockHttpSession officer = signIn("officer");
        Element form = newCaseForm(officer);
        String once = form.select("input[name=_once]").val();
        assertThat(once).hasSizeGreaterThan(15);
        assertThat(form.select("input[name=_csrf]")).hasSize(1);
        String claim = "Tin đồn nước máy phường Xương Huân nhiễm độc " + System.nanoTime();

        String first = mvc.perform(open(officer, form, claim)).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        String second = mvc.perform(open(officer, form, claim)).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(second).isEqualTo(first).matches(".*/cases/\\d+");
        assertThat(casesClaiming(claim)).isEqualTo(1);

        // a double click: both at once, one case
        Element again = newCaseForm(officer);
        String other = claim + " (lần hai)";
        CompletableFuture<String> one = CompletableFuture.supplyAsync(() -> location(open(officer, again, other)));
        CompletableFuture<String> two = CompletableFuture.supplyAsync(() -> location(open(officer, again, other)));
        assertThat(one.get()).isEqualTo(two.get());
        assertThat(casesClaiming(other)).isEqualTo(1);

        // a new page's form is a new action: a second case of its own
        mvc.perform(open(officer, newCaseForm(officer), claim)).andExpect(status().is3xxRedirection());
        assertThat(casesClaiming(claim)).isEqualTo(2);
    }

    @Test
    void aFormRefusedForAFieldMayBeCorrectedAndSentWithTheSameField() throws Exception {
        MockHttpSession officer = signIn("officer");
        Element form = newCaseForm(officer);
        mvc.perform(open(officer, form, "")).andExpect(status().isUnprocessableContent());
        String claim = "Tin giả về lịch nghỉ học ở xã Cam Lâm " + System.nanoTime();
        mvc.perform(open(officer, form, claim)).andExpect(status().is3xxRedirection());
        assertThat(casesClaiming(claim)).isEqualTo(1);
    }

    @Test
    void aFormThatOnlyReadsCarriesNoSuchField() throws Exception {
        Document cases = Jsoup.parse(mvc.perform(get("/cases").session(signIn("officer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(cases.select("form[method=get]")).isNotEmpty();
        assertThat(cases.select("form[method=get] input[name=_once]")).isEmpty();
    }

    private Element newCaseForm(MockHttpSession session) throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/cases/new").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        return page.select("form[method=post]").stream().filter(f -> f.attr("action").endsWith("/cases/new")).findFirst()
                .orElseThrow();
    }

    private static MockHttpServletRequestBuilder open(MockHttpSession session, Element form, String claim) {
        return post("/cases/new").session(session).param("_csrf", form.select("input[name=_csrf]").val())
                .param("_once", form.select("input[name=_once]").val()).param("claim", claim)
                .param("category", "FALSE_INFORMATION").param("severity", "MEDIUM").param("agencyCode", "SYT")
                .param("postIds", "");
    }

    private String location(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long casesClaiming(String claim) {
        return jdbc.sql("SELECT count(*) FROM misinformation_case WHERE claim = ?").param(claim).query(Long.class).single();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}

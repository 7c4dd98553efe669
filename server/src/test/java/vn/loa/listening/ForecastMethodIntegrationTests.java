package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The forecast chart says in one sentence how it is made, and links to a page with the details, in both languages. */
@SpringBootTest
@AutoConfigureMockMvc
class ForecastMethodIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theForecastChartExplainsItselfInOneSentenceAndLinksToTheDetails() throws Exception {
        MockHttpSession officer = signIn("officer");
        String vietnamese = page("/trends?dimension=agency&value=SYT&lang=vi", officer);
        assertThat(vietnamese).contains("một đợt tăng vọt ngắn không kéo dự báo lên mãi")
                .contains("95 lần trong 100").contains("href=\"/trends/method\"").contains("Cách tính dự báo");
        String english = page("/trends?dimension=agency&value=SYT&lang=en", officer);
        assertThat(english).contains("a short spike does not pull it up for days").contains("95 times in 100")
                .contains("How the forecast is made");
    }

    @Test
    void theDetailsPageExplainsTheMethodInTheReadersLanguage() throws Exception {
        MockHttpSession press = signIn("press");
        String vietnamese = page("/trends/method?lang=vi", press);
        assertThat(vietnamese).contains("Cách tính dự báo số bài")
                .contains("3 lần mức dao động thường ngày")
                .contains("95 trong 100 giờ bình thường").contains("href=\"/trends\"");
        String english = page("/trends/method?lang=en", press);
        assertThat(english).contains("How the post forecast is made").contains("3 times the usual variation")
                .contains("95 of every 100 ordinary hours").doesNotContain("mức dao động");
        // a browser that is not signed in is sent to the sign-in page
        mvc.perform(get("/trends/method").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}

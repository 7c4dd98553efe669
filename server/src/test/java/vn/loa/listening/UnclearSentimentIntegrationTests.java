package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.shared.Actor;

/** A post the model is unsure of says so, and says what "unclear" means, where an officer meets it. */
@SpringBootTest
@AutoConfigureMockMvc
class UnclearSentimentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    TextAnalyzer analyzer;

    @Test
    void anUnclearPostAndTheDashboardsUnclearColumnExplainWhatUnclearMeans() throws Exception {
        // the mark that finds the post is a word of the text, and so moves the model's answer a little: of a few marks,
        // the first with which the model is unsure of one of the short replies (not one mark, whose luck is the pid's)
        String marker = null;
        List<String> unsure = List.of();
        for (int variant = 0; variant < 50 && unsure.isEmpty(); variant++) {
            String mark = "chuaro" + ProcessHandle.current().pid() + "v" + variant;
            marker = mark;
            unsure = PostRegisterAndDomainIntegrationTests.UNSURE_CANDIDATES.stream()
                    .map(text -> text + " " + mark)
                    .filter(text -> analyzer.analyze(text, LocalDate.now(), Platform.FACEBOOK.registerHint())
                            .sentiment().unclear())
                    .toList();
        }
        assertThat(unsure).as("the shipped sentiment model is unsure of none of the short replies").isNotEmpty();
        String at = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        String file = "{\"source\":\"unclear-" + marker + "\",\"platform\":\"facebook\",\"external_id\":\"u1\","
                + "\"published_at\":\"" + at + "\",\"text\":\"" + unsure.get(0) + "\"}\n";
        assertThat(importer.importFile("unclear.jsonl", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null).stored()).isEqualTo(1);

        MockHttpSession coordinator = signIn("coordinator");
        String vi = page("/posts", marker, "vi", coordinator);
        assertThat(vi).contains(">Chưa rõ</span>")
                .contains("title=\"Máy chưa chắc (xác suất dưới một nửa): với những bài như vậy, máy chỉ đoán đúng");
        assertThat(page("/posts", marker, "en", coordinator))
                .contains("title=\"The engine is unsure (probability below one half): on such posts its guess is right");
        assertThat(page("/listening", null, "vi", coordinator))
                .contains("th scope=\"col\" data-series=\"unclear\" data-color=\"#c9b458\" title=\"Máy chưa chắc");
    }

    private String page(String path, String q, String lang, MockHttpSession session) throws Exception {
        var request = get(path).param("lang", lang).session(session);
        if (q != null) {
            request = request.param("q", q);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}

package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.consultation.internal.ConsultationTestData;
import vn.loa.shared.LocalTime;

/**
 * Where no mail server is configured (as in the demo), the portal's comment form says that a code cannot be sent by
 * e-mail here and asks for a phone number, rather than letting a citizen wait for a code that never comes.
 */
@SpringBootTest(properties = {"loa.embedded-database.data-dir=target/test-postgres-no-mail",
        "spring.autoconfigure.exclude=org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration,"
                + "org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration"})
@AutoConfigureMockMvc
class PublicConsultationWithoutMailIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Drafts drafts;

    @Autowired
    Consultations consultations;

    @Autowired
    Contributions contributions;

    @Test
    void theCommentFormSaysAnEmailCodeCannotBeSentHereAndAsksForAPhone() throws Exception {
        assertThat(contributions.codesReachByEmail()).isFalse();
        Consultation c = ConsultationTestData.open(drafts, consultations, UUID.randomUUID().toString().substring(0, 8),
                LocalDate.now(LocalTime.ZONE), ConsultationTestData.OFFICER);
        String html = page("/public/consultations/" + c.id());
        Document page = Jsoup.parse(html);
        // a form per article and one for the whole draft, and the notice said once, above them all
        Elements forms = page.select("form.comment-form");
        assertThat(forms).hasSizeGreaterThan(2);
        assertThat(occurrences(html, "mã xác nhận gửi qua thư điện tử sẽ không đến")).isEqualTo(1);
        Element notice = page.getElementById("contact-no-email");
        assertThat(notice.text()).startsWith("Thư điện tử hoặc số điện thoại:")
                .contains("mã xác nhận gửi qua thư điện tử sẽ không đến", "Hãy ghi số điện thoại di động");
        assertThat(page.select("#contact-no-email, form.comment-form").first()).isEqualTo(notice);
        // every form's contact field is still described by it
        assertThat(forms).allSatisfy(form -> assertThat(form.selectFirst("input[name=contact]").attr("aria-describedby")
                .split(" ")).contains("contact-no-email"));
        // the page with the one form says it in that form, once
        Document single = Jsoup.parse(page("/public/consultations/" + c.id() + "/comment"));
        assertThat(single.select("form.comment-form")).hasSize(1);
        assertThat(single.select("form.comment-form #contact-no-email").text())
                .contains("mã xác nhận gửi qua thư điện tử sẽ không đến");
        assertThat(occurrences(single.html(), "mã xác nhận gửi qua thư điện tử sẽ không đến")).isEqualTo(1);
        assertThat(single.selectFirst("input[name=contact]").attr("aria-describedby").split(" "))
                .contains("contact-no-email");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}

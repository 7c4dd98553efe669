package vn.loa.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
        Document page = Jsoup.parse(mvc.perform(get("/public/consultations/" + c.id())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.getElementById("contact-no-email-whole").text())
                .contains("mã xác nhận gửi qua thư điện tử sẽ không đến", "Hãy ghi số điện thoại di động");
    }
}

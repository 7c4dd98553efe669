package vn.loa.misinformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The desk's list of cases and {@code GET /api/v1/cases}, a page at a time, with 120 cases of one agency (#13, item 6). */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseListPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** An agency code only this run's cases have. */
    private final String agency = "TRANG" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    private MockHttpSession coordinator;

    @BeforeAll
    void aHundredAndTwentyCases() throws Exception {
        coordinator = CaseTestData.signIn(mvc, "coordinator");
        // the first thirty overdue, the rest due in the coming days
        jdbc.sql("""
                INSERT INTO misinformation_case (source, claim, category, severity, status, agency_code, opened_at,
                                                 opened_by, deadline, claim_fingerprint)
                SELECT 'MANUAL', 'Tin đồn thử ' || ? || ' số ' || lpad(g::text, 3, '0'), 'FALSE_INFORMATION', 'LOW',
                       'ASSIGNED', ?, now() - interval '10 days', 'coordinator',
                       CASE WHEN g <= 30 THEN now() - interval '1 day' + g * interval '1 minute'
                            ELSE now() + g * interval '1 hour' END, g
                FROM generate_series(1, 120) g""").params(agency, agency).update();
    }

    /** The application may not delete cases: they are dismissed instead, out of every open list. */
    @AfterAll
    void dismissThem() {
        jdbc.sql("UPDATE misinformation_case SET status = 'DISMISSED', closed_at = now() WHERE agency_code = ?").param(agency)
                .update();
    }

    @Test
    void theDeskListsFiftyCasesAPageOverdueFirstWithLinksThatKeepTheFilter() throws Exception {
        Document first = page("/cases?agency=" + agency);
        assertThat(first.select("#cases-table tbody tr")).hasSize(50);
        assertThat(first.select("#cases-table tbody tr").get(0).text()).contains("số 001").contains("Quá hạn");
        assertThat(first.select("#cases-table tbody tr.overdue")).hasSize(30);
        assertThat(first.select(".pager-count").text()).isEqualTo("1–50 trong số 120");
        String next = first.select(".pager a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/cases?agency=" + agency + "&page=2");
        Document third = page("/cases?agency=" + agency + "&page=3");
        assertThat(third.select("#cases-table tbody tr")).hasSize(20);
        assertThat(third.select("#cases-table tbody tr").get(0).text()).contains("số 101");
        assertThat(page("/cases?agency=" + agency + "&page=zz").select(".pager-count").text()).isEqualTo("1–50 trong số 120");
        // the figures count every open case, not a page of them
        long open = jdbc.sql("SELECT count(*) FROM misinformation_case WHERE status NOT IN ('ANSWERED', 'REFUTED', "
                + "'REFERRED', 'DISMISSED')").query(Long.class).single();
        assertThat(page("/cases").select("#desk-figures li").get(0).text()).endsWith(String.format(Locale.ROOT, "%,d", open)
                .replace(',', '.'));
        String refused = mvc.perform(get("/cases").param("status", "LOST").session(coordinator))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Trạng thái trong bộ lọc không hợp lệ");
    }

    @Test
    void theApiAnswersAPageWithItsLinksAndTheCount() throws Exception {
        MvcResult first = mvc.perform(get("/api/v1/cases").param("agency", agency).session(coordinator))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(50))
                .andExpect(header().string("X-Total-Count", "120")).andReturn();
        assertThat(first.getResponse().getHeader("Link"))
                .isEqualTo("</api/v1/cases?agency=" + agency + "&page=2>; rel=\"next\", </api/v1/cases?agency=" + agency
                        + "&page=3>; rel=\"last\"");
        mvc.perform(get("/api/v1/cases").param("agency", agency).param("page", "3").param("size", "40").session(coordinator))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(40))
                .andExpect(jsonPath("$[39].claim").value("Tin đồn thử " + agency + " số 120"));
        mvc.perform(get("/api/v1/cases").param("size", "201").session(coordinator))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("size"));
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}

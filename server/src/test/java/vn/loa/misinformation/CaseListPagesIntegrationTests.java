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
        assertThat(Jsoup.parse(refused).select("#problems li[data-field=status]").text())
                .startsWith("Trạng thái: giá trị \"LOST\" không hợp lệ");
    }

    @Test
    void anAgencyNoCaseOrDirectoryHasIsRefusedNamingTheFilterWithTheFormKept() throws Exception {
        for (String language : new String[] {"vi", "en"}) {
            String refused = mvc.perform(get("/cases").param("agency", "ZZZ").param("status", "all").param("lang", language)
                            .session(coordinator))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Document page = Jsoup.parse(refused);
            assertThat(page.select("#problems li[data-field=agency]").text()).isEqualTo(language.equals("vi")
                    ? "Cơ quan: không có cơ quan mã \"ZZZ\"." : "Agency: there is no agency with the code \"ZZZ\".");
            // the status asked for stays chosen; the list says it is not the filter's
            assertThat(page.select("#status option[selected]").attr("value")).isEqualTo("all");
            assertThat(page.select("#filter-fallback").text()).isNotBlank();
        }
        // an agency with cases is no mistake, nor is one of the directory without any
        mvc.perform(get("/cases").param("agency", agency).session(coordinator)).andExpect(status().isOk());
        mvc.perform(get("/cases").param("agency", "SYT").session(coordinator)).andExpect(status().isOk());
        // the API refuses it too, naming the field
        mvc.perform(get("/api/v1/cases").param("agency", "ZZZ").session(coordinator))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void allInTheStatusFilterListsAnsweredAndClosedCasesTooWhileThePageOpensOnTheOpenOnes() throws Exception {
        String other = agency + "X";
        jdbc.sql("""
                INSERT INTO misinformation_case (source, claim, category, severity, status, agency_code, opened_at,
                                                 opened_by, deadline, claim_fingerprint, closed_at)
                VALUES ('MANUAL', 'Tin đồn đã trả lời ' || ?, 'FALSE_INFORMATION', 'LOW', 'ANSWERED', ?,
                        now() - interval '3 days', 'coordinator', now() - interval '1 day', 1, now() - interval '2 days'),
                       ('MANUAL', 'Tin đồn đang xử lý ' || ?, 'FALSE_INFORMATION', 'LOW', 'ASSIGNED', ?,
                        now() - interval '1 day', 'coordinator', now() + interval '1 day', 2, NULL)""")
                .params(other, other, other, other).update();
        try {
            // the agency's link from the desk's figures: its open cases, as the figures count them
            Document open = page("/cases?agency=" + other);
            assertThat(open.select("#cases-table tbody tr")).hasSize(1);
            assertThat(open.select("#status option[selected]").attr("value")).isEqualTo("open");
            // the form sent with "Tất cả": every case, the answered one too, and the choice stays shown
            Document all = page("/cases?status=all&agency=" + other);
            assertThat(all.select("#cases-table tbody tr")).hasSize(2);
            assertThat(all.select("#cases-table").text()).contains("Tin đồn đã trả lời");
            assertThat(all.select("#status option[selected]").text()).isEqualTo("Tất cả");
            // a blank status (a form of before, a link typed by hand) is every case too
            assertThat(page("/cases?status=&agency=" + other).select("#cases-table tbody tr")).hasSize(2);
            assertThat(page("/cases?status=ANSWERED&agency=" + other).select("#cases-table tbody tr")).hasSize(1);
        } finally {
            jdbc.sql("UPDATE misinformation_case SET status = 'DISMISSED', closed_at = now() WHERE agency_code = ?")
                    .param(other).update();
        }
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

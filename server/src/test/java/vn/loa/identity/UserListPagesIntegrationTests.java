package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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

/** The administrators' list of users, a page at a time, found by name, role, agency and status (#13, item 6). */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserListPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** A word in the names of this run's accounts only. */
    private final String marker = "Trang" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

    private MockHttpSession admin;

    private long agency;

    @BeforeAll
    void aHundredAndThirtyAccounts() throws Exception {
        admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo")).andReturn()
                .getRequest().getSession(false);
        agency = jdbc.sql("""
                SELECT id FROM agency WHERE code = 'SYT' AND (valid_to IS NULL OR valid_to >= current_date)
                ORDER BY valid_from DESC LIMIT 1""").query(Long.class).single();
        // every tenth disabled, every tenth (another) locked out for an hour; the even ones officers of Sở Y tế
        jdbc.sql("""
                INSERT INTO app_user (username, full_name, email, password_hash, agency_id, enabled, locked_until, created_at)
                SELECT lower(?) || '-' || lpad(g::text, 3, '0'), 'Nguyễn Văn ' || ? || ' ' || lpad(g::text, 3, '0'),
                       lower(?) || g || '@example.org', 'not a hash', CASE WHEN g % 2 = 0 THEN ? END, g % 10 <> 0,
                       CASE WHEN g % 10 = 5 THEN now() + interval '1 hour' END, now()
                FROM generate_series(1, 130) g""").params(marker, marker, marker, agency).update();
        jdbc.sql("""
                INSERT INTO user_role (user_id, role)
                SELECT id, CASE WHEN right(username, 1)::int % 2 = 0 THEN 'OFFICER' ELSE 'LEADER' END
                FROM app_user WHERE username LIKE lower(?) || '-%'""").param(marker).update();
    }

    /** The application may not delete accounts: they are switched off instead, and the others' lists stay as they were. */
    @AfterAll
    void switchThemOff() {
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username LIKE lower(?) || '-%'").param(marker).update();
    }

    @Test
    void theListShowsFiftyUsersAPageFoundByTheirNameWithoutDiacritics() throws Exception {
        Document first = page("/admin/users?q=nguyen van " + marker.toLowerCase());
        assertThat(first.select("#user-table tbody tr")).hasSize(50);
        assertThat(first.select("#user-table tbody tr").get(0).text()).contains("Nguyễn Văn " + marker + " 001");
        assertThat(first.select(".pager-count").text()).isEqualTo("1–50 trong số 130");
        String next = first.select(".pager a[rel=next]").attr("href");
        assertThat(next).isEqualTo("/admin/users?q=nguyen%20van%20" + marker.toLowerCase() + "&page=2");
        Document third = page(next.replace("page=2", "page=3"));
        assertThat(third.select("#user-table tbody tr")).hasSize(30);
        assertThat(third.select("#user-table tbody tr").get(0).text()).contains(marker + " 101");
        // the whole list is paged too
        assertThat(page("/admin/users").select("#user-table tbody tr")).hasSizeLessThanOrEqualTo(50);
    }

    @Test
    void usersAreFoundByRoleAgencyAndStatus() throws Exception {
        String q = "/admin/users?q=" + marker;
        assertThat(page(q + "&role=OFFICER").select(".pager-count").text()).isEqualTo("1–50 trong số 65");
        assertThat(page(q + "&agency=" + agency).select(".pager-count").text()).isEqualTo("1–50 trong số 65");
        assertThat(page(q + "&status=disabled").select("#user-table tbody tr")).hasSize(13);
        assertThat(page(q + "&status=locked").select("#user-table tbody tr")).hasSize(13)
                .allSatisfy(row -> assertThat(row.text()).contains("Tạm khóa đến"));
        assertThat(page(q + "&status=active").select(".pager-count").text()).isEqualTo("1–50 trong số 104");
        Document officers = page(q + "&role=OFFICER&status=active");
        assertThat(officers.select(".pager a[rel=next]").attr("href"))
                .isEqualTo("/admin/users?q=" + marker + "&role=OFFICER&status=active&page=2");
        assertThat(officers.select("#role option[selected]").val()).isEqualTo("OFFICER");
        assertThat(mvc.perform(get("/admin/users").param("role", "KING").session(admin)).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Vai trò để lọc không hợp lệ.");
    }

    private Document page(String path) throws Exception {
        // an address from a page is encoded already; one written here is encoded by MockMvc
        var request = path.contains("%") ? get(java.net.URI.create(path)) : get(path);
        return Jsoup.parse(mvc.perform(request.session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}

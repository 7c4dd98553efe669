package vn.loa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * An account's change says in the audit trail what it was, before and after: "changed the account: agency, roles" did
 * not show that an officer of a ward had become a coordinator of the whole province.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountAuditLinesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    AgencyDirectory agencies;

    @Test
    void aChangedAccountShowsItsRolesAndAgencyBeforeAndAfter() throws Exception {
        String marker = "acct" + UUID.randomUUID().toString().substring(0, 8);
        Actor admin = new Actor("admin", "STTTT");
        UserAccount account = users.create(new Users.NewUser(marker, "Cán bộ " + marker, marker + "@example.gov.vn",
                "mat-khau-dai-1", Set.of(Role.OFFICER),
                agencies.findByCode("SYT", LocalDate.now(LocalTime.ZONE)).orElseThrow().id()), admin);
        users.update(account.id(), new Users.UserChanges("Cán bộ " + marker, marker + "@example.gov.vn",
                Set.of(Role.COORDINATOR), null), admin);
        users.disable(account.id(), admin);

        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        String vietnamese = trail(session, "vi", marker);
        assertThat(vietnamese).contains("vai trò Cán bộ đầu mối → Điều phối viên",
                "cơ quan Sở Y tế → (không thuộc cơ quan nào)", "vô hiệu hóa tài khoản của Cán bộ " + marker);
        assertThat(trail(session, "en", marker)).contains("Agency officer → Coordinator", "→ (no agency)");
    }

    private String trail(MockHttpSession session, String language, String marker) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/audit").param("lang", language).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("#audit-table tr:contains(" + marker + ")").text();
    }
}

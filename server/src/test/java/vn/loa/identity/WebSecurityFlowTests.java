package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import vn.loa.identity.ApiTokens.IssuedToken;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.LocalTime;

@SpringBootTest
@AutoConfigureMockMvc
class WebSecurityFlowTests {

    private static final String DEMO_PASSWORD = "loa-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    IdentitySettings settings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSignInPageIsInVietnameseAndCarriesTheSecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đăng nhập")))
                .andExpect(content().string(containsString("<meta name=\"_csrf\"")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void theSessionCookieIsSecureAndHttpOnly() throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user("admin").password(DEMO_PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(result.getRequest().getSession(false)).isNotNull();
    }

    @Test
    void aWrongPasswordGivesAClearMessage() throws Exception {
        mvc.perform(formLogin("/login").user("leader").password("sai-mat-khau"))
                .andExpect(redirectedUrl("/login?error=bad-credentials"));
        mvc.perform(get("/login").param("error", "bad-credentials"))
                .andExpect(content().string(containsString("Tên đăng nhập hoặc mật khẩu không đúng.")));
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne() throws Exception {
        String username = IdentityTestData.freshUsername("victim");
        users.create(IdentityTestData.newUser(username, Role.LEADER, null), Actor.SYSTEM);
        // the failure that locks the account, and those after it, look like any other wrong password
        for (int i = 1; i <= settings.maxFailedSignIns() + 2; i++) {
            mvc.perform(formLogin("/login").user(username).password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error=bad-credentials"));
        }
        assertThat(users.findByUsername(username).orElseThrow().lockedUntil()).isNotNull();
        // only the right password learns that the account is locked
        mvc.perform(formLogin("/login").user(username).password("mat-khau-dai-1"))
                .andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/login").param("error", "locked"))
                .andExpect(content().string(containsString("Tài khoản tạm thời bị khóa")));
    }

    @Test
    void aWrongPasswordGetsTheSameAnswerWhetherTheNameExistsOrItsAccountIsDisabled() throws Exception {
        String disabled = IdentityTestData.freshUsername("da-nghi");
        UserAccount account = users.create(IdentityTestData.newUser(disabled, Role.LEADER, null), Actor.SYSTEM);
        users.disable(account.id(), Actor.SYSTEM);
        String unknown = "khong-ai-ten-nay-" + ProcessHandle.current().pid();
        for (int i = 1; i <= settings.maxFailedSignIns() + 2; i++) {
            mvc.perform(formLogin("/login").user(unknown).password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error=bad-credentials"));
            mvc.perform(formLogin("/login").user(disabled).password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error=bad-credentials"));
        }
        mvc.perform(formLogin("/login").user(disabled).password("mat-khau-dai-1"))
                .andExpect(redirectedUrl("/login?error=disabled"));
        // the administrators still read what happened
        assertThat(failedSignIns(unknown)).containsOnly("unknown-user");
        assertThat(failedSignIns(disabled)).containsOnly("wrong-password-disabled", "right-password-disabled")
                .endsWith("right-password-disabled");
    }

    @Test
    void everyDemoAccountSignsInAndSeesWhatItsRoleMaySee() throws Exception {
        Map<String, Boolean> seesAdministration = Map.of("admin", true, "leader", false, "coordinator", false,
                "officer", false, "district", false, "spokesperson", false, "press", false, "xa-bac-ai-tay", false,
                "phuong-phan-rang", false, "chu-tich-phan-rang", false);
        for (var account : seesAdministration.entrySet()) {
            MockHttpSession session = signIn(account.getKey(), DEMO_PASSWORD);
            String dashboard = mvc.perform(get("/").session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(dashboard).as(account.getKey()).contains("Tổng quan", "Đăng xuất");
            assertThat(dashboard.contains("href=\"/admin/users\"")).as(account.getKey() + " sees user administration")
                    .isEqualTo(account.getValue());
            mvc.perform(get("/admin/users").session(session))
                    .andExpect(account.getValue() ? status().isOk() : status().isForbidden());
        }
    }

    @Test
    void aJournalistsAccountOpensNoneOfTheDesksWhereAgenciesPlanAndPublish() throws Exception {
        MockHttpSession press = signIn("press", DEMO_PASSWORD);
        MockHttpSession officer = signIn("officer", DEMO_PASSWORD);
        // the simulator's inbox holds citizens' numbers and codes: the province's coordinators and administrators only
        mvc.perform(get("/publishing/simulator").session(officer)).andExpect(status().isForbidden());
        mvc.perform(get("/publishing/simulator").session(signIn("coordinator", DEMO_PASSWORD))).andExpect(status().isOk());
        for (String path : List.of("/publishing", "/broadcasts", "/campaigns",
                "/campaigns/approvals", "/resources", "/resources/export.xlsx?year=2026", "/transparency/requests/new",
                "/api/v1/resources/requirements")) {
            mvc.perform(get(path).session(press)).andExpect(status().isForbidden());
            mvc.perform(get(path).session(officer)).andExpect(status().isOk());
        }
        mvc.perform(get("/press").session(press)).andExpect(status().isOk());
        mvc.perform(get("/publishing").accept("text/html")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theAuditTrailSaysInWordsWhyASignInFailedAndWhoPushedABatch() throws Exception {
        mvc.perform(formLogin("/login").user("leader").password("sai-mat-khau"));
        String name = "ket-noi-nhat-ky-" + System.nanoTime();
        String token = tokens.issue(name, agencies.findByCode("SYT", java.time.LocalDate.now(
                java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).orElseThrow().id(), vn.loa.shared.Actor.SYSTEM).secret();
        mvc.perform(post("/api/v1/posts").header("Authorization", "Bearer " + token).contentType("application/json")
                .content("{\"posts\":[{\"source\":\"" + name + "\",\"platform\":\"facebook\",\"external_id\":\"1\","
                        + "\"published_at\":\"2024-03-01T08:30:00+07:00\",\"text\":\"Phản ánh thử nhật ký\"}]}"))
                .andExpect(status().isOk());
        String page = mvc.perform(get("/admin/audit").session(signIn("admin", DEMO_PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(page).contains(": sai mật khẩu (từ địa chỉ")
                .contains("dữ liệu do Ứng dụng kết nối «" + name + "» gửi qua API")
                .doesNotContain("bad-credentials", "wrong-password", "push:token:");
    }

    @Test
    void theAdministratorIssuesTokensForTodaysUnitsOnly() throws Exception {
        MockHttpSession admin = signIn("admin", DEMO_PASSWORD);
        long dissolved = agencies.findByCode("STTTT", java.time.LocalDate.of(2023, 5, 1)).orElseThrow().id().value();
        long health = agencies.findByCode("SYT", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))
                .orElseThrow().id().value();
        String name = "ket-noi-" + System.nanoTime();
        mvc.perform(post("/admin/tokens").session(admin).with(csrf()).param("name", name)
                        .param("agencyId", Long.toString(dissolved)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("errorKey", "user.error.agency-ended"));
        org.assertj.core.api.Assertions.assertThat(tokens.list()).noneMatch(t -> t.name().equals(name));
        mvc.perform(post("/admin/tokens").session(admin).with(csrf()).param("name", name)
                        .param("agencyId", Long.toString(health)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashKey", "token.issued"));
        org.assertj.core.api.Assertions.assertThat(tokens.list()).anyMatch(t -> t.name().equals(name));
    }

    @Test
    void anOfficersDashboardNamesTheirAgencyScope() throws Exception {
        MockHttpSession session = signIn("district", DEMO_PASSWORD);
        mvc.perform(get("/").session(session))
                .andExpect(content().string(containsString("Xã Ninh Hải")))
                .andExpect(content().string(containsString("Bạn xem được dữ liệu của cơ quan mình")));
    }

    @Test
    void switchesToEnglishAndKeepsIt() throws Exception {
        MockHttpSession session = signIn("leader", DEMO_PASSWORD);
        MvcResult english = mvc.perform(get("/").session(session).param("lang", "en"))
                .andExpect(content().string(containsString("Dashboard")))
                .andExpect(content().string(containsString("Sign out"))).andReturn();
        assertThat(english.getResponse().getCookie("loa-lang")).isNotNull();
        mvc.perform(get("/").session(session).cookie(english.getResponse().getCookie("loa-lang")))
                .andExpect(content().string(containsString("Sign out")));
    }

    @Test
    void aLanguageLoaDoesNotSpeakGivesVietnameseDatesAndNumbersToo() throws Exception {
        MockHttpSession session = signIn("leader", DEMO_PASSWORD);
        // a cookie or a link naming another language: the page is Vietnamese throughout, not Vietnamese text with French dates
        mvc.perform(get("/").session(session).cookie(new Cookie("loa-lang", "fr")))
                .andExpect(content().string(containsString("<html lang=\"vi\"")))
                .andExpect(content().string(containsString("Đăng xuất")));
        mvc.perform(get("/").session(session).param("lang", "de"))
                .andExpect(content().string(containsString("<html lang=\"vi\"")));
        mvc.perform(get("/").session(session).cookie(new Cookie("loa-lang", "en")))
                .andExpect(content().string(containsString("<html lang=\"en\"")));
    }

    @Test
    void aDuplicateUsernameOnTheFormGivesAFieldErrorAndSavesNothing() throws Exception {
        MockHttpSession admin = signIn("admin", DEMO_PASSWORD);
        long before = countUsers();
        mvc.perform(post("/admin/users/new").session(admin).with(csrf())
                        .param("username", "officer").param("fullName", "Người thứ hai")
                        .param("email", "second@example.gov.vn").param("password", "mat-khau-dai-1")
                        .param("roles", "LEADER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Tên đăng nhập này đã có người dùng.")));
        // nor an e-mail address another account has, whatever its case
        mvc.perform(post("/admin/users/new").session(admin).with(csrf())
                        .param("username", IdentityTestData.freshUsername("mail")).param("fullName", "Cán bộ Sở Y tế")
                        .param("email", "OFFICER@demo.loa.local").param("password", "mat-khau-dai-1")
                        .param("roles", "LEADER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("đã thuộc một tài khoản khác")));
        mvc.perform(post("/admin/users/new").session(admin).with(csrf())
                        .param("username", IdentityTestData.freshUsername("mail")).param("fullName", "Người mới")
                        .param("email", "khong-hop-le").param("password", "mat-khau-dai-1").param("roles", "LEADER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Địa chỉ thư điện tử không hợp lệ.")));
        assertThat(countUsers()).isEqualTo(before);
    }

    @Test
    void everyWrongFieldIsMarkedAtOnce() throws Exception {
        MockHttpSession admin = signIn("admin", DEMO_PASSWORD);
        mvc.perform(post("/admin/users/new").session(admin).with(csrf())
                        .param("username", "officer").param("fullName", "")
                        .param("email", "khong-hop-le").param("password", "ngan"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Tên đăng nhập này đã có người dùng.")))
                .andExpect(content().string(containsString("Vui lòng nhập họ và tên")))
                .andExpect(content().string(containsString("Địa chỉ thư điện tử không hợp lệ.")))
                .andExpect(content().string(containsString("Mật khẩu phải có từ 8 đến 128 ký tự.")))
                .andExpect(content().string(containsString("Vui lòng chọn ít nhất một vai trò.")));
    }

    @Test
    void anAdministratorCannotGiveANewAccountAPasswordThatIsEasyToGuess() throws Exception {
        MockHttpSession admin = signIn("admin", DEMO_PASSWORD);
        long before = countUsers();
        String username = IdentityTestData.freshUsername("yeu");
        Map<String, String> refused = Map.of("12345678", "dãy liền nhau trên bảng chữ cái, dãy số hay bàn phím",
                "aaaaaaaa", "một vài ký tự lặp đi lặp lại", "r2" + username + "r2", "không được chứa tên đăng nhập",
                "iloveyou", "thuộc loại hay dùng nhất", DEMO_PASSWORD, "thuộc loại hay dùng nhất");
        for (var password : refused.entrySet()) {
            mvc.perform(post("/admin/users/new").session(admin).with(csrf()).param("username", username)
                            .param("fullName", "Phạm Thị Yếu").param("email", username + "@example.gov.vn")
                            .param("password", password.getKey()).param("roles", "LEADER"))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString(password.getValue())))
                    // beside the password field, and the rest of what was typed is kept
                    .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                    .andExpect(content().string(containsString("value=\"Phạm Thị Yếu\"")));
        }
        mvc.perform(post("/admin/users/new").session(admin).with(csrf()).cookie(new Cookie("loa-lang", "en"))
                        .param("username", username).param("fullName", "Phạm Thị Yếu")
                        .param("email", username + "@example.gov.vn").param("password", "qwerty123")
                        .param("roles", "LEADER"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("runs of the alphabet, of digits or of the keyboard")));
        assertThat(countUsers()).isEqualTo(before);
        assertThat(users.findByUsername(username)).isEmpty();
    }

    @Test
    void aPersonCannotChangeTheirPasswordToOneThatIsEasyToGuess() throws Exception {
        String username = IdentityTestData.freshUsername("doi");
        users.create(IdentityTestData.newUser(username, Role.LEADER, null), Actor.SYSTEM);
        MockHttpSession user = signIn(username, "mat-khau-dai-1");
        Map<String, String> refused = Map.of("11111111", "lặp đi lặp lại", "12345678", "dãy liền nhau",
                username.toUpperCase() + "!", "không được chứa tên đăng nhập", "matkhau2024", "hay dùng nhất",
                DEMO_PASSWORD, "hay dùng nhất");
        for (var password : refused.entrySet()) {
            mvc.perform(post("/account/password").session(user).with(csrf()).param("currentPassword", "mat-khau-dai-1")
                            .param("newPassword", password.getKey()).param("confirmPassword", password.getKey()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString(password.getValue())))
                    .andExpect(content().string(containsString("id=\"new-password-hint\"")));
        }
        // the password is still the old one
        signIn(username, "mat-khau-dai-1");
    }

    @Test
    void anAdministratorCreatesDisablesAndReenablesAUserThroughTheScreens() throws Exception {
        MockHttpSession admin = signIn("admin", DEMO_PASSWORD);
        String username = IdentityTestData.freshUsername("screen");
        long health = agencies.findByCode("SYT", LocalDate.now(LocalTime.ZONE)).orElseThrow().id().value();
        MvcResult created = mvc.perform(post("/admin/users/new").session(admin).with(csrf())
                        .param("username", username).param("fullName", "Lê Văn C")
                        .param("email", username + "@example.gov.vn").param("password", "mat-khau-dai-1")
                        .param("roles", "OFFICER").param("agencyId", Long.toString(health)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        MockHttpSession user = signIn(username, "mat-khau-dai-1");
        // the administrator chose the password: its owner replaces it before anything else
        mvc.perform(get("/").session(user)).andExpect(redirectedUrl("/account"));
        changeTemporaryPassword(user, "mat-khau-dai-1", "mat-khau-rieng-2");
        mvc.perform(get("/").session(user)).andExpect(status().isOk());

        mvc.perform(post(location + "/disable").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/").session(user)).andExpect(redirectedUrl("/login?error=disabled"));
        mvc.perform(formLogin("/login").user(username).password("mat-khau-rieng-2"))
                .andExpect(redirectedUrl("/login?error=disabled"));

        mvc.perform(post(location + "/enable").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
        signIn(username, "mat-khau-rieng-2");
    }

    @Test
    void aSaveFromAnAccountPageOpenedBeforeAnotherAdministratorsChangeIsRefusedKeepingWhatWasTyped() throws Exception {
        String username = IdentityTestData.freshUsername("stale");
        AgencyId health = agencies.findByCode("SYT", LocalDate.now(LocalTime.ZONE)).orElseThrow().id();
        UserAccount account = users.create(new Users.NewUser(username, "Lê Văn Cũ", username + "@example.gov.vn",
                "mat-khau-rieng-1", Set.of(Role.OFFICER, Role.COORDINATOR), health), Actor.SYSTEM);
        MockHttpSession first = signIn("admin", DEMO_PASSWORD);
        MockHttpSession second = signIn("admin", DEMO_PASSWORD);
        String seen = org.jsoup.Jsoup.parse(mvc.perform(get("/admin/users/" + account.id()).session(second))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .select("input[name=seen]").val();
        assertThat(seen).isNotBlank();
        // the first administrator takes the coordinator's role away
        mvc.perform(post("/admin/users/" + account.id()).session(first).with(csrf()).param("username", username)
                        .param("fullName", "Lê Văn Cũ").param("email", username + "@example.gov.vn").param("roles", "OFFICER")
                        .param("agencyId", String.valueOf(health.value())))
                .andExpect(status().is3xxRedirection());
        // the second, from the page opened before, only mends the name: refused, nothing put back, the name kept
        String refused = mvc.perform(post("/admin/users/" + account.id()).session(second).with(csrf()).param("seen", seen)
                        .param("username", username).param("fullName", "Lê Văn Mới").param("email", username + "@example.gov.vn")
                        .param("roles", "OFFICER", "COORDINATOR").param("agencyId", String.valueOf(health.value())))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(users.find(account.id()).orElseThrow().roles()).containsExactly(Role.OFFICER);
        assertThat(users.find(account.id()).orElseThrow().fullName()).isEqualTo("Lê Văn Cũ");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(refused);
        assertThat(page.select("#changed-meanwhile").text()).contains("đã được người khác sửa", "Cán bộ");
        assertThat(page.select("input[name=fullName]").val()).isEqualTo("Lê Văn Mới");
        // saved again after reading it, as the page now says it is
        mvc.perform(post("/admin/users/" + account.id()).session(second).with(csrf())
                        .param("seen", page.select("input[name=seen]").val()).param("username", username)
                        .param("fullName", "Lê Văn Mới").param("email", username + "@example.gov.vn").param("roles", "OFFICER")
                        .param("agencyId", String.valueOf(health.value())))
                .andExpect(status().is3xxRedirection());
        assertThat(users.find(account.id()).orElseThrow().fullName()).isEqualTo("Lê Văn Mới");
    }

    @Test
    void aResetPasswordOpensNothingButTheAccountPageUntilItsOwnerReplacesIt() throws Exception {
        String username = IdentityTestData.freshUsername("reset");
        AgencyId health = agencies.findByCode("SYT", LocalDate.now(LocalTime.ZONE)).orElseThrow().id();
        UserAccount account = users.create(new Users.NewUser(username, "Trần Thị D", username + "@example.gov.vn",
                "mat-khau-rieng-1", Set.of(Role.OFFICER), health), Actor.SYSTEM);
        MockHttpSession before = signIn(username, "mat-khau-rieng-1");
        mvc.perform(get("/posts").session(before)).andExpect(status().isOk());

        MockHttpSession admin = signIn("admin", DEMO_PASSWORD);
        MvcResult reset = mvc.perform(post("/admin/users/" + account.id() + "/reset-password").session(admin)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String temporary = (String) reset.getFlashMap().get("temporaryPassword");
        assertThat(users.find(account.id()).orElseThrow().passwordTemporary()).isTrue();

        // the session open before the reset is held too, and so is a new one: pages, forms and the API
        mvc.perform(get("/posts").session(before)).andExpect(redirectedUrl("/account"));
        MockHttpSession user = signIn(username, temporary);
        mvc.perform(get("/posts").session(user)).andExpect(redirectedUrl("/account"));
        mvc.perform(post("/cases/new").session(user).with(csrf()).param("title", "x"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/api/v1/me").session(user)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("mật khẩu tạm thời")));
        mvc.perform(get("/account").session(user)).andExpect(status().isOk())
                .andExpect(content().string(containsString("temporary-password-notice")));

        // keeping the administrator's password is not replacing it
        mvc.perform(post("/account/password").session(user).with(csrf()).param("currentPassword", temporary)
                        .param("newPassword", temporary).param("confirmPassword", temporary))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("phải khác mật khẩu hiện tại")));
        changeTemporaryPassword(user, temporary, "mat-khau-rieng-3");
        mvc.perform(get("/posts").session(user)).andExpect(status().isOk());
        mvc.perform(get("/account").session(user))
                .andExpect(content().string(not(containsString("temporary-password-notice"))));
        assertThat(users.find(account.id()).orElseThrow().passwordTemporary()).isFalse();
    }

    private void changeTemporaryPassword(MockHttpSession session, String current, String replacement)
            throws Exception {
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", current)
                        .param("newPassword", replacement).param("confirmPassword", replacement))
                .andExpect(redirectedUrl("/account"));
    }

    @Test
    void aFormWhoseTokenIsStaleEndsTheSessionSavesNothingAndLeadsBackToItsPageAfterSigningIn() throws Exception {
        MockHttpSession admin = signIn("admin", DEMO_PASSWORD);
        String username = IdentityTestData.freshUsername("het-han");
        MvcResult refused = mvc.perform(post("/admin/users/new").session(admin).with(csrf().useInvalidToken())
                        .header("Referer", "http://localhost/admin/users/new?tu=danh-sach")
                        .param("username", username).param("fullName", "Người Hết Hạn")
                        .param("email", username + "@example.gov.vn").param("password", "mat-khau-dai-1")
                        .param("roles", "LEADER"))
                .andExpect(redirectedUrl("/login?error=expired")).andReturn();
        assertThat(users.findByUsername(username)).isEmpty();
        mvc.perform(get("/admin/users").session(admin).accept("text/html")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
        // the same without any token
        mvc.perform(post("/admin/users/new").session(signIn("admin", DEMO_PASSWORD)).param("username", username)
                        .param("fullName", "Người Hết Hạn").param("email", username + "@example.gov.vn")
                        .param("password", "mat-khau-dai-1").param("roles", "LEADER"))
                .andExpect(redirectedUrl("/login?error=expired"));
        assertThat(users.findByUsername(username)).isEmpty();

        MockHttpSession browser = (MockHttpSession) refused.getRequest().getSession(false);
        mvc.perform(get("/login").param("error", "expired").session(browser))
                .andExpect(content().string(containsString("Phiên làm việc đã hết hạn, vui lòng đăng nhập lại")))
                .andExpect(content().string(not(containsString("không có quyền"))));
        mvc.perform(post("/login").session(browser).with(csrf()).param("username", "admin")
                        .param("password", DEMO_PASSWORD))
                .andExpect(redirectedUrl("http://localhost/admin/users/new?tu=danh-sach"));
    }

    @Test
    void aFormSentAfterTheSessionExpiredLeadsToTheSignInPageAndBackToItsOwnPagesOnly() throws Exception {
        // no session on the server any more: the browser's form token is one nobody holds
        Map<String, String> back = Map.of("http://localhost/cases/new?story=7", "http://localhost/cases/new?story=7",
                "/transparency/requests/new", "http://localhost/transparency/requests/new",
                "https://elsewhere.example/cases/new", "/", "http://localhost:8443/cases/new", "/",
                "http://localhost/login?error=bad-credentials", "/", "not a url", "/");
        for (var referer : back.entrySet()) {
            MvcResult refused = mvc.perform(post("/cases/new").param("_csrf", "token-of-an-ended-session")
                            .header("Referer", referer.getKey()).param("claim", "Tin đồn gửi sau khi hết phiên"))
                    .andExpect(redirectedUrl("/login?error=expired")).andReturn();
            MockHttpSession browser = (MockHttpSession) refused.getRequest().getSession();
            mvc.perform(post("/login").session(browser).with(csrf()).param("username", "coordinator")
                            .param("password", DEMO_PASSWORD))
                    .andExpect(redirectedUrl(referer.getValue())).andReturn();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM misinformation_case WHERE claim = ?")
                .param("Tin đồn gửi sau khi hết phiên").query(Long.class).single()).isZero();
        // the API keeps its problem answers
        mvc.perform(post("/api/v1/cases").session(signIn("coordinator", DEMO_PASSWORD))
                        .header("Referer", "http://localhost/cases").contentType("application/json").content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")));
    }

    @Test
    void theApiAnswersAnonymousCallsWithAProblem() throws Exception {
        mvc.perform(get("/api/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("Content-Type", containsString("application/problem+json")))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void theApiAcceptsTheBrowserSessionWithTheCsrfHeader() throws Exception {
        MockHttpSession session = signIn("officer", DEMO_PASSWORD);
        mvc.perform(get("/api/v1/me").session(session))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("officer"))
                .andExpect(jsonPath("$.agencyCode").value("SYT"));
        mvc.perform(post("/api/v1/me").session(session)).andExpect(status().isForbidden());
        CsrfToken token = (CsrfToken) mvc.perform(get("/").session(session)).andReturn().getRequest()
                .getAttribute(CsrfToken.class.getName());
        mvc.perform(post("/api/v1/me").session(session).header("X-CSRF-TOKEN", token.getToken()))
                .andExpect(status().isMethodNotAllowed());
    }

    @Test
    void apiTokensAuthenticateUntilRevoked() throws Exception {
        IssuedToken issued = tokens.issue("connector", agencies.findByCode("BNT", LocalDate.of(2023, 5, 1)).orElseThrow().id(),
                Actor.SYSTEM);
        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?").param(issued.token().id())
                .query(String.class).single()).doesNotContain(issued.secret()).hasSize(64);

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.apiClient").value(true))
                .andExpect(jsonPath("$.agencyCode").value("BNT"));
        mvc.perform(get("/admin/users").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret() + "x"))
                .andExpect(status().isUnauthorized());

        tokens.revoke(issued.token().id(), Actor.SYSTEM);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi."));
    }

    @Test
    void aReadOnlyTokenReadsAndIsRefusedEveryWrite() throws Exception {
        LocalDate today = LocalDate.now(vn.loa.shared.LocalTime.ZONE);
        vn.loa.shared.AgencyId health = agencies.findByCode("SYT", today).orElseThrow().id();
        IssuedToken reader = tokens.issue("read-only-dashboard", health, null, true, Actor.SYSTEM);
        IssuedToken writer = tokens.issue("read-write-connector", health, null, false, Actor.SYSTEM);
        assertThat(reader.token().readOnly()).isTrue();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + reader.secret())).andExpect(status().isOk());
        // a write is refused before it reaches the endpoint; the other token gets as far as the endpoint (no POST there)
        mvc.perform(post("/api/v1/me").header("Authorization", "Bearer " + reader.secret()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Mã truy cập API này chỉ được đọc: không thể ghi, thay đổi hay xóa dữ liệu."));
        mvc.perform(post("/api/v1/me").header("Authorization", "Bearer " + writer.secret()))
                .andExpect(status().isMethodNotAllowed());
        // the tokens page says which may write, and the form issues a read-only one
        MockHttpSession admin = signIn("admin", DEMO_PASSWORD);
        mvc.perform(post("/admin/tokens").session(admin).with(csrf()).param("name", "read-only-from-form")
                        .param("agencyId", String.valueOf(health.value())).param("readOnly", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashKey", "token.issued"));
        assertThat(tokens.list()).filteredOn(t -> t.name().equals("read-only-from-form")).singleElement()
                .satisfies(t -> assertThat(t.readOnly()).isTrue());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/admin/tokens").session(admin))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.select("tr:contains(read-only-dashboard) .token-access").text()).isEqualTo("Chỉ đọc");
        assertThat(page.select("tr:contains(read-write-connector) .token-access").text()).isEqualTo("Đọc và ghi");
    }

    @Test
    void aTokenLimitedToPartsOfTheApiCallsThoseOnly() throws Exception {
        LocalDate today = LocalDate.now(vn.loa.shared.LocalTime.ZONE);
        vn.loa.shared.AgencyId health = agencies.findByCode("SYT", today).orElseThrow().id();
        IssuedToken collector = tokens.issue("area-listening-collector", health, null, false,
                java.util.Set.of(vn.loa.identity.ApiArea.LISTENING), Actor.SYSTEM);
        IssuedToken everything = tokens.issue("area-every-part", health, null, false, Actor.SYSTEM);
        assertThat(collector.token().areas()).containsExactly(vn.loa.identity.ApiArea.LISTENING);
        assertThat(everything.token().everyArea()).isTrue();
        // its own part, and who it is
        mvc.perform(get("/api/v1/posts").header("Authorization", "Bearer " + collector.secret())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + collector.secret())).andExpect(status().isOk());
        // another part is refused before the endpoint, reading or writing; the unlimited token of the same agency gets in
        mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + collector.secret()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Mã truy cập API này không được dùng cho phần này của API: quản trị"
                        + " viên đã giới hạn phạm vi sử dụng của mã."));
        // in the caller's language, as every other problem of the API
        mvc.perform(get("/api/v1/cases").param("lang", "en").header("Authorization", "Bearer " + collector.secret()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("This API token may not call this part of the API: an administrator"
                        + " limited what it may call."));
        mvc.perform(post("/api/v1/press/enquiries").header("Authorization", "Bearer " + collector.secret())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + everything.secret())).andExpect(status().isOk());
        // the form issues a limited token, refuses an area it does not know naming the field, and the page lists the parts
        MockHttpSession admin = signIn("admin", DEMO_PASSWORD);
        mvc.perform(post("/admin/tokens").session(admin).with(csrf()).param("name", "area-from-form")
                        .param("agencyId", String.valueOf(health.value())).param("areas", "press", "campaigns"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashKey", "token.issued"));
        assertThat(tokens.list()).filteredOn(t -> t.name().equals("area-from-form")).singleElement()
                .satisfies(t -> assertThat(t.areas()).containsExactly(vn.loa.identity.ApiArea.CAMPAIGNS,
                        vn.loa.identity.ApiArea.PRESS));
        mvc.perform(post("/admin/tokens").session(admin).with(csrf()).param("name", "area-unknown")
                        .param("agencyId", String.valueOf(health.value())).param("areas", "listening", "everything"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("errorField", "areas"))
                .andExpect(flash().attribute("typedAreas", java.util.List.of("listening", "everything")));
        assertThat(tokens.list()).noneMatch(t -> t.name().equals("area-unknown"));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/admin/tokens").session(admin))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.select("tr:contains(area-listening-collector) .token-areas-of").text())
                .isEqualTo("chỉ: Theo dõi dư luận (bài viết, cảnh báo)");
        assertThat(page.select("tr:contains(area-every-part) .token-areas-of").text()).isEqualTo("mọi phần của API");
        assertThat(page.select("input[name=areas]")).hasSize(vn.loa.identity.ApiArea.values().length);
    }

    @Test
    void anApiTokenLastsAYearByDefaultAndIsRefusedAfterItsLastDay() throws Exception {
        LocalDate today = LocalDate.now(vn.loa.shared.LocalTime.ZONE);
        vn.loa.shared.AgencyId health = agencies.findByCode("SYT", today).orElseThrow().id();
        IssuedToken yearly = tokens.issue("expiry-default", health, Actor.SYSTEM);
        assertThat(yearly.token().expiresOn()).isEqualTo(today.plusYears(1));
        IssuedToken shortLived = tokens.issue("expiry-short", health, today.plusDays(1), Actor.SYSTEM);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + shortLived.secret())).andExpect(status().isOk());
        // its last day passed (as if issued long ago): refused like a revoked one, and the page says it expired
        jdbc.sql("UPDATE api_token SET expires_on = ? WHERE id = ?").params(java.sql.Date.valueOf(today.minusDays(1)),
                shortLived.token().id()).update();
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + shortLived.secret()))
                .andExpect(status().isUnauthorized());
        MockHttpSession admin = signIn("admin", DEMO_PASSWORD);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(get("/admin/tokens").session(admin))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.select("tr:contains(expiry-short)").text()).contains("Đã hết hạn",
                vn.loa.shared.LocalTime.format(today.minusDays(1)));
        assertThat(page.select("#token-expires").attr("value")).isEqualTo(vn.loa.shared.LocalTime.format(today.plusYears(1)));
        // a last day today or earlier, or more than two years ahead, is refused naming the field; what was typed stays
        for (String typed : new String[] {vn.loa.shared.LocalTime.format(today), vn.loa.shared.LocalTime.format(today.plusYears(3)),
                "30/02/2027"}) {
            mvc.perform(post("/admin/tokens").session(admin).with(csrf()).param("name", "expiry-refused")
                            .param("agencyId", String.valueOf(health.value())).param("expiresOn", typed))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("errorField", "expiresOn"))
                    .andExpect(flash().attribute("expiresOn", typed));
        }
        assertThat(tokens.list()).noneMatch(t -> t.name().equals("expiry-refused"));
    }

    @Test
    void theAgenciesApiRefusesABadDateWithAProblemNamingTheParameter() throws Exception {
        MockHttpSession session = signIn("coordinator", DEMO_PASSWORD);
        mvc.perform(get("/api/v1/agencies").param("on", "31/12/2023").session(session))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("on"));
        mvc.perform(get("/api/v1/agencies").param("on", "2023-12-31").session(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == '586')].nameVi").value("Huyện Ninh Hải"));
    }

    @Test
    void healthIsPublicButMetricsAreNotForAnonymousRemoteCallers() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus").with(request -> {
            request.setRemoteAddr("10.1.2.3");
            return request;
        })).andExpect(status().is4xxClientError());
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/")).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** The reasons the audit trail gives for the failed sign-ins to that name, oldest first. */
    private List<String> failedSignIns(String username) {
        return jdbc.sql("""
                SELECT details::jsonb ->> 'reason' FROM audit_record WHERE action = 'user.sign-in-failed' AND actor = ?
                ORDER BY id""").param(username).query(String.class).list();
    }

    private long countUsers() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }
}

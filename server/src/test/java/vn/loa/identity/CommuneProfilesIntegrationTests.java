package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.identity.CommuneProfiles.CommuneProfile;
import vn.loa.identity.CommuneProfiles.Minority;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

@SpringBootTest
@AutoConfigureMockMvc
class CommuneProfilesIntegrationTests {

    @Autowired
    CommuneProfiles profiles;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private LocalDate today() {
        return clock.instant().atZone(LocalTime.ZONE).toLocalDate();
    }

    @Test
    void everyCommuneOfTodayHasItsSeededProfileAndAHexagonOnTheMap() throws Exception {
        List<CommuneProfile> communes = profiles.onDay(today());
        assertThat(communes).hasSize(65);
        assertThat(communes).allSatisfy(c -> {
            assertThat(c.formerDistricts()).as(c.nameVi()).isNotEmpty();
            assertThat(c.tileLat()).as(c.nameVi()).isNotNull();
        });
        CommuneProfile bacAiTay = profiles.find("22786", today()).orElseThrow();
        assertThat(bacAiTay.nameVi()).isEqualTo("Xã Bác Ái Tây");
        assertThat(bacAiTay.formerDistricts()).containsExactly("Huyện Bác Ái");
        assertThat(bacAiTay.remote()).isTrue();
        assertThat(bacAiTay.minorities()).containsExactly(Minority.RAGLAI);
        CommuneProfile phanRang = profiles.find("22759", today()).orElseThrow();
        assertThat(phanRang.remote()).isFalse();
        assertThat(phanRang.minorities()).isEmpty();
        // before the merger the province had other communes, some under the codes today's reuse: not profiled
        assertThat(profiles.onDay(LocalDate.of(2024, 1, 1))).isNotEmpty().allSatisfy(c -> {
            assertThat(c.formerDistricts()).as(c.nameVi()).isEmpty();
            assertThat(c.remote()).isFalse();
        });

        MockHttpSession officer = signIn("officer");
        String geo = mvc.perform(get("/api/v1/communes/map").session(officer)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode features = JsonMapper.builder().build().readTree(geo).get("features");
        Set<String> mapped = new java.util.HashSet<>();
        features.forEach(f -> {
            mapped.add(f.get("properties").get("code").asString());
            assertThat(f.get("geometry").get("coordinates").get(0)).hasSize(7);
        });
        assertThat(mapped).isEqualTo(communes.stream().map(CommuneProfile::code).collect(Collectors.toSet()));
        mvc.perform(get("/api/v1/communes").session(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(65))
                .andExpect(jsonPath("$[?(@.code == '22786')].minorities[0]").value("RAGLAI"));
        mvc.perform(get("/api/v1/communes")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAdministratorCorrectsACommunesFlagsAndTheChangeIsAudited() throws Exception {
        String code = "22897"; // Xã Thuận Nam
        CommuneProfile before = profiles.find(code, today()).orElseThrow();
        try {
            mvc.perform(post("/admin/communes/" + code).param("minorities", "CHAM", "RAGLAI").param("remote", "true")
                    .with(csrf()).session(signIn("officer"))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/communes/" + code).param("minorities", "CHAM", "RAGLAI").param("remote", "true")
                    .with(csrf()).session(signIn("admin"))).andExpect(redirectedUrl("/admin/communes"));
            CommuneProfile after = profiles.find(code, today()).orElseThrow();
            assertThat(after.minorities()).containsExactlyInAnyOrder(Minority.CHAM, Minority.RAGLAI);
            assertThat(after.remote()).isTrue();
            assertThat(after.source()).isNull();
            assertThat(after.updatedAt()).isNotNull();
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM audit_record WHERE action = 'commune-profile.updated' AND details LIKE ?
                    """).param("%" + code + "%").query(Long.class).single()).isPositive();
            String page = mvc.perform(get("/admin/communes/" + code).session(signIn("admin"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("Xã Thuận Nam").contains("checked");
        } finally {
            profiles.update(code, today(), before.minorities().isEmpty() ? EnumSet.noneOf(Minority.class)
                    : EnumSet.copyOf(before.minorities()), before.remote(), Actor.SYSTEM);
        }
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}

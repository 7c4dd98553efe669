package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.shared.Actor;

/** A routing rule by policy domain sends a post whose domain it names to its agency, and only those. */
@SpringBootTest
@AutoConfigureMockMvc
class DomainRoutingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    TextAnalyzer analyzer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgencyRouting routing;

    @Test
    void aPostWhoseDomainARuleNamesIsRoutedToTheRulesAgencyAndOthersAreNot() throws Exception {
        String agency = "LV" + ProcessHandle.current().pid();
        agencies.create(new AgencyDirectory.AgencyForm(agency, AgencyKind.OTHER, null, "Ban thử nghiệm lĩnh vực",
                "Domain test board", LocalDate.of(2020, 1, 1), null, "test"), Actor.SYSTEM);
        // the rule names the domain the analyzer gives the first text; the test does not presume what that is
        List<String> texts = new ArrayList<>();
        PostRegisterAndDomainIntegrationTests.TEXTS.forEach(text -> texts.add(text + " " + agency));
        LocalDate day = LocalDate.of(2026, 4, 2);
        String domain = analyzer.analyze(texts.get(0), day, Platform.FACEBOOK.registerHint()).domain().label();
        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(post("/listening/rules").session(coordinator).with(csrf())
                        .param("agency", agency).param("kind", "DOMAIN").param("value", domain))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/listening/rules").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Lĩnh vực chính sách");

        try {
            importAndCheck(agency, texts, domain);
        } finally {
            // the rule would route the posts of later tests too
            for (AgencyRouting.Rule rule : routing.all()) {
                if (rule.agencyCode().equals(agency)) {
                    routing.remove(rule.id(), Actor.SYSTEM);
                }
            }
        }
    }

    private void importAndCheck(String agency, List<String> texts, String domain) throws Exception {
        String source = "domain-rule-" + agency;
        // the province's own source: a text the register model reads as news is routed by the rules there too
        jdbc.sql("INSERT INTO post_source (code, kind, created_at, local) VALUES (?, 'IMPORT', now(), TRUE)")
                .param(source).update();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            file.append("{\"source\":\"").append(source).append("\",\"platform\":\"facebook\",\"external_id\":\"d").append(i)
                    .append("\",\"published_at\":\"2026-04-02T10:00:00+07:00\",\"text\":\"").append(texts.get(i))
                    .append("\"}\n");
        }
        importer.importFile("domain-rule.jsonl", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                Actor.SYSTEM, null);
        List<Object[]> stored = jdbc.sql("""
                SELECT p.domain, p.agencies @> ARRAY[?]::text[] FROM post p JOIN post_source s ON s.id = p.source_id
                WHERE s.code = ?""").params(agency, source)
                .query((rs, row) -> new Object[] {rs.getString(1), rs.getBoolean(2)}).list();
        assertThat(stored).hasSize(texts.size());
        assertThat(stored).filteredOn(row -> row[0].equals(domain)).isNotEmpty().allMatch(row -> (Boolean) row[1]);
        assertThat(stored).filteredOn(row -> !row[0].equals(domain)).allMatch(row -> !(Boolean) row[1]);
    }

    @Test
    void aPostAboutAnotherProvinceIsNotThisProvincesToAnswer() throws Exception {
        String agency = "KW" + ProcessHandle.current().pid();
        agencies.create(new AgencyDirectory.AgencyForm(agency, AgencyKind.OTHER, null, "Ban thử nghiệm từ khóa",
                "Keyword test board", LocalDate.of(2020, 1, 1), null, "test"), Actor.SYSTEM);
        String keyword = "xe khách giường nằm " + agency.toLowerCase(java.util.Locale.ROOT);
        mvc.perform(post("/listening/rules").session(signIn("coordinator")).with(csrf())
                        .param("agency", agency).param("kind", "KEYWORD").param("value", keyword))
                .andExpect(status().is3xxRedirection());
        String source = "elsewhere-" + agency;
        // residents' posts: a news report naming no province is not routed by the rules (LocalSourcesIntegrationTests)
        jdbc.sql("INSERT INTO post_source (code, kind, created_at, citizens) VALUES (?, 'IMPORT', now(), TRUE)")
                .param(source).update();
        String[][] posts = {
            {"e1", "facebook", "Công an tỉnh Bình Dương bắt xe khách giường nằm " + agency + " chở quá tải"},
            {"e2", "facebook", "Xe khách giường nằm " + agency + " chở quá tải trên quốc lộ qua tỉnh Khánh Hòa"},
            {"e3", "facebook", "Xe khách giường nằm " + agency + " chở quá tải trên quốc lộ"},
            {"e4", "hotline", "Xe khách giường nằm " + agency + " từ Bình Dương về chở quá tải, đề nghị kiểm tra"},
            {"e5", "facebook", "Sở Y tế TP.HCM kiểm tra xe khách giường nằm " + agency + " chở quá tải"}};
        StringBuilder file = new StringBuilder();
        for (String[] p : posts) {
            file.append("{\"source\":\"").append(source).append("\",\"platform\":\"").append(p[1])
                    .append("\",\"external_id\":\"").append(p[0])
                    .append("\",\"published_at\":\"2026-11-02T10:00:00+07:00\",\"text\":\"").append(p[2]).append("\"}\n");
        }
        try {
            importer.importFile("elsewhere.jsonl", new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                    Actor.SYSTEM, null);
        } finally {
            for (AgencyRouting.Rule rule : routing.all()) {
                if (rule.agencyCode().equals(agency)) {
                    routing.remove(rule.id(), Actor.SYSTEM);
                }
            }
        }
        java.util.Map<String, String> routed = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT p.external_id, array_to_string(p.agencies, ',') FROM post p JOIN post_source s ON s.id = p.source_id
                WHERE s.code = ?""").param(source).query(rs -> {
                    routed.put(rs.getString(1), rs.getString(2));
                });
        assertThat(routed.get("e1")).as("Bình Dương's police, not this province's, nor the keyword's board").isEmpty();
        assertThat(routed.get("e2")).as("this province named").contains(agency);
        assertThat(routed.get("e3")).as("no province named").contains(agency);
        assertThat(routed.get("e4")).as("told to this province's hotline").contains(agency);
        assertThat(routed.get("e5")).as("Ho Chi Minh City's health department, as the press writes the city").isEmpty();
    }

    @Test
    void aDomainRuleMustNameAKnownDomain() throws Exception {
        String page = mvc.perform(post("/listening/rules").session(signIn("coordinator")).with(csrf())
                        .param("agency", "SYT").param("kind", "DOMAIN").param("value", "weather"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Hãy chọn một lĩnh vực chính sách trong danh sách");
        assertThat(jdbc.sql("SELECT count(*) FROM routing_rule WHERE kind = 'DOMAIN' AND value = 'weather'")
                .query(Long.class).single()).isZero();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}

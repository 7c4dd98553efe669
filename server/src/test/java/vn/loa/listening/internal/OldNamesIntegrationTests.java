package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * Posts that name units of before the July 2025 reorganisation: a post of 2024 keeps the agency it named, a post
 * of today naming the old department goes to the one that does that work now, and pages say what took over.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OldNamesIntegrationTests {

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcListeningOverview names;

    @Autowired
    Clock clock;

    @Autowired
    vn.loa.platform.DisplayNames displayNames;

    @Autowired
    DemoPosts demo;

    @Autowired
    ListeningNames.Sources sources;

    @Test
    void theDemoLoadedByABuildBeforeItsSourcesHadNamesHasThemNamedAtTheNextStart() throws Exception {
        jdbc.sql("UPDATE post_source SET name = NULL WHERE code = 'demo-facebook-baoninhthuan'").update();
        try {
            // the source itself, not the page's names: those are looked up once per request, and a test is one request
            assertThat(sources.name("demo-facebook-baoninhthuan", java.util.Locale.of("vi"))).isEmpty();
            demo.run(null);
            assertThat(sources.name("demo-facebook-baoninhthuan", java.util.Locale.of("vi")))
                    .contains("Báo và Phát thanh, Truyền hình Khánh Hòa trên Facebook");
        } finally {
            jdbc.sql("UPDATE post_source SET name = ? WHERE code = 'demo-facebook-baoninhthuan' AND name IS NULL")
                    .param(DemoPosts.SOURCE_NAMES.get("demo-facebook-baoninhthuan")).update();
        }
    }

    @Test
    void anOldDepartmentNamedIn2024IsShownWithWhatTookOverAndTodaysPostGoesToTheSuccessor() throws Exception {
        String marker = "tencu" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 100_000;
        String yesterday = ZonedDateTime.now(clock.withZone(LocalTime.ZONE)).minusDays(1).toOffsetDateTime().toString();
        String file = line(marker, "o1", "2024-03-01T08:30:00+07:00",
                "Sở TT&TT chưa trả lời phản ánh về sóng điện thoại ở huyện Ninh Hải " + marker)
                + line(marker, "n1", yesterday, "Hôm qua gửi Sở TT&TT hỏi về cáp quang mà chưa ai nghe máy " + marker);
        importer.importFile("old-names.jsonl", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM,
                null);

        assertThat(agenciesOf(marker, "o1")).contains("STTTT").doesNotContain("SKHCN");
        assertThat(agenciesOf(marker, "n1")).as("a post of today goes to today's department").contains("SKHCN")
                .doesNotContain("STTTT");
        assertThat(jdbc.sql("SELECT places FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? "
                + "AND p.external_id = 'o1'").param("old-names-" + marker).query((rs, row) -> List.of((String[]) rs.getArray(1)
                .getArray())).single()).as("an old district still finds its place").contains("586@2023-05-01");

        MockHttpSession coordinator = (MockHttpSession) mvc.perform(formLogin("/login").user("coordinator").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        String page = mvc.perform(get("/posts").param("q", marker).session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Sở Thông tin và Truyền thông (đến 30/06/2025, nay là Sở Khoa học và Công nghệ; "
                + "Sở Văn hóa, Thể thao và Du lịch)").contains("data-code=\"SKHCN\">Sở Khoa học và Công nghệ");
        String english = mvc.perform(get("/posts").param("q", marker).param("lang", "en").session(coordinator))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Department of Information and Communications (until 30/06/2025, now Department of "
                + "Science and Technology; Department of Culture, Sports and Tourism)");
    }

    @Test
    void anOldPlaceIsNamedWithTheCommunesThatTookOverFromIt() {
        assertThat(names.placeName("586@2023-05-01", "vi"))
                .isEqualTo("Huyện Ninh Hải (đến 30/06/2025, nay là Phường Ninh Chử; Xã Vĩnh Hải; Xã Ninh Hải; Xã Xuân Hải)");
        // in English as the agencies' English names write them
        assertThat(names.placeName("586@2023-05-01", "en"))
                .isEqualTo("Ninh Hai District (until 30/06/2025, now Ninh Chu Ward; Vinh Hai Commune; Ninh Hai Commune; "
                        + "Xuan Hai Commune)");
        assertThat(names.placeName("56@2025-07-01", "en")).isEqualTo("Khanh Hoa Province");
        assertThat(names.placeName("79@2025-07-01", "en")).isEqualTo("Ho Chi Minh City");
        assertThat(names.placeName("22852@2025-07-01", "vi")).isEqualTo("Xã Ninh Hải");
        // the post list, its facets and exports name places the same way as the dashboard
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("vi"));
        try {
            assertThat(displayNames.place("54@2008-08-01")).as("a province merged in 2025")
                    .isEqualTo("Tỉnh Phú Yên (đến 30/06/2025, nay là Tỉnh Đắk Lắk)");
            assertThat(displayNames.place("56@2025-07-01")).isEqualTo("Tỉnh Khánh Hòa");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
        assertThat(names.agencyName("STTTT", LocalDate.of(2024, 3, 1), "vi")).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(names.agencyName("SNNMT", LocalDate.now(clock.withZone(LocalTime.ZONE)), "vi"))
                .isEqualTo("Sở Nông nghiệp và Môi trường");
    }

    private List<String> agenciesOf(String marker, String externalId) {
        return jdbc.sql("SELECT agencies FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? "
                + "AND p.external_id = ?").params("old-names-" + marker, externalId)
                .query((rs, row) -> List.of((String[]) rs.getArray(1).getArray())).single();
    }

    private static String line(String marker, String id, String publishedAt, String text) {
        return "{\"source\":\"old-names-" + marker + "\",\"platform\":\"facebook\",\"external_id\":\"" + id
                + "\",\"published_at\":\"" + publishedAt + "\",\"text\":\"" + text + "\"}\n";
    }
}

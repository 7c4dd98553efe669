package vn.loa.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyDirectory.AgencyForm;
import vn.loa.identity.AgencyKind;
import vn.loa.shared.Actor;

/**
 * The source an agency page shows is written for the official who reads it, in Vietnamese, and still names the data
 * set and its licence: not the seed's English notes for developers.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgencySourcesIntegrationTests {

    /** The seed's English wordings: "Loa seed: ...", "GSO codes via ... (MIT)", "[unverified: LEGAL.md ...]". */
    private static final Predicate<String> ENGLISH_SEED_NOTE = Pattern
            .compile("Loa seed|GSO codes via|\\(MIT\\)|unverified|LEGAL\\.md").asPredicate();

    @Autowired
    MockMvc mvc;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    DataSource database;

    @Test
    void noSeededAgencyShowsTheSeedsEnglishNoteAsItsSource() throws Exception {
        assertThat(agencies.all()).extracting(Agency::source).filteredOn(source -> source != null)
                .noneMatch(ENGLISH_SEED_NOTE);

        MockHttpSession admin = signIn();
        Agency health = agencies.findByCode("SYT", LocalDate.of(2026, 12, 1)).orElseThrow();
        String healthSource = page(admin, health).select("#source").val();
        assertThat(healthSource).startsWith("Dữ liệu khởi tạo của Loa: các cơ quan của tỉnh Khánh Hòa từ 01/07/2025")
                .contains("chưa đối chiếu với quyết định thành lập");
        Agency ninhThuan = agencies.findByCode("58", LocalDate.of(2024, 6, 1)).orElseThrow();
        assertThat(page(admin, ninhThuan).select("#source").val())
                .startsWith("Danh mục đơn vị hành chính của Tổng cục Thống kê (mã GSO)")
                .contains("vietnamese-provinces-database 2.4.1 (giấy phép MIT)");
    }

    @Test
    void anExistingDatabaseHasTheSourceStillAsSeededRewrittenAndAnAdministratorsOwnKept() {
        String code = "NGUON" + System.nanoTime() % 100_000_000;
        Agency seeded = agencies.create(new AgencyForm(code, AgencyKind.COMMUNE, null, "Xã thử nguồn " + code, null,
                LocalDate.of(2023, 5, 1), LocalDate.of(2025, 6, 30),
                "GSO codes via thanglequoc/vietnamese-provinces-database v2.4.1 (MIT)"), Actor.SYSTEM);
        Agency written = agencies.create(new AgencyForm(code + "B", AgencyKind.DEPARTMENT, null, "Sở thử nguồn " + code,
                null, LocalDate.of(2025, 7, 1), null, "Quyết định số 12/QĐ-UBND của tỉnh"), Actor.SYSTEM);

        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V74__agency_sources_in_vietnamese.sql"))
                .execute(database);

        assertThat(agencies.find(seeded.id()).orElseThrow().source()).isEqualTo("Danh mục đơn vị hành chính của Tổng "
                + "cục Thống kê (mã GSO), qua bộ dữ liệu mã nguồn mở thanglequoc/vietnamese-provinces-database 2.4.1 "
                + "(giấy phép MIT)");
        assertThat(agencies.find(written.id()).orElseThrow().source()).isEqualTo("Quyết định số 12/QĐ-UBND của tỉnh");
    }

    private MockHttpSession signIn() throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }

    private Document page(MockHttpSession session, Agency agency) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/agencies/" + agency.id().value()).session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}

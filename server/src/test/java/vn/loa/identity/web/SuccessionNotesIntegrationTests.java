package vn.loa.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;

/** The seeded successions of the July 2025 merger on an agency's page, in the reader's language. */
@SpringBootTest
@AutoConfigureMockMvc
class SuccessionNotesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AgencyDirectory agencies;

    @Test
    void theMergersNotesAreShownInTheReadersLanguageWithTheStoredNoteKeptInTheTitle() throws Exception {
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        Agency information = agencies.findByCode("STTTT", LocalDate.of(2025, 6, 30)).orElseThrow();
        String page = "/admin/agencies/" + information.id().value();

        Element vietnamese = successor(page(admin, page, "vi"), "Sở Khoa học và Công nghệ");
        assertThat(vietnamese.text()).isEqualTo("· đến 30/06/2025; sáp nhập vào Sở Khoa học và Công nghệ");
        assertThat(vietnamese.attr("title")).isEqualTo("merged into the Department of Science and Technology");

        Element english = successor(page(admin, page, "en"), "Department of Science and Technology");
        assertThat(english.text()).isEqualTo("· until 30/06/2025; merged into Department of Science and Technology");

        // and on the page of the unit that took over, the list of those it took over from
        Agency science = agencies.findByCode("SKHCN", LocalDate.of(2025, 7, 1)).orElseThrow();
        Document taken = page(admin, "/admin/agencies/" + science.id().value(), "vi");
        assertThat(taken.select("li:has(a[href=" + page + "]) .succession-note").text())
                .isEqualTo("· đến 30/06/2025; sáp nhập vào Sở Khoa học và Công nghệ");
    }

    @Test
    void anAdministratorRecordsASuccessionOnTheAgencysPageAndCorrectsItsDay() throws Exception {
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        String code = "TTSUCC" + ProcessHandle.current().pid();
        Agency board = agencies.create(new AgencyDirectory.AgencyForm(code, vn.loa.identity.AgencyKind.OTHER, null,
                "Ban thử nghiệm kế thừa " + code, "Succession test board", LocalDate.of(2024, 1, 1), null, "test"),
                vn.loa.shared.Actor.SYSTEM);
        Agency science = agencies.findByCode("SKHCN", LocalDate.of(2025, 7, 1)).orElseThrow();
        String page = "/admin/agencies/" + board.id().value();
        // the pickers say which bodies have ended: the Department of Information and Communications merged in 2025
        Document form = page(admin, page, "vi");
        assertThat(form.select("#successorId option").eachText())
                .contains("Sở Thông tin và Truyền thông (STTTT, 01/05/2023 – 30/06/2025, đã kết thúc)")
                .anySatisfy(o -> assertThat(o).startsWith("Sở Khoa học và Công nghệ (SKHCN, từ "));
        assertThat(page(admin, page, "en").select("#parentId option").eachText())
                .anySatisfy(o -> assertThat(o).endsWith("(STTTT, 01/05/2023 – 30/06/2025, ended)"));
        // recorded, then recorded again with another day: the second replaces the first (it failed with 500 every time)
        for (String day : new String[] {"31/12/2026", "01/01/2027"}) {
            mvc.perform(post(page + "/successors").session(admin).with(csrf())
                            .param("successorId", String.valueOf(science.id().value())).param("effectiveOn", day)
                            .param("note", "sáp nhập thử nghiệm"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("flashKey", "agency.succession-recorded"));
        }
        assertThat(agencies.successorsOf(board.id())).singleElement()
                .satisfies(s -> assertThat(s.effectiveOn()).isEqualTo(LocalDate.of(2027, 1, 1)));
        assertThat(successor(page(admin, page, "vi"), "Sở Khoa học và Công nghệ").text()).contains("sáp nhập thử nghiệm");
    }

    @Test
    void aSaveFromAUnitsPageOpenedBeforeAnotherAdministratorsChangeIsRefused() throws Exception {
        String code = "STALE" + (System.nanoTime() % 100000);
        Agency unit = agencies.create(new AgencyDirectory.AgencyForm(code, vn.loa.identity.AgencyKind.OTHER, null,
                "Ban thử sửa cùng lúc", null, LocalDate.of(2025, 7, 1), null, "test"), vn.loa.shared.Actor.SYSTEM);
        MockHttpSession first = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        MockHttpSession second = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        String path = "/admin/agencies/" + unit.id().value();
        String seen = page(second, path, "vi").select("input[name=seen]").val();
        assertThat(seen).isNotBlank();
        // the first administrator ends the unit
        mvc.perform(post(path).session(first).with(csrf()).param("code", code).param("kind", "OTHER")
                        .param("nameVi", "Ban thử sửa cùng lúc").param("validFrom", "01/07/2025").param("validTo", "31/12/2026")
                        .param("source", "test"))
                .andExpect(status().is3xxRedirection());
        // the second, from the page opened before, only names it in English: refused, the last day kept
        mvc.perform(post(path).session(second).with(csrf()).param("seen", seen).param("code", code).param("kind", "OTHER")
                        .param("nameVi", "Ban thử sửa cùng lúc").param("nameEn", "Test board").param("validFrom", "01/07/2025")
                        .param("validTo", "").param("source", "test"))
                .andExpect(status().isConflict());
        Agency now = agencies.find(unit.id()).orElseThrow();
        assertThat(now.validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(now.nameEn()).isNull();
    }

    private Document page(MockHttpSession session, String path, String language) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).param("lang", language).session(session)).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static Element successor(Document page, String name) {
        Element item = page.select("#successor-list li").stream().filter(li -> li.selectFirst("a").text().startsWith(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not among " + page.select("#successor-list").text()));
        return item.selectFirst(".succession-note");
    }
}

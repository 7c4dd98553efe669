package vn.loa.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.AgencySigners;
import vn.loa.identity.AgencySigners.Signer;
import vn.loa.shared.Actor;

/**
 * Who signs an agency's documents: kept by an administrator for any agency and by an agency's head for its own, each
 * wrong field named, each change audited; anyone else refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AgencySignersIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    AgencySigners signers;

    @Autowired
    AuditTrail audit;

    @Test
    void anAdministratorRecordsTheSignersTheFirstSigningByDefaultAndEachChangeIsAudited() throws Exception {
        Agency office = newAgency();
        String page = "/agencies/" + office.id().value() + "/signers";
        MockHttpSession admin = signIn("admin");
        mvc.perform(post(page).session(admin).with(csrf()).param("fullName", "  Nguyễn   Văn An ").param("title", "Giám đốc"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(page).session(admin).with(csrf()).param("fullName", "Trần Thị Bình").param("title", "Phó Giám đốc"))
                .andExpect(status().is3xxRedirection());
        assertThat(signers.of(office.id())).extracting(Signer::fullName, Signer::title, Signer::byDefault)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nguyễn Văn An", "Giám đốc", true),
                        org.assertj.core.groups.Tuple.tuple("Trần Thị Bình", "Phó Giám đốc", false));
        Signer deputy = signers.of(office.id()).get(1);
        mvc.perform(post(page + "/" + deputy.id() + "/default").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(signers.byDefault(office.id())).map(Signer::fullName).contains("Trần Thị Bình");
        Document shown = page(admin, page);
        assertThat(shown.select("#signer-" + deputy.id()).text()).contains("Trần Thị Bình", "Phó Giám đốc", "mặc định");
        // the agency's own page lists them and leads to where they are kept
        Document agencyPage = page(admin, "/admin/agencies/" + office.id().value());
        assertThat(agencyPage.select("#signers li").eachText()).containsExactly("Trần Thị Bình – Phó Giám đốc (mặc định)",
                "Nguyễn Văn An – Giám đốc");
        assertThat(audit.newest(50, null)).filteredOn(r -> String.valueOf(office.id().value()).equals(r.targetId()))
                .filteredOn(r -> r.action().equals("agency.updated")).extracting(AuditRecord::details)
                .anySatisfy(d -> assertThat(d).contains("signerAdded", "Nguyễn Văn An"))
                .anySatisfy(d -> assertThat(d).contains("signerByDefault", "Trần Thị Bình"));
        // removing the default one: the one left signs by default
        mvc.perform(post(page + "/" + deputy.id() + "/delete").session(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(signers.byDefault(office.id())).map(Signer::fullName).contains("Nguyễn Văn An");
    }

    @Test
    void aBlankNameOrTitleIsRefusedNamingTheFieldAndNothingIsRecorded() throws Exception {
        Agency office = newAgency();
        String page = "/agencies/" + office.id().value() + "/signers";
        Document refused = Jsoup.parse(mvc.perform(post(page).session(signIn("admin")).with(csrf())
                        .param("fullName", "   ").param("title", "Phó Giám đốc"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(refused.select("#signer-form .field-error").eachText()).containsExactly("Nhập họ và tên người ký.");
        assertThat(refused.select("#fullName").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.select("#title").val()).isEqualTo("Phó Giám đốc");
        // an academic title before the name (Decree 30/2020 leaves it out) and no title at all: both named
        Document both = Jsoup.parse(mvc.perform(post(page).session(signIn("admin")).with(csrf())
                        .param("fullName", "TS. Lê Văn Học").param("title", ""))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(both.select("#signer-form .field-error").eachText()).containsExactly(
                "Không ghi học hàm, học vị trước họ tên người ký (Nghị định 30/2020/NĐ-CP); chỉ nhập họ và tên.",
                "Nhập chức vụ người ký.");
        assertThat(signers.of(office.id())).isEmpty();
    }

    @Test
    void onlyAnAdministratorOrTheAgencysOwnHeadMayChangeItsSigners() throws Exception {
        Agency office = newAgency();
        String page = "/agencies/" + office.id().value() + "/signers";
        // an officer of another agency, and another agency's head: refused, to read or to change
        for (String other : new String[] {"officer", "spokesperson", "district"}) {
            MockHttpSession session = signIn(other);
            mvc.perform(post(page).session(session).with(csrf()).param("fullName", "Người Lạ").param("title", "Giám đốc"))
                    .andExpect(status().isForbidden());
            mvc.perform(get(page).session(session)).andExpect(status().isForbidden());
        }
        assertThat(signers.of(office.id())).isEmpty();
        Signer kept = signers.add(office.id(), "Phan Văn Giữ", "Giám đốc", true,
                new vn.loa.identity.SignedInUser(1L, "admin", "Quản trị", null, null, java.util.Set.of(vn.loa.identity.Role.ADMIN)));
        mvc.perform(post(page + "/" + kept.id() + "/delete").session(signIn("officer")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(signers.of(office.id())).hasSize(1);

        // the Department of Health's head keeps its own signers; its officer does not
        Agency health = agencies.findByCode("SYT", LocalDate.now()).orElseThrow();
        String own = "/agencies/" + health.id().value() + "/signers";
        mvc.perform(post(own).session(signIn("officer")).with(csrf()).param("fullName", "Người Lạ").param("title", "Giám đốc"))
                .andExpect(status().isForbidden());
        MockHttpSession head = signIn("spokesperson");
        assertThat(mvc.perform(get("/signers").session(head)).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo(own);
        mvc.perform(post(own).session(head).with(csrf()).param("fullName", "Vũ Thị Thử").param("title", "Phó Giám đốc"))
                .andExpect(status().is3xxRedirection());
        Signer added = signers.of(health.id()).stream().filter(s -> s.fullName().equals("Vũ Thị Thử")).findFirst()
                .orElseThrow();
        mvc.perform(post(own + "/" + added.id() + "/delete").session(head).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(signers.of(health.id())).extracting(Signer::fullName).doesNotContain("Vũ Thị Thử");
    }

    private Agency newAgency() {
        String code = "TTNK" + System.nanoTime() % 100_000_000;
        return agencies.create(new AgencyDirectory.AgencyForm(code, AgencyKind.DEPARTMENT, null,
                "Sở thử nghiệm người ký " + code, "Signer test department", LocalDate.of(2025, 7, 1), null, "test"),
                Actor.SYSTEM);
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}

package vn.loa.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
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
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;

/**
 * The district level was abolished from 01/07/2025: a district-level unit is recorded only as history, ending by
 * 30/06/2025, whether it comes from the administrator's form or from a CSV import.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DistrictUnitsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AgencyDirectory agencies;

    @Test
    void aDistrictValidAfterJune2025IsRefusedOnTheFormNamingTheKindAndKeepingWhatWasTyped() throws Exception {
        String code = "HTEST" + System.nanoTime() % 100000;
        MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("loa-demo"))
                .andReturn().getRequest().getSession(false);
        String page = mvc.perform(post("/admin/agencies/new").session(admin).with(csrf()).param("code", code)
                        .param("kind", "DISTRICT").param("nameVi", "Huyện Thử Nghiệm").param("validFrom", "01/12/2026"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Document form = Jsoup.parse(page);
        assertThat(form.select("select#kind + .field-error").text())
                .startsWith("Loại:").contains("01/07/2025", "30/06/2025");
        assertThat(form.select("#kind").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.select("#code").val()).isEqualTo(code);
        assertThat(form.select("#nameVi").val()).isEqualTo("Huyện Thử Nghiệm");
        assertThat(form.select("#validFrom").val()).isEqualTo("01/12/2026");
        assertThat(form.select("#kind option[selected]").val()).isEqualTo("DISTRICT");
        assertThat(agencies.findByCode(code, LocalDate.of(2026, 12, 1))).isEmpty();
        // in English too
        String english = mvc.perform(post("/admin/agencies/new").session(admin).with(csrf()).param("lang", "en")
                        .param("code", code).param("kind", "DISTRICT").param("nameVi", "Huyện Thử Nghiệm")
                        .param("validFrom", "01/12/2026"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(english).select("select#kind + .field-error").text()).startsWith("Kind:")
                .contains("abolished");
    }

    @Test
    void aDistrictIsRecordedOnlyAsHistoryEndingByTheLastDayOfJune2025() {
        String code = "HSU" + System.nanoTime() % 100000;
        // begun before the reorganisation but with no end, it would still be a district today
        assertThatThrownBy(() -> agencies.create(district(code, LocalDate.of(2020, 1, 1), null), Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("kind");
                    assertThat(e.messageKey()).isEqualTo("agency.error.district-abolished");
                });
        assertThatThrownBy(() -> agencies.create(district(code, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 7, 1)),
                Actor.SYSTEM)).isInstanceOf(InvalidInput.class);
        Agency historical = agencies.create(district(code, LocalDate.of(2020, 1, 1), AgencyKind.LAST_DAY_OF_DISTRICTS),
                Actor.SYSTEM);
        assertThat(historical.kind()).isEqualTo(AgencyKind.DISTRICT);
        // and a change that would carry it past the reorganisation is refused as well
        assertThatThrownBy(() -> agencies.update(historical.id(), district(code, LocalDate.of(2020, 1, 1), null),
                Actor.SYSTEM)).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThat(agencies.find(historical.id()).orElseThrow().validTo()).isEqualTo(AgencyKind.LAST_DAY_OF_DISTRICTS);
    }

    @Test
    void anImportedDistrictValidAfterJune2025RefusesTheFileNamingItsLine() {
        String kept = "HIMP" + System.nanoTime() % 100000;
        String refused = kept + "X";
        byte[] file = ("code,kind,parent_code,name_vi,name_en,valid_from,valid_to,source\n"
                + kept + ",DISTRICT,58,Huyện cũ thử nghiệm,,2023-05-01,2025-06-30,test\n"
                + refused + ",DISTRICT,,Huyện Thử Nghiệm,,2026-12-01,,test\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> agencies.importCsv("huyen.csv", new ByteArrayInputStream(file), null, Actor.SYSTEM))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("agency.import.district-abolished");
                    assertThat(e.arguments()).containsExactly(3, refused);
                });
        assertThat(agencies.findByCode(kept, LocalDate.of(2024, 1, 1))).as("nothing of the file is kept").isEmpty();
        // the historical line alone is imported
        byte[] history = ("code,kind,parent_code,name_vi,name_en,valid_from,valid_to,source\n"
                + kept + ",DISTRICT,58,Huyện cũ thử nghiệm,,2023-05-01,2025-06-30,test\n").getBytes(StandardCharsets.UTF_8);
        assertThat(agencies.importCsv("huyen.csv", new ByteArrayInputStream(history), null, Actor.SYSTEM).created())
                .isEqualTo(1);
    }

    private static AgencyDirectory.AgencyForm district(String code, LocalDate from, LocalDate to) {
        return new AgencyDirectory.AgencyForm(code, AgencyKind.DISTRICT, null, "Huyện thử nghiệm " + code, null, from, to,
                "test");
    }
}

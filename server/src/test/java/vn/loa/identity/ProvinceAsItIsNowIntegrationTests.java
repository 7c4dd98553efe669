package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.shared.LocalTime;

/**
 * A fresh Loa holds the province as it is today (Khánh Hòa after the July 2025 merger, communes and wards, the
 * departments as merged in 2025) and Ninh Thuận before it as history; the banner names the province.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProvinceAsItIsNowIntegrationTests {

    private static final LocalDate IN_2024 = LocalDate.of(2024, 6, 1);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    AgencyNames names;

    @Autowired
    Users users;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LocalTime.ZONE));
    }

    @Test
    void aFreshLoaHoldsTodaysKhanhHoaAndNinhThuanBeforeIt() {
        List<Agency> now = agencies.validOn(today());
        assertThat(now).filteredOn(a -> a.kind() == AgencyKind.PROVINCE).extracting(Agency::nameVi)
                .containsExactly("Ủy ban nhân dân tỉnh Khánh Hòa");
        assertThat(now).as("no district level after July 2025").noneMatch(a -> a.kind() == AgencyKind.DISTRICT);
        assertThat(now).extracting(Agency::nameVi).contains("Sở Khoa học và Công nghệ", "Sở Nông nghiệp và Môi trường",
                "Xã Ninh Hải", "Phường Phan Rang", "Phường Nha Trang")
                .doesNotContain("Sở Thông tin và Truyền thông", "Sở Giao thông vận tải", "Huyện Ninh Hải");

        List<Agency> then = agencies.validOn(IN_2024);
        assertThat(then).filteredOn(a -> a.kind() == AgencyKind.PROVINCE).extracting(Agency::nameVi)
                .containsExactly("Ủy ban nhân dân tỉnh Ninh Thuận");
        assertThat(then).extracting(Agency::nameVi).contains("Sở Thông tin và Truyền thông", "Huyện Ninh Hải")
                .doesNotContain("Sở Khoa học và Công nghệ Khánh Hòa", "Phường Phan Rang");
        // the units the seed gave Ninh Thuận (other tests add boards of their own, open-ended, to the same database)
        assertThat(then).filteredOn(a -> a.source() != null
                        && (a.source().startsWith("Danh mục đơn vị hành chính")
                        || a.source().startsWith("Dữ liệu khởi tạo của Loa: các cơ quan cấp tỉnh của Ninh Thuận")))
                .hasSizeGreaterThan(90)
                .allMatch(a -> LocalDate.of(2025, 6, 30).equals(a.validTo()), "Ninh Thuận's units end on 30/06/2025");
    }

    @Test
    void anOldAgencyResolvesToWhatTookOverTodayAndToItselfIn2024() {
        AgencyOnDay information = agencies.resolve("STTTT", today()).orElseThrow();
        assertThat(information.inForce()).isFalse();
        assertThat(information.named().nameVi()).isEqualTo("Sở Thông tin và Truyền thông");
        assertThat(information.responsible()).extracting(Agency::code).containsExactly("SKHCN", "SVHTTDL");
        assertThat(names.name("STTTT", today(), VIETNAMESE)).isEqualTo(
                "Sở Thông tin và Truyền thông (đến 30/06/2025, nay là Sở Khoa học và Công nghệ; Sở Văn hóa, Thể thao và Du lịch)");
        assertThat(names.name("STTTT", today(), Locale.ENGLISH)).isEqualTo("Department of Information and Communications "
                + "(until 30/06/2025, now Department of Science and Technology; Department of Culture, Sports and Tourism)");

        AgencyOnDay then = agencies.resolve("STTTT", IN_2024).orElseThrow();
        assertThat(then.inForce()).isTrue();
        assertThat(then.responsible()).containsExactly(then.named());
        assertThat(names.name("STTTT", IN_2024, VIETNAMESE)).isEqualTo("Sở Thông tin và Truyền thông");

        assertThat(agencies.resolve("586", today()).orElseThrow().responsible()).extracting(Agency::nameVi)
                .containsExactlyInAnyOrder("Phường Ninh Chử", "Xã Vĩnh Hải", "Xã Ninh Hải", "Xã Xuân Hải");
        assertThat(agencies.resolve("586", IN_2024).orElseThrow().named().nameVi()).isEqualTo("Huyện Ninh Hải");
    }

    @Test
    void aCodeThatGoesOnNamesTodaysBodyTodayAndTheOldOneBefore() {
        Agency healthNow = agencies.resolve("SYT", today()).orElseThrow().named();
        Agency healthThen = agencies.resolve("SYT", IN_2024).orElseThrow().named();
        assertThat(healthNow.id()).isNotEqualTo(healthThen.id());
        assertThat(healthNow.validFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(agencies.predecessorsOf(healthNow.id())).extracting(AgencySuccession::predecessor).contains(healthThen.id());
        assertThat(names.name("SYT", today(), VIETNAMESE)).isEqualTo("Sở Y tế");
        assertThat(names.name("NO-SUCH-CODE", today(), VIETNAMESE)).isEqualTo("NO-SUCH-CODE");
    }

    @Test
    void theBannerNamesTheProvinceInBothLanguages() throws Exception {
        String vi = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(vi).contains("id=\"brand-province\">UBND tỉnh Khánh Hòa</span>").contains("· Loa · UBND tỉnh Khánh Hòa</title>");
        String en = mvc.perform(get("/login").param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(en).contains("id=\"brand-province\">Khánh Hòa Provincial People&#39;s Committee</span>");
        String publicPage = mvc.perform(get("/public/refutations")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(publicPage).contains("UBND tỉnh Khánh Hòa</span>").contains("có thẩm quyền của tỉnh Khánh Hòa");
        String report = mvc.perform(get("/public/report").param("lang", "en")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(report).contains("The authorities of Khánh Hòa province").contains("Khánh Hòa Provincial People&#39;s Committee");
    }

    @Test
    void everyDemoAccountSignsInAtAnAgencyOfToday() throws Exception {
        Map<String, String> agencyOf = Map.of("admin", "Sở Khoa học và Công nghệ", "leader", "Ủy ban nhân dân tỉnh Khánh Hòa",
                "coordinator", "Sở Văn hóa, Thể thao và Du lịch", "officer", "Sở Y tế", "district", "Xã Ninh Hải",
                "spokesperson", "Sở Y tế", "press", "Báo và Phát thanh, Truyền hình Khánh Hòa", "xa-bac-ai-tay", "Xã Bác Ái Tây",
                "phuong-phan-rang", "Phường Phan Rang", "chu-tich-phan-rang", "Phường Phan Rang");
        for (var account : agencyOf.entrySet()) {
            Agency agency = agencies.find(users.findByUsername(account.getKey()).orElseThrow().agency()).orElseThrow();
            assertThat(agency.validOn(today())).as(account.getKey()).isTrue();
            assertThat(agency.nameVi()).as(account.getKey()).isEqualTo(account.getValue());
            MockHttpSession session = (MockHttpSession) mvc.perform(formLogin("/login").user(account.getKey()).password("loa-demo"))
                    .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);
            String home = mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(home).as(account.getKey()).contains("<span class=\"user-agency\">" + account.getValue() + "</span>");
        }
    }
}

package vn.loa.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.identity.Agency;
import vn.loa.TestClock;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.press.SpeakerCapacity;
import vn.loa.press.Spokespersons;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * Resources on a real database: one agency's staff, budget and contracts hidden from another agency's officer (API and
 * pages), what an agency has against what a directive asks (the spokesperson read from the press desk's registry), the
 * budget's amounts refused naming the field and each update audited, and the overview as an XLSX workbook.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class ResourcesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Resources resources;

    @Autowired
    ResourceOverviews overviews;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Spokespersons spokespersons;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;


    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private SignedInUser coordinator() {
        return new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL", Set.of(Role.COORDINATOR));
    }

    private Agency agency(String code) {
        return agencies.findByCode(code, today()).orElseThrow();
    }

    /** A new unit of a kind no other test asks anything of, with a directive asking things of that kind. */
    private record Setting(Agency agency, String directiveNumber) {
    }

    private Setting newAgencyWithDirective(String marker) {
        LocalDate today = today();
        Agency agency = agencies.create(new AgencyDirectory.AgencyForm("RES" + marker, AgencyKind.MASS_ORGANISATION, null,
                "Hội thử nghiệm nguồn lực " + marker, null, today.minusYears(1), null, "test"), new Actor("test", null));
        String number = marker + "/UBND-VXNV";
        long directive = jdbc.sql("INSERT INTO coord_directive (doc_kind, number, issued_on, issuer_agency_id, signer, title,"
                + " created_by, created_at) VALUES ('Công văn', :number, :issued, :issuer, 'Phó Chủ tịch Nguyễn Văn A',"
                + " 'V/v bố trí nguồn lực truyền thông chính sách', 'test', :at) RETURNING id")
                .param("number", number).param("issued", today.minusMonths(2)).param("issuer", agency("56").id().value())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        for (Object[] r : List.of(new Object[] {RequirementKind.SPOKESPERSON, 1, "1"},
                new Object[] {RequirementKind.COMMUNICATION_OFFICERS, 3, "3.a"},
                new Object[] {RequirementKind.TRAINED_OFFICERS, 2, "3.b"}, new Object[] {RequirementKind.BUDGET_LINE, 1, "4"})) {
            resources.addRequirement(new Resources.RequirementForm(directive, (String) r[2], AgencyKind.MASS_ORGANISATION,
                    (RequirementKind) r[0], (Integer) r[1], null), coordinator());
        }
        return new Setting(agency, number);
    }

    private Staff officer(Agency agency, String name) {
        return resources.addStaff(new Resources.StaffForm(agency.id().value(), name, "Chuyên viên",
                Duty.COMMUNICATION_OFFICER, true, null, null, today().minusYears(1), null), coordinator());
    }

    @Test
    void anAgencyWithASpokespersonInThePressRegistryButTooFewTrainedOfficersShowsExactlyThatGap() throws Exception {
        String marker = marker();
        Setting setting = newAgencyWithDirective(marker);
        Agency agency = setting.agency();
        spokespersons.appoint(new Spokespersons.Appointment(agency.code(), SpeakerCapacity.SPOKESPERSON, null,
                "Người phát ngôn " + marker, "Phó Chủ tịch Hội", "0258 3822 111", "phatngon@example.vn", null, today().minusDays(10), null), coordinator());
        Staff trained = officer(agency, "Cán bộ một " + marker);
        Staff longAgo = officer(agency, "Cán bộ hai " + marker);
        officer(agency, "Cán bộ ba " + marker);
        // one who left last month counts for nothing, trained or not
        Staff left = resources.addStaff(new Resources.StaffForm(agency.id().value(), "Cán bộ đã chuyển " + marker, null,
                Duty.COMMUNICATION_OFFICER, false, null, null, today().minusYears(2), today().minusMonths(1)), coordinator());
        train(trained, today().minusMonths(6));
        train(longAgo, today().minusMonths(ResourceOverviews.TRAINING_MONTHS + 1));
        train(left, today().minusMonths(2));
        resources.addBudgetLine(new Resources.BudgetForm(agency.id().value(), today().getYear(), "Tuyên truyền", null,
                100_000_000L, 50_000_000L, 20_000_000L, null, null), coordinator());

        ResourceOverviews.Line line = line(agency);
        assertThat(line.spokesperson()).isTrue();
        assertThat(line.officers()).isEqualTo(3);
        assertThat(line.officersAsked()).isEqualTo(3);
        assertThat(line.trained()).isEqualTo(1);
        assertThat(line.trainedAsked()).isEqualTo(2);
        assertThat(line.plannedVnd()).isEqualTo(100_000_000L);
        assertThat(line.gaps()).containsExactly(new ResourceOverviews.Gap(RequirementKind.TRAINED_OFFICERS, 1, 2,
                setting.directiveNumber(), "3.b"));

        // the page shows the same row, and the gap names the directive and its clause
        String page = mvc.perform(get("/resources").param("kind", "MASS_ORGANISATION").session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String row = page.substring(page.indexOf("data-agency=\"" + agency.code() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("data-gaps=\"1\"", "3 / 3", "1 / 2", "100.000.000 đ", setting.directiveNumber(), "3.b",
                "data-kind=\"TRAINED_OFFICERS\"").doesNotContain("data-kind=\"SPOKESPERSON\"");
        // read in English, the agency is named in English, and a row lacking nothing says so
        String english = mvc.perform(get("/resources").param("kind", "DEPARTMENT").param("lang", "en")
                        .session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Department of Health").doesNotContain(">Sở Y tế<", "All that is asked");

        // the spokesperson's term ends: now that is missing too
        long id = spokespersons.validOn(today()).stream().filter(s -> s.agencyCode().equals(agency.code())).findFirst()
                .orElseThrow().id();
        spokespersons.withdraw(id, "Dữ liệu kiểm thử", coordinator());
        assertThat(line(agency).gaps()).extracting(ResourceOverviews.Gap::kind)
                .containsExactly(RequirementKind.SPOKESPERSON, RequirementKind.TRAINED_OFFICERS);
    }

    private ResourceOverviews.Line line(Agency agency) {
        return overviews.overview(today().getYear(), AgencyKind.MASS_ORGANISATION, coordinator()).lines().stream()
                .filter(l -> l.agencyId() == agency.id().value()).findFirst().orElseThrow();
    }

    private void train(Staff staff, LocalDate on) {
        resources.addTraining(new Resources.TrainingForm(staff.id(), "Kỹ năng truyền thông chính sách", "Sở", on,
                new BigDecimal("16"), null), coordinator());
    }

    @Test
    void anotherAgencysOfficerFindsNeitherItsStaffNorItsBudgetNorItsContractsThroughTheApiOrThePages() throws Exception {
        String marker = marker();
        Agency education = agency("SGDDT");
        Agency health = agency("SYT");
        Agency press = agency("BPTTH");
        Staff staff = officer(education, "Cán bộ giáo dục " + marker);
        BudgetLine line = resources.addBudgetLine(new Resources.BudgetForm(education.id().value(), today().getYear(),
                "Dòng " + marker, null, 10_000_000L, 0L, 0L, null, null), coordinator());
        PressContract contract = resources.addContract(new Resources.ContractForm(education.id().value(), press.id().value(),
                marker + "/HĐ", today(), "Đặt hàng " + marker, null, 5_000_000L, today(), today().plusMonths(6), null, null),
                coordinator());
        MockHttpSession officer = signIn("officer");
        String json = "{\"fullName\":\"Ai đó\",\"duty\":\"COMMUNICATION_OFFICER\",\"fromOn\":\"2026-01-01\"}";
        mvc.perform(get("/api/v1/resources/staff/{id}", staff.id()).session(officer)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resources/staff").param("agencyId", String.valueOf(education.id().value())).session(officer))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/resources/staff/{id}", staff.id()).session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resources/budget-lines/{id}", line.id()).session(officer)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/resources/budget-lines/{id}", line.id()).session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"plannedVnd\":1}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resources/contracts/{id}", contract.id()).session(officer)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/resources/staff").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.replace("{", "{\"agencyId\":" + education.id().value() + ","))).andExpect(status().isNotFound());
        // the pages: the agency's page and every form on it
        mvc.perform(get("/resources/agencies/{id}", education.id().value()).session(officer)).andExpect(status().isNotFound());
        mvc.perform(post("/resources/budget-lines/{id}", line.id()).session(officer).with(csrf()).param("name", "x")
                .param("plannedVnd", "1")).andExpect(status().isNotFound());
        mvc.perform(post("/resources/contracts/{id}", contract.id()).session(officer).with(csrf()).param("number", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/resources/agencies/{id}/staff", education.id().value()).session(officer).with(csrf())
                .param("fullName", "x").param("duty", "COMMUNICATION_OFFICER").param("fromOn", "2026-01-01"))
                .andExpect(status().isNotFound());
        // the list of contracts and the overview show only the officer's own agency
        String contracts = mvc.perform(get("/resources/contracts").session(officer)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(contracts).doesNotContain(marker);
        assertThat(mvc.perform(get("/api/v1/resources/overview").session(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].agencyCode").value("SYT")).andReturn()).isNotNull();
        // its own agency it keeps; a leader reads every agency but keeps none
        mvc.perform(get("/resources/agencies/{id}", health.id().value()).session(officer)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/resources/staff").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(json.replace("{", "{\"agencyId\":" + health.id().value() + ",").replace("Ai đó", "Cán bộ " + marker)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.agencyId").value(health.id().value()));
        MockHttpSession leader = signIn("leader");
        mvc.perform(get("/api/v1/resources/contracts/{id}", contract.id()).session(leader)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/resources/contracts/{id}", contract.id()).session(leader).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
    }

    @Test
    void committedAbovePlannedOrSpentAboveCommittedIsRefusedNamingTheFieldAndEachUpdateIsAudited() throws Exception {
        String marker = marker();
        Agency health = agency("SYT");
        MockHttpSession officer = signIn("officer");
        String body = "{\"agencyId\":" + health.id().value() + ",\"year\":" + today().getYear() + ",\"name\":\"Dòng " + marker
                + "\",\"plannedVnd\":%d,\"committedVnd\":%d,\"spentVnd\":%d}";
        mvc.perform(post("/api/v1/resources/budget-lines").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(100, 150, 0)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("committedVnd"));
        mvc.perform(post("/api/v1/resources/budget-lines").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(100, 80, 90)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("spentVnd"));
        mvc.perform(post("/api/v1/resources/budget-lines").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(-1, 0, 0)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("plannedVnd"));
        String created = mvc.perform(post("/api/v1/resources/budget-lines").session(officer).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(100_000_000L, 60_000_000L, 10_000_000L)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));
        // more committed than planned needs the line re-planned first
        assertThatThrownBy(() -> resources.updateBudgetLine(id, new Resources.BudgetForm(null, null, "Dòng " + marker, null,
                100_000_000L, 120_000_000L, 10_000_000L, null, null), coordinator()))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("committedVnd"));
        BudgetLine replanned = resources.updateBudgetLine(id, new Resources.BudgetForm(null, null, "Dòng " + marker, null,
                130_000_000L, 120_000_000L, 10_000_000L, null, null), coordinator());
        assertThat(replanned.committedVnd()).isEqualTo(120_000_000L);
        assertThat(replanned.updatedBy()).isEqualTo("coordinator");
        // the form names the field too, and keeps what was typed
        String page = mvc.perform(post("/resources/budget-lines/{id}", id).session(officer).with(csrf())
                .param("name", "Dòng " + marker).param("plannedVnd", "130.000.000").param("committedVnd", "120.000.000")
                .param("spentVnd", "125.000.000 đ")).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-field=\"spentVnd\"", "125.000.000 đ");
        List<String> audited = jdbc.sql("SELECT details FROM audit_record WHERE action = 'resource-budget-line.updated'"
                + " AND target_id = :id ORDER BY id").param("id", String.valueOf(id)).query(String.class).list();
        assertThat(audited).hasSize(1);
        assertThat(audited.getFirst()).contains("\"plannedBefore\":100000000", "\"plannedVnd\":130000000",
                "\"committedVnd\":120000000");
        // a leader may not write at all
        SignedInUser leader = new SignedInUser(null, "leader", "Lãnh đạo", null, null, Set.of(Role.LEADER));
        assertThatThrownBy(() -> resources.updateBudgetLine(id, new Resources.BudgetForm(null, null, "x", null, 1L, 0L, 0L,
                null, null), leader)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aBudgetLineOrRequirementSavedFromAPageOpenedBeforeAColleaguesChangeIsRefusedKeepingWhatWasTyped() throws Exception {
        String marker = marker();
        Agency health = agency("SYT");
        BudgetLine line = resources.addBudgetLine(new Resources.BudgetForm(health.id().value(), today().getYear(),
                "Dòng sửa cùng lúc " + marker, null, 200_000_000L, 100_000_000L, 0L, null, null), coordinator());
        MockHttpSession officer = signIn("officer");
        String path = "/resources/agencies/" + health.id().value();
        org.jsoup.nodes.Document opened = org.jsoup.Jsoup.parse(mvc.perform(get(path).session(officer))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String seen = opened.select("#budget-" + line.id() + "-form input[name=seen]").val();
        assertThat(seen).isNotBlank();
        // a colleague records 40 million spent
        resources.updateBudgetLine(line.id(), new Resources.BudgetForm(null, null, "Dòng sửa cùng lúc " + marker, null,
                200_000_000L, 100_000_000L, 40_000_000L, null, null), coordinator());
        // the officer's page, opened before, renames the line with the old amounts: refused, the spending stays
        String refused = mvc.perform(post("/resources/budget-lines/{id}", line.id()).session(officer).with(csrf())
                .param("seen", seen).param("name", "Dòng đổi tên " + marker).param("plannedVnd", "200000000")
                .param("committedVnd", "100000000").param("spentVnd", "0")).andExpect(status().isConflict()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(refused);
        assertThat(page.select(".flash.error").text()).contains("đã được người khác sửa sau khi bạn mở trang");
        assertThat(page.select("#budget-" + line.id() + "-name").val()).isEqualTo("Dòng đổi tên " + marker);
        assertThat(resources.budgetLine(line.id(), coordinator()).spentVnd()).isEqualTo(40_000_000L);
        assertThat(resources.budgetLine(line.id(), coordinator()).name()).isEqualTo("Dòng sửa cùng lúc " + marker);
        // sent again from the refused page, which now knows of the change, it is saved
        mvc.perform(post("/resources/budget-lines/{id}", line.id()).session(officer).with(csrf())
                .param("seen", page.select("#budget-" + line.id() + "-form input[name=seen]").val())
                .param("name", "Dòng đổi tên " + marker).param("plannedVnd", "200000000").param("committedVnd", "100000000")
                .param("spentVnd", "40000000")).andExpect(status().is3xxRedirection());
        assertThat(resources.budgetLine(line.id(), coordinator()).name()).isEqualTo("Dòng đổi tên " + marker);

        // a form with several mistakes names each in one answer: an amount that cannot be read no longer hides the rest
        String fresh = org.jsoup.Jsoup.parse(mvc.perform(get(path).session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).select("#budget-" + line.id() + "-form input[name=seen]").val();
        org.jsoup.nodes.Document mistakes = org.jsoup.Jsoup.parse(mvc.perform(post("/resources/budget-lines/{id}", line.id())
                .session(officer).with(csrf()).param("seen", fresh).param("name", " ").param("plannedVnd", "200000000")
                .param("committedVnd", "-1").param("spentVnd", "abc")).andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(mistakes.select("#problems li").eachAttr("data-field")).containsExactlyInAnyOrder("name", "committedVnd",
                "spentVnd");
        assertThat(mistakes.select("#problems li[data-field=spentVnd]").text()).startsWith("Đã chi: số tiền phải là số nguyên");
        assertThat(mistakes.select("#problems li[data-field=committedVnd]").text()).startsWith("Đã cam kết:");
        assertThat(resources.budgetLine(line.id(), coordinator()).spentVnd()).isEqualTo(40_000_000L);

        // a directive's requirement, on the overview, the same way (its minimum left as it was: other tests count it)
        Setting setting = newAgencyWithDirective(marker.substring(0, 6));
        Requirement requirement = resources.requirements().stream()
                .filter(r -> setting.directiveNumber().equals(r.directiveNumber()) && r.kind() == RequirementKind.COMMUNICATION_OFFICERS)
                .findFirst().orElseThrow();
        MockHttpSession coordinator = signIn("coordinator");
        String requirementSeen = org.jsoup.Jsoup.parse(mvc.perform(get("/resources").session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .select("#requirement-" + requirement.id() + "-form input[name=seen]").val();
        resources.updateRequirement(requirement.id(), new Resources.RequirementForm(requirement.directiveId(), "3.a",
                AgencyKind.MASS_ORGANISATION, RequirementKind.COMMUNICATION_OFFICERS, 3, "Ghi chú của đồng nghiệp"),
                coordinator());
        mvc.perform(post("/resources/requirements/{id}", requirement.id()).session(coordinator).with(csrf())
                .param("seen", requirementSeen).param("directiveId", String.valueOf(requirement.directiveId()))
                .param("clause", "3.a").param("agencyKind", "MASS_ORGANISATION").param("kind", "COMMUNICATION_OFFICERS")
                .param("minimum", "3").param("note", "Ghi chú cũ")).andExpect(status().isConflict());
        assertThat(resources.requirements()).filteredOn(r -> r.id() == requirement.id()).singleElement()
                .satisfies(r -> assertThat(r.note()).isEqualTo("Ghi chú của đồng nghiệp"));
    }

    @Test
    void theKindsOfUnitOfferedAreThoseTheYearHad() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        // districts were abolished on 1 July 2025: 2024 had them, 2026 has none
        assertThat(mvc.perform(get("/resources").param("year", "2024").session(coordinator)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("<option value=\"DISTRICT\">");
        assertThat(mvc.perform(get("/resources").param("year", "2026").session(coordinator)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain("value=\"DISTRICT\"")
                .contains("<option value=\"COMMUNE\">");
    }

    @Test
    void theOverviewDownloadsAsAWorkbookWithVietnameseHeadersAndAmountsAsNumbers() throws Exception {
        String marker = marker();
        Setting setting = newAgencyWithDirective(marker);
        resources.addBudgetLine(new Resources.BudgetForm(setting.agency().id().value(), today().getYear(), "Dòng " + marker,
                null, 1_250_000_000L, 1_000_000_000L, 250_000_000L, null, null), coordinator());
        byte[] bytes = mvc.perform(get("/resources/export.xlsx").param("kind", "MASS_ORGANISATION")
                .param("year", String.valueOf(today().getYear())).session(signIn("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            // the amounts say their unit, as a Vietnamese table does under its title
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Đơn vị tính: đồng");
            Row header = sheet.getRow(2);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Cơ quan, đơn vị");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("Dự toán");
            Row row = null;
            for (Row r : sheet) {
                Cell first = r.getCell(0);
                if (first != null && first.getCellType() == CellType.STRING
                        && first.getStringCellValue().equals(setting.agency().nameVi())) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo("Không");
            assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(1_250_000_000d);
            assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(250_000_000d);
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(0d);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(3d);
            assertThat(row.getCell(12).getStringCellValue()).contains("Người phát ngôn: có 0, yêu cầu 1",
                    setting.directiveNumber());
        }
    }

    @Test
    void aDownloadOfAYearOrAKindThatCannotBeShownIsRefusedSayingSoNotAnsweredWithThisYearsFile() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        for (String[] asked : new String[][] {{"year", "1999"}, {"year", "99999"}, {"kind", "KHONG_CO"}}) {
            String page = mvc.perform(get("/resources/export.xlsx").param(asked[0], asked[1]).session(coordinator))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(asked[0]).contains("«" + asked[1] + "»");
        }
        mvc.perform(get("/resources/export.xlsx").param("year", String.valueOf(today().getYear())).param("kind", "")
                .session(coordinator)).andExpect(status().isOk());
        // the pages the same: a year they cannot show is named, not replaced by this year's figures
        for (String path : List.of("/resources", "/resources/budget")) {
            String page = mvc.perform(get(path).param("year", "-5").session(coordinator))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(path).contains("«-5»").contains("id=\"main-nav\"");
            mvc.perform(get(path).param("year", String.valueOf(today().getYear())).session(coordinator))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void aCoordinatorSetsWhatADirectiveAsksFromTheOverviewAndAnOfficerMayNot() throws Exception {
        String marker = marker();
        Setting setting = newAgencyWithDirective(marker);
        long directive = jdbc.sql("SELECT id FROM coord_directive WHERE number = ?").param(setting.directiveNumber())
                .query(Long.class).single();
        MockHttpSession coordinator = signIn("coordinator");
        String refused = mvc.perform(post("/resources/requirements").session(coordinator).with(csrf())
                .param("directiveId", String.valueOf(directive)).param("agencyKind", "MASS_ORGANISATION")
                .param("kind", "TRAINED_OFFICERS").param("minimum", "5").param("clause", "9"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the directive asks that already: the form says so and keeps what was typed
        assertThat(refused).contains("data-field=\"kind\"", "id=\"requirement-form\"");
        mvc.perform(post("/resources/requirements").session(coordinator).with(csrf())
                .param("directiveId", String.valueOf(directive)).param("agencyKind", "MASS_ORGANISATION")
                .param("kind", "TRAINED_OFFICERS").param("minimum", "-1"))
                .andExpect(status().isUnprocessableContent());
        long id = resources.requirements().stream().filter(r -> directive == (r.directiveId() == null ? -1 : r.directiveId())
                && r.kind() == RequirementKind.TRAINED_OFFICERS).findFirst().orElseThrow().id();
        mvc.perform(post("/resources/requirements/{id}", id).session(coordinator).with(csrf())
                .param("directiveId", String.valueOf(directive)).param("agencyKind", "MASS_ORGANISATION")
                .param("kind", "TRAINED_OFFICERS").param("minimum", "4").param("clause", "3.c"))
                .andExpect(status().is3xxRedirection());
        assertThat(line(setting.agency()).gaps()).contains(new ResourceOverviews.Gap(RequirementKind.TRAINED_OFFICERS, 0, 4,
                setting.directiveNumber(), "3.c"));
        mvc.perform(post("/resources/requirements/{id}", id).session(signIn("officer")).with(csrf())
                .param("agencyKind", "MASS_ORGANISATION").param("kind", "TRAINED_OFFICERS").param("minimum", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/resources/requirements").session(signIn("officer")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"agencyKind\":\"OTHER\",\"kind\":\"BUDGET_LINE\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTrainingStopsCountingTheDayItIsTwentyFourMonthsOld() {
        String marker = marker();
        Setting setting = newAgencyWithDirective(marker);
        Staff staff = officer(setting.agency(), "Cán bộ " + marker);
        LocalDate start = today();
        train(staff, start.minusMonths(ResourceOverviews.TRAINING_MONTHS).plusDays(1));
        assertThat(line(setting.agency()).trained()).isEqualTo(1);
        java.time.Instant now = clock.instant();
        try {
            clock.advance(java.time.Duration.ofDays(1));
            assertThat(line(setting.agency()).trained()).isZero();
            assertThat(line(setting.agency()).gaps()).extracting(ResourceOverviews.Gap::kind)
                    .contains(RequirementKind.TRAINED_OFFICERS);
        } finally {
            clock.set(now);
        }
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}

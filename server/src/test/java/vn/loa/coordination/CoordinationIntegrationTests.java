package vn.loa.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.TestClock;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyDirectory.AgencyForm;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * Directives, tasks and difficulties on a real database: a dissolved unit's tasks passed to its two successors with
 * their history (and only once); an officer of another agency finds nothing of a task or a difficulty not theirs, on
 * the pages and in the API; refusals name the field and transitions the state does not allow answer 409; an overdue
 * task is escalated to the coordinators and the leaders by e-mail (a real SMTP server, GreenMail) and a task due soon
 * reminded to its agency, each once per due date.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class CoordinationIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    @Autowired
    MockMvc mvc;

    @Autowired
    Directives directives;

    @Autowired
    Tasks tasks;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    Difficulties difficulties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;


    private final JsonMapper json = JsonMapper.builder().build();

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Directive directive(String marker, LocalDate issued) {
        return directives.create(new Directives.NewDirective("Kế hoạch", marker + "/KH-UBND", issued, "56",
                "Phó Chủ tịch Trần Văn B", "Kế hoạch thử nghiệm " + marker, null, "Nội dung " + marker, null, null),
                COORDINATOR);
    }

    private Agency unit(String code, String name) {
        return agencies.create(new AgencyForm(code, AgencyKind.DEPARTMENT, null, name, null, LocalDate.of(2025, 7, 1), null,
                "test"), Actor.SYSTEM);
    }

    @Test
    void theTasksOfADissolvedUnitPassToItsTwoSuccessorsWithTheirHistoryAndOnlyOnce() {
        String m = marker();
        String suffix = m.substring(0, 5).toUpperCase();
        Agency dissolved = unit("TA" + suffix, "Sở Giải Thể " + m);
        Agency support = unit("TD" + suffix, "Sở Phối Hợp Cũ " + m);
        LocalDate effective = today().withDayOfMonth(1).minusMonths(2);
        Directive d = directive(m, LocalDate.of(2025, 8, 1));
        Task task = tasks.add(d.id(), new Tasks.NewTask("2", "Báo cáo tháng " + m, "Báo cáo", List.of(dissolved.code()),
                List.of(support.code()), Recurrence.MONTHLY, null, 20, null, LocalDate.of(2025, 8, 1), null, true, true),
                COORDINATOR).get(0);
        tasks.transition(task.id(), new Tasks.Transition(Tasks.Action.DONE, null, null, null), COORDINATOR);
        // the reorganisation as an administrator imports it: the new units and who took over from whom
        String units = "code,kind,parent_code,name_vi,name_en,valid_from,valid_to,source\n"
                + "TB%1$s,DEPARTMENT,,Sở Kế Thừa Một %2$s,,%3$s,,test\nTC%1$s,DEPARTMENT,,Sở Kế Thừa Hai %2$s,,%3$s,,test\n"
                        .formatted(suffix, m, effective)
                + "TE%1$s,DEPARTMENT,,Sở Phối Hợp Mới %2$s,,%3$s,,test\n".formatted(suffix, m, effective);
        String successions = "old_code,old_valid_from,new_code,new_valid_from,note,source\n"
                + "TA%1$s,2025-07-01,TB%1$s,%2$s,sáp nhập,test\nTA%1$s,2025-07-01,TC%1$s,%2$s,sáp nhập,test\n"
                        .formatted(suffix, effective)
                + "TD%1$s,2025-07-01,TE%1$s,%2$s,sáp nhập,test\n".formatted(suffix, effective);
        agencies.importCsv("to-chuc-lai-" + m + ".csv", new java.io.ByteArrayInputStream(units.getBytes(StandardCharsets.UTF_8)),
                new java.io.ByteArrayInputStream(successions.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM);
        Agency first = agencies.findByCode("TB" + suffix, today()).orElseThrow();
        Agency second = agencies.findByCode("TC" + suffix, today()).orElseThrow();
        Agency supportSuccessor = agencies.findByCode("TE" + suffix, today()).orElseThrow();

        assertThat(tasks.transferFromEndedAgencies()).isGreaterThanOrEqualTo(1);

        Task old = tasks.get(task.id(), COORDINATOR);
        assertThat(old.state()).isEqualTo("TRANSFERRED");
        List<Task> successors = tasks.passedTo(task.id(), COORDINATOR);
        assertThat(successors).extracting(Task::leadCode).containsExactly(first.code(), second.code());
        assertThat(successors).allSatisfy(t -> {
            assertThat(t.inheritedFrom()).isEqualTo(task.id());
            assertThat(t.state()).isEqualTo("OPEN");
            assertThat(t.supportCodes()).containsExactly(supportSuccessor.code());
            assertThat(t.isReport()).isTrue();
            List<TaskOccurrence> moved = tasks.occurrences(t.id(), COORDINATOR);
            assertThat(moved).hasSize(3);
            assertThat(moved).allSatisfy(o -> assertThat(o.periodStart()).isAfterOrEqualTo(effective));
            assertThat(tasks.events(t.id(), COORDINATOR)).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo("TRANSFERRED_IN");
                assertThat(e.detail()).contains(dissolved.nameVi(), LocalTime.format(effective));
            });
        });
        List<TaskOccurrence> history = tasks.occurrences(task.id(), COORDINATOR);
        assertThat(history).isNotEmpty().allSatisfy(o -> assertThat(o.dueOn()).isBefore(effective));
        assertThat(history).filteredOn(o -> o.doneOn() != null).extracting(TaskOccurrence::periodStart)
                .containsExactly(LocalDate.of(2025, 8, 1));
        assertThat(tasks.events(task.id(), COORDINATOR)).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("TRANSFERRED_OUT");
            assertThat(e.detail()).contains(first.nameVi(), second.nameVi(), LocalTime.format(effective));
        });

        // again: nothing more passes, nothing moves
        tasks.transferFromEndedAgencies();
        assertThat(tasks.passedTo(task.id(), COORDINATOR)).hasSize(2);
        assertThat(tasks.occurrences(successors.get(0).id(), COORDINATOR)).hasSize(3);
        assertThat(tasks.occurrences(task.id(), COORDINATOR)).hasSize(history.size());
        assertThat(jdbc.sql("SELECT count(*) FROM coord_task WHERE inherited_from = ?").param(task.id()).query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void aUnitThatTookOverFromTwoDissolvedOnesHoldsTheirSameTaskOnce() {
        String m = marker();
        String suffix = m.substring(0, 5).toUpperCase();
        Agency west = unit("HA" + suffix, "Huyện Tây " + m);
        Agency east = unit("HB" + suffix, "Huyện Đông " + m);
        LocalDate effective = today().withDayOfMonth(1).minusMonths(2);
        Directive d = directive(m, LocalDate.of(2025, 8, 1));
        List<Task> given = tasks.add(d.id(), new Tasks.NewTask("3", "Báo cáo tháng về truyền thanh cơ sở " + m, "Báo cáo",
                List.of(west.code(), east.code()), List.of(), Recurrence.MONTHLY, null, 25, null, LocalDate.of(2025, 8, 1),
                null, true, true), COORDINATOR);
        assertThat(given).hasSize(2);
        String units = "code,kind,parent_code,name_vi,name_en,valid_from,valid_to,source\n"
                + "XC%1$s,COMMUNE,,Xã Chung %2$s,,%3$s,,test\n".formatted(suffix, m, effective);
        String successions = "old_code,old_valid_from,new_code,new_valid_from,note,source\n"
                + "HA%1$s,2025-07-01,XC%1$s,%2$s,bỏ cấp huyện,test\nHB%1$s,2025-07-01,XC%1$s,%2$s,bỏ cấp huyện,test\n"
                        .formatted(suffix, effective);
        agencies.importCsv("xa-chung-" + m + ".csv", new java.io.ByteArrayInputStream(units.getBytes(StandardCharsets.UTF_8)),
                new java.io.ByteArrayInputStream(successions.getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM);
        Agency commune = agencies.findByCode("XC" + suffix, today()).orElseThrow();
        LocalDate sinceSuccession = today().minusDays(1);
        LocalDate beforeSuccession = effective.minusDays(1);
        long countedSince = total(tasks.countByClass(sinceSuccession));
        long countedBefore = total(tasks.countByClass(beforeSuccession));

        tasks.transferFromEndedAgencies();
        tasks.transferFromEndedAgencies();

        // a report since the succession counts the commune's one task, not the two districts' as well; one of the
        // days before counts the districts' two, whenever the transfer was recorded
        assertThat(total(tasks.countByClass(sinceSuccession))).isEqualTo(countedSince - 1);
        assertThat(total(tasks.countByClass(beforeSuccession))).isEqualTo(countedBefore);

        List<Long> held = jdbc.sql("SELECT id FROM coord_task WHERE directive_id = ? AND lead_agency_id = ? AND state = 'OPEN'")
                .params(d.id(), commune.id().value()).query(Long.class).list();
        assertThat(held).as("the commune's copies of the one task").hasSize(1);
        assertThat(given).allSatisfy(t -> assertThat(tasks.get(t.id(), COORDINATOR).state()).isEqualTo("TRANSFERRED"));
        assertThat(tasks.occurrences(held.get(0), COORDINATOR)).hasSize(3)
                .allSatisfy(o -> assertThat(o.periodStart()).isAfterOrEqualTo(effective));
        assertThat(tasks.events(held.get(0), COORDINATOR)).filteredOn(e -> e.kind().equals("TRANSFERRED_IN"))
                .extracting(TaskEvent::detail).hasSize(2)
                .anySatisfy(detail -> assertThat(detail).contains(west.nameVi()))
                .anySatisfy(detail -> assertThat(detail).contains(east.nameVi(), "gộp làm một"));
        // both old tasks say where they went, and neither still owes a period after the succession: the periods are
        // owed once, by the commune (before, the task merged into the other kept its own and reports counted both)
        assertThat(given).allSatisfy(t -> {
            assertThat(tasks.passedTo(t.id(), COORDINATOR)).extracting(Task::id).containsExactly(held.get(0));
            assertThat(tasks.occurrences(t.id(), COORDINATOR))
                    .allSatisfy(o -> assertThat(o.periodStart()).isBefore(effective));
        });
        assertThat(jdbc.sql("""
                SELECT count(*) FROM coord_occurrence o JOIN coord_task t ON t.id = o.task_id
                WHERE t.directive_id = ? AND o.period_start >= ?""").params(d.id(), java.sql.Date.valueOf(effective))
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void anOfficerOfAnotherAgencyFindsNoTaskProgressOrDifficultyNotTheirs() throws Exception {
        String m = marker();
        MockHttpSession coordinator = signIn("coordinator");
        MockHttpSession officer = signIn("officer");
        MockHttpSession district = signIn("district");
        long directive = id(mvc.perform(post("/api/v1/directives").session(coordinator).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"docKind":"Công văn","number":"%s/UBND-KGVX","issuedOn":"%s","issuerCode":"56",
                         "signer":"Phó Chủ tịch Lê Văn C","title":"Về truyền thông chính sách y tế %s"}"""
                        .formatted(m, today().minusDays(10), m)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        long task = json.readTree(mvc.perform(post("/api/v1/directives/" + directive + "/tasks").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"clause":"2","title":"Truyền thông tiêm chủng %s","expectedResult":"10 tin bài",
                                 "leadCodes":["SYT"],"recurrence":"ONCE","dueOn":"%s"}""".formatted(m, today().plusDays(20))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$[0].leadCode").value("SYT"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get(0).get("id").asLong();

        mvc.perform(get("/api/v1/tasks/" + task).session(district)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks/" + task + "/progress").session(district)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/tasks/" + task + "/progress").session(district).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"không phải của tôi\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/coordination/tasks/" + task).session(district)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks").param("directive", String.valueOf(directive)).session(district))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));

        mvc.perform(get("/api/v1/tasks/" + task).session(officer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.task.statusClass").value("IN_PROGRESS"))
                .andExpect(jsonPath("$.occurrences.length()").value(1));
        mvc.perform(post("/api/v1/tasks/" + task + "/progress").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"body":"Đã đăng 4 tin bài","percent":40,"figures":{"tin bài":4}}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.figures['tin bài']").value(4.0));
        mvc.perform(get("/coordination/tasks/" + task).session(officer)).andExpect(status().isOk());
        // a report with a PDF: kept with its SHA-256, the other agency cannot fetch it; a program is refused
        byte[] pdf = "%PDF-1.4 bao cao".getBytes(StandardCharsets.US_ASCII);
        String withFile = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/tasks/" + task + "/progress")
                        .file(new org.springframework.mock.web.MockMultipartFile("attachments", "bao-cao.pdf",
                                "application/pdf", pdf))
                        .param("body", "Báo cáo kèm tệp").param("figureName", "tin bài").param("figureValue", "6")
                        .session(officer).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.attachments[0].contentType").value("application/pdf"))
                .andExpect(jsonPath("$.attachments[0].sha256").value(
                        java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long attachment = json.readTree(withFile).get("attachments").get(0).get("id").asLong();
        // figures as a Vietnamese official types them: a decimal comma (not split into two figures), full stops
        // between thousands; a figure with letters after it is refused, not cut to its digits
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/tasks/" + task + "/progress")
                        .param("body", "Số liệu").param("figureName", "tỷ lệ, phần trăm").param("figureValue", "12,5")
                        .param("figureName", "kinh phí").param("figureValue", "1.250.000")
                        .param("figureName", "lượt xem").param("figureValue", "1.250")
                        .session(officer).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.figures.length()").value(3))
                .andExpect(jsonPath("$.figures['tỷ lệ, phần trăm']").value(12.5))
                .andExpect(jsonPath("$.figures['kinh phí']").value(1_250_000.0))
                .andExpect(jsonPath("$.figures['lượt xem']").value(1250.0));
        for (String wrong : List.of("12,5abc", "1.25.0", "12,5,1")) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                            .multipart("/api/v1/tasks/" + task + "/progress")
                            .param("body", "Số liệu sai").param("figureName", "tin bài").param("figureValue", wrong)
                            .session(officer).with(csrf()))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("figures"));
        }
        mvc.perform(get("/coordination/attachments/" + attachment).session(officer)).andExpect(status().isOk());
        mvc.perform(get("/coordination/attachments/" + attachment).session(district)).andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/api/v1/tasks/" + task + "/progress")
                        .file(new org.springframework.mock.web.MockMultipartFile("attachments", "cai-dat.exe",
                                "application/octet-stream", new byte[] {'M', 'Z', 0, 0}))
                        .param("body", "Tệp lạ").session(officer).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("attachments"));

        long difficulty = id(mvc.perform(post("/api/v1/difficulties").session(officer).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind":"PROPOSAL","title":"Đề nghị %s","body":"Bổ sung kinh phí","taskId":%d}"""
                                .formatted(m, task)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        mvc.perform(get("/api/v1/difficulties/" + difficulty).session(district)).andExpect(status().isNotFound());
        mvc.perform(get("/coordination/difficulties/" + difficulty).session(district)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/difficulties/" + difficulty + "/close").session(district).with(csrf()))
                .andExpect(status().isNotFound());
        // forwarded to the commune, the commune sees it and answers it
        mvc.perform(post("/api/v1/difficulties/" + difficulty + "/forward").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"agencyCode\":\"22852\",\"note\":\"Xã trả lời\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FORWARDED"));
        mvc.perform(post("/api/v1/difficulties/" + difficulty + "/answer").session(district).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"Xã đã bố trí\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED"));
        mvc.perform(post("/api/v1/difficulties/" + difficulty + "/close").session(district).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/difficulties/" + difficulty + "/close").session(officer).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(post("/api/v1/difficulties/" + difficulty + "/close").session(officer).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void refusalsNameTheFieldAndATransitionTheStateDoesNotAllowIs409() throws Exception {
        String m = marker();
        MockHttpSession coordinator = signIn("coordinator");
        MockHttpSession officer = signIn("officer");
        Directive d = directive(m, today().minusDays(5));
        mvc.perform(post("/api/v1/directives/" + d.id() + "/tasks").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recurrence\":\"MONTHLY\",\"dueDay\":40}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("title", "expectedResult",
                        "leadCodes", "dueDay")));
        mvc.perform(post("/api/v1/directives/" + d.id() + "/tasks").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title":"Việc","expectedResult":"Kết quả","leadCodes":["KHONG-CO"],"dueOn":"%s"}"""
                                .formatted(today().minusDays(30))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("leadCodes", "dueOn")));
        // the lead agency chosen as a supporting one too was dropped without a word
        mvc.perform(post("/api/v1/directives/" + d.id() + "/tasks").session(coordinator).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title":"Việc %s","expectedResult":"Kết quả","leadCodes":["SYT"],"supportCodes":["SGDDT","SYT"],
                                 "recurrence":"ONCE","dueOn":"%s"}""".formatted(m, today().plusDays(10))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("supportCodes")))
                .andExpect(jsonPath("$.errors[0].detail").value("Sở Y tế đã là cơ quan chủ trì nhiệm vụ, không thể đồng thời là cơ quan phối hợp."));
        mvc.perform(post("/api/v1/directives").session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"\",\"issuedOn\":\"hôm qua\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("issuedOn"));
        mvc.perform(post("/api/v1/directives").session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"docKind":"Công văn","number":"%s/X","issuedOn":"%s","issuerCode":"56","signer":"A","title":"B"}"""
                                .formatted(m, today())))
                .andExpect(status().isNotFound());

        // one task for each of two lead agencies
        List<Task> two = tasks.add(d.id(), new Tasks.NewTask("3", "Kế hoạch năm " + m, "Kế hoạch", List.of("SYT", "SGDDT"),
                List.of(), Recurrence.ONCE, today().plusDays(10), null, null, null, null, false), COORDINATOR);
        assertThat(two).extracting(Task::leadCode).containsExactlyInAnyOrder("SYT", "SGDDT");
        long health = two.stream().filter(t -> t.leadCode().equals("SYT")).findFirst().orElseThrow().id();
        String path = "/api/v1/tasks/" + health + "/transitions";
        mvc.perform(post(path).session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"CANCEL\",\"reason\":\"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post(path).session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"DONE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.statusClass").value("DONE_ON_TIME"));
        mvc.perform(post(path).session(officer).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"DONE\"}")).andExpect(status().isConflict());
        mvc.perform(post(path).session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"REOPEN\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post(path).session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"REOPEN\",\"reason\":\"Thiếu số liệu\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.statusClass").value("IN_PROGRESS"));
        mvc.perform(post(path).session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"RESCHEDULE\",\"dueOn\":\"%s\"}".formatted(today().plusDays(40))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentDue").value(today().plusDays(40).toString()));
        mvc.perform(post(path).session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"CANCEL\",\"reason\":\"Trùng nhiệm vụ\"}")).andExpect(status().isOk());
        mvc.perform(post(path).session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"action\":\"CANCEL\",\"reason\":\"Trùng nhiệm vụ\"}")).andExpect(status().isConflict());
        mvc.perform(post(path).session(coordinator).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"FLY\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("action"));
        assertThat(tasks.events(health, COORDINATOR)).extracting(TaskEvent::kind)
                .containsSubsequence("CREATED", "DONE", "REOPENED", "CHANGED", "CANCELLED");
    }

    @Test
    void aDirectiveUploadedAsDocxKeepsItsFileAndItsTextBecomesTheBody() throws Exception {
        String m = marker();
        byte[] docx;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Thực hiện Chỉ thị số 07/CT-TTg " + m);
            document.createParagraph().createRun().setText("1. Tăng cường truyền thông chính sách.");
            document.write(out);
            docx = out.toByteArray();
        }
        MockHttpSession coordinator = signIn("coordinator");
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/directives")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "cong-van.docx",
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx))
                        .param("docKind", "Công văn").param("number", m + "/UBND-VX").param("issuedOn", today().toString())
                        .param("issuerCode", "56").param("signer", "Phó Chủ tịch").param("title", "V/v truyền thông " + m)
                        .session(coordinator).with(csrf()))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.fileName").value("cong-van.docx"))
                .andExpect(jsonPath("$.body").value(Matchers.containsString("1. Tăng cường truyền thông chính sách.")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = id(body);
        assertThat(directives.file(id, COORDINATOR)).isEqualTo(docx);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/directives")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "khong-phai.docx", "text/plain",
                                "không phải Word".getBytes(StandardCharsets.UTF_8)))
                        .param("docKind", "Công văn").param("number", m + "/X").param("issuedOn", today().toString())
                        .param("issuerCode", "56").param("signer", "A").param("title", "B").session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("file"));
        // the press reads no directive; passing tasks on is the coordinator's
        mvc.perform(get("/api/v1/directives/" + id).session(signIn("press"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/tasks/transfers").session(signIn("officer")).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/tasks/transfers").session(coordinator).with(csrf())).andExpect(status().isOk())
                .andExpect(jsonPath("$.transferred").isNumber());
    }

    @Test
    void aPastDaysCountHoldsTheTasksBegunByThenThoughRecordedLater() {
        // a directive entered after the fact: the report of last month counts its monthly periods, and so its task
        String m = marker();
        LocalDate begun = today().minusMonths(3).withDayOfMonth(1);
        Directive d = directive(m, begun);
        LocalDate lastMonth = today().minusMonths(1);
        long before = total(tasks.countByClass(lastMonth));
        long todayBefore = total(tasks.countByClass(today()));
        tasks.add(d.id(), new Tasks.NewTask("1", "Báo cáo tháng nhập sau " + m, "Báo cáo", List.of("SYT"), List.of(),
                Recurrence.MONTHLY, null, 25, null, begun, null, true, true), COORDINATOR);
        assertThat(total(tasks.countByClass(lastMonth))).isEqualTo(before + 1);
        assertThat(total(tasks.countByClass(today()))).isEqualTo(todayBefore + 1);
        // a task whose work begins after that day is not counted for it
        tasks.add(d.id(), new Tasks.NewTask("2", "Việc bắt đầu sau " + m, "Báo cáo", List.of("SYT"), List.of(),
                Recurrence.ONCE, today().plusDays(20), null, null, today(), null, false), COORDINATOR);
        assertThat(total(tasks.countByClass(lastMonth))).isEqualTo(before + 1);
    }

    private static long total(java.util.Map<TaskStatusClass, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void theTaskListStandsOnTodayAsTheReportsCountDoes() {
        // a completion dated after today and a task recorded after today (a clock that was ahead) are not known today:
        // the list classes them as countByClass(today) does, so that a report's figures and its links to the list agree
        String m = marker();
        Directive d = directive(m, today().minusDays(10));
        Task late = tasks.add(d.id(), new Tasks.NewTask("1", "Hoàn thành ghi ngày mai " + m, "Báo cáo", List.of("SYT"),
                List.of(), Recurrence.ONCE, today().minusDays(1), null, null, null, null, false, true), COORDINATOR).get(0);
        Task ahead = tasks.add(d.id(), new Tasks.NewTask("2", "Ghi nhận ngày mai " + m, "Báo cáo", List.of("SYT"),
                List.of(), Recurrence.ONCE, today().plusDays(5), null, null, null, null, false), COORDINATOR).get(0);
        jdbc.sql("UPDATE coord_occurrence SET done_on = ? WHERE task_id = ?")
                .params(java.sql.Date.valueOf(today().plusDays(1)), late.id()).update();
        jdbc.sql("UPDATE coord_task SET created_at = created_at + interval '2 days' WHERE id = ?").param(ahead.id()).update();
        List<Task> listed = tasks.list(new Tasks.TaskFilter(null, null, d.id(), null, null), vn.loa.shared.PageRequest.of(1),
                COORDINATOR).items();
        assertThat(listed).extracting(Task::id).containsExactly(late.id());
        assertThat(listed.get(0).statusClass()).isEqualTo(TaskStatusClass.OVERDUE);
        assertThat(tasks.list(new Tasks.TaskFilter(TaskStatusClass.DONE_LATE, null, d.id(), null, null),
                vn.loa.shared.PageRequest.of(1), COORDINATOR).items()).isEmpty();
        // the day after, the completion is known (the clock is put back after the test)
        ((TestClock) clock).advance(java.time.Duration.ofDays(1));
        assertThat(tasks.list(new Tasks.TaskFilter(TaskStatusClass.DONE_LATE, null, d.id(), null, null),
                vn.loa.shared.PageRequest.of(1), COORDINATOR).items()).extracting(Task::id).containsExactly(late.id());
    }

    @Test
    void anOverdueTaskIsEscalatedToCoordinatorsAndLeadersAndATaskDueSoonRemindedEachOncePerDueDate() throws Exception {
        String m = marker();
        Directive d = directive(m, today().minusDays(10));
        Task overdue = tasks.add(d.id(), new Tasks.NewTask("1", "Quá hạn " + m, "Báo cáo", List.of("SYT"), List.of(),
                Recurrence.ONCE, today().minusDays(1), null, null, null, null, true, true), COORDINATOR).get(0);
        Task soon = tasks.add(d.id(), new Tasks.NewTask("1", "Sắp đến hạn " + m, "Báo cáo", List.of("SYT"), List.of(),
                Recurrence.ONCE, today().plusDays(1), null, null, null, null, false), COORDINATOR).get(0);
        assertThat(overdue.statusClass()).isEqualTo(TaskStatusClass.OVERDUE);
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            tasks.remind();
            TaskOccurrence escalated = tasks.occurrences(overdue.id(), COORDINATOR).get(0);
            assertThat(escalated.escalatedDue()).isEqualTo(today().minusDays(1));
            assertThat(escalated.escalatedAt()).isNotNull();
            assertThat(tasks.occurrences(soon.id(), COORDINATOR).get(0).remindedDue()).isEqualTo(today().plusDays(1));
            assertThat(mailTo(smtp, "coordinator@demo.loa.local", "Quá hạn " + m)).isNotNull();
            assertThat(mailTo(smtp, "leader@demo.loa.local", "Quá hạn " + m)).isNotNull();
            MimeMessage reminder = mailTo(smtp, "officer@demo.loa.local", "Sắp đến hạn " + m);
            assertThat(reminder).isNotNull();
            assertThat((String) reminder.getContent()).contains("/coordination/tasks/" + soon.id(), "giao Sở Y tế chủ trì")
                    .doesNotContain("giao SYT");
            int received = smtp.getReceivedMessages().length;

            tasks.remind();
            assertThat(kinds(overdue.id())).filteredOn("ESCALATED"::equals).hasSize(1);
            assertThat(kinds(soon.id())).filteredOn("REMINDED"::equals).hasSize(1);
            assertThat(Arrays.stream(smtp.getReceivedMessages()).skip(received).filter(msg -> subject(msg).contains(m)))
                    .isEmpty();
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM audit_record WHERE action = 'task.escalated' AND target_id = ?""")
                    .param(String.valueOf(overdue.id())).query(Long.class).single()).isEqualTo(1);

            // the sender's people hear of the answer to their difficulty
            SignedInUser officer = new SignedInUser(null, "officer", "Cán bộ", agencies.findByCode("SYT", today())
                    .orElseThrow().id(), "SYT", Set.of(Role.OFFICER));
            Difficulty sent = difficulties.submit(new Difficulties.NewDifficulty("DIFFICULTY", "Vướng mắc " + m,
                    "Thiếu người", overdue.id(), null, List.of()), officer);
            difficulties.answer(sent.id(), "Sở sẽ hỗ trợ nhân lực", COORDINATOR);
            MimeMessage answer = mailTo(smtp, "officer@demo.loa.local", "Vướng mắc " + m);
            assertThat(answer).isNotNull();
            assertThat((String) answer.getContent()).contains("Sở sẽ hỗ trợ nhân lực", "/coordination/difficulties/" + sent.id());
        } finally {
            smtp.stop();
        }
    }

    @Test
    void theDemoLetterOf2023ReachesThe2025SuccessorsWithTheDemoCommunesOverdueReportEscalated() {
        long directive = jdbc.sql("SELECT id FROM coord_directive WHERE number = '1790/UBND-VXNV'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT count(*) FROM coord_task WHERE directive_id = ?").param(directive).query(Long.class)
                .single()).isBetween(40L, 300L);
        // the Department of Information and Communications' tasks went to Science and Technology and to Culture
        assertThat(jdbc.sql("""
                SELECT DISTINCT n.code FROM coord_task o JOIN agency a ON a.id = o.lead_agency_id
                JOIN coord_task t ON t.inherited_from = o.id JOIN agency n ON n.id = t.lead_agency_id
                WHERE o.directive_id = ? AND a.code = 'STTTT' AND o.state = 'TRANSFERRED' ORDER BY n.code""")
                .param(directive).query(String.class).list()).containsExactly("SKHCN", "SVHTTDL");
        SignedInUser commune = new SignedInUser(null, "district", "Xã", agencies.findByCode("22852", today()).orElseThrow().id(),
                "22852", Set.of(Role.OFFICER));
        List<Task> own = tasks.list(new Tasks.TaskFilter(null, "22852", directive, null, true),
                vn.loa.shared.PageRequest.of(1), commune).items();
        assertThat(own).isNotEmpty().allSatisfy(t -> assertThat(t.inheritedFrom()).isNotNull());
        assertThat(own).anySatisfy(t -> {
            assertThat(t.statusClass()).isEqualTo(TaskStatusClass.OVERDUE);
            assertThat(tasks.occurrences(t.id(), commune)).anySatisfy(o -> {
                assertThat(o.statusClass()).isEqualTo(TaskStatusClass.OVERDUE);
                assertThat(o.escalatedAt()).isNotNull();
            });
        });
        assertThat(jdbc.sql("""
                SELECT count(*) FROM coord_difficulty d JOIN agency a ON a.id = d.agency_id
                WHERE a.code = '22852' AND d.status = 'SUBMITTED'""").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM coord_progress p JOIN agency a ON a.id = p.agency_id WHERE a.code = '22852'""")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aCommuneFollowingADistrictsTaskIsLinkedOnlyToTheSuccessorTaskItMayOpenAndReadsTheOthersNames() throws Exception {
        for (String username : List.of("district", "xa-bac-ai-tay", "phuong-phan-rang")) {
            MockHttpSession session = signIn(username);
            // a dissolved unit's task this commune took over a part of, passed to several successors
            List<Long> predecessors = jdbc.sql("""
                    SELECT o.id FROM coord_task o JOIN coord_task c ON c.inherited_from = o.id
                    JOIN app_user u ON u.agency_id = c.lead_agency_id
                    WHERE u.username = ? AND (SELECT count(*) FROM coord_task s WHERE s.inherited_from = o.id) > 1
                    ORDER BY o.id LIMIT 3""").param(username).query(Long.class).list();
            assertThat(predecessors).as(username).isNotEmpty();
            for (long id : predecessors) {
                String page = mvc.perform(get("/coordination/tasks/" + id).session(session)).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                String passed = page.substring(page.indexOf("id=\"passed-to\""));
                passed = passed.substring(0, passed.indexOf("</ul>"));
                List<String> links = java.util.regex.Pattern.compile("href=\"(/coordination/tasks/\\d+)\"").matcher(passed)
                        .results().map(r -> r.group(1)).toList();
                assertThat(links).as("%s on task %d links to its own successor task", username, id).hasSize(1);
                for (String link : links) {
                    mvc.perform(get(link).session(session)).andExpect(status().isOk());
                }
                // the other successors are named, as text
                assertThat(java.util.regex.Pattern.compile("<li>").matcher(passed).results().count())
                        .isEqualTo(jdbc.sql("""
                                SELECT count(*) FROM coord_task WHERE inherited_from = ?
                                   OR id IN (SELECT to_task_id FROM coord_task_passed WHERE from_task_id = ?)""")
                                .params(id, id).query(Long.class).single());
            }
        }
    }

    private List<String> kinds(long task) {
        return tasks.events(task, COORDINATOR).stream().map(TaskEvent::kind).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static MimeMessage mailTo(GreenMail smtp, String address, String inSubject) throws Exception {
        for (int attempt = 0; attempt < 40; attempt++) {
            List<MimeMessage> found = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(address) && subject(message).contains(inSubject)) {
                    found.add(message);
                }
            }
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(250);
        }
        return null;
    }

    private long id(String body) {
        return json.readTree(body).get("id").asLong();
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}

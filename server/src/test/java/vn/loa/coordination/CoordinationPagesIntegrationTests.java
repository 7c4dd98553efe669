package vn.loa.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.loa.TestClock;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.LocalTime;

/**
 * The coordination pages as two officials use them at once, on a real database: a task changed from a page opened
 * before a colleague's change is refused (409) keeping what was typed, instead of undoing the colleague's change; a
 * refused form gives back everything typed and chosen, and names the field at fault; an answer to a difficulty someone
 * else answered meanwhile is kept on the page, not thrown away.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class CoordinationPagesIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    @Autowired
    MockMvc mvc;

    @Autowired
    Directives directives;

    @Autowired
    Tasks tasks;

    @Autowired
    Difficulties difficulties;

    @Autowired
    Clock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;


    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private Directive directive(String m) {
        return directives.create(new Directives.NewDirective("Kế hoạch", m + "/KH-UBND", today().minusDays(5), "56",
                "Phó Chủ tịch Đỗ Văn E", "Kế hoạch sửa cùng lúc " + m, null, "Nội dung " + m, null, null), COORDINATOR);
    }

    /** A one-off task of the commune Ninh Hải (the demo user {@code district}), due in ten days. */
    private Task communeTask(String m) {
        return tasks.add(directive(m).id(), new Tasks.NewTask("1", "Tuyên truyền cùng lúc " + m, "Báo cáo kết quả",
                List.of("22852"), List.of(), Recurrence.ONCE, today().plusDays(10), null, null, null, null, false),
                COORDINATOR).get(0);
    }

    @Test
    void aRescheduleOrCancelFromATaskPageOpenedBeforeAColleaguesRescheduleIsRefusedKeepingWhatWasTyped() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        Task task = communeTask(m);
        String path = "/coordination/tasks/" + task.id();
        MockHttpSession coordinator = signIn("coordinator");
        MockHttpSession admin = signIn("admin");
        String seenByCoordinator = page(coordinator, path).select("#transition-form input[name=seen]").val();
        String seenByAdmin = page(admin, path).select("#transition-form input[name=seen]").val();
        assertThat(seenByCoordinator).isNotBlank().isEqualTo(seenByAdmin);
        LocalDate extended = today().plusDays(30);
        // the administrator gives the commune thirty days
        mvc.perform(post(path + "/transitions").session(admin).with(csrf()).param("seen", seenByAdmin)
                .param("action", "RESCHEDULE").param("dueOn", extended.toString()).param("reason", "Xã xin gia hạn"))
                .andExpect(status().is3xxRedirection());
        // the coordinator, from the page opened before, moves it to fifteen days: refused, the thirty days stay
        Document refused = Jsoup.parse(body(mvc.perform(post(path + "/transitions").session(coordinator).with(csrf())
                .param("seen", seenByCoordinator).param("action", "RESCHEDULE")
                .param("dueOn", today().plusDays(15).toString()).param("reason", "Lý do của điều phối viên " + m))
                .andExpect(status().isConflict())));
        assertThat(refused.select(".flash.error").text()).contains("đã được người khác điều chỉnh sau khi bạn mở trang");
        assertThat(refused.select("#action option[selected]").val()).isEqualTo("RESCHEDULE");
        assertThat(refused.select("#reason").text()).isEqualTo("Lý do của điều phối viên " + m);
        assertThat(refused.select("#new-due").val()).isEqualTo(today().plusDays(15).toString());
        assertThat(tasks.get(task.id(), COORDINATOR).currentDue()).isEqualTo(extended);
        // nor may it cancel the task from that page; from the page as it now is, it may
        mvc.perform(post(path + "/transitions").session(coordinator).with(csrf()).param("seen", seenByCoordinator)
                .param("action", "CANCEL").param("reason", "Trùng nhiệm vụ")).andExpect(status().isConflict());
        assertThat(tasks.get(task.id(), COORDINATOR).state()).isEqualTo("OPEN");
        mvc.perform(post(path + "/transitions").session(coordinator).with(csrf())
                .param("seen", refused.select("#transition-form input[name=seen]").val()).param("action", "CANCEL")
                .param("reason", "Trùng nhiệm vụ")).andExpect(status().is3xxRedirection());
        assertThat(tasks.get(task.id(), COORDINATOR).state()).isEqualTo("CANCELLED");
    }

    @Test
    void aPeriodReportedDoneFromAPageOpenedBeforeItsDueDateMovedIsRefusedButAProgressReportIsNot() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        Task task = communeTask(m);
        String path = "/coordination/tasks/" + task.id();
        MockHttpSession district = signIn("district");
        Document opened = page(district, path);
        String seen = opened.select("#progress-form input[name=seen]").val();
        String occurrence = opened.select("#occurrence option").val();
        tasks.transition(task.id(), new Tasks.Transition(Tasks.Action.RESCHEDULE, "Gia hạn", today().plusDays(40), null),
                COORDINATOR);
        Document refused = Jsoup.parse(body(mvc.perform(post(path + "/progress").session(district).with(csrf())
                .param("seen", seen).param("occurrenceId", occurrence).param("body", "Đã xong " + m)
                .param("percent", "100").param("done", "true").param("figureName", "buổi").param("figureValue", "4"))
                .andExpect(status().isConflict())));
        assertThat(refused.select("#progress-body").text()).isEqualTo("Đã xong " + m);
        assertThat(refused.select("#mark-done").hasAttr("checked")).isTrue();
        assertThat(refused.select("#figure-name-1").val()).isEqualTo("buổi");
        assertThat(tasks.occurrences(task.id(), COORDINATOR)).allSatisfy(o -> assertThat(o.doneOn()).isNull());
        // a progress report only adds to the task: sent from the same page, it is recorded
        mvc.perform(post(path + "/progress").session(district).with(csrf()).param("seen", seen)
                .param("occurrenceId", occurrence).param("body", "Đang làm " + m)).andExpect(status().is3xxRedirection());
        assertThat(tasks.progress(task.id(), COORDINATOR)).extracting(ProgressReport::body).contains("Đang làm " + m);
    }

    @Test
    void aRefusedChangeKeepsTheChosenActionSoThatTheNextSendDoesNotMarkTheTaskDone() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        Task task = communeTask(m);
        String path = "/coordination/tasks/" + task.id();
        MockHttpSession coordinator = signIn("coordinator");
        Document refused = Jsoup.parse(body(mvc.perform(post(path + "/transitions").session(coordinator).with(csrf())
                .param("action", "CANCEL").param("reason", "")).andExpect(status().isUnprocessableContent())));
        assertThat(refused.select("#problems li[data-field=reason]")).hasSize(1);
        assertThat(refused.select("#action option[selected]").val()).isEqualTo("CANCEL");
        // a new due date left empty is asked for, not called earlier than the directive
        Document empty = Jsoup.parse(body(mvc.perform(post(path + "/transitions").session(coordinator).with(csrf())
                .param("action", "RESCHEDULE").param("dueOn", "")).andExpect(status().isUnprocessableContent())));
        assertThat(empty.select("#problems li[data-field=dueOn]").text()).isEqualTo("Ghi hạn mới để gia hạn.");
        assertThat(empty.select("#action option[selected]").val()).isEqualTo("RESCHEDULE");
        assertThat(tasks.occurrences(task.id(), COORDINATOR)).allSatisfy(o -> assertThat(o.doneOn()).isNull());
    }

    @Test
    void aDueDateIsNotMovedToThePastNorToItselfNorGivenToAStandingTask() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        Task task = communeTask(m);
        String path = "/coordination/tasks/" + task.id();
        MockHttpSession coordinator = signIn("coordinator");
        String today = vn.loa.shared.LocalTime.format(today());
        for (String[] refused : new String[][] {
                {today().minusDays(1).toString(), "Hạn mới đã qua: hãy chọn một ngày từ hôm nay (" + today + ") trở đi."},
                {task.currentDue().toString(), "Hạn mới trùng hạn hiện tại (" + vn.loa.shared.LocalTime.format(task.currentDue())
                        + "): hãy chọn một ngày khác."}}) {
            Document page = Jsoup.parse(body(mvc.perform(post(path + "/transitions").session(coordinator).with(csrf())
                    .param("action", "RESCHEDULE").param("dueOn", refused[0]).param("reason", "Xã xin lùi"))
                    .andExpect(status().isUnprocessableContent())));
            assertThat(page.select("#problems li[data-field=dueOn]").text()).isEqualTo(refused[1]);
        }
        assertThat(tasks.get(task.id(), COORDINATOR).currentDue()).isEqualTo(task.currentDue());

        // a standing task ("thường xuyên") keeps having no due date: before, it was given one and was late at once
        Task standing = tasks.add(directive(m + "s").id(), new Tasks.NewTask("2", "Tuyên truyền thường xuyên " + m,
                "Báo cáo kết quả", List.of("22852"), List.of(), Recurrence.ONCE, null, null, null, null, null, false),
                COORDINATOR).get(0);
        Document page = Jsoup.parse(body(mvc.perform(post("/coordination/tasks/" + standing.id() + "/transitions")
                .session(coordinator).with(csrf()).param("action", "RESCHEDULE").param("dueOn", today().plusDays(5).toString()))
                .andExpect(status().isUnprocessableContent())));
        assertThat(page.select("#problems li[data-field=dueOn]").text()).startsWith("Hạn mới: nhiệm vụ thường xuyên");
        assertThat(tasks.occurrences(standing.id(), COORDINATOR)).allSatisfy(o -> assertThat(o.dueOn()).isNull());
    }

    @Test
    void aRefusedTaskFormKeepsItsAgenciesAndReportBoxAndNamesEachWrongDateByItsLabel() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        Directive d = directive(m);
        MockHttpSession coordinator = signIn("coordinator");
        Document refused = Jsoup.parse(body(mvc.perform(post("/coordination/directives/" + d.id() + "/tasks")
                .session(coordinator).with(csrf()).param("title", "Nhiệm vụ " + m).param("expectedResult", "Báo cáo")
                .param("leadCodes", "22852").param("leadCodes", "22759").param("supportCodes", "SYT")
                .param("recurrence", "ONCE").param("dueOn", "32/12/2026").param("startsOn", "hôm nay")
                .param("isReport", "true")).andExpect(status().isUnprocessableContent())));
        assertThat(refused.select("#leads option[selected]").eachAttr("value")).containsExactlyInAnyOrder("22852", "22759");
        assertThat(refused.select("#supports option[selected]").eachAttr("value")).containsExactly("SYT");
        assertThat(refused.select("#is-report").hasAttr("checked")).isTrue();
        assertThat(refused.select("#task-title").val()).isEqualTo("Nhiệm vụ " + m);
        assertThat(refused.select("#problems li[data-field=dueOn]").text()).startsWith("Hạn hoàn thành");
        assertThat(refused.select("#problems li[data-field=startsOn]").text()).startsWith("Bắt đầu từ ngày");
        // and in English
        Document english = Jsoup.parse(body(mvc.perform(post("/coordination/directives/" + d.id() + "/tasks")
                .session(coordinator).with(csrf()).param("lang", "en").param("title", "Nhiệm vụ " + m)
                .param("expectedResult", "Báo cáo").param("leadCodes", "22852").param("dueOn", "32/12/2026"))
                .andExpect(status().isUnprocessableContent())));
        assertThat(english.select("#problems li[data-field=dueOn]").text()).startsWith("Due date")
                .contains("not a valid date");
        assertThat(tasks.ofDirective(d.id(), COORDINATOR)).isEmpty();
    }

    @Test
    void aRefusedProgressReportKeepsItsFiguresAndADecimalFigureIsShownWithItsDecimals() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        Task task = communeTask(m);
        String path = "/coordination/tasks/" + task.id();
        MockHttpSession district = signIn("district");
        Document refused = Jsoup.parse(body(mvc.perform(post(path + "/progress").session(district).with(csrf())
                .param("body", "Báo cáo " + m).param("percent", "60").param("done", "true")
                .param("figureName", "tỷ lệ hộ").param("figureValue", "12,5")
                .param("figureName", "buổi").param("figureValue", "ba"))
                .andExpect(status().isUnprocessableContent())));
        assertThat(refused.select("#problems li[data-field=figures]").text())
                .isEqualTo("Số liệu «buổi» (dòng 2): giá trị phải là một số, ví dụ 12,5.");
        assertThat(refused.select("#figure-name-1").val()).isEqualTo("tỷ lệ hộ");
        assertThat(refused.select("#figure-value-1").val()).isEqualTo("12,5");
        assertThat(refused.select("#figure-name-2").val()).isEqualTo("buổi");
        assertThat(refused.select("#figure-value-2").val()).isEqualTo("ba");
        assertThat(refused.select("#percent").val()).isEqualTo("60");
        assertThat(refused.select("#mark-done").hasAttr("checked")).isTrue();
        // every mistake in one answer: a blank text and a share above 100 are told with the figure that cannot be read
        Document several = Jsoup.parse(body(mvc.perform(post(path + "/progress").session(district).with(csrf())
                .param("body", " ").param("percent", "150").param("figureName", "").param("figureValue", "abc"))
                .andExpect(status().isUnprocessableContent())));
        assertThat(several.select("#problems li").eachAttr("data-field")).containsExactly("body", "figures", "percent");
        assertThat(several.select("#problems li[data-field=figures]").text())
                .isEqualTo("Số liệu ở dòng 1: giá trị phải là một số, ví dụ 12,5.");
        assertThat(tasks.progress(task.id(), COORDINATOR)).isEmpty();
        mvc.perform(post(path + "/progress").session(district).with(csrf()).param("body", "Báo cáo " + m)
                .param("figureName", "tỷ lệ hộ").param("figureValue", "12,5")).andExpect(status().is3xxRedirection());
        assertThat(page(district, path).select(".figures-list").text()).isEqualTo("tỷ lệ hộ: 12,5");
    }

    @Test
    void anAnswerToADifficultyAnsweredMeanwhileIsKeptOnThePageWithItsStatusNamed() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        Task task = communeTask(m);
        MockHttpSession district = signIn("district");
        String sent = mvc.perform(post("/coordination/difficulties").session(district).with(csrf())
                        .param("kind", "DIFFICULTY").param("title", "Thiếu tờ rơi " + m).param("body", "Chưa có kinh phí")
                        .param("taskId", String.valueOf(task.id())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        MockHttpSession coordinator = signIn("coordinator");
        MockHttpSession admin = signIn("admin");
        mvc.perform(post(sent + "/answer").session(admin).with(csrf()).param("answer", "Dùng kinh phí sự nghiệp"))
                .andExpect(status().is3xxRedirection());
        Document refused = Jsoup.parse(body(mvc.perform(post(sent + "/answer").session(coordinator).with(csrf())
                .param("answer", "Câu trả lời dài đã gõ " + m)).andExpect(status().isConflict())));
        assertThat(refused.select(".flash.error").text()).contains("\"Đã trả lời\"").doesNotContain("{0}");
        assertThat(refused.select("#unsent-text").text()).isEqualTo("Câu trả lời dài đã gõ " + m);
        assertThat(refused.select("#answer-text").text()).isEqualTo("Dùng kinh phí sự nghiệp");
    }

    @Test
    void theTaskHistoryIsReadInThePagesLanguageWithTheOfficialsReasonAsTyped() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        Task task = communeTask(m);
        LocalDate before = task.currentDue();
        LocalDate after = today().plusDays(2);
        tasks.transition(task.id(), new Tasks.Transition(Tasks.Action.RESCHEDULE, "Xã xin lùi " + m, after, null),
                COORDINATOR);
        tasks.remind();
        MockHttpSession coordinator = signIn("coordinator");
        String path = "/coordination/tasks/" + task.id();
        String english = Jsoup.parse(body(mvc.perform(get(path).param("lang", "en").session(coordinator))
                .andExpect(status().isOk()))).select("#task-history").text();
        assertThat(english).contains("due " + LocalTime.format(before) + " → " + LocalTime.format(after) + "; Xã xin lùi " + m)
                .contains("Reminder sent").contains("due " + LocalTime.format(after) + ";").doesNotContain("hạn ");
        String vietnamese = Jsoup.parse(body(mvc.perform(get(path).param("lang", "vi").session(coordinator))
                .andExpect(status().isOk()))).select("#task-history").text();
        assertThat(vietnamese).contains("hạn " + LocalTime.format(before) + " → " + LocalTime.format(after) + "; Xã xin lùi " + m);
        // the text column keeps the Vietnamese words the audit trail records
        assertThat(tasks.events(task.id(), COORDINATOR)).filteredOn(e -> e.kind().equals("CHANGED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("hạn "));
    }

    @Test
    void aNewDirectiveIsIssuedByTodaysProvinceUnlessAnotherIsChosenAndARefusalKeepsTheChosenUnit() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        Document blank = page(coordinator, "/coordination/directives/new");
        assertThat(blank.select("#issuer option[selected]")).hasSize(1);
        assertThat(blank.select("#issuer option[selected]").val()).isEqualTo("56");
        // today's units by their names alone, the ended ones with their last day
        assertThat(blank.select("#issuer option").first().text()).isEqualTo("Ủy ban nhân dân tỉnh Khánh Hòa");
        assertThat(blank.select("#issuer option").eachText()).contains("Sở Công Thương", "Sở Công Thương (đến 30/06/2025)")
                .noneMatch(t -> t.contains("(01/07/2025)") || t.contains("· "));
        // Sở Công Thương of 2023 and of 2025 share a code: the refused form shows today's chosen, once
        Document refused = Jsoup.parse(body(mvc.perform(post("/coordination/directives").session(coordinator).with(csrf())
                .param("docKind", "Kế hoạch").param("number", "").param("issuedOn", today().toString())
                .param("issuerCode", "SCT").param("signer", "Giám đốc").param("title", "Kế hoạch của Sở"))
                .andExpect(status().isUnprocessableContent())));
        assertThat(refused.select("#issuer option[selected]")).hasSize(1);
        assertThat(refused.select("#issuer option[selected]").val()).isEqualTo("SCT");
        assertThat(refused.select("#issuer option[selected]").text()).isEqualTo("Sở Công Thương");
    }

    private long demoDirective() {
        return jdbc.sql("SELECT id FROM coord_directive WHERE number = '1790/UBND-VXNV'").query(Long.class).single();
    }

    @Test
    void theDemoLettersClosingReportHasNoClauseAndNamesTheEndedDepartmentItWentThroughAsHistory() throws Exception {
        long directive = demoDirective();
        assertThat(jdbc.sql("SELECT count(*) FROM coord_task WHERE directive_id = ? AND clause !~ '^[0-9]'")
                .param(directive).query(Long.class).single()).isZero();
        List<Long> reports = jdbc.sql("""
                SELECT t.id FROM coord_task t JOIN agency a ON a.id = t.lead_agency_id
                WHERE t.directive_id = ? AND t.title LIKE 'Báo cáo kết quả thực hiện và khó khăn%' AND t.inherited_from IS NOT NULL
                ORDER BY t.id""").param(directive).query(Long.class).list();
        assertThat(reports).isNotEmpty();
        Document task = page(signIn("coordinator"), "/coordination/tasks/" + reports.get(0));
        assertThat(task.select("#task-title").text())
                .contains("(qua Sở Thông tin và Truyền thông, đến 30/06/2025)");
        assertThat(task.select("#five-clear dt").eachText()).doesNotContain("Mục");
        assertThat(task.select("#task-clause")).isEmpty();
        assertThat(task.text()).doesNotContain("kết luận");
        // a numbered clause is shown under its label
        Document numbered = page(signIn("coordinator"), "/coordination/tasks/" + communeTask(
                UUID.randomUUID().toString().substring(0, 8)).id());
        assertThat(numbered.select("#task-clause").text()).isEqualTo("1");
    }

    @Autowired
    javax.sql.DataSource database;

    @Test
    void aDemoDatabaseLoadedBeforeHasTheClosingReportsClauseDroppedAndTheEndedDepartmentNamedAsHistory() {
        long directive = demoDirective();
        long report = jdbc.sql("""
                SELECT id FROM coord_task WHERE directive_id = ? AND title LIKE 'Báo cáo kết quả thực hiện và khó khăn%'
                ORDER BY id LIMIT 1""").param(directive).query(Long.class).single();
        // as the demo loaded it before
        jdbc.sql("""
                UPDATE coord_task SET clause = 'kết luận', title = replace(title, ', đến 30/06/2025)', ')') WHERE id = ?""")
                .param(report).update();
        long other = tasks.add(directive(UUID.randomUUID().toString().substring(0, 8)).id(), new Tasks.NewTask("kết luận",
                "Báo cáo (qua Sở Thông tin và Truyền thông) hằng tháng", "Báo cáo", List.of("SYT"), List.of(),
                Recurrence.ONCE, today().plusDays(5), null, null, null, null, false), COORDINATOR).get(0).id();

        new org.springframework.jdbc.datasource.init.ResourceDatabasePopulator(
                new org.springframework.core.io.ClassPathResource("db/migration/V80__demo_letter_clause_and_ended_department.sql"))
                .execute(database);

        Task fixed = tasks.get(report, COORDINATOR);
        assertThat(fixed.clause()).isNull();
        assertThat(fixed.title()).contains("(qua Sở Thông tin và Truyền thông, đến 30/06/2025) hằng tháng");
        // another directive's text is its own
        assertThat(tasks.get(other, COORDINATOR).clause()).isEqualTo("kết luận");
        assertThat(tasks.get(other, COORDINATOR).title()).isEqualTo("Báo cáo (qua Sở Thông tin và Truyền thông) hằng tháng");
    }

    @Test
    void everyAgencyListOfTheCoordinationFormsMarksEndedUnitsAndNamesTodaysWithoutADate() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        Document directive = page(coordinator, "/coordination/directives/" + demoDirective());
        assertThat(directive.select("#f-agency option").eachText()).contains("Huyện Bác Ái (đến 30/06/2025)",
                "Huyện Ninh Hải (đến 30/06/2025)").doesNotContain("Huyện Bác Ái", "Huyện Ninh Hải");
        // the lead agencies in operation come before the ended ones
        List<String> leads = directive.select("#f-agency option").eachText();
        assertThat(leads.indexOf("Xã Ninh Hải")).isBetween(1, leads.indexOf("Huyện Bác Ái (đến 30/06/2025)"));
        for (String list : List.of("#leads option", "#supports option")) {
            assertThat(directive.select(list).eachText()).as(list).contains("Sở Công Thương", "Xã Cam Hiệp")
                    .noneMatch(t -> t.contains("01/07/2025") || t.contains("·"));
        }
        long difficulty = jdbc.sql("""
                SELECT d.id FROM coord_difficulty d WHERE d.status = 'SUBMITTED' ORDER BY d.id LIMIT 1""")
                .query(Long.class).single();
        Document forward = page(coordinator, "/coordination/difficulties/" + difficulty);
        assertThat(forward.select("#forward-agency option").eachText()).contains("Sở Công Thương", "Xã Cam Hiệp")
                .noneMatch(t -> t.contains("01/07/2025") || t.contains("·"));
        // and in English
        Document english = page(coordinator, "/coordination/directives/" + demoDirective() + "?lang=en");
        assertThat(english.select("#f-agency option").eachText()).contains("Huyện Bác Ái (until 30/06/2025)");
    }

    @Test
    void theTaskListFiltersByAnAgencyChosenByNameOrTypedAsNameAndTellsADateAsDayMonthYear() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        Document blank = page(coordinator, "/coordination/tasks");
        assertThat(blank.select("select#f-agency option[value=SYT]").text()).isEqualTo("Sở Y tế");
        assertThat(blank.select("select#f-agency option").eachText()).contains("Huyện Bác Ái (đến 30/06/2025)");
        String m = UUID.randomUUID().toString().substring(0, 8);
        Task health = tasks.add(directive(m).id(), new Tasks.NewTask("2", "Việc của Sở Y tế " + m, "Báo cáo",
                List.of("SYT"), List.of(), Recurrence.ONCE, today().plusDays(10), null, null, null, null, false),
                COORDINATOR).get(0);
        for (String asked : List.of("SYT", "Sở Y tế", "sở y tế ")) {
            Document found = page(coordinator, "/coordination/tasks?directive=" + health.directiveId() + "&agency="
                    + asked);
            assertThat(found.select("#task-table a").eachText()).as(asked).containsExactly("Việc của Sở Y tế " + m);
            assertThat(found.select("#f-agency option[selected]").val()).as(asked).isEqualTo("SYT");
            assertThat(found.select("#tasks-filter .flash.error")).as(asked).isEmpty();
        }
        Document unknown = page(coordinator, "/coordination/tasks?agency=Sở Không Có");
        assertThat(unknown.select("#tasks-filter .flash.error").text()).contains("\"Sở Không Có\"", "chọn trong danh sách");
        Document badDate = page(coordinator, "/coordination/tasks?dueBefore=31-12-2026");
        assertThat(badDate.select("#tasks-filter .flash.error").text())
                .contains("ngày không hợp lệ, hãy ghi ngày/tháng/năm, ví dụ 31/12/2026").doesNotContain("dd/MM/yyyy");
        Document english = page(coordinator, "/coordination/tasks?dueBefore=31-12-2026&lang=en");
        assertThat(english.select("#tasks-filter .flash.error").text())
                .contains("write it as day/month/year, e.g. 31/12/2026").doesNotContain("dd/MM/yyyy");
    }

    @Test
    void aDifficultysAnswerFormIsHeadedOnceAnswerNotByAHeadingAndALabelBoth() throws Exception {
        long difficulty = jdbc.sql("SELECT id FROM coord_difficulty WHERE status = 'SUBMITTED' ORDER BY id LIMIT 1")
                .query(Long.class).single();
        Document page = page(signIn("coordinator"), "/coordination/difficulties/" + difficulty);
        org.jsoup.nodes.Element section = page.selectFirst("#answer-form").parent();
        assertThat(section.select("h2, label").eachText()).containsOnlyOnce("Trả lời");
        // the text box is still named, by the heading
        assertThat(page.select("#answer-input").attr("aria-labelledby")).isEqualTo(section.selectFirst("h2").id());
    }

    @Test
    void aOneOffTaskDueBeforeTodayIsRefusedNamingItsDueDateUnlessRecordedAsAssignedEarlier() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        Directive d = directives.create(new Directives.NewDirective("Kế hoạch", m + "/KH-UBND", today().minusDays(30), "56",
                "Phó Chủ tịch Đỗ Văn E", "Kế hoạch " + m, null, "Nội dung " + m, null, null), COORDINATOR);
        MockHttpSession coordinator = signIn("coordinator");
        String path = "/coordination/directives/" + d.id() + "/tasks";
        LocalDate past = today().minusDays(3);
        Document refused = Jsoup.parse(body(mvc.perform(post(path).session(coordinator).with(csrf())
                .param("title", "Nhiệm vụ " + m).param("expectedResult", "Báo cáo").param("leadCodes", "SYT")
                .param("recurrence", "ONCE").param("dueOn", past.toString()))
                .andExpect(status().isUnprocessableContent())));
        assertThat(refused.select("#problems li[data-field=dueOn]").text()).startsWith("Hạn hoàn thành")
                .contains(LocalTime.format(past), "đã qua", "Ghi nhận nhiệm vụ đã giao trước đây");
        assertThat(refused.select("#assigned-earlier")).hasSize(1);
        assertThat(tasks.ofDirective(d.id(), COORDINATOR)).isEmpty();
        // in English, and through the API
        Document english = Jsoup.parse(body(mvc.perform(post(path).session(coordinator).with(csrf()).param("lang", "en")
                .param("title", "Nhiệm vụ " + m).param("expectedResult", "Báo cáo").param("leadCodes", "SYT")
                .param("recurrence", "ONCE").param("dueOn", past.toString()))
                .andExpect(status().isUnprocessableContent())));
        assertThat(english.select("#problems li[data-field=dueOn]").text()).startsWith("Due date").contains("has passed");
        mvc.perform(post("/api/v1/directives/" + d.id() + "/tasks").session(coordinator).with(csrf())
                .contentType("application/json").content("""
                        {"title": "Nhiệm vụ", "expectedResult": "Báo cáo", "leadCodes": ["SYT"], "recurrence": "ONCE",
                         "dueOn": "%s"}""".formatted(past))).andExpect(status().isUnprocessableContent());
        assertThat(tasks.ofDirective(d.id(), COORDINATOR)).isEmpty();
        // a task given earlier is recorded as it was, and is overdue
        mvc.perform(post(path).session(coordinator).with(csrf()).param("title", "Nhiệm vụ " + m)
                .param("expectedResult", "Báo cáo").param("leadCodes", "SYT").param("recurrence", "ONCE")
                .param("dueOn", past.toString()).param("assignedEarlier", "true")).andExpect(status().is3xxRedirection());
        assertThat(tasks.ofDirective(d.id(), COORDINATOR)).singleElement()
                .satisfies(t -> assertThat(t.statusClass()).isEqualTo(TaskStatusClass.OVERDUE));
        // today is not past
        mvc.perform(post(path).session(coordinator).with(csrf()).param("title", "Nhiệm vụ hôm nay " + m)
                .param("expectedResult", "Báo cáo").param("leadCodes", "SYT").param("recurrence", "ONCE")
                .param("dueOn", today().toString())).andExpect(status().is3xxRedirection());
    }

    @Test
    void aRecurringTaskWhosePeriodsFellDueBeforeTodayIsRefusedCountingThemUnlessRecordedAsAssignedEarlier()
            throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        // three months gone by, each due on its last day, and this month's still to come
        LocalDate first = today().minusMonths(3).withDayOfMonth(1);
        LocalDate firstDue = first.withDayOfMonth(first.lengthOfMonth());
        Directive d = directives.create(new Directives.NewDirective("Kế hoạch", m + "/KH-UBND", first, "56",
                "Phó Chủ tịch Đỗ Văn E", "Kế hoạch " + m, null, "Nội dung " + m, null, null), COORDINATOR);
        MockHttpSession coordinator = signIn("coordinator");
        String path = "/coordination/directives/" + d.id() + "/tasks";
        Document refused = Jsoup.parse(body(mvc.perform(post(path).session(coordinator).with(csrf())
                .param("title", "Báo cáo tháng " + m).param("expectedResult", "Báo cáo").param("leadCodes", "SYT")
                .param("recurrence", "MONTHLY").param("dueDay", "31").param("startsOn", first.toString()))
                .andExpect(status().isUnprocessableContent())));
        assertThat(refused.select("#problems li[data-field=startsOn]").text()).startsWith("Bắt đầu từ ngày")
                .contains("kỳ đầu tiên đến hạn ngày " + LocalTime.format(firstDue), "3 kỳ sẽ quá hạn ngay",
                        "Ghi nhận nhiệm vụ đã giao trước đây");
        assertThat(refused.select("#problems li")).hasSize(1);
        // what was typed is kept
        assertThat(refused.select("#task-title").val()).isEqualTo("Báo cáo tháng " + m);
        assertThat(refused.select("#recurrence option[selected]").val()).isEqualTo("MONTHLY");
        assertThat(refused.select("#due-day").val()).isEqualTo("31");
        assertThat(refused.select("#starts-on").val()).isEqualTo(first.toString());
        assertThat(refused.select("#leads option[selected]").eachAttr("value")).containsExactly("SYT");
        assertThat(tasks.ofDirective(d.id(), COORDINATOR)).isEmpty();
        // the first day left empty is the directive's: the same periods
        Document english = Jsoup.parse(body(mvc.perform(post(path).session(coordinator).with(csrf()).param("lang", "en")
                .param("title", "Báo cáo tháng " + m).param("expectedResult", "Báo cáo").param("leadCodes", "SYT")
                .param("recurrence", "MONTHLY").param("dueDay", "31"))
                .andExpect(status().isUnprocessableContent())));
        assertThat(english.select("#problems li[data-field=startsOn]").text()).startsWith("Starts on")
                .contains(LocalTime.format(firstDue), "3 periods would be overdue at once");
        mvc.perform(post("/api/v1/directives/" + d.id() + "/tasks").session(coordinator).with(csrf())
                .contentType("application/json").content("""
                        {"title": "Nhiệm vụ", "expectedResult": "Báo cáo", "leadCodes": ["SYT"], "recurrence": "MONTHLY",
                         "dueDay": 31, "startsOn": "%s"}""".formatted(first))).andExpect(status().isUnprocessableContent());
        assertThat(tasks.ofDirective(d.id(), COORDINATOR)).isEmpty();
        // a task given earlier is recorded as it was, its past periods overdue
        mvc.perform(post(path).session(coordinator).with(csrf()).param("title", "Báo cáo tháng " + m)
                .param("expectedResult", "Báo cáo").param("leadCodes", "SYT").param("recurrence", "MONTHLY")
                .param("dueDay", "31").param("startsOn", first.toString()).param("assignedEarlier", "true"))
                .andExpect(status().is3xxRedirection());
        Task recorded = tasks.ofDirective(d.id(), COORDINATOR).getFirst();
        assertThat(tasks.occurrences(recorded.id(), COORDINATOR)).extracting(TaskOccurrence::statusClass)
                .containsExactlyInAnyOrder(TaskStatusClass.OVERDUE, TaskStatusClass.OVERDUE, TaskStatusClass.OVERDUE,
                        TaskStatusClass.IN_PROGRESS);
        // a task beginning today owes no past period
        mvc.perform(post(path).session(coordinator).with(csrf()).param("title", "Báo cáo tháng từ hôm nay " + m)
                .param("expectedResult", "Báo cáo").param("leadCodes", "SYT").param("recurrence", "MONTHLY")
                .param("dueDay", "31").param("startsOn", today().toString())).andExpect(status().is3xxRedirection());
    }

    private Document page(MockHttpSession session, String path) throws Exception {
        return Jsoup.parse(body(mvc.perform(get(path).session(session)).andExpect(status().isOk())));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}

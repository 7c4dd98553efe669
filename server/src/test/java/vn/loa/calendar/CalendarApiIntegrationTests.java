package vn.loa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The calendar's API and the administrators' page, with who may use them. */
@SpringBootTest
@AutoConfigureMockMvc
class CalendarApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theHolidaysOfAYearWithTheirKindAndTheCompensatoryDay() throws Exception {
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "2026").session(signIn("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.date == '2026-02-17')].kind").value("HOLIDAY"))
                .andExpect(jsonPath("$[?(@.date == '2026-02-17')].name").value("Tết Nguyên đán"))
                .andExpect(jsonPath("$[?(@.date == '2026-04-27')].kind").value("COMPENSATORY"))
                .andExpect(jsonPath("$[?(@.date == '2026-04-27')].name").value("Nghỉ bù Giỗ Tổ Hùng Vương"));
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "2026").cookie(new jakarta.servlet.http.Cookie("loa-lang", "en"))
                        .session(signIn("officer")))
                .andExpect(jsonPath("$[?(@.date == '2026-04-30')].name").value("Reunification Day"));
    }

    @Test
    void workingDaysSayWhichDaysWereSkippedAndWhy() throws Exception {
        String body = mvc.perform(get("/api/v1/calendar/working-days").param("from", "2026-04-28").param("days", "3")
                        .session(signIn("officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value("2026-05-05"))
                .andExpect(jsonPath("$.skipped.length()").value(4))
                .andExpect(jsonPath("$.skipped[0].date").value("2026-04-30"))
                .andExpect(jsonPath("$.skipped[2].reason").value("Thứ Bảy, ngày nghỉ hằng tuần"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("Ngày Chiến thắng (Ngày lễ, Tết; Bộ luật Lao động 2019, Điều 112)",
                "Hạn cuối 05/05/2026: 3 ngày làm việc tính từ ngày tiếp theo liền kề ngày 28/04/2026");
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2026-04-20").param("days", "5")
                        .param("unit", "CALENDAR_DAYS").session(signIn("officer")))
                .andExpect(jsonPath("$.date").value("2026-04-28"));
    }

    @Test
    void theLunarDateOfADay() throws Exception {
        mvc.perform(get("/api/v1/calendar/lunar").param("date", "2026-02-17").session(signIn("press")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.day").value(1)).andExpect(jsonPath("$.month").value(1))
                .andExpect(jsonPath("$.year").value(2026)).andExpect(jsonPath("$.leap").value(false));
        mvc.perform(get("/api/v1/calendar/lunar").param("date", "2025-07-25").session(signIn("press")))
                .andExpect(jsonPath("$.month").value(6)).andExpect(jsonPath("$.leap").value(true));
    }

    @Test
    void badParametersAnswer422NamingEachAndStrangersAreAskedToSignIn() throws Exception {
        MockHttpSession officer = signIn("officer");
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "28/04/2026").param("days", "ba").session(officer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[1].field").value("days"));
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2026-04-28").param("days", "5000").session(officer))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("days"));
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "1800").session(officer))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("year"));
        mvc.perform(get("/api/v1/calendar/holidays").session(officer))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("year"));
        mvc.perform(get("/api/v1/calendar/lunar").param("date", "x").session(officer))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("date"));
        mvc.perform(get("/api/v1/calendar/holidays").param("year", "2026")).andExpect(status().isUnauthorized());
    }

    @Test
    void aNoticeRefusedOnThePageComesBackAsItWasTyped() throws Exception {
        MockHttpSession admin = signIn("admin");
        org.springframework.web.servlet.FlashMap flash = mvc.perform(post("/admin/calendar/entries").session(admin)
                        .with(csrf()).param("date", "2034-11-20").param("kind", "EXTRA_DAY_OFF")
                        .param("name", "Nghỉ thêm ngày Nhà giáo").param("sourceDocument", "").param("note", "Theo đề nghị"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat(flash.get("errorField")).isEqualTo("sourceDocument");
        String page = mvc.perform(get("/admin/calendar").param("year", "2034").session(admin).flashAttrs(flash))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.jsoup.nodes.Document form = org.jsoup.Jsoup.parse(page);
        assertThat(form.select("#entry-date").attr("value")).isEqualTo("2034-11-20");
        assertThat(form.select("#entry-name").attr("value")).isEqualTo("Nghỉ thêm ngày Nhà giáo");
        assertThat(form.select("#entry-note").attr("value")).isEqualTo("Theo đề nghị");
        assertThat(form.select("#entry-kind option[selected]").attr("value")).isEqualTo("EXTRA_DAY_OFF");
    }

    @Test
    void aNoticeRefusedForItsDateSaysWhyWithTheYearsAndTheFieldsLabelNotPlaceholders() throws Exception {
        MockHttpSession admin = signIn("admin");
        for (String[] refused : new String[][] {{"1800-01-01", "1901", "2198"}, {"ngày mai", "Ngày:", "ngày/tháng/năm"},
                {"31/02/2026", "Ngày:", "không có ngày 31/02/2026"}, {"2026-02-31", "Ngày:", "không có ngày 2026-02-31"}}) {
            org.springframework.web.servlet.FlashMap flash = mvc.perform(post("/admin/calendar/entries").session(admin)
                            .with(csrf()).param("date", refused[0]).param("kind", "HOLIDAY").param("name", "Ngày lễ thử")
                            .param("sourceDocument", "Thông báo thử"))
                    .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
            Document page = Jsoup.parse(mvc.perform(get("/admin/calendar").session(admin).flashAttrs(flash))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.select(".flash.error").text()).contains(refused[1], refused[2]).doesNotContain("{", "date:");
        }
        // the calculator's refusal too
        Document calculator = Jsoup.parse(mvc.perform(get("/admin/calendar").param("from", "hôm qua").param("days", "3")
                .session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(calculator.select(".flash.error").text()).startsWith("Trường Ngày xảy ra sự việc:").doesNotContain("{");
        // a day written as the rest of Loa writes it is read
        Document written = Jsoup.parse(mvc.perform(get("/admin/calendar").param("from", "28/04/2026").param("days", "3")
                .session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(written.select(".flash.error")).isEmpty();
        assertThat(written.select("#calc-result strong").text()).contains("/2026");
    }

    @Test
    void onlyAdministratorsEnterNoticesAndSeeTheCalendarPage() throws Exception {
        String notice = """
                {"date":"2034-10-03","kind":"EXTRA_DAY_OFF","name":"Nghỉ thêm","sourceDocument":"TB 5/TB-BNV"}""";
        mvc.perform(post("/api/v1/admin/calendar/entries").session(signIn("officer")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(notice)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/calendar").session(signIn("coordinator"))).andExpect(status().isForbidden());
        MockHttpSession admin = signIn("admin");
        mvc.perform(post("/api/v1/admin/calendar/entries").session(admin).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(notice))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value("EXTRA_DAY_OFF"));
        mvc.perform(post("/api/v1/admin/calendar/entries").session(admin).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2034-09-05\",\"kind\":\"HOLIDAY\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("name", "sourceDocument")));
        mvc.perform(get("/api/v1/calendar/working-days").param("from", "2034-10-02").param("days", "1").session(admin))
                .andExpect(jsonPath("$.date").value("2034-10-04"));

        Document page = Jsoup.parse(mvc.perform(get("/admin/calendar").param("year", "2034").param("from", "2034-10-02")
                .param("days", "1").session(admin)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("h1").text()).isEqualTo("Lịch ngày làm việc năm 2034");
        assertThat(page.select(".calendar-month")).hasSize(12);
        assertThat(page.select("td.day-extra-day-off")).hasSize(1);
        assertThat(page.select("#calc-result").text()).contains("Hạn cuối: 04/10/2034", "Nghỉ thêm");
        assertThat(page.select("#calendar-entries").text()).contains("03/10/2034", "TB 5/TB-BNV");
        // a form with a wrong field says which
        String location = mvc.perform(post("/admin/calendar/entries").session(admin).with(csrf()).param("date", "2034-09-06")
                        .param("kind", "HOLIDAY").param("name", "").param("sourceDocument", "TB 6"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Document after = Jsoup.parse(mvc.perform(get(location).session(admin)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(after.select(".flash.error").text()).startsWith("Tên ngày:");
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo")).andReturn()
                .getRequest().getSession(false);
    }
}

package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.shared.Actor;

@SpringBootTest
@AutoConfigureMockMvc
class PostSearchIntegrationTests {

    private static final AtomicInteger RUN = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A made-up word that only this test's posts contain, so tests never see each other's posts. */
    private static String marker() {
        return "maso" + ProcessHandle.current().pid() + "x" + RUN.incrementAndGet();
    }

    private void importPosts(String marker, String... platformsAndTexts) throws IOException {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < platformsAndTexts.length; i += 2) {
            file.append("{\"source\":\"search-").append(marker).append("\",\"platform\":\"").append(platformsAndTexts[i])
                    .append("\",\"external_id\":\"").append(i).append("\",\"published_at\":\"2024-03-0").append(1 + i / 2)
                    .append("T08:30:00+07:00\",\"text\":\"").append(platformsAndTexts[i + 1]).append(' ').append(marker)
                    .append("\"}\n");
        }
        ImportSummary summary = importer.importFile("search.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();
    }

    @Test
    void aWordTypedWithItsDiacriticsRanksTheTextThatHasItFirst() throws Exception {
        String marker = marker();
        importPosts(marker,
                "facebook", "Vườn nhà nở rộ, hoa cúc hoa hồng hoa mai hoa lan hoa đào hoa sen đều đẹp",
                "facebook", "Hòa giải thành vụ tranh chấp đất đai, tổ hòa giải của phường làm việc rất tốt",
                "zalo", "hoa giai thanh o phuong roi, cam on can bo");
        MockHttpSession coordinator = signIn("coordinator");
        // typed with its mark: the text with "hòa" first; the comment typed without marks is still found, the
        // flower's "hoa" in a text written with diacritics is not (it is "hoa", not "hòa" with the marks left out)
        mvc.perform(get("/api/v1/posts").param("q", "hòa " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].text").value(org.hamcrest.Matchers.startsWith("Hòa giải thành")));
        // typed without marks: every form alike
        mvc.perform(get("/api/v1/posts").param("q", "hoa " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void aWordTypedWithItsDiacriticsDoesNotFindTheWordWithOtherDiacritics() throws Exception {
        String marker = marker();
        importPosts(marker,
                "news", "Hơn 40 học sinh bị ngộ độc thực phẩm sau bữa trưa",
                "facebook", "Bác nông dân vừa bẻ ngô vừa đọc báo",
                "zalo", "ong ba an com xong bi ngo doc, phai vao vien");
        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(get("/api/v1/posts").param("q", "ngộ độc " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].text").value(org.hamcrest.Matchers.startsWith("Hơn 40")));
        mvc.perform(get("/api/v1/posts").param("q", "\"ngộ độc\" " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(2));
        // typed without diacritics, a word may be any of its forms, its syllables together: "ngộ độc" and "ngo doc",
        // not "bẻ ngô vừa đọc"
        mvc.perform(get("/api/v1/posts").param("q", "ngo doc " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void findsPostsTypedWithOrWithoutDiacriticsWithFacetsAndSnippets() throws Exception {
        String marker = marker();
        importPosts(marker,
                "facebook", "Bệnh viện đa khoa tỉnh quá tải, người bệnh phải nằm ghép",
                "youtube", "Cảm ơn các bác sĩ bệnh viện đã tận tình chăm sóc",
                "news", "Giá xăng tăng mạnh từ hôm nay");
        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(get("/api/v1/posts").param("q", "benh vien " + marker).session(coordinator))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.facets.platform.FACEBOOK").value(1))
                .andExpect(jsonPath("$.facets.platform.YOUTUBE").value(1))
                .andExpect(jsonPath("$.items[0].snippet").isString())
                .andExpect(jsonPath("$.items[0].highlights[0][0]").isNumber());
        mvc.perform(get("/api/v1/posts").param("q", "\"nằm ghép\" " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].platform").value("FACEBOOK"));
        mvc.perform(get("/api/v1/posts").param("q", "\"ghép nằm\" " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/posts").param("q", marker).param("platform", "news").param("sort", "time")
                        .session(coordinator))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].text").value("Giá xăng tăng mạnh từ hôm nay " + marker));
        mvc.perform(get("/api/v1/posts").param("q", marker).param("from", "2024-03-02").param("to", "2024-03-02")
                        .session(coordinator))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aWordOfSeveralSyllablesIsFoundWithItsSyllablesTogether() throws Exception {
        String marker = marker();
        importPosts(marker,
                "facebook", "Bệnh nhân và viên chức đều phải xếp hàng",
                "facebook", "Bệnh viện tỉnh đông quá",
                "facebook", "Dân phàn nàn rằng đường sá xuống cấp",
                "news", "Chợ Phan Rang mở cửa lại sau bão",
                "news", "Tây Ninh siết chặt hải quan cửa khẩu",
                "news", "Phường Ninh Hải ra quân dọn vệ sinh biển");
        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(get("/api/v1/posts").param("q", "benh vien " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].text").value("Bệnh viện tỉnh đông quá " + marker));
        // a place's name is its syllables together, not "phàn nàn rằng" nor "Tây Ninh ... hải quan"
        mvc.perform(get("/api/v1/posts").param("q", "Phan Rang " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].text").value(org.hamcrest.Matchers.startsWith("Chợ Phan Rang")));
        mvc.perform(get("/api/v1/posts").param("q", "Ninh Hải " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].text").value(org.hamcrest.Matchers.startsWith("Phường Ninh Hải")));
        // words of one syllable are still found anywhere in the post
        mvc.perform(get("/api/v1/posts").param("q", "chợ bão " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aPlaceNamedWithoutDiacriticsIsFoundAsWrittenNotAsAWordThatFoldsToIt() throws Exception {
        String marker = marker();
        importPosts(marker,
                "news", "Nha Trang đón lượng khách kỷ lục dịp lễ",
                "news", "Nhà Trắng công bố thuế quan mới với hàng nhập khẩu",
                "facebook", "bien nha trang cuoi tuan dong qua",
                "news", "Người dân Cam Ranh góp ý dự thảo quy hoạch");
        MockHttpSession coordinator = signIn("coordinator");
        for (String typed : List.of("Nha Trang", "nha trang", "\"Nha Trang\"")) {
            mvc.perform(get("/api/v1/posts").param("q", typed + " " + marker).session(coordinator))
                    .andExpect(jsonPath("$.total").value(2))
                    .andExpect(jsonPath("$.items[*].text").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                            org.hamcrest.Matchers.startsWith("Nhà Trắng")))));
        }
        // typed with its diacritics, the White House is found (and a comment typed without any, which may mean either)
        mvc.perform(get("/api/v1/posts").param("q", "Nhà Trắng " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].text").value(org.hamcrest.Matchers.startsWith("Nhà Trắng")));
        // other words typed without diacritics still find every form
        mvc.perform(get("/api/v1/posts").param("q", "thue quan " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void anAbbreviationFindsItsFullFormAndTheFullFormFindsTheAbbreviation() throws Exception {
        String marker = marker();
        importPosts(marker,
                "facebook", "Thẻ BHYT của mẹ tôi in sai năm sinh, sửa ở đâu",
                "facebook", "Xin hỏi thủ tục cấp thẻ bảo hiểm y tế cho người cao tuổi",
                "zalo", "the bao hiem y te cua ba toi het han roi",
                "news", "Bảo hiểm xã hội chi trả chậm, còn trạm y tế thì đóng cửa",
                "facebook", "UBND xã trả lời chậm quá",
                "facebook", "Uỷ ban nhân dân xã đã tiếp dân chiều nay");
        MockHttpSession coordinator = signIn("coordinator");
        // either form, with diacritics or without, finds the three posts about health insurance, not the one that
        // has the words of the full form apart ("bảo hiểm xã hội ... y tế")
        for (String form : List.of("BHYT", "bhyt", "bảo hiểm y tế", "bao hiem y te")) {
            mvc.perform(get("/api/v1/posts").param("q", form + " " + marker).session(coordinator))
                    .andExpect(jsonPath("$.total").value(3))
                    .andExpect(jsonPath("$.items[*].highlights[0]").value(org.hamcrest.Matchers.hasSize(3)));
        }
        // a part in double quotes is searched as written
        mvc.perform(get("/api/v1/posts").param("q", "\"bảo hiểm y tế\" " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(2));
        // the form typed ranks first, and the snippet marks the other form as a whole
        mvc.perform(get("/api/v1/posts").param("q", "BHYT " + marker).session(coordinator))
                .andExpect(jsonPath("$.items[0].text").value(org.hamcrest.Matchers.startsWith("Thẻ BHYT")));
        mvc.perform(get("/api/v1/posts").param("q", "BHYT cao tuổi " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].highlights.length()").value(4));
        for (String form : List.of("UBND", "ủy ban nhân dân", "uỷ ban nhân dân")) {
            mvc.perform(get("/api/v1/posts").param("q", form + " xã " + marker).session(coordinator))
                    .andExpect(jsonPath("$.total").value(2));
        }
    }

    @Test
    void wordsTypedWithoutDiacriticsAreFoundAsWordsToo() throws Exception {
        String marker = marker();
        importPosts(marker,
                "facebook", "Bệnh nhân qua đời tại viện dưỡng lão, gia đình khiếu nại",
                "facebook", "Bệnh viện tỉnh quá tải, người bệnh nằm ghép",
                "news", "Bệnh viện tỉnh khánh thành khoa mới");
        MockHttpSession coordinator = signIn("coordinator");
        // "bệnh viện" and "quá tải" are words: the post with "bệnh nhân qua đời tại viện" has their syllables apart
        mvc.perform(get("/api/v1/posts").param("q", "benh vien qua tai " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].text").value(org.hamcrest.Matchers.startsWith("Bệnh viện tỉnh quá tải")));
        mvc.perform(get("/api/v1/posts").param("q", "bệnh viện quá tải " + marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void anOfficerSeesPublicPostsAndTheirOwnAgencysFeedbackButNotAnothers() throws Exception {
        String marker = marker();
        importPosts(marker,
                "hotline", "Phản ánh Sở Y tế chậm cấp phép hành nghề",
                "hotline", "Phản ánh Sở Xây dựng chậm cấp phép xây dựng",
                "facebook", "Bài viết công khai về cấp phép");
        String query = "cap phep " + marker;
        mvc.perform(get("/api/v1/posts").param("q", query).session(signIn("coordinator")))
                .andExpect(jsonPath("$.total").value(3));
        // the Department of Construction's feedback is the health officer's only if it is routed to Health as well
        // (the demo's rule by policy domain routes what the model reads as health there)
        boolean alsoHealth = jdbc.sql("SELECT agencies @> ARRAY['SYT'] FROM post WHERE text = ?")
                .param("Phản ánh Sở Xây dựng chậm cấp phép xây dựng " + marker).query(Boolean.class).single();
        var officer = mvc.perform(get("/api/v1/posts").param("q", query).session(signIn("officer")))
                .andExpect(jsonPath("$.total").value(alsoHealth ? 3 : 2));
        if (!alsoHealth) {
            officer.andExpect(jsonPath("$.facets.agency.SXD").doesNotExist());
        }
        // a district officer sees only the public post: no rule routes feedback about departments to a district
        mvc.perform(get("/api/v1/posts").param("q", query).session(signIn("district")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.facets.agency.SXD").doesNotExist());
        mvc.perform(get("/api/v1/posts").param("q", query).session(signIn("press")))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/posts").param("q", query)).andExpect(status().isUnauthorized());
    }

    @Test
    void anOfficerRecordsPhoneFeedbackThatOnlyTheirAgencyAndTheProvinceSee() throws Exception {
        String marker = marker();
        MockHttpSession officer = signIn("officer");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/posts/feedback")
                        .session(officer).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("channel", "hotline").param("receivedAt", "01/03/2024 08:30").param("citizen", "Bà Lan")
                        .param("text", "Trạm y tế xã thiếu thuốc hạ sốt cho trẻ em " + marker))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/posts").param("q", marker).session(officer))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].platform").value("HOTLINE"));
        mvc.perform(get("/api/v1/posts").param("q", marker).session(signIn("leader"))).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/posts").param("q", marker).session(signIn("district"))).andExpect(jsonPath("$.total").value(0));
        // the search names who entered it, not its source's code (manual-SYT)
        MockHttpSession leader = signIn("leader");
        String page = mvc.perform(get("/posts").param("q", marker).session(leader)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Nhập tay: Sở Y tế").doesNotContain("manual-SYT");
        String english = mvc.perform(get("/posts").param("q", marker).param("lang", "en").session(leader))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(english).contains("Entered by hand: Department of Health").doesNotContain("manual-SYT");
        // a call the department took is the department's, whatever it is about: it counts for its agency (filters,
        // facets, alert rules), which no routing rule would say of a broken street light
        String light = marker();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/posts/feedback")
                        .session(officer).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("channel", "hotline").param("receivedAt", "01/03/2024 09:00")
                        .param("text", "Đèn đường trước ngõ nhà tôi hỏng đã hai tuần " + light))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/posts").param("q", light).session(officer))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.facets.agency.SYT").value(1));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/posts/feedback")
                        .session(officer).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("channel", "fax").param("receivedAt", "hôm qua").param("text", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Vui lòng nhập nội dung phản ánh")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Thời điểm không hợp lệ")));
        mvc.perform(get("/posts/feedback").session(signIn("press"))).andExpect(status().isForbidden());
    }

    @Test
    void feedbackReceivedLaterThanNowIsRefusedNamingTheTimeInTheReadersLanguageKeepingWhatWasTyped() throws Exception {
        String marker = marker();
        MockHttpSession officer = signIn("officer");
        String nextYear = java.time.LocalDateTime.now(vn.loa.shared.LocalTime.ZONE).plusYears(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
        for (String language : List.of("vi", "en")) {
            String answer = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/posts/feedback")
                            .session(officer).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                            .param("lang", language).param("channel", "hotline").param("receivedAt", nextYear)
                            .param("citizen", "Ông Tư").param("text", "Cống thoát nước bị tắc " + marker))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(answer);
            assertThat(answer).doesNotContain("published_at", "lies in the future");
            assertThat(page.text()).contains(language.equals("vi") ? "Thời điểm tiếp nhận ở sau lúc này"
                    : "The time received is later than now");
            assertThat(page.select("input[name=receivedAt]").val()).isEqualTo(nextYear);
            assertThat(page.select("textarea[name=text]").text()).isEqualTo("Cống thoát nước bị tắc " + marker);
        }
        mvc.perform(get("/api/v1/posts").param("q", marker).session(officer)).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void daysThatDoNotExistAreRefusedNotMovedToTheEndOfTheMonth() throws Exception {
        String marker = marker();
        MockHttpSession officer = signIn("officer");
        for (String when : List.of("31/02/2026 10:00", "29/02/2026 10:00", "31/11/2026 08:00", "30/11/2026 24:00")) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/posts/feedback")
                            .session(officer).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                            .param("channel", "hotline").param("receivedAt", when).param("text", "Phản ánh " + marker))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("Thời điểm không hợp lệ")));
        }
        mvc.perform(get("/api/v1/posts").param("q", marker).session(officer)).andExpect(jsonPath("$.total").value(0));
        // a one-digit day and month is how many officers type a day, and it is read as that day
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/posts/feedback")
                        .session(officer).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("channel", "hotline").param("receivedAt", "1/3/2024 8:30").param("text", "Phản ánh " + marker))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/posts").param("q", marker).session(officer)).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].publishedAt").value("2024-03-01T01:30:00Z"));
        mvc.perform(get("/posts").param("from", "31/11/2026").param("to", "31/11/2026").session(officer))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aDayWrittenRightThatIsNotOnTheCalendarIsToldApartFromADayWrittenAnotherWay() throws Exception {
        MockHttpSession officer = signIn("officer");
        String missing = page(get("/posts").param("from", "29/02/2026").session(officer), 422);
        assertThat(missing).contains("Từ ngày: ngày 29/02/2026 không có trên lịch").doesNotContain("hãy nhập theo dạng");
        assertThat(page(get("/posts").param("to", "31/4/2026").param("lang", "en").session(officer), 422))
                .contains("To: 31/4/2026 is not a date on the calendar").doesNotContain("type it as");
        assertThat(page(get("/posts").param("to", "30/11/2026 24:00").session(officer), 422))
                .contains("Đến ngày: thời điểm 30/11/2026 24:00 không có trên lịch");
        // written another way, it is the format that is wrong
        assertThat(page(get("/posts").param("from", "2026-02-28").session(officer), 422))
                .contains("Ngày không hợp lệ ở ô &quot;Từ ngày&quot;; hãy nhập theo dạng ngày/tháng/năm").doesNotContain("không có trên lịch");
        // a leap year's 29 February is a day
        mvc.perform(get("/posts").param("from", "29/02/2024").param("to", "1/3/2024").session(officer))
                .andExpect(status().isOk());
        String api = mvc.perform(get("/api/v1/posts").param("from", "2026-02-29").session(officer))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("from"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String format = mvc.perform(get("/api/v1/posts").param("from", "29/02/2026").session(officer))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("from"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) com.jayway.jsonpath.JsonPath.read(api, "$.detail")).contains("2026-02-29")
                .isNotEqualTo(com.jayway.jsonpath.JsonPath.read(format, "$.detail"));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedNamingBothEnds() throws Exception {
        MockHttpSession officer = signIn("officer");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(page(get("/posts").param("from", "07/12/2026")
                .param("to", "01/12/2026").session(officer), 422));
        assertThat(page.select("p.flash.error")).hasSize(1).first().extracting(org.jsoup.nodes.Element::text)
                .isEqualTo("Khoảng thời gian không hợp lệ: \"Từ ngày\" phải trước hoặc trùng \"Đến ngày\".");
        assertThat(page.selectFirst("#from").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#to").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#q").attr("aria-invalid")).isEqualTo("false");
        assertThat(org.jsoup.Jsoup.parse(page(get("/posts").param("from", "07/12/2026 10:00").param("to", "07/12/2026 09:30")
                .param("lang", "en").session(officer), 422)).select("p.flash.error").text())
                .isEqualTo("The period is not valid: \"From\" must be on or before \"To\".");
        String api = mvc.perform(get("/api/v1/posts").param("from", "2026-12-07").param("to", "2026-12-01").session(officer))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("from"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((List<String>) com.jayway.jsonpath.JsonPath.read(api, "$.errors[*].field")).containsExactly("from", "to");
        // one day, from its start to its end, is a period
        mvc.perform(get("/posts").param("from", "07/12/2026").param("to", "07/12/2026").session(officer))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/posts").param("from", "2026-12-07").param("to", "2026-12-07").session(officer))
                .andExpect(status().isOk());
    }

    @Test
    void aQueryWithNoWordToLookForIsRefusedNamingTheSearchBoxNotAnsweredWithEveryPost() throws Exception {
        String marker = marker();
        importPosts(marker, "facebook", "Bệnh viện tỉnh đông quá");
        MockHttpSession officer = signIn("officer");
        for (String q : List.of("(((", "*:*", "-", "!!!", "😀", "\"", "\"\"", "\\", "?", "[]{}^~", "&& ||")) {
            mvc.perform(get("/api/v1/posts").param("q", q).session(officer))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("q"));
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(page(get("/posts").param("q", q).session(officer), 422));
            assertThat(page.select("p.flash.error").text()).as(q).startsWith("Ô tìm kiếm chỉ có dấu hoặc ký hiệu");
            assertThat(page.selectFirst("#q").attr("aria-invalid")).isEqualTo("true");
            assertThat(page.selectFirst("#post-list")).isNull();
        }
        assertThat(page(get("/posts").param("q", "(((").param("lang", "en").session(officer), 422))
                .contains("The search box has only signs or symbols, no word to look for");
        // signs around a word are no harm, and an empty box is every post
        mvc.perform(get("/api/v1/posts").param("q", "((( " + marker + " !!!").session(officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/posts").param("q", "  ").session(officer)).andExpect(status().isOk());
    }

    @Test
    void aPageThatIsNotANumberIsRefusedAndOnePastTheResultsShowsTheirLastSayingSo() throws Exception {
        String marker = marker();
        importPosts(marker, "facebook", "Bệnh viện tỉnh đông quá", "news", "Giá xăng tăng mạnh từ hôm nay");
        MockHttpSession officer = signIn("officer");
        for (String page : List.of("-1", "abc", "1.5", "0x10")) {
            assertThat(page(get("/posts").param("q", marker).param("page", page).session(officer), 422))
                    .as(page).contains("Trang &quot;" + page + "&quot; không hợp lệ")
                    // pages as the reader sees them, never the address's count from 0
                    .doesNotContain("từ 0 trở lên");
        }
        for (String page : List.of("3", "99999", "99999999999", "600")) {
            org.jsoup.nodes.Document shown = org.jsoup.Jsoup.parse(page(get("/posts").param("q", marker)
                    .param("page", page).session(officer), 200));
            assertThat(shown.selectFirst("#posts-notice").text()).as(page)
                    .isEqualTo("Kết quả chỉ có 1 trang, không có trang đã mở; đây là trang cuối.");
            assertThat(shown.select("#post-list > li")).as(page).hasSize(2);
        }
        assertThat(org.jsoup.Jsoup.parse(page(get("/posts").param("q", marker).param("page", "99999").param("lang", "en")
                .session(officer), 200)).selectFirst("#posts-notice").text())
                .isEqualTo("The results have only one page, not the one opened; this is the last one.");
        org.jsoup.nodes.Document first = org.jsoup.Jsoup.parse(page(get("/posts").param("q", marker).param("page", "0")
                .session(officer), 200));
        assertThat(first.selectFirst("#posts-notice")).isNull();
        assertThat(first.select("#post-list > li")).hasSize(2);
        mvc.perform(get("/api/v1/posts").param("page", "-1").session(officer))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("page"));
        for (String page : List.of("abc", "99999999999")) {
            mvc.perform(get("/api/v1/posts").param("page", page).session(officer))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("page"));
        }
        // the API answers a page past the results with no item (the total says how many there are), and refuses one
        // beyond the first 10,000 results any search reaches, saying which page is the last there
        mvc.perform(get("/api/v1/posts").param("q", marker).param("page", "3").session(officer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.items").isEmpty());
        mvc.perform(get("/api/v1/posts").param("q", marker).param("page", "99999").session(officer))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("page"))
                .andExpect(jsonPath("$.detail").value("Trang 99999 nằm ngoài 10.000 kết quả đầu tiên mà một tìm kiếm xem "
                        + "được: với 20 kết quả mỗi trang, trang cuối là 499 (trang đầu là 0). Hãy thu hẹp tìm kiếm để xem "
                        + "các bài còn lại."));
        mvc.perform(get("/api/v1/posts").param("q", marker).param("page", "400").param("size", "30").session(officer))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("trang cuối là 332")));
    }

    @Test
    void aSortThatIsNeitherNewestNorMostRelevantIsRefusedOnThePageAsInTheApi() throws Exception {
        String marker = marker();
        importPosts(marker, "facebook", "Bệnh viện tỉnh đông quá");
        MockHttpSession leader = signIn("leader");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(page(get("/posts").param("q", marker).param("sort", "bogus")
                .session(leader), 422));
        assertThat(page.select("p.flash.error").text())
                .isEqualTo("Sắp xếp: không có giá trị \"bogus\"; hãy chọn một trong: Mới nhất, Phù hợp nhất.");
        assertThat(page.selectFirst("#post-list")).isNull();
        assertThat(page.selectFirst("#q").val()).as("what was typed is kept").isEqualTo(marker);
        assertThat(org.jsoup.Jsoup.parse(page(get("/posts").param("sort", "bogus").param("lang", "en").session(leader),
                422)).select("p.flash.error").text())
                .isEqualTo("Sort: there is no value \"bogus\"; choose one of: Newest, Most relevant.");
        String problem = mvc.perform(get("/api/v1/posts").param("q", marker).param("sort", "bogus").session(leader))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("sort"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) com.jayway.jsonpath.JsonPath.read(problem, "$.detail")).contains("Mới nhất, Phù hợp nhất");
        for (String sort : List.of("time", "relevance", "")) {
            assertThat(org.jsoup.Jsoup.parse(page(get("/posts").param("q", marker).param("sort", sort).session(leader),
                    200)).select("#post-list > li")).as(sort).hasSize(1);
            mvc.perform(get("/api/v1/posts").param("q", marker).param("sort", sort).session(leader))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        }
    }

    @Test
    void aPlaceLoaDoesNotKnowIsRefusedNamingThePlaceFilterNotAnsweredWithNoPost() throws Exception {
        String marker = marker();
        importPosts(marker, "facebook", "Bệnh viện tỉnh Ninh Thuận quá tải");
        MockHttpSession leader = signIn("leader");
        for (String place : List.of("zzz", "999@2025-07-01")) {
            org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(page(get("/posts").param("q", marker)
                    .param("place", place).session(leader), 422));
            assertThat(page.select("p.flash.error").text()).as(place).isEqualTo("Địa danh: Loa không biết địa danh mã \""
                    + place + "\"; hãy chọn địa danh trên trang \"Dư luận\" hoặc trong \"Thống kê kết quả\".");
            assertThat(page.selectFirst("#post-list")).isNull();
            mvc.perform(get("/api/v1/posts").param("q", marker).param("place", place).session(leader))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("place"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Địa danh: Loa không biết")));
        }
        assertThat(org.jsoup.Jsoup.parse(page(get("/posts").param("place", "zzz").param("lang", "en").session(leader),
                422)).select("p.flash.error").text()).startsWith("Place: Loa knows no place with the id \"zzz\"");
        // a place of the gazetteer is a filter, one that no longer exists too (Ninh Thuận, merged in July 2025)
        mvc.perform(get("/api/v1/posts").param("q", marker).param("place", "58@2008-08-01").session(leader))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        assertThat(org.jsoup.Jsoup.parse(page(get("/posts").param("q", marker).param("place", "58@2008-08-01")
                .session(leader), 200)).select("#post-list > li")).hasSize(1);
    }

    @Test
    void theDateFieldsShowTheirFormatInTheReadersWords() throws Exception {
        MockHttpSession officer = signIn("officer");
        org.jsoup.nodes.Document vi = org.jsoup.Jsoup.parse(page(get("/posts").session(officer), 200));
        assertThat(vi.selectFirst("#from").attr("placeholder")).isEqualTo("ngày/tháng/năm");
        assertThat(vi.selectFirst("#to").attr("placeholder")).isEqualTo("ngày/tháng/năm");
        org.jsoup.nodes.Document en = org.jsoup.Jsoup.parse(page(get("/posts").param("lang", "en").session(officer), 200));
        assertThat(en.selectFirst("#from").attr("placeholder")).isEqualTo("dd/mm/yyyy");
    }

    /** A page's HTML, after checking its status. */
    private String page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void filtersAndCountsPostsByRegisterAndPolicyDomainAndEachResultCarriesThem() throws Exception {
        String marker = marker();
        importPosts(marker,
                "hotline", "Trạm y tế xã thiếu thuốc hạ sốt cho trẻ em",
                "office", "Đề nghị sửa con đường vào trường tiểu học bị sạt lở",
                "news", "Sở Y tế tỉnh kiểm tra an toàn thực phẩm tại các bếp ăn tập thể",
                "website", "Thông báo lịch tiếp công dân của Ủy ban nhân dân tỉnh tháng này");
        MockHttpSession coordinator = signIn("coordinator");
        String all = mvc.perform(get("/api/v1/posts").param("q", marker).session(coordinator))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.facets.register.comment").value(2))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.List<String> domains = com.jayway.jsonpath.JsonPath.read(all, "$.items[*].domain");
        java.util.List<String> registers = com.jayway.jsonpath.JsonPath.read(all, "$.items[*].register");
        assertThat(domains).hasSize(4).allMatch(PostLabels.DOMAINS::contains);
        assertThat(registers).hasSize(4).allMatch(PostLabels.REGISTERS::contains);
        java.util.Map<String, Integer> domainFacet = com.jayway.jsonpath.JsonPath.read(all, "$.facets.domain");
        assertThat(domainFacet.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);

        // citizens' feedback is their opinion; what news sites publish is news or an official statement
        mvc.perform(get("/api/v1/posts").param("q", marker).param("register", "comment").session(coordinator))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[?(@.platform == 'NEWS' || @.platform == 'WEBSITE')]").isEmpty());
        mvc.perform(get("/api/v1/posts").param("q", marker).param("register", "news,official").session(coordinator))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[?(@.register == 'comment')]").isEmpty());
        String domain = domains.get(0);
        long withDomain = domains.stream().filter(domain::equals).count();
        mvc.perform(get("/api/v1/posts").param("q", marker).param("domain", domain).session(coordinator))
                .andExpect(jsonPath("$.total").value((int) withDomain))
                .andExpect(jsonPath("$.items[?(@.domain != '" + domain + "')]").isEmpty());

        // the page names registers and domains in the reader's language, and offers them as filters
        mvc.perform(get("/posts").param("q", marker).param("register", "news,official").session(coordinator))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("Loại bài viết: Tin tức báo chí, Văn bản chính thức")));
        mvc.perform(get("/posts").param("q", marker).param("domain", domain).param("lang", "en").session(coordinator))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("Policy domain: ")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("Citizens&#39; comment")));
    }

    @Test
    void refusesBadParametersWithAProblemNamingThem() throws Exception {
        MockHttpSession coordinator = signIn("coordinator");
        mvc.perform(get("/api/v1/posts").param("size", "500").session(coordinator))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("size"));
        mvc.perform(get("/api/v1/posts").param("from", "01/03/2024").session(coordinator))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("from"));
        // a filter value that does not exist is a typing mistake, not "nobody wrote about it"
        for (String[] wrong : new String[][] {{"sentiment", "foo"}, {"platform", "myspace"}, {"register", "news,foo"},
                {"domain", "vi_tinh"}, {"toxicity", "rude"}, {"agency", "NOPE"}, {"topic", "bogus"}}) {
            mvc.perform(get("/api/v1/posts").param(wrong[0], wrong[1]).session(coordinator))
                    .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value(wrong[0]));
        }
        mvc.perform(get("/api/v1/posts").param("sentiment", "unclear").param("register", "news,official")
                .param("platform", "FACEBOOK").param("agency", "SYT").session(coordinator)).andExpect(status().isOk());
        String page = mvc.perform(get("/posts").param("sentiment", "foo").session(coordinator))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Sắc thái: không có giá trị &quot;foo&quot;; hãy chọn một trong: Tiêu cực, Trung tính, "
                + "Tích cực, Chưa rõ.");
        // the values there are by the names the reader knows them by, not by their codes
        org.jsoup.nodes.Document several = org.jsoup.Jsoup.parse(page(get("/posts").param("domain", "vi_tinh")
                .param("toxicity", "rude").param("platform", "myspace").session(coordinator), 422));
        String errors = several.select("p.flash.error").text();
        assertThat(errors).contains("Lĩnh vực: không có giá trị \"vi_tinh\"").contains("Y tế, Giáo dục, Đất đai, môi trường")
                .contains("Mức độ độc hại: không có giá trị \"rude\"").contains("Bình thường, Phản cảm, Thù ghét")
                .contains("Nền tảng: không có giá trị \"myspace\"").contains("Facebook, YouTube, TikTok")
                .doesNotContain("land_environment").doesNotContain("OFFENSIVE").doesNotContain("FACEBOOK");
        String english = org.jsoup.Jsoup.parse(page(get("/posts").param("domain", "vi_tinh").param("lang", "en")
                .session(coordinator), 422)).select("p.flash.error").text();
        assertThat(english).startsWith("Policy domain: there is no value \"vi_tinh\"; choose one of: Health, ")
                .doesNotContain("land_environment");
        String problem = mvc.perform(get("/api/v1/posts").param("toxicity", "rude").session(coordinator))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) com.jayway.jsonpath.JsonPath.read(problem, "$.detail")).doesNotContain("OFFENSIVE");
        mvc.perform(get("/api/v1/posts").param("sort", "popularity").session(coordinator))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("sort"));
    }

    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}

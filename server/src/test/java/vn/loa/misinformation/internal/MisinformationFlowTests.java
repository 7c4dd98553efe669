package vn.loa.misinformation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import vn.loa.TestClock;
import vn.loa.listening.PostImporter;
import vn.loa.misinformation.CaseTestData;
import vn.loa.platform.CliCommand;
import vn.loa.shared.LocalTime;

/**
 * The desk as a new user tries it, through HTTP: from a negative story, the coordinator opens a case and
 * assigns it to the Department of Health; the officer verifies and drafts the refutation; the spokesperson
 * approves; the public page carries valid ClaimReview JSON-LD and the RSS feed lists it; a new post repeating
 * the claim is flagged; a second case is referred to the police and its evidence package verifies, and a
 * tampered package does not.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class MisinformationFlowTests {

    private static final Pattern CASE_ID = Pattern.compile("/cases/(\\d+)$");
    private static final Pattern JSON_LD = Pattern.compile(
            "<script type=\"application/ld\\+json\" id=\"claim-review\">(.*?)</script>", Pattern.DOTALL);

    @Autowired
    MockMvc mvc;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ClaimMatcher matcher;

    @Autowired
    ObjectMapper json;

    @Autowired
    List<CliCommand> commands;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void fromANegativeStoryToAPublishedRefutationThatCatchesItsRepeats() throws Exception {
        String marker = CaseTestData.marker();
        String rumour = "Sở Y tế tỉnh giấu dịch bệnh lạ ở huyện Ninh Hải " + marker + ", đã có hai mươi người chết mà không "
                + "công bố, bệnh viện huyện đã kín giường, bác sĩ được lệnh không được nói với ai, người dân trong xã đang "
                + "rất hoang mang, mọi người nhớ giữ gìn sức khỏe và chia sẻ cho người thân biết";
        // the same words with other punctuation and emoji: three posts (not copies), one fingerprint, one story
        List<Long> story = CaseTestData.importPosts(importer, jdbc, clock.instant(), rumour + "!!!", rumour + " 😢😢",
                rumour + "???");
        Long storyId = jdbc.sql("SELECT story_id FROM post WHERE id = ?").param(story.get(0)).query(Long.class).single();
        assertThat(storyId).isNotNull();
        long storyPosts = jdbc.sql("SELECT count(*) FROM post WHERE story_id = ?").param(storyId).query(Long.class).single();
        assertThat(storyPosts).isEqualTo(3);
        matcher.matchNewPosts();

        // the coordinator opens a case from the story: its posts, a suggested claim and the routed agency
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        String form = mvc.perform(get("/cases/new").param("story", storyId.toString()).session(coordinator))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Sở Y tế tỉnh giấu dịch bệnh lạ").contains("value=\"SYT\" selected");
        assertThat(org.jsoup.Jsoup.parse(form).select("#story-posts-kept").text())
                .isEqualTo("Cả 3 bài viết của chuỗi được gắn vào vụ việc và lưu làm chứng cứ.");
        String claim = "Sở Y tế giấu dịch bệnh lạ làm hai mươi người chết ở Ninh Hải </script><script>alert(1)</script>";
        String location = mvc.perform(post("/cases/new").session(coordinator).with(csrf()).param("claim", claim)
                        .param("category", "FALSE_INFORMATION").param("severity", "HIGH").param("agencyCode", "SYT")
                        .param("storyId", storyId.toString()).param("postIds", ""))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Matcher id = CASE_ID.matcher(location);
        assertThat(id.find()).isTrue();
        long caseId = Long.parseLong(id.group(1));
        assertThat(jdbc.sql("SELECT count(*) FROM case_post WHERE case_id = ?").param(caseId).query(Long.class).single())
                .isEqualTo(storyPosts);
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_item WHERE case_id = ?").param(caseId).query(Long.class).single())
                .isEqualTo(storyPosts);
        // the story and a second case's form now name the case: no one opens another for the same story unawares
        assertThat(org.jsoup.Jsoup.parse(page(coordinator, "/listening/stories/" + storyId)).select("#existing-case").text())
                .contains("vụ việc số " + caseId).contains("Mới tiếp nhận");
        org.jsoup.nodes.Document second = org.jsoup.Jsoup.parse(mvc.perform(get("/cases/new").param("story",
                storyId.toString()).session(coordinator)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(second.select("#existing-case").text()).contains("Đã có vụ việc số " + caseId);
        assertThat(second.select("#existing-case a").attr("href")).isEqualTo("/cases/" + caseId);
        // a commune's officer, who may not open the case (404), is told only that the matter is in hand: no number, no
        // status, no link they could not follow
        MockHttpSession commune = CaseTestData.signIn(mvc, "district");
        mvc.perform(get("/cases/" + caseId).session(commune)).andExpect(status().isNotFound());
        for (String path : List.of("/listening/stories/" + storyId, "/cases/new?story=" + storyId)) {
            org.jsoup.nodes.Element said = org.jsoup.Jsoup.parse(page(commune, path)).selectFirst("#existing-case");
            assertThat(said).as(path).isNotNull();
            assertThat(said.text()).as(path).contains("đã được cơ quan chức năng của tỉnh tiếp nhận xử lý")
                    .doesNotContain("vụ việc số").doesNotContain("Mới tiếp nhận").doesNotContainPattern("\\d");
            assertThat(said.select("a")).as(path).isEmpty();
        }
        act(coordinator, caseId, Map.of("action", "TRIAGE", "category", "FALSE_INFORMATION", "severity", "HIGH"));
        act(coordinator, caseId, Map.of("action", "ASSIGN", "agencyCode", "SYT"));

        // the Department of Health's officer verifies and writes the refutation
        MockHttpSession officer = CaseTestData.signIn(mvc, "officer");
        assertThat(page(officer, "/cases")).contains("/cases/" + caseId + "\"");
        act(officer, caseId, Map.of("action", "START_VERIFICATION"));
        mvc.perform(post("/cases/" + caseId + "/notes").session(officer).with(csrf())
                        .param("checked", "Đối chiếu số liệu tử vong tại Trung tâm Y tế huyện Ninh Hải")
                        .param("checkedWith", "Trung tâm Kiểm soát bệnh tật tỉnh")
                        .param("links", "https://syt.ninhthuan.gov.vn/thong-bao\nhttps://cdc.ninhthuan.gov.vn"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/cases/" + caseId + "/notes").session(officer).with(csrf()).param("checked", "x")
                        .param("links", "javascript:alert(1)"))
                .andExpect(status().isUnprocessableContent());
        act(officer, caseId, Map.of("action", "SUBMIT_ANSWER", "verdict", "FALSE", "explanation",
                "Không có dịch bệnh lạ. Trong tháng, huyện Ninh Hải ghi nhận 2 ca tử vong do bệnh nền. <b>Đề nghị không chia sẻ</b>."));
        assertThat(statusOf(officer, caseId)).isEqualTo("AWAITING_APPROVAL");

        // the spokesperson approves: the refutation is published
        MockHttpSession spokesperson = CaseTestData.signIn(mvc, "spokesperson");
        act(spokesperson, caseId, Map.of("action", "APPROVE"));
        JsonNode approved = json.readTree(mvc.perform(get("/api/v1/cases/" + caseId).session(coordinator))
                .andReturn().getResponse().getContentAsString());
        assertThat(approved.path("status").asString()).isEqualTo("REFUTED");
        String publicPath = approved.path("publicPath").asString();

        // anyone reads it, with ClaimReview JSON-LD; the stranger's markup stays text
        String published = mvc.perform(get(publicPath)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(published).doesNotContain("<script>alert(1)").doesNotContain("<b>Đề nghị");
        Matcher ld = JSON_LD.matcher(published);
        assertThat(ld.find()).isTrue();
        JsonNode review = json.readTree(ld.group(1));
        assertThat(review.path("@context").asString()).isEqualTo("https://schema.org");
        assertThat(review.path("@type").asString()).isEqualTo("ClaimReview");
        assertThat(review.path("claimReviewed").asString()).isEqualTo(claim);
        assertThat(review.path("url").asString()).isEqualTo("http://localhost" + publicPath);
        assertThat(review.path("datePublished").asString())
                .isEqualTo(LocalDate.ofInstant(clock.instant(), LocalTime.ZONE).toString());
        assertThat(review.path("author").path("@type").asString()).isEqualTo("GovernmentOrganization");
        assertThat(review.path("author").path("name").asString()).isEqualTo("Sở Y tế");
        assertThat(review.path("reviewRating").path("ratingValue").asInt()).isEqualTo(1);
        assertThat(review.path("reviewRating").path("bestRating").asInt()).isEqualTo(5);
        assertThat(review.path("reviewRating").path("worstRating").asInt()).isEqualTo(1);
        assertThat(review.path("reviewRating").path("alternateName").asString()).isEqualTo("Sai sự thật");
        assertThat(review.path("itemReviewed").path("@type").asString()).isEqualTo("Claim");
        assertThat(review.path("itemReviewed").path("appearance").size()).isEqualTo((int) storyPosts);
        assertThat(review.path("itemReviewed").path("appearance").get(0).path("url").asString())
                .startsWith("https://www.facebook.com/posts/");

        // the RSS feed lists the verdict
        byte[] rss = mvc.perform(get("/public/refutations/rss.xml")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        Document feed = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(rss));
        // (other tests, and the demo's cases, publish refutations into the same database: find this case's item)
        NodeList items = feed.getElementsByTagName("item");
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if (item.getElementsByTagName("link").item(0).getTextContent().equals("http://localhost" + publicPath)) {
                titles.add(item.getElementsByTagName("title").item(0).getTextContent());
            }
        }
        assertThat(titles).hasSize(1);
        // the verdict on a claim in quotes: never the rumour alone under a heading a reader takes for official
        assertThat(titles.get(0)).isEqualTo("Sai sự thật: “" + claim + "”");
        org.jsoup.nodes.Document list = org.jsoup.Jsoup.parse(mvc.perform(get("/public/refutations"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.select("#refutations h2 a[href=" + publicPath + "]").text())
                .isEqualTo("Thông tin lan truyền: “" + claim + "”");
        assertThat(org.jsoup.Jsoup.parse(published).select("h1").text()).isEqualTo("Thông tin lan truyền: “" + claim + "”");
        // the public site's own address, cut short, leads to its first page; the sign-in page links to it
        mvc.perform(get("/public")).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/public/refutations"));
        assertThat(org.jsoup.Jsoup.parse(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
                .select("#public-site-link a").attr("href")).isEqualTo("/public/refutations");

        // a new post repeating the claim is linked to the case and flagged; an unrelated one is not
        clock.advance(java.time.Duration.ofMinutes(5));
        List<Long> fresh = CaseTestData.importPosts(importer, jdbc, clock.instant(),
                "Nghe nói Sở Y tế tỉnh giấu dịch bệnh lạ ở huyện Ninh Hải " + marker + " đã có hai mươi người chết mà không công bố, chia sẻ ngay",
                "Giá xăng dầu sẽ giảm mạnh từ chiều nay theo thông báo của liên bộ " + CaseTestData.marker());
        // (the matcher also runs on its own every 15 seconds: the tests look at what it linked, not at who linked it)
        matcher.matchNewPosts();
        assertThat(jdbc.sql("SELECT post_id FROM case_post WHERE case_id = ? AND repeat").param(caseId).query(Long.class).list())
                .containsExactly(fresh.get(0));
        assertThat(jdbc.sql("SELECT count(*) FROM case_post WHERE post_id = ?").param(fresh.get(1)).query(Long.class).single())
                .isZero();
        assertThat(matcher.matchNewPosts()).isZero();
        assertThat(repeatNotifications(caseId)).isEqualTo(1);
        CaseTestData.importPosts(importer, jdbc, clock.instant(), "Sở Y tế tỉnh giấu dịch bệnh lạ ở huyện Ninh Hải " + marker
                + " đã có hai mươi người chết mà không công bố, thật không thể tin được");
        matcher.matchNewPosts();
        assertThat(repeats(caseId)).isEqualTo(2);
        assertThat(repeatNotifications(caseId)).as("one notification while it is unread").isEqualTo(1);
        String refutedOn = "Đã bác bỏ ngày " + LocalTime.formatDay(approved.path("publishedAt").isMissingNode() ? clock.instant()
                : java.time.Instant.parse(approved.path("publishedAt").asString()));
        assertThat(page(coordinator, "/cases/" + caseId)).contains(refutedOn);
        assertThat(page(coordinator, "/cases")).contains(refutedOn).contains("/cases/" + caseId);
        CaseTestData.importPosts(importer, jdbc, clock.instant(), "Sở Y tế tỉnh giấu dịch bệnh lạ ở huyện Ninh Hải " + marker
                + " đã có hai mươi người chết mà không công bố, mọi người cẩn thận");
        matcher.matchNewPosts();
        assertThat(repeats(caseId)).isEqualTo(3);
        assertThat(repeatNotifications(caseId)).as("read on the case page, so a new one").isEqualTo(2);
        mvc.perform(get("/api/v1/cases/" + caseId).session(coordinator))
                .andExpect(jsonPath("$.repeatPostIds[0]").value(fresh.get(0).intValue()))
                .andExpect(jsonPath("$.repeatPostIds.length()").value(3));
        // and wherever the listening pages show the post, it carries the flag and a link to the refutation
        String search = "";
        for (int i = 0; i < 100 && !search.contains(refutedOn); i++) {
            search = page(officer, "/posts?q=" + marker + "&sort=time");
            if (!search.contains(refutedOn)) {
                Thread.sleep(100);
            }
        }
        assertThat(search).contains(refutedOn).contains("href=\"" + publicPath + "\"");
    }

    @Test
    void aReferredCaseGivesAnEvidencePackageThatVerifiesAndATamperedOneThatDoesNot() throws Exception {
        String marker = CaseTestData.marker();
        List<Long> posts = CaseTestData.importPosts(importer, jdbc, clock.instant(),
                "Kêu gọi tụ tập trước trụ sở Ủy ban tỉnh " + marker + " để phản đối, mang theo gậy gộc, ai không đi là hèn",
                "Bịa đặt lãnh đạo Sở Y tế nhận hối lộ " + marker + " hàng tỷ đồng từ công ty dược, chia sẻ cho mọi người biết");
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        JsonNode opened = json.readTree(mvc.perform(post("/api/v1/cases").session(coordinator).with(csrf())
                        .contentType("application/json").content("""
                                {"claim": "Kêu gọi tụ tập gây rối và vu khống lãnh đạo Sở Y tế", "category": "TOXIC_CONTENT",
                                 "severity": "CRITICAL", "postIds": [%d, %d], "agencyCode": "SYT"}
                                """.formatted(posts.get(0), posts.get(1))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        long caseId = opened.path("id").asLong();
        act(coordinator, caseId, Map.of("action", "TRIAGE"));
        act(coordinator, caseId, Map.of("action", "ASSIGN", "agencyCode", "SYT", "owner", "officer"));
        act(CaseTestData.signIn(mvc, "officer"), caseId, Map.of("action", "START_VERIFICATION"));
        String basis = "Điều 288 Bộ luật Hình sự; Điều 101 Nghị định 15/2020/NĐ-CP";
        act(coordinator, caseId, Map.of("action", "REFER", "legalBasis", basis));
        assertThat(statusOf(coordinator, caseId)).isEqualTo("REFERRED");
        mvc.perform(post("/cases/" + caseId + "/evidence").session(coordinator).with(csrf())).andExpect(status().is3xxRedirection());

        byte[] pack = mvc.perform(get("/cases/" + caseId + "/evidence.zip").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = unzip(pack);
        assertThat(entries).containsKeys("manifest.json", "SHA256SUMS", "tom-tat.html");
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.path("legalBasis").asString()).isEqualTo(basis);
        assertThat(manifest.path("items").size()).isEqualTo(4);
        for (JsonNode item : manifest.path("items")) {
            assertThat(JdbcCases.sha256(entries.get(item.path("file").asString()))).isEqualTo(item.path("sha256").asString());
        }
        assertThat(new String(entries.get("tom-tat.html"), StandardCharsets.UTF_8)).contains(basis).contains("sha256sum -c")
                // what the police read is in words: the kind, the severity, the status and the agency by name
                .contains("Nội dung độc hại, xúc phạm", "Nghiêm trọng", "Đã chuyển công an", "Sở Y tế")
                .doesNotContain("TOXIC_CONTENT", "CRITICAL", "REFERRED", "chủ trì:</b> SYT");

        // the referral as the province sends it: an official letter to the provincial police (Decree 30/2020), which
        // names the claim, where it was seen, the legal basis and this package by its manifest's hash
        assertThat(JdbcCases.sha256(entries.get(ReferralLetter.FILE))).isEqualTo(new String(entries.get("SHA256SUMS"),
                StandardCharsets.UTF_8).lines().filter(l -> l.endsWith("  " + ReferralLetter.FILE)).findFirst()
                .orElseThrow().substring(0, 64));
        String letter;
        try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(entries.get(ReferralLetter.FILE)));
                var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx)) {
            letter = extractor.getText();
        }
        String defaultSigner = jdbc.sql("""
                SELECT s.full_name FROM agency_signer s JOIN agency a ON a.id = s.agency_id
                WHERE a.code = 'SYT' AND s.by_default""").query(String.class).optional().orElse("(Ký, ghi rõ họ tên, đóng dấu)");
        assertThat(letter).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "SỞ Y TẾ", "/SYT",
                "V/v đề nghị xác minh, xử lý thông tin sai sự thật trên không gian mạng", "Kính gửi: Công an tỉnh Khánh Hòa",
                "“Kêu gọi tụ tập gây rối và vu khống lãnh đạo Sở Y tế” (vụ việc số " + caseId + ",", "Căn cứ pháp lý: " + basis,
                "https://www.facebook.com/posts/case-test-", "chung-cu-vu-viec-" + caseId + ".zip",
                JdbcCases.sha256(entries.get("manifest.json")), "Nơi nhận:", "Như trên", "GIÁM ĐỐC", defaultSigner)
                .containsPattern("Khánh Hòa, ngày \\d{2} tháng \\d{1,2} năm \\d{4}");

        mvc.perform(multipart("/api/v1/evidence/verify").file(new MockMultipartFile("file", "p.zip", "application/zip", pack))
                        .session(coordinator).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.items").value(4)).andExpect(jsonPath("$.caseId").value((int) caseId));
        assertThat(verifyWithTheCommandLine(pack)).isZero();

        // one character of one item changed: the package no longer verifies, and the item is named
        String file = manifest.path("items").get(1).path("file").asString();
        Map<String, byte[]> tampered = new LinkedHashMap<>(entries);
        tampered.put(file, new String(entries.get(file), StandardCharsets.UTF_8).replace("hèn", "hay")
                .replace("hối lộ", "quà tặng").getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/evidence/verify").file(new MockMultipartFile("file", "p.zip", "application/zip",
                        zip(tampered))).session(coordinator).with(csrf()))
                .andExpect(jsonPath("$.intact").value(false))
                .andExpect(jsonPath("$.problems[0]").value(org.hamcrest.Matchers.startsWith(file)));
        assertThat(verifyWithTheCommandLine(zip(tampered))).isEqualTo(1);

        // the same change with the manifest and SHA256SUMS rewritten to match: still caught against what Loa recorded
        String forged = new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                .replace(manifest.path("items").get(1).path("sha256").asString(), JdbcCases.sha256(tampered.get(file)));
        tampered.put("manifest.json", forged.getBytes(StandardCharsets.UTF_8));
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, byte[]> entry : tampered.entrySet()) {
            if (!entry.getKey().equals("SHA256SUMS")) {
                sums.append(JdbcCases.sha256(entry.getValue())).append("  ").append(entry.getKey()).append('\n');
            }
        }
        tampered.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        String verdict = mvc.perform(multipart("/api/v1/evidence/verify").file(new MockMultipartFile("file", "p.zip",
                        "application/zip", zip(tampered))).session(coordinator).with(csrf()))
                .andExpect(jsonPath("$.intact").value(false)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(verdict).contains("không phải của bản kê nào Loa đã lập").contains(file + ": mã SHA-256 là")
                .contains("lúc thu thập Loa đã ghi");

        // not a package at all: a clear refusal
        mvc.perform(multipart("/api/v1/evidence/verify").file(new MockMultipartFile("file", "p.zip", "application/zip",
                        "not a zip".getBytes(StandardCharsets.UTF_8))).session(coordinator).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field").value("file"));
    }

    @Test
    void theEvidencePackageHoldsEveryAttachedFileAndVerificationNoteOfTheCase() throws Exception {
        String marker = CaseTestData.marker();
        List<Long> posts = CaseTestData.importPosts(importer, jdbc, clock.instant(),
                "Tung tin công an tỉnh bắt giữ lãnh đạo Sở Y tế " + marker + " vì buôn lậu thuốc, ai cũng biết rồi");
        MockHttpSession coordinator = CaseTestData.signIn(mvc, "coordinator");
        long caseId = json.readTree(mvc.perform(post("/api/v1/cases").session(coordinator).with(csrf())
                        .contentType("application/json").content("""
                                {"claim": "Công an tỉnh bắt giữ lãnh đạo Sở Y tế vì buôn lậu thuốc", "category": "FALSE_INFORMATION",
                                 "severity": "HIGH", "postIds": [%d], "agencyCode": "SYT"}
                                """.formatted(posts.get(0))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("id").asLong();
        act(coordinator, caseId, Map.of("action", "TRIAGE"));
        act(coordinator, caseId, Map.of("action", "ASSIGN", "agencyCode", "SYT", "owner", "officer"));
        MockHttpSession officer = CaseTestData.signIn(mvc, "officer");
        act(officer, caseId, Map.of("action", "START_VERIFICATION"));

        // the officer attaches a screenshot, the coordinator a record of a meeting and a note
        byte[] screenshot = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        mvc.perform(multipart("/cases/" + caseId + "/attachments").file(new MockMultipartFile("file",
                        "Ảnh chụp màn hình bài viết.png", "image/png", screenshot)).session(officer).with(csrf()))
                .andExpect(status().is3xxRedirection());
        byte[] minutes = ("Biên bản làm việc " + marker + ": Công an tỉnh xác nhận không bắt giữ ai.\n").getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/cases/" + caseId + "/attachments").file(new MockMultipartFile("file", "bien-ban.txt",
                        "text/plain", minutes)).session(coordinator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/cases/" + caseId + "/notes").session(coordinator).with(csrf())
                        .param("checked", "Đã làm việc với Công an tỉnh (PA05) về nguồn tin " + marker)
                        .param("checkedWith", "Phòng An ninh mạng, Công an tỉnh (PA05)")
                        .param("links", "https://congan.khanhhoa.gov.vn/thong-bao"))
                .andExpect(status().is3xxRedirection());
        act(coordinator, caseId, Map.of("action", "REFER", "legalBasis", "Điều 101 Nghị định 15/2020/NĐ-CP"));

        byte[] pack = mvc.perform(get("/cases/" + caseId + "/evidence.zip").session(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = unzip(pack);
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.path("attachments").size()).isEqualTo(2);
        JsonNode png = manifest.path("attachments").get(0);
        assertThat(png.path("fileName").asString()).isEqualTo("Ảnh chụp màn hình bài viết.png");
        assertThat(png.path("file").asString()).isEqualTo("attachments/0001-Anh-chup-man-hinh-bai-viet.png");
        assertThat(entries.get(png.path("file").asString())).isEqualTo(screenshot);
        assertThat(png.path("sha256").asString()).isEqualTo(JdbcCases.sha256(screenshot));
        JsonNode txt = manifest.path("attachments").get(1);
        assertThat(txt.path("fileName").asString()).isEqualTo("bien-ban.txt");
        assertThat(entries.get(txt.path("file").asString())).isEqualTo(minutes);
        assertThat(manifest.path("notes").size()).isEqualTo(1);
        String noteFile = manifest.path("notes").get(0).path("file").asString();
        assertThat(noteFile).startsWith("notes/");
        JsonNode note = json.readTree(entries.get(noteFile));
        assertThat(note.path("checked").asString()).isEqualTo("Đã làm việc với Công an tỉnh (PA05) về nguồn tin " + marker);
        assertThat(note.path("checkedWith").asString()).isEqualTo("Phòng An ninh mạng, Công an tỉnh (PA05)");
        assertThat(note.path("links").get(0).asString()).isEqualTo("https://congan.khanhhoa.gov.vn/thong-bao");
        assertThat(manifest.path("notes").get(0).path("sha256").asString()).isEqualTo(JdbcCases.sha256(entries.get(noteFile)));

        // `sha256sum -c SHA256SUMS` checks every file of the package but the list itself
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8).split("\n")) {
            sums.put(line.substring(line.indexOf("  ") + 2), line.substring(0, line.indexOf("  ")));
        }
        assertThat(sums.keySet()).containsExactlyInAnyOrderElementsOf(entries.keySet().stream()
                .filter(name -> !name.equals("SHA256SUMS")).toList());
        sums.forEach((name, sha) -> assertThat(JdbcCases.sha256(entries.get(name))).as(name).isEqualTo(sha));

        // the printed summary lists them too, and names people as the police read them, not by their login ids
        String summary = new String(entries.get("tom-tat.html"), StandardCharsets.UTF_8);
        assertThat(summary).contains("Tệp đính kèm (2)", "Ảnh chụp màn hình bài viết.png", "bien-ban.txt",
                JdbcCases.sha256(screenshot), "Ghi chép xác minh (1)", "Đã làm việc với Công an tỉnh (PA05) về nguồn tin " + marker);
        String coordinatorName = fullName("coordinator");
        String officerName = fullName("officer");
        assertThat(summary).contains("<b>Người lập:</b> " + HtmlUtils.htmlEscape(coordinatorName, "UTF-8"))
                .contains("<td>" + HtmlUtils.htmlEscape(officerName, "UTF-8") + "</td>")
                .doesNotContain("Người lập:</b> coordinator", "<td>coordinator</td>", "<td>officer</td>");
        assertThat(manifest.path("generatedByName").asString()).isEqualTo(coordinatorName);
        assertThat(png.path("uploadedByName").asString()).isEqualTo(officerName);
        assertThat(manifest.path("notes").get(0).path("authorName").asString()).isEqualTo(coordinatorName);
        assertThat(manifest.path("case").path("agencyName").asString()).isEqualTo("Sở Y tế");
        // a post's topic in Vietnamese words, as the pages show it ("Sức khỏe", not the engine's "Suc khoe")
        JsonNode item = json.readTree(entries.get(manifest.path("items").get(0).path("file").asString()));
        String engineTopic = jdbc.sql("SELECT topic FROM post WHERE id = ?").param(posts.get(0)).query(String.class).single();
        assertThat(engineTopic).isNotBlank();
        assertThat(item.path("topic").asString()).isEqualTo(messages.getMessage("topic." + engineTopic.replace(' ', '_'), null,
                java.util.Locale.forLanguageTag("vi"))).isNotEqualTo(engineTopic);
        assertThat(item.path("capturedByName").asString()).isEqualTo(coordinatorName);
        assertThat(item.path("agencyNames").size()).isEqualTo(item.path("agencies").size());
        for (int i = 0; i < item.path("agencies").size(); i++) {
            assertThat(item.path("agencyNames").get(i).asString()).isNotEqualTo(item.path("agencies").get(i).asString());
        }

        mvc.perform(multipart("/api/v1/evidence/verify").file(new MockMultipartFile("file", "p.zip", "application/zip", pack))
                        .session(coordinator).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.items").value(1)).andExpect(jsonPath("$.attachments").value(2))
                .andExpect(jsonPath("$.notes").value(1));
        assertThat(verifyWithTheCommandLine(pack)).isZero();

        // a file swapped for another, with the manifest and SHA256SUMS rewritten to match: caught against what Loa recorded
        Map<String, byte[]> tampered = new LinkedHashMap<>(entries);
        byte[] other = ("Biên bản " + marker + ": đã bắt giữ.\n").getBytes(StandardCharsets.UTF_8);
        tampered.put(txt.path("file").asString(), other);
        tampered.put("manifest.json", new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                .replace(txt.path("sha256").asString(), JdbcCases.sha256(other)).getBytes(StandardCharsets.UTF_8));
        tampered.remove(noteFile);
        StringBuilder rewritten = new StringBuilder();
        for (Map.Entry<String, byte[]> entry : tampered.entrySet()) {
            if (!entry.getKey().equals("SHA256SUMS")) {
                rewritten.append(JdbcCases.sha256(entry.getValue())).append("  ").append(entry.getKey()).append('\n');
            }
        }
        tampered.put("SHA256SUMS", rewritten.toString().getBytes(StandardCharsets.UTF_8));
        String verdict = mvc.perform(multipart("/api/v1/evidence/verify").file(new MockMultipartFile("file", "p.zip",
                        "application/zip", zip(tampered))).session(coordinator).with(csrf()))
                .andExpect(jsonPath("$.intact").value(false)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(verdict).contains(txt.path("file").asString() + ": mã SHA-256 là " + JdbcCases.sha256(other)
                + ", lúc đính kèm Loa đã ghi " + txt.path("sha256").asString()).contains(noteFile + ": không có trong gói");
    }

    private String fullName(String username) {
        return jdbc.sql("SELECT full_name FROM app_user WHERE username = ?").param(username).query(String.class).single();
    }

    private long repeats(long caseId) {
        return jdbc.sql("SELECT count(*) FROM case_post WHERE case_id = ? AND repeat").param(caseId).query(Long.class).single();
    }

    private long repeatNotifications(long caseId) {
        return jdbc.sql("""
                SELECT count(*) FROM case_notification WHERE case_id = ? AND username = 'coordinator'
                   AND message_key = 'case.notify.repeats'
                """).param(caseId).query(Long.class).single();
    }

    private int verifyWithTheCommandLine(byte[] pack) throws Exception {
        Path file = Files.createTempFile("loa-evidence", ".zip");
        try {
            Files.write(file, pack);
            CliCommand verify = commands.stream().filter(c -> c.name().equals("evidence verify")).findFirst().orElseThrow();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            return verify.run(List.of(file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void act(MockHttpSession session, long caseId, Map<String, String> params) throws Exception {
        var request = post("/cases/" + caseId + "/transitions").session(session).with(csrf());
        params.forEach(request::param);
        mvc.perform(request).andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashKey", "case.action.done." + params.get("action")));
    }

    private String statusOf(MockHttpSession session, long caseId) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/cases/" + caseId).session(session)).andReturn().getResponse()
                .getContentAsString()).path("status").asString();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}

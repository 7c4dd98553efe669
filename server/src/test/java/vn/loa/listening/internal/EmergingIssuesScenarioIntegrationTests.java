package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostImporter;
import vn.loa.listening.Trends;
import vn.loa.nlp.io.JsonLine;
import vn.loa.shared.Actor;

/**
 * The scenario of issue #12, written here: sixty quiet days made of the shipped demo posts' texts spread evenly (so
 * that nothing in them bursts), an older story about hospital records five days before, then a growing burst of
 * complaints about the provincial hospital in its own words (overcrowding, health insurance, medicine running out),
 * with identical complaints shared by several people. The scenario sits 90 days in the past, away from the demo
 * data, and the trends are computed as of chosen moments.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmergingIssuesScenarioIntegrationTests {

    static final Set<String> BURST_WORDS = Set.of("quá tải", "bhyt", "thiếu thuốc", "hết thuốc", "tự mua");

    private static final tools.jackson.databind.ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Autowired
    TrendService trends;

    @Autowired
    PostImporter importer;

    @Autowired
    JdbcClient jdbc;

    private final String source = "scenario-" + ProcessHandle.current().pid();
    private Instant burstStart;
    private final Set<String> burstIds = new HashSet<>();

    @BeforeAll
    void importTheScenario() throws Exception {
        burstStart = Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plus(37, ChronoUnit.MINUTES);
        Random random = new Random(12);
        StringBuilder file = new StringBuilder();
        List<String> records = new ArrayList<>();
        int n = 0;
        try (InputStream in = DemoPosts.class.getResourceAsStream(DemoPosts.RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                Map<String, Object> post = JsonLine.object(line);
                String text = (String) post.get("text");
                if (text.contains("hồ sơ")) {
                    records.add(text); // the demo's hospital-records story: the older story of this scenario
                    continue;
                }
                // quiet: each text twice (by its author and by someone else), spread evenly over the 60 days before the
                // burst and the two hours after its start: about a hundred posts a day, as in the demo
                for (int copy = 0; copy < 2; copy++) {
                    long minutes = random.nextInt(60 * 24 * 60 + 120);
                    Instant at = burstStart.minus(60, ChronoUnit.DAYS).plus(minutes, ChronoUnit.MINUTES);
                    String author = copy == 0 ? (String) post.get("author") : "Bạn đọc " + random.nextInt(100_000);
                    file.append(line("quiet-" + n++, (String) post.get("platform"), author, at, text));
                }
            }
        }
        // the older story: hospital records, five days before, answered since
        for (int i = 0; i < records.size(); i++) {
            Instant at = burstStart.minus(5, ChronoUnit.DAYS).plus(random.nextInt(36 * 60), ChronoUnit.MINUTES);
            file.append(line("records-" + i, "facebook", "Người đọc " + i, at, records.get(i)));
        }
        // the burst: a few posts in its first ten minutes, more every ten minutes after
        String[] openers = {"", "Ai có cách gì không, ", "Bức xúc thật sự, ", "Nhờ Sở Y tế xem xét: ", "Mẹ tôi đang nằm viện: ",
            "Phản ánh: "};
        String[] complaints = {
            "Bệnh viện đa khoa tỉnh quá tải, bệnh nhân phải nằm ghép hai ba người một giường",
            "khoa cấp cứu bệnh viện tỉnh quá tải, chờ từ sáng tới chiều chưa được khám",
            "bệnh viện tỉnh thiếu thuốc, bác sĩ kê đơn rồi bảo ra ngoài tự mua",
            "đi khám BHYT ở bệnh viện tỉnh mà thuốc BHYT hết, phải tự mua thuốc ngoài giá cao",
            "thẻ BHYT đóng đủ mà bệnh viện tỉnh báo thiếu thuốc, không được cấp",
            "phòng khám BHYT bệnh viện tỉnh quá tải, người già đứng xếp hàng cả buổi",
            "bệnh viện tỉnh thiếu thuốc điều trị tiểu đường cả tháng nay, bệnh nhân BHYT phải tự mua",
            "quá tải ở bệnh viện tỉnh, hành lang kín giường bệnh"};
        String[] closers = {"", " Mong lãnh đạo tỉnh vào cuộc.", " Dân khổ quá!", " Ai chịu trách nhiệm đây?", ""};
        int[] perTenMinutes = {2, 3, 4, 6, 8, 10, 13, 16, 20, 24, 28, 32};
        List<String> said = new ArrayList<>();
        int b = 0;
        for (int block = 0; block < perTenMinutes.length; block++) {
            for (int k = 0; k < perTenMinutes[block]; k++) {
                Instant at = burstStart.plus(block * 10L + random.nextInt(10), ChronoUnit.MINUTES);
                // one complaint in five is shared word for word by another person
                String text = !said.isEmpty() && random.nextInt(5) == 0 ? said.get(random.nextInt(said.size()))
                        : openers[random.nextInt(openers.length)] + complaints[random.nextInt(complaints.length)]
                                + closers[random.nextInt(closers.length)];
                said.add(text);
                String id = "burst-" + b++;
                burstIds.add(id);
                file.append(line(id, random.nextBoolean() ? "facebook" : "zalo", "Người dân " + random.nextInt(100_000), at,
                        text));
            }
        }
        ImportSummary summary = importer.importFile("scenario.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        assertThat(summary.quarantined()).isEmpty();
    }

    private String line(String id, String platform, String author, Instant at, String text) {
        return JSON.writeValueAsString(Map.of("source", source, "platform", platform, "external_id", id, "published_at", at.toString(),
                "author", author == null ? "" : author, "text", text)) + "\n";
    }

    @Test
    void theBurstIsTheTopIssueWithinAnHourUnderItsOwnWordsAsOneIssue() {
        ListeningScope province = new ListeningScope(null, true);
        Set<Long> burstPosts = new HashSet<>(jdbc.sql("SELECT p.id FROM post p JOIN post_source s ON s.id = p.source_id "
                + "WHERE s.code = ? AND p.external_id LIKE 'burst-%'").param(source).query(Long.class).list());
        Map<Integer, String> timeline = new TreeMap<>();
        Integer firstTop = null;
        for (int minutes = 10; minutes <= 60; minutes += 10) {
            List<Trends.Issue> issues = trends.emergingAt(province, "vi", burstStart.plus(minutes, ChronoUnit.MINUTES));
            Trends.Issue top = issues.isEmpty() ? null : issues.get(0);
            boolean burstOnTop = top != null && share(top, burstPosts) >= 0.8;
            timeline.put(minutes, top == null ? "-" : top.title() + " " + top.recent() + "/" + top.windowMinutes()
                    + " burst " + top.burst());
            if (burstOnTop && firstTop == null) {
                firstTop = minutes;
            }
        }
        System.out.println("Scenario: the burst's place as minutes pass: " + timeline + "; top from minute " + firstTop);
        assertThat(firstTop).as("the burst reaches the top within 60 minutes: %s", timeline).isNotNull()
                .isLessThanOrEqualTo(60);

        List<Trends.Issue> issues = trends.emergingAt(province, "vi", burstStart.plus(60, ChronoUnit.MINUTES));
        Trends.Issue top = issues.get(0);
        // strong enough for the demo's province-wide alert rule (a burst of 8) by then
        assertThat(top.burst()).isGreaterThanOrEqualTo(8);
        // under its own words, not the older story's
        assertThat(top.words()).anyMatch(word -> BURST_WORDS.stream().anyMatch(word.toLowerCase(Locale.ROOT)::contains));
        assertThat(top.words()).noneMatch(word -> word.contains("hồ sơ") || word.contains("xuất viện"));
        assertThat(top.examples()).hasSize(3).allMatch(e -> burstPosts.contains(e.id()));
        // as one issue: no other issue is mostly the burst's posts
        assertThat(issues.stream().skip(1).filter(issue -> share(issue, burstPosts) >= 0.3).toList()).isEmpty();
        // every voice counted: identical complaints from different people are all there
        long burstSoFar = jdbc.sql("SELECT count(*) FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? "
                + "AND p.external_id LIKE 'burst-%' AND p.published_at <= ?").params(source,
                        java.sql.Timestamp.from(burstStart.plus(60, ChronoUnit.MINUTES))).query(Long.class).single();
        assertThat(top.postIds().stream().filter(burstPosts::contains).count()).isGreaterThanOrEqualTo(burstSoFar * 8 / 10);
        assertThat(top.authors()).isGreaterThan(top.observed() / 2);
    }

    @Test
    void quietDaysRaiseFewIssuesAndNoneStrong() {
        ListeningScope province = new ListeningScope(null, true);
        // every six hours over the 30 quiet days before the older story (each with 28 days of baseline before it)
        Map<String, Integer> above = new TreeMap<>();
        int evaluations = 0;
        double strongest = 0;
        String strongestTitle = "";
        for (Instant at = burstStart.minus(36, ChronoUnit.DAYS); at.isBefore(burstStart.minus(6, ChronoUnit.DAYS));
                at = at.plus(6, ChronoUnit.HOURS)) {
            evaluations++;
            for (Trends.Issue issue : trends.emergingAt(province, "vi", at)) {
                for (int threshold : new int[] {4, 8, 12, 16}) {
                    if (issue.burst() >= threshold) {
                        above.merge("burst>=" + threshold, 1, Integer::sum);
                    }
                }
                if (issue.burst() > strongest) {
                    strongest = issue.burst();
                    strongestTitle = issue.title();
                }
            }
        }
        System.out.println("Quiet days: " + evaluations + " evaluations, issues above each burst level: " + above
                + "; strongest " + strongest + " (" + strongestTitle + ")");
        assertThat(above.getOrDefault("burst>=12", 0)).as("strong issues on quiet days: %s", above).isZero();
    }

    private static double share(Trends.Issue issue, Set<Long> posts) {
        return issue.postIds().isEmpty() ? 0
                : (double) issue.postIds().stream().filter(posts::contains).count() / issue.postIds().size();
    }
}

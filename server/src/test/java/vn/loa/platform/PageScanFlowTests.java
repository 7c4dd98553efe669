package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.shared.LocalTime;

/**
 * Signs in as every demo account (and as nobody, for the public site), crawls every page reachable from
 * the navigation and from the links on those pages, in Vietnamese and in English, and reads each page as
 * a person would: no enum names, raw maps, JSON, unresolved message keys, {@code null}, times with
 * seconds, login ids, agency or source codes where a name belongs, and numbers written the way the page's
 * language writes them. Text that people wrote (posts, claims, notes: marked {@code data-untrusted}) is
 * not Loa's to format and is skipped; so is an identifier shown on purpose (marked {@code data-identifier},
 * such as the login-id column of the user list).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PageScanFlowTests {

    private static final String PASSWORD = "loa-demo";
    private static final List<String> ACCOUNTS = List.of("admin", "leader", "coordinator", "officer", "district",
            "spokesperson", "press");
    private static final List<String> LANGUAGES = List.of("vi", "en");
    private static final int MAX_DEPTH = 3;
    private static final int MAX_PAGES = 150;
    private static final int PER_SHAPE = 2;
    private static final int PER_PATH = 8;

    /**
     * Pages (as paths whose numbers became {n}) still known to show internals. Their findings are printed but
     * do not fail the test; a page listed here that shows none fails it, so that the list only shrinks.
     */
    private static final Set<String> KNOWN_FAILING = Set.of();

    /** Acronyms that read as words to a Vietnamese official, although an enum or a vocabulary uses them too. */
    private static final Set<String> ACRONYMS = Set.of("CSV", "PDF", "URL", "API", "RSS", "UBND", "BHYT", "SMS");

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.loa.consultation.ThemeGroups themeGroups;

    @Autowired
    vn.loa.consultation.ConsultationAnswers consultationAnswers;

    @Autowired
    vn.loa.coordination.Directives directives;

    @Autowired
    vn.loa.coordination.Tasks tasks;

    @Autowired
    vn.loa.coordination.Difficulties difficulties;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private List<Check> checks;

    /** Each page (path with numbers as {n}) the crawl fetched, with the statuses it answered with. */
    private final Map<String, Set<Integer>> visited = new TreeMap<>();

    @BeforeEach
    void collectWhatMustNotShow() {
        Set<String> codes = codeLikeConstants();
        codes.removeAll(ACRONYMS);
        Set<String> agencyCodes = agencies.all().stream().map(Agency::code)
                .filter(code -> code.matches(".*\\p{Lu}.*") && code.length() >= 2 && !ACRONYMS.contains(code))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> sourceCodes = new TreeSet<>(jdbc.sql("SELECT code FROM post_source WHERE name IS NOT NULL")
                .query(String.class).list());
        Set<String> loginIds = users.list().stream().map(UserAccount::username)
                .collect(Collectors.toCollection(TreeSet::new));
        checks = List.of(
                new Check("enum or vocabulary code", words(codes), language -> true),
                new Check("agency code instead of its name", words(agencyCodes), language -> true),
                new Check("source code instead of its name", words(sourceCodes), language -> true),
                new Check("snake_case code", Pattern.compile("(?<![\\p{L}\\p{N}_./-])\\p{Ll}+_\\p{Ll}+(_\\p{Ll}+)*(?![\\p{L}\\p{N}_])"),
                        language -> true),
                new Check("raw map", Pattern.compile("\\{[\\p{L}\\p{N}_.-]+=|\\{}"), language -> true),
                new Check("JSON", Pattern.compile("\\{\\s*\"|\\[\\s*\\{|\":\\s*[\"\\[{\\d]"), language -> true),
                new Check("raw list", Pattern.compile("\\[[^\\[\\]]*,[^\\[\\]]*]|\\[]"), language -> true),
                new Check("unresolved message", Pattern.compile("\\?\\?[^?\\s]+\\?\\?|#\\{|\\$\\{"), language -> true),
                new Check("null", Pattern.compile("(?<![\\p{L}\\p{N}])(null|Optional\\[|Optional\\.empty)(?![\\p{L}\\p{N}])"),
                        language -> true),
                new Check("time with seconds", Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}:\\d{2}(?!\\d)"), language -> true),
                new Check("instant", Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}"), language -> true),
                // demo login ids are English words; in Vietnamese text they can only be a login id
                new Check("login id instead of a name", words(loginIds), "vi"::equals),
                new Check("Vietnamese number on an English page",
                        Pattern.compile("(?<![\\d.,])\\d{1,3}(\\.\\d{3})+(?![\\d.,]*\\d)|(?<![\\d.,])\\d+,\\d{1,2}(?![\\d,.]*\\d)"),
                        "en"::equals),
                new Check("English number on a Vietnamese page",
                        Pattern.compile("(?<![\\d.,])\\d{1,3}(,\\d{3})+(?![\\d.,]*\\d)|(?<![\\d.,/])\\d+\\.\\d{1,2}(?![\\d,./]*\\d)"),
                        "vi"::equals),
                new Check("English plural after one", Pattern.compile("(?<![\\p{L}\\d.,] ?)1 (?!(is|was|has|does|as|us)(?!\\p{L}))(\\p{Ll}+s)(?!\\p{L})"),
                        "en"::equals));
    }

    /** A consultation of the Department of Health with its comments grouped and one answer published. */
    private long consultationWithAnAnswer() {
        var officer = new vn.loa.identity.SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
                Set.of(vn.loa.identity.Role.OFFICER));
        var spokesperson = new vn.loa.identity.SignedInUser(6L, "spokesperson", "Người phát ngôn", null, "SYT",
                Set.of(vn.loa.identity.Role.SPOKESPERSON));
        long id = vn.loa.consultation.internal.ConsultationAnswersTestData.create(jdbc, "SYT", "scan" + System.nanoTime(), 40)
                .consultationId();
        themeGroups.regroup(id, officer);
        long group = themeGroups.groups(id, officer).getFirst().groups().getFirst().id();
        vn.loa.consultation.ThemeGroups.Answer answer = consultationAnswers.save(group,
                vn.loa.consultation.Verdict.PARTLY_ACCEPTED, "Tiếp thu một phần ý kiến.", null, officer);
        answer = consultationAnswers.submit(answer.id(), answer.version(), officer);
        answer = consultationAnswers.approve(answer.id(), answer.version(), spokesperson);
        consultationAnswers.publish(answer.id(), answer.version(), officer);
        return id;
    }

    /** A directive with a task of the Department of Health and one of the demo commune, and a difficulty of each. */
    private List<String> coordinationPages() {
        var coordinator = new vn.loa.identity.SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
                Set.of(vn.loa.identity.Role.COORDINATOR));
        java.time.LocalDate today = java.time.LocalDate.now(vn.loa.shared.LocalTime.ZONE);
        String marker = "scan" + System.nanoTime();
        var directive = directives.create(new vn.loa.coordination.Directives.NewDirective("Kế hoạch", marker + "/KH-UBND",
                today.minusDays(40), "56", "Phó Chủ tịch Nguyễn Văn A", "Kế hoạch truyền thông chính sách", "Tóm tắt",
                "Nội dung", null, null), coordinator);
        List<String> pages = new ArrayList<>();
        pages.add("/coordination/directives/" + directive.id());
        for (String agency : List.of("SYT", "22852")) {
            var task = tasks.add(directive.id(), new vn.loa.coordination.Tasks.NewTask("1", "Truyền thông chính sách",
                    "Tin bài", List.of(agency), List.of(), vn.loa.coordination.Recurrence.MONTHLY, null, 20, null, null,
                    null, true, true), coordinator).get(0);
            pages.add("/coordination/tasks/" + task.id());
            var staff = new vn.loa.identity.SignedInUser(null, agency.equals("SYT") ? "officer" : "district", "Cán bộ",
                    agencies.findByCode(agency, today).orElseThrow().id(), agency, Set.of(vn.loa.identity.Role.OFFICER));
            tasks.report(task.id(), new vn.loa.coordination.Tasks.NewProgress(null, "Đã đăng 3 tin bài", 30,
                    java.util.Map.of("tin bài", 3.0), false, List.of()), staff);
            var difficulty = difficulties.submit(new vn.loa.coordination.Difficulties.NewDifficulty("DIFFICULTY",
                    "Thiếu kinh phí", "Đề nghị hỗ trợ", task.id(), null, List.of()), staff);
            pages.add("/coordination/difficulties/" + difficulty.id());
        }
        return pages;
    }

    @Test
    void noPageShowsInternalsInEitherLanguage() throws Exception {
        Map<String, Map<String, String>> findings = new LinkedHashMap<>();
        Set<String> navigation = new LinkedHashSet<>();
        long consultation = consultationWithAnAnswer();
        for (String language : LANGUAGES) {
            Session anonymous = new Session(null, language);
            crawl(anonymous, List.of("/public/refutations", "/public/report", "/public/messages", "/public/consultations",
                    "/login", "/public/consultations/" + consultation + "/answers",
                    "/public/consultations/" + consultation + "/changes"), findings);
        }
        Session admin = new Session("admin", "vi");
        navigation.addAll(linksOf(admin, "/", "#main-nav a"));
        // pages a role may not open must still answer a browser with a page, not with JSON
        navigation.add("/cases/999999999");
        // the consultation's groups and answers (the consultation's page links to them)
        navigation.add("/consultations/" + consultation + "/groups");
        navigation.add("/consultations/" + consultation + "/answers");
        // a difficulty (the difficulties' list links to it) and a task of the commune and of the Department of Health
        navigation.addAll(coordinationPages());
        // resources: an agency with staff, training, budget lines and a contract; the budget and the contracts
        agencies.findByCode("SVHTTDL", LocalDate.now(LocalTime.ZONE))
                .ifPresent(a -> navigation.add("/resources/agencies/" + a.id().value()));
        navigation.add("/resources/budget");
        navigation.add("/resources/contracts");
        for (String account : ACCOUNTS) {
            for (String language : LANGUAGES) {
                Session session = new Session(account, language);
                List<String> seeds = new ArrayList<>();
                seeds.add("/");
                seeds.addAll(navigation);
                crawl(session, seeds, findings);
            }
        }
        List<String> failures = new ArrayList<>();
        List<String> tolerated = new ArrayList<>();
        for (var page : findings.entrySet()) {
            if (!page.getValue().isEmpty()) {
                (KNOWN_FAILING.contains(page.getKey()) ? tolerated : failures).add(page.getKey() + "\n    "
                        + String.join("\n    ", page.getValue().values()));
            }
        }
        for (String shape : KNOWN_FAILING) {
            if (findings.getOrDefault(shape, Map.of()).isEmpty()) {
                failures.add(shape + "\n    is listed as known to fail but shows no internals: take it off the list");
            }
        }
        if (!tolerated.isEmpty()) {
            System.out.println("Known-failing pages still showing internals:\n" + String.join("\n", tolerated));
        }
        assertThat(failures).as("pages showing internals").isEmpty();
        // the crawl reached the pages that matter, and a page a role may not open answered with the error page
        assertThat(visited).as("pages crawled").containsKeys("/", "/posts", "/listening", "/trends", "/alerts",
                "/alerts/{n}", "/cases", "/cases/{n}", "/cases/new", "/admin/audit", "/admin/users", "/admin/users/{n}",
                "/admin/agencies", "/admin/calendar", "/listening/sources", "/public/refutations", "/public/report", "/account",
                "/transparency", "/transparency/disclosure", "/public/access-to-information",
                "/public/access-to-information/register", "/public/access-to-information/disclosure", "/press",
                "/press/enquiries/{n}", "/press/enquiries/new", "/press/spokespersons", "/press/statements",
                "/press/statements/{n}", "/press/media", "/public/spokespersons", "/public/press-releases",
                "/public/press-releases/{n}", "/press/crises", "/press/crises/{n}", "/press/obligations",
                "/press/obligations/conferences/{n}", "/press/compliance", "/publishing", "/publishing/{n}",
                "/publishing/emergency", "/publishing/network", "/publishing/simulator", "/broadcasts",
                "/public/messages", "/public/messages/{n}", "/broadcasts/confirm", "/campaigns", "/campaigns/plans/{n}",
                "/campaigns/{n}", "/campaigns/messages/{n}", "/campaigns/translations", "/campaigns/approvals",
                "/campaigns/emergencies", "/consultations", "/consultations/{n}", "/consultations/drafts/{n}",
                "/consultations/{n}/contributions", "/public/consultations", "/public/consultations/{n}",
                "/public/consultations/{n}/changes", "/consultations/{n}/groups", "/consultations/{n}/answers",
                "/public/consultations/{n}/answers", "/coordination", "/coordination/directives/{n}",
                "/coordination/directives/new", "/coordination/tasks", "/coordination/tasks/{n}",
                "/coordination/difficulties", "/coordination/difficulties/{n}", "/coordination/reports",
                "/coordination/reports/{n}");
        assertThat(visited.get("/admin/users")).as("/admin/users for an officer").contains(403);
        assertThat(visited.get("/cases/{n}")).as("a case that does not exist").contains(404);
        assertThat(visited).as("resources and the leader's view crawled").containsKeys("/resources",
                "/resources/agencies/{n}", "/resources/budget", "/resources/contracts", "/leadership");
        assertThat(visited.get("/leadership")).as("/leadership for an officer").contains(403);
    }

    @Test
    void theScanFindsEachKindOfInternalAndSkipsWhatPeopleWrote() {
        String page = """
                <html><head><title>Hồ sơ</title></head><body>
                <p>Trạng thái TRIAGED, loại NEGATIVE_VOLUME</p><p>{agency=SYT}</p><p>{"status":403}</p>
                <p>[ADMIN, OFFICER]</p><p>??cases.title_vi??</p><p>Người phụ trách: null</p><p>01/12/2026 10:50:07</p>
                <p>policy land_environment</p><p title="1,5 giờ">x</p>
                <p data-untrusted>{agency=SYT} null 10:50:07 TRIAGED</p>
                </body></html>""";
        Map<String, String> found = scan(Jsoup.parse(page), "vi");
        assertThat(found.keySet()).contains("enum or vocabulary code «TRIAGED»", "enum or vocabulary code «NEGATIVE_VOLUME»",
                "raw map «{agency=»", "JSON «{\"»", "raw list «[ADMIN, OFFICER]»", "unresolved message «??cases.title_vi??»",
                "null «null»", "time with seconds «10:50:07»", "snake_case code «land_environment»");
        assertThat(scan(Jsoup.parse("<p>Đọc 1.234 bài, 2,5 lần</p>"), "en")).containsKeys(
                "Vietnamese number on an English page «1.234»", "Vietnamese number on an English page «2,5»");
        assertThat(scan(Jsoup.parse("<p>Đọc 1,234 bài, 2.5 lần</p>"), "vi")).containsKeys(
                "English number on a Vietnamese page «1,234»", "English number on a Vietnamese page «2.5»");
        assertThat(scan(Jsoup.parse("<p>1 posts found</p><p>Case 1 was opened; 1 post found</p>"), "en"))
                .containsOnlyKeys("English plural after one «1 posts»");
        assertThat(scan(Jsoup.parse("<p>Đọc 1.234 bài, 2,5 lần, lúc 10:50, ngày 01/12/2026</p>"), "vi")).isEmpty();
        assertThat(scan(Jsoup.parse("<p data-untrusted>{agency=SYT} null 10:50:07</p><p data-identifier>SYT</p>"), "vi"))
                .isEmpty();
    }

    @Test
    void theScanFindsANameThatLeavesOutTheVisibleTextAndAnEmptyTableHeader() {
        Map<String, String> found = scan(Jsoup.parse("""
                <a href="?lang=en" aria-label="Chuyển sang tiếng Anh" lang="en">English</a>
                <button aria-label="Đóng">Đóng</button><a href="/x" aria-label="Menu chính">Menu</a>
                <table id="sources-table"><tr><th>Nguồn</th><th></th><th><img src="x" alt="Thao tác"></th></tr></table>
                """), "vi");
        assertThat(found.keySet()).containsExactlyInAnyOrder("accessible name leaves out the visible text «English»",
                "empty table header");
        assertThat(found.get("empty table header")).isEqualTo("#sources-table");
        assertThat(scan(Jsoup.parse("""
                <a href="?lang=en" lang="en" title="Chuyển sang tiếng Anh">English</a>
                <a href="/posts" aria-label="Bỏ bộ lọc này">×</a><a href="/trends" aria-label="Xem diễn biến của vấn đề X">Xem diễn biến</a>
                <table><tr><th>Nguồn</th><th data-untrusted>Tên do người viết</th><th>Thao tác</th></tr></table>
                """), "vi")).isEmpty();
    }

    private void crawl(Session session, List<String> seeds, Map<String, Map<String, String>> findings) throws Exception {
        Deque<Visit> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Integer> perShape = new HashMap<>();
        Map<String, Integer> perPath = new HashMap<>();
        for (String seed : seeds) {
            if (seen.add(seed)) {
                queue.add(new Visit(seed, 0));
            }
        }
        int fetched = 0;
        while (!queue.isEmpty() && fetched < MAX_PAGES) {
            Visit visit = queue.poll();
            String shape = shape(visit.path());
            String path = shape.split("\\?", 2)[0];
            if (perShape.getOrDefault(shape, 0) >= PER_SHAPE || perPath.getOrDefault(path, 0) >= PER_PATH) {
                continue;
            }
            perShape.merge(shape, 1, Integer::sum);
            perPath.merge(path, 1, Integer::sum);
            fetched++;
            Page page = session.get(visit.path());
            visited.computeIfAbsent(path, p -> new TreeSet<>()).add(page.status());
            Map<String, String> found = new LinkedHashMap<>();
            if (page.status() >= 500) {
                found.put("server error " + page.status(), "");
            }
            if (!page.contentType().startsWith("text/html")) {
                found.put("answers a browser with " + page.contentType(),
                        page.body().substring(0, Math.min(120, page.body().length())));
            } else {
                Document document = Jsoup.parse(page.body(), page.uri().toString());
                found.putAll(scan(document, session.language()));
                if (visit.depth() < MAX_DEPTH && page.status() == 200) {
                    for (String link : links(document)) {
                        if (seen.add(link)) {
                            queue.add(new Visit(link, visit.depth() + 1));
                        }
                    }
                }
            }
            // one line per page shape and finding, with the first place it was seen
            Map<String, String> listed = findings.computeIfAbsent(path, s -> new LinkedHashMap<>());
            found.forEach((finding, context) -> listed.putIfAbsent(finding,
                    finding + " (" + session + " " + visit.path() + ") …" + context + "…"));
        }
    }

    /** Each finding ("kind «match»") with the text around its first occurrence. */
    private Map<String, String> scan(Document document, String language) {
        Document copy = document.clone();
        copy.select("script, style, noscript, template, [data-untrusted], [data-identifier]").remove();
        List<String> texts = new ArrayList<>();
        texts.add(copy.title());
        texts.add(copy.body().text());
        for (Element element : copy.select("[title], [aria-label], [placeholder], [alt], input[type=submit][value]")) {
            for (String attribute : List.of("title", "aria-label", "placeholder", "alt", "value")) {
                if (element.hasAttr(attribute) && (!attribute.equals("value") || element.tagName().equals("input"))) {
                    texts.add(element.attr(attribute));
                }
            }
        }
        Map<String, String> found = new LinkedHashMap<>();
        found.putAll(accessibility(document));
        for (String shown : texts) {
            // an address is an identifier, not a number or a time to be read
            String text = shown.replaceAll("https?://\\S+", "");
            for (Check check : checks) {
                if (!check.languages().test(language)) {
                    continue;
                }
                Matcher matcher = check.pattern().matcher(text);
                while (matcher.find()) {
                    int from = Math.max(0, matcher.start() - 40);
                    int to = Math.min(text.length(), matcher.end() + 40);
                    found.putIfAbsent(check.name() + " «" + matcher.group() + "»", text.substring(from, to));
                }
            }
        }
        return found;
    }

    /**
     * What axe calls {@code label-content-name-mismatch} (a control's accessible name leaves out the text it shows, so
     * that a person who says what they see cannot reach it by voice) and {@code empty-table-header}.
     */
    private static Map<String, String> accessibility(Document document) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Element labelled : document.select("a[aria-label], button[aria-label], [role=button][aria-label], "
                + "[role=link][aria-label], summary[aria-label]")) {
            String visible = labelled.text().strip().toLowerCase(java.util.Locale.ROOT);
            String name = labelled.attr("aria-label").strip().toLowerCase(java.util.Locale.ROOT);
            // like axe, text that is not words (a "×" that removes a filter) is not read as the control's name
            boolean words = visible.codePoints().filter(Character::isLetterOrDigit).count() > 1;
            if (words && !name.contains(visible)) {
                found.putIfAbsent("accessible name leaves out the visible text «" + labelled.text() + "»",
                        "aria-label=\"" + labelled.attr("aria-label") + "\"");
            }
        }
        for (Element header : document.select("th")) {
            if (header.text().isBlank() && header.attr("aria-label").isBlank()
                    && header.select("img[alt]").stream().allMatch(img -> img.attr("alt").isBlank())) {
                Element table = header.closest("table");
                found.putIfAbsent("empty table header", table == null || table.id().isEmpty() ? "" : "#" + table.id());
            }
        }
        return found;
    }

    private List<String> links(Document document) {
        List<String> links = new ArrayList<>();
        for (Element element : document.select("a[href], [hx-get], form[action]")) {
            if (element.tagName().equals("form") && !element.attr("method").isBlank()
                    && !element.attr("method").equalsIgnoreCase("get")) {
                continue;
            }
            String target = element.hasAttr("hx-get") ? element.absUrl("hx-get")
                    : element.hasAttr("href") ? element.absUrl("href") : element.absUrl("action");
            if (target.isBlank()) {
                continue;
            }
            URI uri = URI.create(target.replace(" ", "%20"));
            if (uri.getPort() != port || !"localhost".equals(uri.getHost()) && !"127.0.0.1".equals(uri.getHost())) {
                continue;
            }
            String path = uri.getRawPath();
            String query = uri.getRawQuery();
            if (path == null || path.equals("/logout") || path.startsWith("/api/") || path.startsWith("/actuator")
                    || path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
                    || path.startsWith("/img/") || path.contains("/export.") || path.endsWith(".zip")
                    || path.endsWith(".xml") || path.endsWith(".docx") || path.endsWith("/scan")
                    || path.contains("/attachments/")
                    || query != null && query.matches("(^|.*&)lang=.*")) {
                continue;
            }
            links.add(query == null ? path : path + "?" + query);
        }
        return links;
    }

    private List<String> linksOf(Session session, String path, String selector) throws Exception {
        Page page = session.get(path);
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        return document.select(selector).stream().map(a -> URI.create(a.absUrl("href")).getRawPath()).toList();
    }

    /** The path with its numbers as {n}, then the names of its parameters: pages of one kind share a shape. */
    static String shape(String pathAndQuery) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String shape = path.replaceAll("/\\d+(?=/|$)", "/{n}");
        if (question >= 0) {
            Set<String> names = new TreeSet<>();
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                String name = pair.split("=", 2)[0];
                String value = pair.contains("=") ? pair.split("=", 2)[1] : "";
                if (!value.isEmpty()) {
                    names.add(name);
                }
            }
            if (!names.isEmpty()) {
                shape += "?" + String.join("&", names);
            }
        }
        return shape;
    }

    /** Every enum constant of Loa and every code-like value of its constant vocabularies (Alerts.KINDS and so on). */
    private static Set<String> codeLikeConstants() {
        Set<String> codes = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.loa")) {
            Class<?> reflected;
            try {
                reflected = type.reflect();
            } catch (RuntimeException | LinkageError e) {
                continue;
            }
            if (reflected.isEnum()) {
                for (Object constant : reflected.getEnumConstants()) {
                    codes.add(((Enum<?>) constant).name());
                }
            }
            for (Field field : reflected.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || !Collection.class.isAssignableFrom(field.getType())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    if (field.get(null) instanceof Collection<?> values) {
                        values.stream().filter(String.class::isInstance).map(String.class::cast)
                                .filter(value -> value.matches("\\p{Lu}[\\p{Lu}\\d_]{2,}") || value.matches("\\p{Ll}+(_\\p{Ll}+)+"))
                                .forEach(codes::add);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a field we may not read is not a vocabulary shown on screen
                }
            }
        }
        return codes;
    }

    private static Pattern words(Collection<String> words) {
        if (words.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}_.@-])(" + words.stream().sorted((a, b) -> b.length() - a.length())
                .map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}_@-]|\\.\\p{L})");
    }

    private record Check(String name, Pattern pattern, Predicate<String> languages) {
    }

    private record Visit(String path, int depth) {
    }

    private record Page(int status, String contentType, String body, URI uri) {
    }

    /** A browser's session: its cookies, its language, and the Accept header a browser sends. */
    private final class Session {

        private final String account;
        private final String language;
        private final Map<String, String> cookies = new LinkedHashMap<>();

        Session(String account, String language) throws Exception {
            this.account = account;
            this.language = language;
            cookies.put("loa-lang", language);
            if (account != null) {
                Page login = get("/login");
                String token = Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value");
                String form = "username=" + account + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
                HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
                assertThat(signedIn.headers().firstValue("Location").orElse("")).as(account + " signs in").endsWith("/");
            }
        }

        String language() {
            return language;
        }

        Page get(String path) throws Exception {
            URI target = uri(path);
            for (int hop = 0; hop < 5; hop++) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(target).GET());
                if (response.statusCode() / 100 == 3 && response.headers().firstValue("Location").isPresent()) {
                    target = target.resolve(response.headers().firstValue("Location").get());
                    continue;
                }
                return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        response.body(), target);
            }
            throw new IllegalStateException("too many redirects from " + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .header("Accept-Language", language).timeout(Duration.ofSeconds(30));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                String name = pair.split("=", 2)[0];
                if (!name.equals("loa-lang")) {
                    cookies.put(name, pair.split("=", 2)[1]);
                }
            }
            return response;
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        @Override
        public String toString() {
            return (account == null ? "anonymous" : account) + "/" + language;
        }
    }
}

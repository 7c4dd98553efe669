package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.RequestDispatcher;
import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What Loa answers when something goes wrong, over real HTTP: a problem body (RFC 9457) under {@code /api/},
 * the shell's error page elsewhere, never a server error for a user's input, never the framework's JSON, and
 * the same security headers on the answers Tomcat makes itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ErrorResponsesFlowTests {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String JSON = "application/json";
    private static final String NUL = "x\u0000y";
    private static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy", "X-Frame-Options",
            "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-XSS-Protection", "Cache-Control",
            "Pragma", "Expires");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    WebApplicationContext context;

    /** An endpoint and the request parameters it declares. */
    private record Endpoint(RequestMethod method, String path, Set<String> parameters) {
    }

    @Test
    void aNulInAnyParameterOfAnyEndpointIsRefusedAsTheUsersMistake() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(30)
                .anyMatch(e -> e.path().equals("/api/v1/cases") && e.parameters().contains("agency"));
        HttpBrowser coordinator = HttpBrowser.onThisMachine(port);
        coordinator.signIn("coordinator");
        HttpBrowser admin = HttpBrowser.onThisMachine(port);
        admin.signIn("admin");
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            boolean api = endpoint.path().startsWith("/api/");
            for (String parameter : endpoint.parameters()) {
                String pair = HttpBrowser.encode(parameter) + "=" + HttpBrowser.encode(NUL);
                HttpBrowser.Answer answer = send(coordinator, endpoint, pair, api);
                if (answer.status() == 403) {
                    // the page is the administrator's: ask as one, so that the value reaches it
                    answer = send(admin, endpoint, pair, api);
                }
                sent++;
                String seen = endpoint.method() + " " + endpoint.path() + " " + parameter + " -> " + answer.status() + " "
                        + answer.contentType();
                if (answer.status() >= 500) {
                    wrong.add(seen);
                } else if (api && !(answer.status() >= 400 && answer.contentType().startsWith("application/problem+json"))) {
                    wrong.add(seen);
                } else if (!api && answer.status() >= 400 && !answer.contentType().startsWith("text/html")) {
                    wrong.add(seen);
                }
            }
        }
        assertThat(sent).isGreaterThan(100);
        assertThat(wrong).as("answers to a NUL in a parameter").isEmpty();
    }

    @Test
    void theDeskAndItsApiAreRefusedToAUserWithoutAnAgency() throws Exception {
        HttpBrowser press = HttpBrowser.onThisMachine(port);
        press.signIn("press");
        HttpBrowser.Answer page = press.get("/cases", HTML);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Bạn không có quyền xem trang này.");
        HttpBrowser.Answer api = press.get("/api/v1/cases?agency=SYT", JSON);
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aBadValueOutsideTheApiAnswersTheErrorPageSayingWhatIsWrong() throws Exception {
        HttpBrowser coordinator = HttpBrowser.onThisMachine(port);
        coordinator.signIn("coordinator");
        // the posts' download, a link of the search page, answers the search page as it refuses it (422)
        HttpBrowser.Answer export = coordinator.get("/posts/export.xlsx?from=" + HttpBrowser.encode("1' OR '1'='1"), HTML);
        assertThat(export.status()).isEqualTo(422);
        assertThat(export.contentType()).startsWith("text/html");
        assertThat(export.header("Content-Disposition")).isNull();
        assertThat(export.body()).contains("Ngày không hợp lệ");
        HttpBrowser.Answer trends = coordinator.get("/trends?dimension=topic&value=" + "x".repeat(201), HTML);
        assertThat(trends.status()).isEqualTo(400);
        assertThat(trends.body()).contains("tối đa 200 ký tự");
    }

    @Test
    void aParameterOfTheWrongTypeOutsideTheApiIsNamedOnTheErrorPageWithWhatWasGiven() throws Exception {
        HttpBrowser coordinator = HttpBrowser.onThisMachine(port);
        coordinator.signIn("coordinator");
        HttpBrowser.Answer flag = coordinator.get("/listening?province=" + HttpBrowser.encode("<b>có</b>"), HTML);
        assertThat(flag.status()).isEqualTo(400);
        assertThat(flag.contentType()).startsWith("text/html");
        assertThat(flag.body()).contains("Tham số «province» không đọc được: «&lt;b&gt;có&lt;/b&gt;» không phải là true hay false.")
                .doesNotContain("<b>có</b>");
        HttpBrowser.Answer number = coordinator.get("/listening/stories/abc", HTML);
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.body()).contains("Tham số «id» không đọc được: «abc» không phải là một số nguyên.");
        HttpBrowser.Answer english = coordinator.get("/trends?lang=en&province=maybe", HTML);
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("The parameter &quot;province&quot; could not be read: &quot;maybe&quot; is not true or "
                + "false.");
        // a long value is cut, not echoed whole
        HttpBrowser.Answer longValue = coordinator.get("/alerts/" + "9".repeat(400), HTML);
        assertThat(longValue.status()).isEqualTo(400);
        assertThat(longValue.body()).contains("9".repeat(40) + "…").doesNotContain("9".repeat(41));
        // the API keeps answering a problem naming the field
        HttpBrowser.Answer api = coordinator.get("/api/v1/overview?province=maybe", JSON);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"field\":\"province\"");
    }

    @Test
    void anUnknownAddressAnswersTheErrorPageOrUnderTheApiAProblem() throws Exception {
        HttpBrowser coordinator = HttpBrowser.onThisMachine(port);
        coordinator.signIn("coordinator");
        HttpBrowser.Answer page = coordinator.get("/khong-co-trang-nay", HTML);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Không tìm thấy trang");
        HttpBrowser.Answer api = coordinator.get("/api/v1/khong-co", JSON);
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
        HttpBrowser.Answer wrongType = coordinator.get("/cases/khong-phai-so", HTML);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.contentType()).startsWith("text/html");
    }

    @Test
    void aCitizensErrorPageLeadsBackToThePublicSiteNotToTheStaffsSignIn() throws Exception {
        // a withdrawn message's link (404, from the page's own handler) and an address typed wrong (400, from /error)
        for (String path : List.of("/public/messages/999999999", "/public/press-releases/khong-phai-so")) {
            HttpBrowser citizen = HttpBrowser.onThisMachine(port);
            HttpBrowser.Answer page = citizen.get(path, HTML);
            assertThat(page.status()).as(path).isIn(400, 404);
            org.jsoup.nodes.Document html = Jsoup.parse(page.body());
            assertThat(html.select("nav#public-nav a[href=/public/consultations]")).as(path).hasSize(1);
            assertThat(html.select("a#public-home").attr("href")).as(path).isEqualTo("/public/refutations");
            assertThat(html.select("a.brand").attr("href")).as(path).isEqualTo("/public/refutations");
            assertThat(html.select("main a[href=/]")).as(path).isEmpty();
            assertThat(page.body()).as(path).doesNotContain("Về trang tổng quan");
        }
        // the staff's error page still leads to their dashboard
        HttpBrowser coordinator = HttpBrowser.onThisMachine(port);
        coordinator.signIn("coordinator");
        HttpBrowser.Answer staff = coordinator.get("/cases/khong-phai-so", HTML);
        assertThat(staff.status()).isEqualTo(400);
        assertThat(Jsoup.parse(staff.body()).select("main a[href=/]").text()).isEqualTo("Về trang tổng quan");
        assertThat(Jsoup.parse(staff.body()).select("nav#public-nav")).isEmpty();
    }

    @Test
    void aPageNeverCarriesTheSessionInItsLinks() throws Exception {
        // a first visit, before the browser has shown it keeps cookies: the error page's links used to carry the session
        for (String path : List.of("/public/press-releases/khong-phai-so", "/public/messages/999999999",
                "/public/access-to-information")) {
            HttpBrowser.Answer page = HttpBrowser.onThisMachine(port).get(path, HTML);
            assertThat(page.body()).as(path).doesNotContainIgnoringCase(";LOA_SESSION=")
                    .doesNotContainIgnoringCase(";jsessionid=");
        }
    }

    @Test
    void anUnexpectedFailureAnswersAProblemInTheApiAndTheErrorPageElsewhereAndShowsNoInternals() throws Exception {
        // what the servlet container forwards to after an exception no controller handled
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        MockHttpServletResponse api = mvc.perform(get("/error").accept(JSON)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/cases")
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("bảng bí mật không tồn tại")))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(500);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"status\":500", "\"title\":\"Lỗi hệ thống\"", "\"instance\":\"/api/v1/cases\"")
                .doesNotContain("timestamp", "bí mật", "Exception");
        MockHttpServletResponse page = mvc.perform(get("/error").accept(HTML)
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/cases")
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("bảng bí mật không tồn tại")))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(500);
        assertThat(page.getContentType()).startsWith("text/html");
        assertThat(page.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Hệ thống gặp sự cố").doesNotContain("bí mật", "Exception");
    }

    @Test
    void theAnswersTomcatMakesItselfCarryTheSameSecurityHeadersAsLoas() throws Exception {
        HttpBrowser browser = HttpBrowser.onThisMachine(port);
        HttpBrowser.Answer login = browser.get("/login", HTML);
        for (String path : List.of("/a%2Fb", "/cases/%00")) {
            HttpBrowser.Answer refused = browser.get(path, HTML);
            assertThat(refused.status()).as(path).isEqualTo(400);
            for (String header : SECURITY_HEADERS) {
                assertThat(refused.header(header)).as(path + " " + header).isNotNull().isEqualTo(login.header(header));
            }
        }
    }

    @Test
    void aRequestTomcatRefusesIsAnsweredByLoaInTheReadersLanguageNotByTomcatsEnglishPage() throws Exception {
        RawAnswer page = raw("GET /public/refutations/%00 HTTP/1.1\r\nHost: localhost\r\nAccept: " + HTML + "\r\n\r\n");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.headers().get("content-type")).startsWith("text/html");
        assertThat(page.headers().get("content-language")).isEqualTo("vi");
        assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Đã có lỗi");
        assertThat(page.body()).contains("Loa không hiểu yêu cầu này").doesNotContain("HTTP Status", "Bad Request");
        RawAnswer english = raw("GET /cases/a%2Fb HTTP/1.1\r\nHost: localhost\r\nCookie: loa-lang=en\r\n\r\n");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.headers().get("content-language")).isEqualTo("en");
        assertThat(english.body()).doesNotContain("HTTP Status", "Đã có lỗi");
        RawAnswer api = raw("GET /api/v1/cases/%00 HTTP/1.1\r\nHost: localhost\r\nAccept: " + JSON + "\r\n\r\n");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":400", "\"instance\":\"/api/v1/cases/%00\"").doesNotContain("<html");
    }

    @Test
    void aRequestTooLargeForTomcatIsAnsweredByLoaInTheReadersLanguageNotByTomcatsEnglishPage() throws Exception {
        String padding = "x".repeat(70 * 1024);
        HttpBrowser.Answer login = HttpBrowser.onThisMachine(port).get("/login", HTML);
        // headers over the limit: Tomcat has read the address and the headers before the one that went over
        RawAnswer api = raw("GET /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAccept: " + JSON
                + "\r\nCookie: loa-lang=en\r\nX-Padding: " + padding + "\r\n\r\n");
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"status\":400", "\"instance\":\"/api/v1/cases\"",
                "\"detail\":\"The address and headers of this request exceed 64 KB, the most Loa accepts.")
                .doesNotContain("Tomcat", "<html");
        RawAnswer page = raw("GET /cases HTTP/1.1\r\nHost: localhost\r\nAccept: " + HTML + "\r\nX-Padding: " + padding
                + "\r\n\r\n");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.headers().get("content-type")).startsWith("text/html");
        assertThat(page.headers().get("content-language")).isEqualTo("vi");
        assertThat(Jsoup.parse(page.body()).select("h1").text()).isEqualTo("Yêu cầu quá lớn");
        assertThat(page.body()).contains("vượt quá 64 KB").doesNotContain("Tomcat", "Request header is too large");
        // an address over the limit: Tomcat keeps neither it nor the cookie, so the page says it in both languages
        RawAnswer address = raw("GET /cases?q=" + padding + " HTTP/1.1\r\nHost: localhost\r\nCookie: loa-lang=en\r\n\r\n");
        assertThat(address.status()).isEqualTo(400);
        assertThat(address.headers().get("content-type")).startsWith("text/html");
        assertThat(Jsoup.parse(address.body()).select("h1").eachText()).containsExactly("Yêu cầu quá lớn", "Request too large");
        for (RawAnswer refused : List.of(api, page, address)) {
            for (String header : SECURITY_HEADERS) {
                assertThat(refused.headers().get(header.toLowerCase(java.util.Locale.ROOT))).as(header).isNotNull()
                        .isEqualTo(login.header(header));
            }
        }
    }

    /** An answer read off the wire: its status, its headers (names in lower case) and its body. */
    private record RawAnswer(int status, Map<String, String> headers, String body) {
    }

    /** Sends a request as written, byte for byte, and reads the answer until the server closes the connection. */
    private RawAnswer raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String[] parts = answer.split("\r\n\r\n", 2);
            String[] lines = parts[0].split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] header = lines[i].split(":\\s*", 2);
                headers.putIfAbsent(header[0].toLowerCase(java.util.Locale.ROOT), header[1]);
            }
            return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), headers, parts.length > 1 ? parts[1] : "");
        }
    }

    private HttpBrowser.Answer send(HttpBrowser browser, Endpoint endpoint, String pair, boolean api) throws Exception {
        String accept = api ? JSON : HTML;
        return endpoint.method() == RequestMethod.GET ? browser.get(endpoint.path() + "?" + pair, accept)
                : browser.send("POST", endpoint.path(), accept, pair);
    }

    /**
     * Every GET and POST endpoint of every controller that declares request parameters (a form's fields count),
     * with its path variables filled in; the sign-in form, which a filter serves, too.
     */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint(RequestMethod.POST, "/login", Set.of("username", "password")));
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            Set<String> parameters = parameters(mapping.getValue());
            Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
            if (parameters.isEmpty()) {
                continue;
            }
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (pattern.startsWith("/error")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                for (RequestMethod method : List.of(RequestMethod.GET, RequestMethod.POST)) {
                    if (methods.isEmpty() ? method == RequestMethod.GET : methods.contains(method)) {
                        endpoints.add(new Endpoint(method, path, parameters));
                    }
                }
            }
        }
        return endpoints;
    }

    private static Set<String> parameters(HandlerMethod handler) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null) {
                if (!MultipartFile.class.isAssignableFrom(type)) {
                    names.add(!requestParam.name().isEmpty() ? requestParam.name() : parameter.getParameterName());
                }
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        names.add(component.getName());
                    }
                } else {
                    for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
                        if (property.getWriteMethod() != null) {
                            names.add(property.getName());
                        }
                    }
                }
            } else if (parameter.getParameterAnnotations().length == 0 && (type == String.class || type.isPrimitive()
                    || Number.class.isAssignableFrom(type) || type == Boolean.class || type.isEnum()
                    || Temporal.class.isAssignableFrom(type))) {
                names.add(parameter.getParameterName());
            }
        }
        return names;
    }
}

package vn.loa.platform;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/**
 * A browser's view of a running Loa over plain HTTP: its cookies, and the form token of its session. One that
 * stands for a browser on another machine drops a cookie marked Secure, as browsers do for any host but
 * {@code localhost} reached over HTTP.
 */
public final class HttpBrowser {

    /** What came back. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;
    private final boolean dropsSecureCookies;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String formToken;

    private HttpBrowser(int port, boolean dropsSecureCookies) {
        this.port = port;
        this.dropsSecureCookies = dropsSecureCookies;
    }

    /** A browser on the server's own machine, which keeps every cookie. */
    public static HttpBrowser onThisMachine(int port) {
        return new HttpBrowser(port, false);
    }

    /** A browser on another machine of the network, reaching Loa over plain HTTP. */
    public static HttpBrowser onAnotherMachine(int port) {
        return new HttpBrowser(port, true);
    }

    /** Signs in with the demo password through the sign-in form; returns the form's answer. */
    public Answer signIn(String username) throws Exception {
        Answer login = get("/login", "text/html");
        String token = Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value");
        Answer answer = send("POST", "/login", "text/html", "username=" + encode(username) + "&password="
                + encode("loa-demo") + "&_csrf=" + encode(token));
        formToken = null;
        return answer;
    }

    /** Reads the session's form token now, as a page does when it opens with a form on it. */
    public void readFormToken() throws Exception {
        formToken();
    }

    /** Keeps a cookie as if the server had set it: a session the server has since forgotten, for one. */
    public void keepCookie(String name, String value) {
        cookies.put(name, value);
    }

    public Answer get(String path, String accept, String... headers) throws Exception {
        return send("GET", path, accept, null, headers);
    }

    /**
     * Sends a request; a form body goes with the session's form token, which is also sent as the header the
     * API reads.
     */
    public Answer send(String method, String path, String accept, String form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", accept).header("Accept-Language", "vi");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (form == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String token = path.equals("/login") ? null : formToken();
            if (token != null) {
                form = form + (form.isEmpty() ? "" : "&") + "_csrf=" + encode(token);
                request.header("X-CSRF-TOKEN", token);
            }
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        }
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            boolean secure = java.util.Arrays.stream(cookie.split(";")).map(String::strip)
                    .anyMatch(attribute -> attribute.equalsIgnoreCase("Secure"));
            if (secure && dropsSecureCookies) {
                continue;
            }
            String pair = cookie.split(";", 2)[0];
            cookies.put(pair.split("=", 2)[0], pair.split("=", 2)[1]);
        }
        return new Answer(response.statusCode(), response.headers(), response.body());
    }

    /** The form token of the session, read once from a page's {@code _csrf} meta tag. */
    private String formToken() throws Exception {
        if (formToken == null) {
            Answer home = get("/account", "text/html");
            String token = Jsoup.parse(home.body()).select("meta[name=_csrf]").attr("content");
            formToken = token.isEmpty() ? null : token;
        }
        return formToken;
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

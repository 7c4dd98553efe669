package vn.loa.identity.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import vn.loa.shared.Languages;

/**
 * Gives the security headers to the answers Tomcat makes itself, before Loa sees the request (an encoded slash or a
 * NUL in the path, a TRACE): Spring Security writes them on everything else, with the same values. A request whose
 * address and headers are larger than Tomcat reads ({@code server.max-http-request-header-size}) is answered by Loa,
 * not by Tomcat's English page: under {@code /api/} an RFC 9457 problem, elsewhere a short page, in the language of
 * the request's cookie; so is every other request Tomcat refuses (a NUL or an encoded slash in the path). When the
 * address itself is too long, Tomcat keeps neither it nor the headers, so the page says it in Vietnamese and in
 * English.
 */
final class TomcatErrorHeaders extends ValveBase {

    /** What Spring Security writes on every response, as {@link SecurityConfiguration} configures it. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY,
            "Referrer-Policy", SecurityConfiguration.REFERRER_POLICY.getPolicy(),
            "Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "X-XSS-Protection", "0",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0");
    /** Spring Security's default, sent over HTTPS only. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";
    /** Tomcat's reason for a request line or headers over its limit, in the words (and language) Tomcat uses. */
    private static final String TOO_LARGE = StringManager.getManager(Http11InputBuffer.class)
            .getString("iib.requestheadertoolarge.error");

    private final ObjectProvider<ProblemResponses> problems;
    private final ObjectProvider<MessageSource> messages;
    private final ObjectProvider<LocaleResolver> locales;

    /** The collaborators are looked up when a request is refused, not while the web server is being made. */
    TomcatErrorHeaders(ObjectProvider<ProblemResponses> problems, ObjectProvider<MessageSource> messages,
            ObjectProvider<LocaleResolver> locales) {
        super(true);
        this.problems = problems;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        // a request Tomcat refused while parsing it reaches the pipeline already in error, and never reaches Loa
        if (response.isError()) {
            HEADERS.forEach((name, value) -> {
                if (!response.containsHeader(name)) {
                    response.setHeader(name, value);
                }
            });
            if (request.isSecure() && !response.containsHeader("Strict-Transport-Security")) {
                response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            }
            if (response.setErrorReported()) {
                // the error page valve further down writes no page for an error already reported
                response.setSuspended(false);
                if (tooLarge(request)) {
                    answerTooLarge(request, response);
                } else {
                    answerRefused(request, response);
                }
            }
        }
        getNext().invoke(request, response);
    }

    private static boolean tooLarge(Request request) {
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof IllegalArgumentException e
                && TOO_LARGE.equals(e.getMessage());
    }

    private void answerTooLarge(Request request, Response response) throws IOException {
        long kilobytes = limit(request) / 1024;
        String uri = request.getRequestURI();
        if (uri == null) {
            page(response, Languages.VIETNAMESE, section(Languages.VIETNAMESE, kilobytes, false) + section(Locale.ENGLISH, kilobytes, true));
        } else if (uri.startsWith("/api/")) {
            problems.getObject().write(request, response, 400, "error.request-too-large", kilobytes);
        } else {
            Locale locale = locales.getObject().resolveLocale(request);
            page(response, locale, section(locale, kilobytes, false));
        }
    }

    /**
     * Any other request Tomcat refused (a NUL or an encoded slash in the path, a TRACE): a problem under the API, else
     * the short page in the reader's language; in both languages when Tomcat kept no address.
     */
    private void answerRefused(Request request, Response response) throws IOException {
        int status = response.getStatus();
        String key = switch (status) {
            case 400 -> "error.400";
            case 404 -> "error.404";
            default -> "error.generic";
        };
        String uri = request.getRequestURI();
        if (uri == null) {
            page(response, Languages.VIETNAMESE, "error.title", section(Languages.VIETNAMESE, "error.title", key, false)
                    + section(Locale.ENGLISH, "error.title", key, true));
        } else if (uri.startsWith("/api/")) {
            problems.getObject().write(request, response, status, key);
        } else {
            Locale locale = locales.getObject().resolveLocale(request);
            page(response, locale, "error.title", section(locale, "error.title", key, false));
        }
    }

    /** The most Tomcat reads of a request's line and headers, in bytes. */
    private static long limit(Request request) {
        ProtocolHandler protocol = request.getConnector().getProtocolHandler();
        return protocol instanceof AbstractHttp11Protocol<?> http ? http.getMaxHttpRequestHeaderSize() : 8 * 1024;
    }

    /** What the page says of a request too large in a language; {@code marked} for a language other than the page's. */
    private String section(Locale locale, long kilobytes, boolean marked) {
        return section(locale, "error.request-too-large.title", "error.request-too-large", marked, kilobytes);
    }

    /** A heading and a sentence in a language; {@code marked} for a language other than the page's. */
    private String section(Locale locale, String titleKey, String textKey, boolean marked, Object... arguments) {
        MessageSource bundles = messages.getObject();
        String lang = marked ? " lang=\"" + locale.getLanguage() + "\"" : "";
        return "<section" + lang + "><h1>" + escape(bundles.getMessage(titleKey, null, locale))
                + "</h1><p>" + escape(bundles.getMessage(textKey, arguments, locale))
                + "</p><p><a href=\"/\">" + escape(bundles.getMessage("error.home", null, locale))
                + "</a></p></section>";
    }

    /** Text for an HTML page sent as UTF-8: only the markup characters escaped. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private void page(Response response, Locale locale, String sections) throws IOException {
        page(response, locale, "error.request-too-large.title", sections);
    }

    private void page(Response response, Locale locale, String titleKey, String sections) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        String title = escape(messages.getObject().getMessage(titleKey, null, locale));
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + title + "</title></head><body>" + sections + "</body></html>");
    }
}

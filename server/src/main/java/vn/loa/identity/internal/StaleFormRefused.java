package vn.loa.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import vn.loa.identity.IdentitySettings;

/**
 * A page's form whose token does not belong to the browser's session (the session expired, or ended in another tab,
 * or its cookie did not come back) is refused, as CSRF protection requires, but not with a refusal that reads like a
 * missing permission: the browser goes to the sign-in page, which says the session ended, and after signing in back
 * to the page the form was on (the request's {@code Referer}, if it is one of Loa's own pages; else the home page).
 * A session still open is ended first: its form token and the form no longer go together, so signing in again is
 * what shows the form came from its owner. The sign-in form itself says why its own cookie did not come back (over
 * plain HTTP with {@code loa.identity.secure-cookie} on, the browser drops a cookie marked Secure; otherwise the page
 * was open too long or cookies are blocked). A public page's form (a citizen's, who has no account) leads back to its
 * page, which says to send it again. Either way the page the form was on gets the flash attribute {@value #FLASH} (for
 * an officer in the session that the sign-in keeps), and on it the pages' script puts back what was typed into the
 * form (see {@code loa.js}): nothing of the refused form goes through the server. Every other refusal goes to
 * {@code otherwise}.
 */
final class StaleFormRefused implements AccessDeniedHandler {

    /** Where a public form whose page is not known leads back to: the public site's first page. */
    private static final String PUBLIC_HOME = "/public/refutations";

    /** The flash attribute that tells the page the form was on that a form of it was refused. */
    static final String FLASH = "formExpired";
    /** How long an officer has to sign in again for the page to still know that its form was refused. */
    private static final int SIGN_IN_SECONDS = 30 * 60;

    private final IdentitySettings settings;
    private final RequestCache requestCache;
    private final AccessDeniedHandler otherwise;
    private final FlashMapManager flashMaps = new SessionFlashMapManager();
    private final SessionFlashMapManager signInFlashMaps = new SessionFlashMapManager();

    StaleFormRefused(IdentitySettings settings, RequestCache requestCache, AccessDeniedHandler otherwise) {
        this.settings = settings;
        this.requestCache = requestCache;
        this.otherwise = otherwise;
        signInFlashMaps.setFlashMapTimeout(SIGN_IN_SECONDS);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        if (!(refused instanceof CsrfException)) {
            otherwise.handle(request, response, refused);
            return;
        }
        String context = request.getContextPath();
        if ("POST".equals(request.getMethod()) && request.getRequestURI().equals(context + "/login")) {
            String why = settings.secureCookie() && !request.isSecure() ? "cookie-https" : "session";
            response.sendRedirect(context + "/login?error=" + why);
            return;
        }
        String back = pageOfTheForm(request);
        if (request.getRequestURI().startsWith(context + "/public/")) {
            // a citizen has no account to sign in with: back to the page, which says to send the form again
            back = back.startsWith("/public/") ? back : PUBLIC_HOME;
            flashMaps.saveOutputFlashMap(refusedFormOf(context, back), request, response);
            response.sendRedirect(context + back);
            return;
        }
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        if (!back.equals("/")) {
            requestCache.saveRequest(new PageRequest(request, back), response);
        }
        // in the new session, which signing in keeps (its id changes, its attributes stay); the sign-in page's own
        // requests do not take it, their path is not the page's
        signInFlashMaps.saveOutputFlashMap(refusedFormOf(context, back), request, response);
        response.sendRedirect(context + "/login?error=expired");
    }

    private static FlashMap refusedFormOf(String context, String page) {
        FlashMap flash = new FlashMap();
        flash.put(FLASH, true);
        flash.setTargetRequestPath(context + pathOf(page));
        return flash;
    }

    private static String pathOf(String page) {
        int question = page.indexOf('?');
        return question < 0 ? page : page.substring(0, question);
    }

    /** The path and query, within the application, of the page that sent the form; {@code /} if it is not known. */
    static String pageOfTheForm(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null || referer.isBlank()) {
            return "/";
        }
        URI uri;
        try {
            uri = new URI(referer.strip()).normalize();
        } catch (URISyntaxException e) {
            return "/";
        }
        if (uri.isOpaque()) {
            return "/";
        }
        if ((uri.getScheme() != null || uri.getRawAuthority() != null) && !sameOrigin(uri, request)) {
            return "/";
        }
        String context = request.getContextPath();
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(context + "/")) {
            return "/";
        }
        path = path.substring(context.length());
        if (path.startsWith("//") || path.startsWith("/..") || path.contains("\\") || path.equals("/login")
                || path.equals("/logout") || path.equals("/error") || path.startsWith("/error/")) {
            return "/";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static boolean sameOrigin(URI uri, HttpServletRequest request) {
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().equalsIgnoreCase(request.getScheme())
                || !uri.getHost().equalsIgnoreCase(request.getServerName())) {
            return false;
        }
        return port(uri.getPort(), uri.getScheme()) == port(request.getServerPort(), request.getScheme());
    }

    private static int port(int port, String scheme) {
        if (port > 0) {
            return port;
        }
        return "https".equals(scheme.toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    /**
     * The sending page as the request to go back to after signing in: a GET with nothing from the refused form, neither
     * its fields nor the headers of its body (the saved request's headers are those of the page's request once signed
     * in: a form's {@code multipart/form-data} made that GET look like an upload, which failed to be read).
     */
    private static final class PageRequest extends HttpServletRequestWrapper {

        /** The headers that describe a request's body, in lower case. */
        private static final Set<String> BODY_HEADERS = Set.of("content-type", "content-length", "content-encoding",
                "transfer-encoding");

        private final String path;
        private final String query;

        PageRequest(HttpServletRequest refused, String page) {
            super(refused);
            int question = page.indexOf('?');
            this.path = question < 0 ? page : page.substring(0, question);
            this.query = question < 0 ? null : page.substring(question + 1);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer().append(getScheme()).append("://").append(getServerName());
            if (getServerPort() != port(-1, getScheme())) {
                url.append(':').append(getServerPort());
            }
            return url.append(getRequestURI());
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public String getHeader(String name) {
            return ofTheBody(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return ofTheBody(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !ofTheBody(name)).toList());
        }

        @Override
        public long getDateHeader(String name) {
            return ofTheBody(name) ? -1 : super.getDateHeader(name);
        }

        @Override
        public int getIntHeader(String name) {
            return ofTheBody(name) ? -1 : super.getIntHeader(name);
        }

        private static boolean ofTheBody(String name) {
            return name != null && BODY_HEADERS.contains(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}

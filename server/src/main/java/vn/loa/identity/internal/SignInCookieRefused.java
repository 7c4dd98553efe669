package vn.loa.identity.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import vn.loa.identity.IdentitySettings;

/**
 * A sign-in whose session cookie did not come back (the form's token is kept in the session) goes back to the
 * sign-in page saying why, instead of a bare refusal: over plain HTTP with {@code loa.identity.secure-cookie} on,
 * the browser drops a cookie marked Secure; otherwise the page was open too long or cookies are blocked.
 * Every other refusal goes to {@code otherwise}.
 */
final class SignInCookieRefused implements AccessDeniedHandler {

    private final IdentitySettings settings;
    private final AccessDeniedHandler otherwise;

    SignInCookieRefused(IdentitySettings settings, AccessDeniedHandler otherwise) {
        this.settings = settings;
        this.otherwise = otherwise;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refused)
            throws IOException, ServletException {
        boolean signIn = "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login");
        if (!signIn || !(refused instanceof CsrfException)) {
            otherwise.handle(request, response, refused);
            return;
        }
        String why = settings.secureCookie() && !request.isSecure() ? "cookie-https" : "session";
        response.sendRedirect(request.getContextPath() + "/login?error=" + why);
    }
}

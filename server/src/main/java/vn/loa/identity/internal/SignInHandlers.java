package vn.loa.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import vn.loa.identity.Users;

/**
 * Records sign-ins and failed sign-ins (which lock an account after too many) and tells the sign-in
 * page which message to show, without revealing whether a user name exists or what state its account is in.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final Users users;
    private final SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInHandlers(Users users) {
        this.users = users;
        redirect.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        users.recordSignIn(authentication.getName(), request.getRemoteAddr());
        redirect.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        // the password is checked first (PasswordFirstAuthentication): a locked or disabled account is named only to
        // someone who gave its right password, and the failure that locks an account looks like any other
        String shown = exception instanceof LockedException ? "locked"
                : exception instanceof DisabledException ? "disabled" : "bad-credentials";
        users.recordFailedSignIn(request.getParameter("username"), shown, request.getRemoteAddr());
        response.sendRedirect(request.getContextPath() + "/login?error=" + shown);
    }
}

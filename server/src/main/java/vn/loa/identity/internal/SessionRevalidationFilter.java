package vn.loa.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;

/**
 * Re-reads a signed-in person's account on every request, so that disabling an account ends its
 * sessions at once and changed roles or agency take effect without signing in again; and while the
 * password is one an administrator set, leads every page to the form that changes it (the API answers
 * 403), so that the administrator who knows it cannot work as that person.
 */
class SessionRevalidationFilter extends OncePerRequestFilter {

    /** What a person with a temporary password may still open: the account page, signing out, the shell's files. */
    private static final List<String> OPEN_WITH_TEMPORARY_PASSWORD = List.of("/account", "/logout", "/css/", "/js/",
            "/img/", "/favicon.ico", "/error");

    private final Users users;
    private final LoaUserDetailsService details;
    private final ProblemResponses problems;

    SessionRevalidationFilter(Users users, LoaUserDetailsService details, ProblemResponses problems) {
        this.users = users;
        this.details = details;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LoaUserDetails principal) {
            SignedInUser before = principal.signedInUser();
            Optional<UserAccount> account = users.find(before.userId());
            if (account.isEmpty() || !account.get().enabled()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?error=disabled");
                return;
            }
            if (account.get().passwordTemporary() && !openWithTemporaryPassword(request)) {
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    problems.write(request, response, 403, "problem.password-change-required");
                } else {
                    response.sendRedirect(request.getContextPath() + "/account");
                }
                return;
            }
            SignedInUser now = details.signedIn(account.get());
            if (!now.equals(before)) {
                LoaUserDetails refreshed = new LoaUserDetails(now, null, true, false);
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(refreshed, null,
                        refreshed.getAuthorities()));
                SecurityContextHolder.setContext(context);
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean openWithTemporaryPassword(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String open : OPEN_WITH_TEMPORARY_PASSWORD) {
            if (open.endsWith("/") ? path.startsWith(open) : path.equals(open) || path.startsWith(open + "/")) {
                return true;
            }
        }
        return false;
    }
}

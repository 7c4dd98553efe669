package vn.loa.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
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
 * sessions at once and changed roles or agency take effect without signing in again.
 */
class SessionRevalidationFilter extends OncePerRequestFilter {

    private final Users users;
    private final LoaUserDetailsService details;

    SessionRevalidationFilter(Users users, LoaUserDetailsService details) {
        this.users = users;
        this.details = details;
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
}

package vn.loa.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.loa.identity.ApiTokens;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;

/** Authenticates {@code Authorization: Bearer loa_...} requests to the API; a bad token gets a 401 problem. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    /** The methods a read-only token may call. */
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiTokens tokens;
    private final ProblemResponses problems;

    ApiTokenAuthenticationFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !hasBearer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader("Authorization").substring(7).trim();
        Optional<ApiTokens.Client> client = tokens.authenticate(presented);
        if (client.isEmpty()) {
            problems.write(request, response, 401, "problem.unauthorized.token");
            return;
        }
        if (client.get().readOnly() && !READS.contains(request.getMethod())) {
            // a read-only token reads: whatever the endpoint would allow its agency, nothing is written
            problems.write(request, response, 403, "problem.forbidden.read-only-token");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!client.get().mayCall(path)) {
            // a token limited to parts of the API calls those only
            problems.write(request, response, 403, "problem.forbidden.token-area");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(client.get().user()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An authenticated API client. */
    static final class TokenAuthentication extends AbstractAuthenticationToken implements SignedInPrincipal {

        private final SignedInUser client;

        TokenAuthentication(SignedInUser client) {
            super(List.of(new SimpleGrantedAuthority("ROLE_API_CLIENT")));
            this.client = client;
            setAuthenticated(true);
        }

        @Override
        public SignedInUser signedInUser() {
            return client;
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return this;
        }

        @Override
        public String getName() {
            return client.username();
        }
    }
}

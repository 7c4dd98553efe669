package vn.loa.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import vn.loa.identity.ApiTokens;
import vn.loa.identity.IdentitySettings;
import vn.loa.identity.Users;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final ReferrerPolicy REFERRER_POLICY = ReferrerPolicy.SAME_ORIGIN;
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInHandlers signIn, ApiTokens tokens,
            ProblemResponses problems, Users users, LoaUserDetailsService details, IdentitySettings settings)
            throws Exception {
        RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        RequestMatcher bearer = ApiTokenAuthenticationFilter::hasBearer;
        // CSRF guards what a browser's session cookie makes possible; an API call without that cookie
        // has no ambient credentials to abuse, so it is left to authentication (401), not CSRF (403).
        RequestMatcher apiWithoutSession = request -> api.matches(request) && request.getRequestedSessionId() == null
                && request.getSession(false) == null;
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);
        http
                .requestCache(cache -> cache.requestCache(requestCache))
                .authorizeHttpRequests(requests -> requests
                        // the API's Swagger UI page is for administrators (its files too, before the webjars below);
                        // the OpenAPI document itself, /v3/api-docs, is for anyone signed in or holding a token
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**").hasRole("ADMIN")
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error")
                        .permitAll()
                        // the public site: published refutations, their feed, citizens' reports
                        .requestMatchers("/public/**").permitAll()
                        // who may speak for each agency is public (Decree 09/2017: posted on the agency's website)
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/press/spokespersons").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").access(loopbackOrAdmin())
                        .requestMatchers("/admin/**", "/api/v1/admin/**").hasRole("ADMIN")
                        // the desks where an agency plans and publishes its own communication are its staff's: a
                        // journalist's account (the press role alone) reads the press desk and public posts only
                        .requestMatchers("/publishing/**", "/broadcasts/**", "/campaigns/**", "/resources/**",
                                "/transparency/**", "/api/v1/resources/**", "/api/v1/broadcasts/**")
                        .access(notPressOnly())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(signIn)
                        .failureHandler(signIn)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .deleteCookies("LOA_SESSION"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer, apiWithoutSession))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new SessionRevalidationFilter(users, details, problems),
                        SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(
                                (request, response, e) -> problems.write(request, response, 401, "problem.unauthorized"),
                                api)
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> problems.write(request, response, 403, "problem.forbidden"),
                                api)
                        // a browser gets the shell's error page, or, for a form whose session ended, the sign-in page
                        // saying so; with the API's handler alone, Spring Security would answer every request with it
                        .defaultAccessDeniedHandlerFor(new StaleFormRefused(settings, requestCache,
                                new AccessDeniedHandlerImpl()), AnyRequestMatcher.INSTANCE))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(REFERRER_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()));
        return http.build();
    }

    /** The only way to sign in with a password: see {@link PasswordFirstAuthentication}. */
    @Bean
    DaoAuthenticationProvider passwordFirstAuthentication(LoaUserDetailsService details, PasswordEncoder passwords) {
        return PasswordFirstAuthentication.provider(details, passwords);
    }

    /** Tomcat's own error pages carry the same security headers as Loa's; a request too large for it gets Loa's answer. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorHeaders(ObjectProvider<ProblemResponses> problems,
            ObjectProvider<MessageSource> messages, ObjectProvider<LocaleResolver> locales) {
        return factory -> factory.addEngineValves(new TomcatErrorHeaders(problems, messages, locales));
    }

    /** Metrics may be scraped from this machine; from elsewhere only by an administrator. */
    /** Signed in with any role but the press role alone (API tokens included: they are scoped by their endpoints). */
    private static AuthorizationManager<RequestAuthorizationContext> notPressOnly() {
        return (authentication, context) -> {
            Authentication user = authentication.get();
            if (user == null || !user.isAuthenticated()
                    || user instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
                return new AuthorizationDecision(false);
            }
            boolean press = false;
            boolean other = false;
            for (var authority : user.getAuthorities()) {
                if (authority.getAuthority().equals("ROLE_PRESS")) {
                    press = true;
                } else if (authority.getAuthority().startsWith("ROLE_")) {
                    other = true;
                }
            }
            return new AuthorizationDecision(!press || other);
        };
    }

    private static AuthorizationManager<RequestAuthorizationContext> loopbackOrAdmin() {
        return (authentication, context) -> {
            HttpServletRequest request = context.getRequest();
            String remote = request.getRemoteAddr();
            boolean loopback = remote.equals("127.0.0.1") || remote.equals("0:0:0:0:0:0:0:1") || remote.equals("::1");
            Authentication user = authentication.get();
            boolean admin = user != null && user.isAuthenticated()
                    && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
            return new AuthorizationDecision(loopback || admin);
        };
    }
}

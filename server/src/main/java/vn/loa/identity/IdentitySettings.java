package vn.loa.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in and sessions ({@code loa.identity.*}).
 *
 * @param maxFailedSignIns wrong passwords in a row that lock an account; 1 to 100
 * @param lockout how long a lock-out lasts; at least one minute
 * @param secureCookie whether the session cookie is marked Secure on every response, even one over plain HTTP (for
 *        HTTPS ended by a proxy that does not say so in {@code X-Forwarded-Proto}); when false, it is marked Secure
 *        exactly when the request came over HTTPS, directly or through a trusted proxy
 */
@ConfigurationProperties("loa.identity")
public record IdentitySettings(@DefaultValue("5") int maxFailedSignIns, @DefaultValue("15m") Duration lockout,
        @DefaultValue("false") boolean secureCookie) {

    public IdentitySettings {
        if (maxFailedSignIns < 1 || maxFailedSignIns > 100) {
            throw new IllegalArgumentException("loa.identity.max-failed-sign-ins must be 1 to 100, was " + maxFailedSignIns);
        }
        if (lockout.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("loa.identity.lockout must be at least 1m, was " + lockout);
        }
    }
}

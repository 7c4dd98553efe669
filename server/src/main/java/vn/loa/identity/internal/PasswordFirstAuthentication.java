package vn.loa.identity.internal;

import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a sign-in's password before the account's state, so that only someone who gave the right password learns
 * that an account is disabled or locked: every wrong password gets the same answer whatever the name, and an unknown
 * name still costs a password hash check (Spring Security's own guard against telling names apart by time).
 */
final class PasswordFirstAuthentication {

    private PasswordFirstAuthentication() {
    }

    /** A provider that reads accounts from {@code accounts} and checks passwords with {@code passwords}. */
    static DaoAuthenticationProvider provider(UserDetailsService accounts, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords);
        // Spring Security checks the state first by default, telling anyone who types a name whether it exists
        provider.setPreAuthenticationChecks(account -> {
        });
        provider.setPostAuthenticationChecks(PasswordFirstAuthentication::checkState);
        return provider;
    }

    /** Disabled before locked: a lock-out ends by itself, a disabled account does not. */
    private static void checkState(UserDetails account) {
        if (!account.isEnabled()) {
            throw new DisabledException("account disabled");
        }
        if (!account.isAccountNonLocked()) {
            throw new LockedException("account locked");
        }
        if (!account.isAccountNonExpired()) {
            throw new AccountExpiredException("account expired");
        }
        if (!account.isCredentialsNonExpired()) {
            throw new CredentialsExpiredException("password expired");
        }
    }
}

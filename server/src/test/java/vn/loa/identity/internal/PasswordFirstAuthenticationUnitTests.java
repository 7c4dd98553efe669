package vn.loa.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

class PasswordFirstAuthenticationUnitTests {

    private static final String RIGHT = "mat-khau-thu-dung";

    /** The real encoder, counting how many passwords it compares. */
    private final AtomicInteger comparisons = new AtomicInteger();
    private final PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final PasswordEncoder passwords = new PasswordEncoder() {
        public String encode(CharSequence raw) {
            return argon2.encode(raw);
        }

        public boolean matches(CharSequence raw, String encoded) {
            comparisons.incrementAndGet();
            return argon2.matches(raw, encoded);
        }
    };

    private final String hash = argon2.encode(RIGHT);

    private record State(boolean enabled, boolean locked) {
    }

    private static final Map<String, State> ACCOUNTS = Map.of("hoat-dong", new State(true, false),
            "vo-hieu", new State(false, false), "bi-khoa", new State(true, true),
            "vo-hieu-va-khoa", new State(false, true));

    private final DaoAuthenticationProvider provider = PasswordFirstAuthentication.provider(name -> {
        State state = ACCOUNTS.get(name);
        if (state == null) {
            throw new UsernameNotFoundException("unknown user");
        }
        return new LoaUserDetails(new SignedInUser(1L, name, "Người Thử", null, null, Set.of(Role.LEADER)), hash,
                state.enabled(), state.locked());
    }, passwords);

    private void signIn(String username, String password) {
        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void aWrongPasswordGetsTheSameAnswerWhateverTheNameAndTheAccountsState() {
        for (String username : new String[] {"hoat-dong", "vo-hieu", "bi-khoa", "vo-hieu-va-khoa", "ten-bia-dat"}) {
            assertThatThrownBy(() -> signIn(username, "sai-mat-khau")).as(username)
                    .isExactlyInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void onlyTheRightPasswordLearnsThatAnAccountIsDisabledOrLocked() {
        signIn("hoat-dong", RIGHT);
        assertThatThrownBy(() -> signIn("vo-hieu", RIGHT)).isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> signIn("bi-khoa", RIGHT)).isInstanceOf(LockedException.class);
        // a lock-out ends by itself; a disabled account does not, so that is what its owner is told
        assertThatThrownBy(() -> signIn("vo-hieu-va-khoa", RIGHT)).isInstanceOf(DisabledException.class);
    }

    @Test
    void anUnknownNameCostsOnePasswordHashCheckLikeAKnownOne() {
        for (String username : new String[] {"hoat-dong", "vo-hieu", "bi-khoa", "ten-bia-dat"}) {
            comparisons.set(0);
            assertThatThrownBy(() -> signIn(username, "sai-mat-khau")).as(username)
                    .isInstanceOf(BadCredentialsException.class);
            assertThat(comparisons.get()).as(username).isEqualTo(1);
        }
    }
}

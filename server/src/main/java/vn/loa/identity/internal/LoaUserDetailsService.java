package vn.loa.identity.internal;

import java.time.Clock;
import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;

@Component
class LoaUserDetailsService implements UserDetailsService {

    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    LoaUserDetailsService(Users users, AgencyDirectory agencies, Clock clock) {
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(username == null ? "" : username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        String hash = users.passwordHash(account.id()).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new LoaUserDetails(signedIn(account), hash, account.enabled(), account.lockedAt(clock.instant()));
    }

    SignedInUser signedIn(UserAccount account) {
        String code = Optional.ofNullable(account.agency()).flatMap(agencies::find).map(Agency::code).orElse(null);
        return new SignedInUser(account.id(), account.username(), account.fullName(), account.agency(), code,
                account.roles());
    }
}

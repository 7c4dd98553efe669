package vn.loa.identity.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;

/** A person's sign-in details as Spring Security sees them. */
final class LoaUserDetails implements UserDetails, CredentialsContainer, SignedInPrincipal {

    private final SignedInUser user;
    private String passwordHash;
    private final boolean enabled;
    private final boolean locked;

    LoaUserDetails(SignedInUser user, String passwordHash, boolean enabled, boolean locked) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
    }

    static List<GrantedAuthority> authorities(SignedInUser user) {
        return user.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public SignedInUser signedInUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(user);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}

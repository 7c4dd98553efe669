package vn.loa.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** A security principal that knows the {@link SignedInUser} behind it. */
public interface SignedInPrincipal {

    /** The person or client behind the principal. */
    SignedInUser signedInUser();

    /** The signed-in user of an authentication, if it is one of Loa's. */
    static Optional<SignedInUser> of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof SignedInPrincipal principal) {
            return Optional.of(principal.signedInUser());
        }
        return Optional.empty();
    }

    /** The signed-in user of the current request, if any. */
    static Optional<SignedInUser> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }
}

package vn.loa.identity;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.identity.Users.NewUser;
import vn.loa.shared.AgencyId;

/** Builds accounts for tests through the public API, each with a fresh user name. */
final class IdentityTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private IdentityTestData() {
    }

    static String freshUsername(String stem) {
        return stem + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    static NewUser newUser(String username, Role role, AgencyId agency) {
        return new NewUser(username, "Nguyễn Văn Thử", username + "@example.gov.vn", "mat-khau-dai-1", Set.of(role), agency);
    }
}

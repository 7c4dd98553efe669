package vn.loa.press.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.shared.AgencyId;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * Who may approve for an agency on the press desk: an enabled account of the agency with the spokesperson role (its
 * head, a commune's chairman, or the spokesperson they named). Where there is none, nobody at the agency can approve an
 * answer or a statement, and a coordinator may in its place ({@link PressAccess#approvesInPlace}).
 */
@Component
class Approvers {

    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    Approvers(Users users, AgencyDirectory agencies, Clock clock) {
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Whether an enabled account of the agency holds the spokesperson role (a locked one counts: the lock ends). */
    boolean exist(String agencyCode) {
        if (agencyCode == null) {
            return false;
        }
        Optional<Agency> agency = agencies.findByCode(agencyCode, LocalDate.ofInstant(clock.instant(), LocalTime.ZONE));
        return agency.isPresent() && users.list(new Users.UserFilter(null, Role.SPOKESPERSON, agency.get().id(), null),
                new PageRequest(1, PageRequest.MAX_SIZE)).items().stream().anyMatch(UserAccount::enabled);
    }

    /** The codes of the agencies where an enabled account holds the spokesperson role: one read of those accounts. */
    Set<String> agencies() {
        Set<AgencyId> ids = new HashSet<>();
        for (int page = 1; ; page++) {
            Page<UserAccount> accounts = users.list(new Users.UserFilter(null, Role.SPOKESPERSON, null, null),
                    new PageRequest(page, PageRequest.MAX_SIZE));
            accounts.items().stream().filter(UserAccount::enabled).map(UserAccount::agency).filter(Objects::nonNull)
                    .forEach(ids::add);
            if (accounts.items().size() < PageRequest.MAX_SIZE || (long) page * PageRequest.MAX_SIZE >= accounts.total()) {
                break;
            }
        }
        Set<String> codes = new HashSet<>();
        ids.forEach(id -> agencies.find(id).map(Agency::code).ifPresent(codes::add));
        return codes;
    }
}

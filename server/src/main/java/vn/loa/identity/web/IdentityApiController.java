package vn.loa.identity.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/** {@code /api/v1/me} and {@code /api/v1/agencies}: who is calling, and the agency tree as of a day. */
@RestController
@RequestMapping("/api/v1")
class IdentityApiController {

    private final AgencyDirectory agencies;
    private final Clock clock;

    IdentityApiController(AgencyDirectory agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    record Me(String username, String fullName, String agencyCode, Set<Role> roles, boolean apiClient) {
    }

    record AgencyView(long id, String code, String kind, Long parentId, String nameVi, String nameEn,
            LocalDate validFrom, LocalDate validTo) {
    }

    @GetMapping("/me")
    Me me() {
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        return new Me(user.username(), user.fullName(), user.agencyCode(), user.roles(), user.apiClient());
    }

    @GetMapping("/agencies")
    List<AgencyView> agencies(@RequestParam(required = false) String on) {
        LocalDate day = clock.instant().atZone(LocalTime.ZONE).toLocalDate();
        if (on != null) {
            try {
                day = LocalDate.parse(on);
            } catch (DateTimeParseException e) {
                throw new InvalidInput("on", "api.error.iso-date");
            }
        }
        return agencies.validOn(day).stream().map(IdentityApiController::view).toList();
    }

    private static AgencyView view(Agency a) {
        return new AgencyView(a.id().value(), a.code(), a.kind().name(), a.parent() == null ? null : a.parent().value(),
                a.nameVi(), a.nameEn(), a.validFrom(), a.validTo());
    }
}

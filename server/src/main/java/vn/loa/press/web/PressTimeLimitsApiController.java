package vn.loa.press.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.press.Enquiries;
import vn.loa.press.EnquiryKind;
import vn.loa.press.TimeLimit;
import vn.loa.press.TimeLimitUnit;
import vn.loa.shared.InvalidInput;

/**
 * {@code GET /api/v1/admin/press-time-limits} (every row, newest first) and {@code POST} (a later rule:
 * {@code {validFrom, kind, amount, unit, legal, source}}; 201, or 422 naming the field). Administrators only, by the
 * path.
 */
@RestController
@ConditionalOnWebApplication
class PressTimeLimitsApiController {

    private final Enquiries enquiries;

    PressTimeLimitsApiController(Enquiries enquiries) {
        this.enquiries = enquiries;
    }

    /** A rule as posted; the kind and unit as text so that a wrong one is named. */
    record PostedLimit(LocalDate validFrom, String kind, Integer amount, String unit, Boolean legal, String source) {
    }

    @GetMapping("/api/v1/admin/press-time-limits")
    List<TimeLimit> list() {
        return enquiries.timeLimits();
    }

    @PostMapping("/api/v1/admin/press-time-limits")
    @ResponseStatus(HttpStatus.CREATED)
    TimeLimit enter(@RequestBody PostedLimit posted) {
        List<InvalidInput> problems = new ArrayList<>();
        EnquiryKind kind = PressApiController.parse(EnquiryKind.class, posted.kind(), "kind", problems);
        TimeLimitUnit unit = PressApiController.parse(TimeLimitUnit.class, posted.unit(), "unit", problems);
        InvalidInput.throwIfAny(problems);
        return enquiries.enterTimeLimit(new TimeLimit(null, posted.validFrom(), null, kind,
                posted.amount() == null ? 0 : posted.amount(), unit, Boolean.TRUE.equals(posted.legal()), posted.source()),
                SignedInPrincipal.current().orElseThrow().actor());
    }
}

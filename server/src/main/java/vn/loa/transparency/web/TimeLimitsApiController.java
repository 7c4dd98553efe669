package vn.loa.transparency.web;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.transparency.InformationRequests;

/**
 * {@code GET /api/v1/admin/access-time-limits} (every row, newest first) and {@code POST} (the time limits of a later
 * law: {@code {validFrom, channel, complex, answerDays, noticeDays, extensionDays, source}}; 201, or 422 naming the
 * field). Administrators only, by the path.
 */
@RestController
@ConditionalOnWebApplication
class TimeLimitsApiController {

    private final InformationRequests requests;

    TimeLimitsApiController(InformationRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/api/v1/admin/access-time-limits")
    List<InformationRequests.TimeLimitRule> list() {
        return requests.timeLimits();
    }

    @PostMapping("/api/v1/admin/access-time-limits")
    @ResponseStatus(HttpStatus.CREATED)
    InformationRequests.TimeLimitRule create(@RequestBody InformationRequests.TimeLimitRule rule) {
        return requests.enterTimeLimit(rule, SignedInPrincipal.current().orElseThrow().actor());
    }
}

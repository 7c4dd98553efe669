package vn.loa.listening.web;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Alerts;

/**
 * {@code GET /api/v1/alerts} (the alerts the caller may see), {@code GET /api/v1/alerts/{id}},
 * {@code POST /api/v1/alerts/{id}/acknowledge}, and the rules: {@code GET /api/v1/alerts/rules},
 * {@code POST /api/v1/alerts/rules} (a {@link Alerts.RuleForm} as JSON; 201, or 422 naming the field) and
 * {@code POST /api/v1/alerts/rules/{id}/disable}.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@ConditionalOnWebApplication
class AlertsApiController {

    private final Alerts alerts;

    AlertsApiController(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    List<Alerts.Alert> list(@RequestParam(defaultValue = "false") boolean open) {
        return alerts.alerts(user(), open, 200);
    }

    @GetMapping("/{id}")
    Alerts.Alert one(@PathVariable long id) {
        return alerts.alert(id, user());
    }

    @GetMapping("/rules")
    List<Alerts.Rule> rules() {
        return alerts.rules(user());
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    Alerts.Rule addRule(@RequestBody Alerts.RuleForm form) {
        return alerts.addRule(form, user());
    }

    @PostMapping("/rules/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disableRule(@PathVariable long id) {
        alerts.disableRule(id, user());
    }

    @PostMapping("/{id}/acknowledge")
    Alerts.Alert acknowledge(@PathVariable long id) {
        SignedInUser user = user();
        alerts.acknowledge(id, user);
        return alerts.alert(id, user);
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}

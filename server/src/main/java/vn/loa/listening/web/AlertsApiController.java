package vn.loa.listening.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import vn.loa.platform.Pager;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * {@code GET /api/v1/alerts} (the alerts the caller may see, a page at a time), {@code GET /api/v1/alerts/{id}},
 * {@code POST /api/v1/alerts/{id}/acknowledge}, and the rules: {@code GET /api/v1/alerts/rules},
 * {@code POST /api/v1/alerts/rules} (a {@link Alerts.RuleForm} as JSON; 201, or 422 naming the field) and
 * {@code POST /api/v1/alerts/rules/{id}/disable} and {@code POST /api/v1/alerts/rules/{id}/enable}.
 */
@RestController
@RequestMapping("/api/v1/alerts")
@ConditionalOnWebApplication
class AlertsApiController {

    private final Alerts alerts;

    AlertsApiController(Alerts alerts) {
        this.alerts = alerts;
    }

    /**
     * A page of the alerts, newest first ({@code page} from 1, {@code size} up to 200, 50 when not given; 422 naming
     * the parameter when either is not a whole number in bounds), with {@code Link} and {@code X-Total-Count}.
     */
    @GetMapping
    ResponseEntity<List<Alerts.Alert>> list(@RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "") String kind, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        Alerts.AlertFilter filter = new Alerts.AlertFilter(open, kind);
        Page<Alerts.Alert> list = alerts.alerts(user(), filter, PageRequest.parse(page, size));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("open", open ? "true" : "");
        filters.put("kind", filter.kind());
        return ResponseEntity.ok().headers(Pager.apiHeaders("/api/v1/alerts", filters, list)).body(list.items());
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

    @PostMapping("/rules/{id}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void enableRule(@PathVariable long id) {
        alerts.enableRule(id, user());
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

package vn.loa.publishing.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import vn.loa.publishing.Broadcasts;
import vn.loa.publishing.Broadcasts.Broadcast;
import vn.loa.publishing.Broadcasts.BroadcastStatus;
import vn.loa.publishing.Channel;
import vn.loa.shared.InvalidInput;

/**
 * Broadcast packages for the provincial source-information system (an API token or a signed-in user; read-only except
 * confirmations): {@code GET /api/v1/broadcasts} (filters {@code commune}, {@code status}, {@code kind}; at most
 * {@code limit}, 100 by default), {@code GET /api/v1/broadcasts/{id}}, {@code GET /api/v1/broadcasts/{id}/package.zip}
 * (docs/broadcast-package.md) and {@code POST /api/v1/broadcasts/{id}/confirmations} ({@code {broadcastAt, note}};
 * 201; 403 for anyone but the commune; 409 when confirmed already; 422 naming the field).
 */
@RestController
@RequestMapping("/api/v1/broadcasts")
@ConditionalOnWebApplication
class BroadcastsApiController {

    private final Broadcasts broadcasts;

    BroadcastsApiController(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    record PostedConfirmation(String broadcastAt, String note) {
    }

    @GetMapping
    List<Broadcast> list(@RequestParam(required = false) String commune, @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "100") String limit) {
        List<InvalidInput> problems = new ArrayList<>();
        BroadcastStatus chosen = parse(BroadcastStatus.class, status, "status", problems);
        Channel chosenKind = parse(Channel.class, kind, "kind", problems);
        if (chosenKind != null && chosenKind != Channel.LOUDSPEAKER && chosenKind != Channel.BILLBOARD) {
            problems.add(new InvalidInput("kind", "publishing.error.kind"));
        }
        int max = 100;
        try {
            max = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > 500) {
            problems.add(new InvalidInput("limit", "publishing.error.limit"));
        }
        InvalidInput.throwIfAny(problems);
        return broadcasts.list(new Broadcasts.Filter(commune, chosen, chosenKind), max, user());
    }

    @GetMapping("/{id}")
    Broadcast get(@PathVariable long id) {
        return broadcasts.get(id, user());
    }

    @GetMapping(value = "/{id}/package.zip", produces = "application/zip")
    ResponseEntity<byte[]> zip(@PathVariable long id) {
        byte[] zip = broadcasts.packageZip(id, user());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loa-broadcast-" + id + ".zip\"")
                .body(zip);
    }

    @PostMapping("/{id}/confirmations")
    @ResponseStatus(HttpStatus.CREATED)
    Broadcast confirm(@PathVariable long id, @RequestBody(required = false) PostedConfirmation posted) {
        OffsetDateTime at = null;
        if (posted != null && posted.broadcastAt() != null && !posted.broadcastAt().isBlank()) {
            try {
                at = OffsetDateTime.parse(posted.broadcastAt().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInput("broadcastAt", "publishing.error.broadcast-at");
            }
        }
        return broadcasts.confirm(id, at == null ? null : at.toInstant(), posted == null ? null : posted.note(), user());
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput(field, "publishing.error." + field));
            return null;
        }
    }

    static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }
}

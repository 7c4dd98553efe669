package vn.loa.publishing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Broadcasts;
import vn.loa.publishing.Broadcasts.Broadcast;
import vn.loa.publishing.Broadcasts.BroadcastStatus;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The commune's page to confirm its broadcasts (one big button per package, for a phone), and the coordinator's page
 * of the packages per commune with their status, the missed ones flagged.
 */
@Controller
@ConditionalOnWebApplication
class BroadcastPagesController {

    private final Broadcasts broadcasts;
    private final AgencyDirectory agencies;
    private final Clock clock;

    BroadcastPagesController(Broadcasts broadcasts, AgencyDirectory agencies, Clock clock) {
        this.broadcasts = broadcasts;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Whether the user works for a commune. */
    static boolean communeUser(SignedInUser user, AgencyDirectory agencies, Clock clock) {
        return user.agencyCode() != null && agencies.findByCode(user.agencyCode(),
                LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).filter(a -> a.kind() == AgencyKind.COMMUNE)
                .isPresent();
    }

    @GetMapping("/broadcasts/confirm")
    String confirmPage(Model model) {
        SignedInUser user = BroadcastsApiController.user();
        if (!communeUser(user, agencies, clock)) {
            throw new AccessDeniedException("commune users only");
        }
        List<Broadcast> mine = broadcasts.list(new Broadcasts.Filter(user.agencyCode(), null, null), 50, user).stream()
                .filter(b -> b.communeCode().equals(user.agencyCode())).toList();
        model.addAttribute("pending", mine.stream().filter(b -> b.status() == BroadcastStatus.PENDING
                || b.status() == BroadcastStatus.MISSED).toList());
        model.addAttribute("done", mine.stream().filter(b -> b.status() == BroadcastStatus.CONFIRMED).limit(10).toList());
        model.addAttribute("communeCode", user.agencyCode());
        // the broadcast time offered: now, or the first slot while it is still to come (nothing airs before it)
        java.time.Instant now = clock.instant();
        Map<Long, LocalDateTime> offered = new LinkedHashMap<>();
        for (Broadcast b : mine) {
            java.time.Instant at = now.isBefore(b.firstSlotAt()) ? b.firstSlotAt() : now;
            offered.put(b.id(), LocalDateTime.ofInstant(at, LocalTime.ZONE).withSecond(0).withNano(0));
        }
        model.addAttribute("offered", offered);
        return "publishing/confirm";
    }

    @PostMapping("/broadcasts/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(required = false) String broadcastAt,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            java.time.Instant at = null;
            if (broadcastAt != null && !broadcastAt.isBlank()) {
                try {
                    at = LocalDateTime.parse(broadcastAt.strip()).atZone(LocalTime.ZONE).toInstant();
                } catch (DateTimeParseException e) {
                    throw new InvalidInput("broadcastAt", "publishing.error.broadcast-at");
                }
            }
            broadcasts.confirm(id, at, note, BroadcastsApiController.user());
            redirect.addFlashAttribute("flashKey", "publishing.confirm.done");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
            // the form comes back as it was typed
            redirect.addFlashAttribute("typed", new Typed(id, broadcastAt, note));
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "publishing.error.not-your-commune");
        }
        return "redirect:/broadcasts/confirm";
    }

    /** What the commune typed into one package's form, shown again with the problems. */
    record Typed(long id, String broadcastAt, String note) {
    }

    @GetMapping("/broadcasts")
    String coordinator(@RequestParam(required = false) String commune, @RequestParam(required = false) String status,
            Model model) {
        SignedInUser user = BroadcastsApiController.user();
        if (communeUser(user, agencies, clock) && !user.has(Role.COORDINATOR) && !user.has(Role.ADMIN)) {
            return "redirect:/broadcasts/confirm";
        }
        BroadcastStatus chosen = BroadcastsApiController.parse(BroadcastStatus.class, status, "status",
                new java.util.ArrayList<>());
        List<Broadcast> list = broadcasts.list(new Broadcasts.Filter(commune, chosen, null), 300, user);
        Map<String, List<Broadcast>> byCommune = new LinkedHashMap<>();
        list.stream().sorted(java.util.Comparator.comparing(Broadcast::communeCode))
                .forEach(b -> byCommune.computeIfAbsent(b.communeCode(), c -> new java.util.ArrayList<>()).add(b));
        model.addAttribute("byCommune", byCommune);
        model.addAttribute("missed", list.stream().filter(b -> b.status() == BroadcastStatus.MISSED).count());
        model.addAttribute("statuses", BroadcastStatus.values());
        model.addAttribute("status", chosen);
        model.addAttribute("commune", commune == null ? "" : commune);
        model.addAttribute("communes", byCommune.keySet());
        return "publishing/broadcasts";
    }

    @GetMapping("/broadcasts/{id}/package.zip")
    ResponseEntity<byte[]> zip(@PathVariable long id) {
        byte[] zip = broadcasts.packageZip(id, BroadcastsApiController.user());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loa-broadcast-" + id + ".zip\"")
                .body(zip);
    }
}

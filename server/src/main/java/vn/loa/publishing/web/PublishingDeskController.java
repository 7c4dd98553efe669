package vn.loa.publishing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.NavigationItem;
import vn.loa.publishing.Broadcasts;
import vn.loa.publishing.Channel;
import vn.loa.publishing.DeliverySimulator;
import vn.loa.publishing.Publishing;
import vn.loa.publishing.SourceLookup;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The publishing desk: the publications with their delivery counts, one publication's deliveries and log, the
 * emergency log, the simulator's inbox (nothing there reached a person) and the network of stations and billboards.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/publishing")
class PublishingDeskController {

    private final Publishing publishing;
    private final DeliverySimulator simulator;
    private final Broadcasts broadcasts;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final ObjectProvider<SourceLookup> sources;

    PublishingDeskController(Publishing publishing, DeliverySimulator simulator, Broadcasts broadcasts,
            AgencyDirectory agencies, Clock clock, ObjectProvider<SourceLookup> sources) {
        this.publishing = publishing;
        this.simulator = simulator;
        this.broadcasts = broadcasts;
        this.agencies = agencies;
        this.clock = clock;
        this.sources = sources;
    }

    /**
     * The names of the publications' sources and campaigns that the user may see, from the modules that know them
     * (publishing holds only their opaque references).
     */
    private Map<String, SourceLookup.Name> names(List<Publishing.PublicationRecord> publications, SignedInUser user) {
        Set<String> references = new LinkedHashSet<>();
        for (Publishing.PublicationRecord p : publications) {
            references.add(p.source());
            if (p.campaign() != null) {
                references.add(p.campaign());
            }
        }
        references.remove(null);
        Map<String, SourceLookup.Name> names = new HashMap<>();
        if (!references.isEmpty()) {
            sources.orderedStream().forEach(lookup -> lookup.names(references, user).forEach(names::putIfAbsent));
        }
        return names;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private static boolean editsNetwork(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN);
    }

    @GetMapping
    String desk(@RequestParam(defaultValue = "false") boolean emergency, Model model) {
        SignedInUser user = BroadcastsApiController.user();
        List<Publishing.PublicationRecord> publications = publishing.recent(emergency, 100, user);
        model.addAttribute("publications", publications);
        model.addAttribute("names", names(publications, user));
        model.addAttribute("emergency", emergency);
        model.addAttribute("communeUser", BroadcastPagesController.communeUser(user, agencies, clock));
        model.addAttribute("provinceWide", editsNetwork(user) || user.has(Role.LEADER));
        return "publishing/desk";
    }

    @GetMapping("/{id}")
    String publication(@PathVariable long id, Model model) {
        SignedInUser user = BroadcastsApiController.user();
        Publishing.PublicationRecord p = publishing.get(id, user);
        model.addAttribute("p", p);
        model.addAttribute("names", names(List.of(p), user));
        model.addAttribute("deliveries", publishing.deliveries(id, user));
        model.addAttribute("log", publishing.log(id, user));
        List<Broadcasts.Broadcast> packages = broadcasts.ofPublication(id, user);
        model.addAttribute("packages", packages);
        // a commune's delivery still waiting for a confirmation its package is past is read as missed, as the package
        // says and the counts count it
        model.addAttribute("missedRecipients", packages.stream()
                .filter(b -> b.status() == Broadcasts.BroadcastStatus.MISSED).map(b -> "commune:" + b.communeCode())
                .collect(java.util.stream.Collectors.toSet()));
        return "publishing/publication";
    }

    @GetMapping("/emergency")
    String emergency(Model model) {
        model.addAttribute("log", publishing.emergencyLog(200, BroadcastsApiController.user()));
        return "publishing/emergency";
    }

    @GetMapping("/simulator")
    String simulator(Model model) {
        SignedInUser user = BroadcastsApiController.user();
        if (!editsNetwork(user)) {
            // what the simulator "received" holds citizens' numbers and their comment codes: the province's
            // administrators and coordinators check it, not every agency's officer
            throw new org.springframework.security.access.AccessDeniedException("the simulator's inbox is the province's");
        }
        model.addAttribute("inbox", simulator.inbox(100));
        model.addAttribute("down", simulator.down());
        model.addAttribute("maySwitch", editsNetwork(user));
        return "publishing/simulator";
    }

    @PostMapping("/simulator")
    String switchSimulator(@RequestParam String channel, @RequestParam boolean down, RedirectAttributes redirect) {
        Channel chosen = BroadcastsApiController.parse(Channel.class, channel, "channel", new java.util.ArrayList<>());
        try {
            simulator.switchDown(chosen, down, BroadcastsApiController.user());
            redirect.addFlashAttribute("flashKey", down ? "publishing.simulator.switched-down"
                    : "publishing.simulator.switched-up");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
        }
        return "redirect:/publishing/simulator";
    }

    @GetMapping("/network")
    String network(Model model) {
        prepareNetwork(model, Map.of());
        return "publishing/network";
    }

    private void prepareNetwork(Model model, Map<String, String> form) {
        SignedInUser user = BroadcastsApiController.user();
        Map<String, List<Broadcasts.Station>> byCommune = new LinkedHashMap<>();
        for (Broadcasts.Station s : broadcasts.stations(today())) {
            byCommune.computeIfAbsent(s.communeCode(), c -> new java.util.ArrayList<>()).add(s);
        }
        model.addAttribute("byCommune", byCommune);
        model.addAttribute("mayEdit", editsNetwork(user));
        model.addAttribute("communes", agencies.validOn(today()).stream().filter(a -> a.kind() == AgencyKind.COMMUNE)
                .toList());
        model.addAttribute("form", form);
    }

    @PostMapping("/network")
    String addStation(@RequestParam(defaultValue = "") String communeCode, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slots,
            @RequestParam(defaultValue = "") String validFrom, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        SignedInUser user = BroadcastsApiController.user();
        if (!editsNetwork(user)) {
            throw new AccessDeniedException("coordinators and administrators edit the network");
        }
        java.util.List<InvalidInput> problems = new java.util.ArrayList<>();
        Channel chosen = BroadcastsApiController.parse(Channel.class, kind, "kind", problems);
        LocalDate from = null;
        if (!validFrom.isBlank()) {
            try {
                from = LocalDate.parse(validFrom.strip());
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInput("validFrom", "publishing.error.valid-from"));
            }
        }
        try {
            InvalidInput.throwIfAny(problems);
            broadcasts.addStation(new Broadcasts.NewStation(communeCode, chosen, name, slots, from), user);
            redirect.addFlashAttribute("flashKey", "publishing.network.added");
            return "redirect:/publishing/network";
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepareNetwork(model, Map.of("communeCode", communeCode, "kind", kind, "name", name, "slots", slots,
                    "validFrom", validFrom));
            return "publishing/network";
        }
    }

    @PostMapping("/network/{id}/end")
    String endStation(@PathVariable long id, @RequestParam(defaultValue = "") String lastDay,
            RedirectAttributes redirect) {
        try {
            LocalDate last = lastDay.isBlank() ? null : LocalDate.parse(lastDay.strip());
            broadcasts.endStation(id, last, BroadcastsApiController.user());
            redirect.addFlashAttribute("flashKey", "publishing.network.ended");
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("problems", List.of(new InvalidInput("lastDay", "publishing.error.last-day")));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
        }
        return "redirect:/publishing/network";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem publishingNavigation() {
            return new NavigationItem("nav.publishing", "/publishing", 34,
                    Set.of("ADMIN", "COORDINATOR", "LEADER", "OFFICER", "SPOKESPERSON"));
        }

        @Bean
        NavigationItem broadcastsNavigation() {
            return new NavigationItem("nav.broadcasts", "/broadcasts", 35, Set.of("ADMIN", "COORDINATOR", "LEADER"));
        }
    }
}

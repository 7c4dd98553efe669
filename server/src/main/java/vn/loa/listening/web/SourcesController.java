package vn.loa.listening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Set;
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
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.FeedSources;
import vn.loa.listening.Platform;
import vn.loa.listening.PostSearch;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/** Sources and their health, feeds added and polled, imports and their quarantined lines: for coordinators and administrators. */
@Controller
@RequestMapping("/listening/sources")
@ConditionalOnWebApplication
class SourcesController {

    private final FeedSources sources;
    private final AgencyDirectory agencies;
    private final PostSearch search;

    SourcesController(FeedSources sources, AgencyDirectory agencies, PostSearch search) {
        this.sources = sources;
        this.agencies = agencies;
        this.search = search;
    }

    @GetMapping
    String list(Model model) {
        editor();
        fill(model);
        model.addAttribute("form", new FeedSources.FeedForm("", "", "news", "", 15, 48));
        return "listening/sources";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "news") String platform, @RequestParam(defaultValue = "") String agencyCode,
            @RequestParam(defaultValue = "") String pollMinutes, @RequestParam(defaultValue = "") String silentHours,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser user = editor();
        FeedSources.FeedForm form = new FeedSources.FeedForm(name, url, platform, agencyCode, number(pollMinutes),
                number(silentHours));
        try {
            FeedSources.Source source = sources.addFeed(form, user.actor());
            FeedSources.PollResult result = sources.poll(source.id());
            redirect.addFlashAttribute("pollResult", result);
            redirect.addFlashAttribute("flashKey", "sources.added");
            return "redirect:/listening/sources";
        } catch (InvalidInput e) {
            fill(model);
            model.addAttribute("form", form);
            model.addAttribute("problems", e.all());
            response.setStatus(422);
            return "listening/sources";
        }
    }

    @PostMapping("/{id}/poll")
    String poll(@PathVariable long id, RedirectAttributes redirect) {
        editor();
        redirect.addFlashAttribute("pollResult", sources.poll(id));
        return "redirect:/listening/sources";
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        SignedInUser user = editor();
        sources.setEnabled(id, enabled, user.actor());
        redirect.addFlashAttribute("flashKey", enabled ? "sources.enabled" : "sources.disabled");
        return "redirect:/listening/sources";
    }

    @GetMapping("/imports/{id}")
    String quarantine(@PathVariable long id, Model model) {
        editor();
        model.addAttribute("importRow", sources.recentImports(10_000).stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> new vn.loa.shared.NotFound("import", id)));
        model.addAttribute("lines", sources.quarantined(id));
        return "listening/quarantine";
    }

    private void fill(Model model) {
        model.addAttribute("sources", sources.all());
        model.addAttribute("imports", sources.recentImports(20));
        model.addAttribute("throughput", sources.throughput());
        model.addAttribute("indexLag", search.lag());
        model.addAttribute("agencies", agencies.validOn(LocalDate.now(LocalTime.ZONE)));
        model.addAttribute("platforms", Platform.values());
    }

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static SignedInUser editor() {
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        if (!user.has(Role.ADMIN) && !user.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("sources are for coordinators and administrators");
        }
        return user;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem sourcesNavigation() {
            return new NavigationItem("nav.sources", "/listening/sources", 35, Set.of("ADMIN", "COORDINATOR"));
        }
    }
}

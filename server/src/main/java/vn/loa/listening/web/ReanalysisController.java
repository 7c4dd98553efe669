package vn.loa.listening.web;

import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.PostReanalysis;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.Conflict;

/**
 * Administrators re-analyse the stored posts after the language models change ({@code /listening/reanalysis}):
 * how many posts other models labelled, the runs and their progress, and the button that starts (or resumes) one;
 * a second button re-routes every post after the routing rules or the province's units changed.
 */
@Controller
@RequestMapping("/listening/reanalysis")
@ConditionalOnWebApplication
class ReanalysisController {

    private final PostReanalysis reanalysis;

    ReanalysisController(PostReanalysis reanalysis) {
        this.reanalysis = reanalysis;
    }

    @GetMapping
    String page(Model model) {
        admin();
        fill(model);
        return "listening/reanalysis";
    }

    /** The progress alone, which the page asks for every few seconds while a run goes on. */
    @GetMapping("/progress")
    String progress(Model model) {
        admin();
        fill(model);
        return "listening/reanalysis :: progress";
    }

    @PostMapping
    String start(@RequestParam(defaultValue = "false") boolean reroute, RedirectAttributes redirect) {
        SignedInUser user = admin();
        try {
            reanalysis.start(user.actor(), PostReanalysis.DEFAULT_BATCH, reroute);
            redirect.addFlashAttribute("flashKey", reroute ? "reanalysis.reroute-started" : "reanalysis.started");
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/listening/reanalysis";
    }

    private void fill(Model model) {
        String version = reanalysis.modelVersion();
        List<PostReanalysis.Run> runs = reanalysis.runs(10);
        boolean running = reanalysis.running();
        model.addAttribute("modelVersion", version);
        model.addAttribute("routingVersion", reanalysis.routingVersion());
        // while a run goes on the page asks every few seconds: what is left comes from the run's progress rather than
        // from counting the whole post table each time
        PostReanalysis.Run current = runs.isEmpty() ? null : runs.get(0);
        boolean fromRun = running && current != null && current.status() == PostReanalysis.Status.RUNNING
                && current.modelVersion().equals(version) && !current.rerouting();
        model.addAttribute("outdated",
                fromRun ? Math.max(0, current.postsTotal() - current.postsDone()) : reanalysis.outdated());
        model.addAttribute("runs", runs);
        model.addAttribute("running", running);
    }

    private static SignedInUser admin() {
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException("re-analysing posts is for administrators");
        }
        return user;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem reanalysisNavigation() {
            return new NavigationItem("nav.reanalysis", "/listening/reanalysis", 45, Set.of("ADMIN"));
        }
    }
}

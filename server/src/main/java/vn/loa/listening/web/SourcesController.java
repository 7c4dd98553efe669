package vn.loa.listening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
import vn.loa.platform.Pager;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.shared.SearchText;

/**
 * Sources and their health, feeds added and polled, imports and their quarantined lines: for coordinators and
 * administrators. Each list is read a page at a time, with the filters in the page's address.
 */
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

    /** The latest imports the sources page shows; the imports page has them all. */
    static final int LATEST_IMPORTS = 10;

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String platform,
            @RequestParam(defaultValue = "") String health, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Model model, HttpServletResponse response) {
        editor();
        try {
            fill(model, new FeedSources.SourceFilter(new SearchText(q), platform, health), PageRequest.lenient(page, size));
        } catch (InvalidInput e) {
            fill(model, FeedSources.SourceFilter.none(), PageRequest.lenient(page, size));
            model.addAttribute("filterProblems", e.all());
            model.addAttribute("q", q);
            model.addAttribute("platform", platform);
            model.addAttribute("health", health);
            response.setStatus(400);
        }
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
            fill(model, FeedSources.SourceFilter.none(), PageRequest.of(1));
            model.addAttribute("form", form);
            model.addAttribute("problems", e.all());
            response.setStatus(422);
            return "listening/sources";
        }
    }

    /** What a source's form shows and sends back, as typed. */
    record SourceForm(String name, String url, String agencyCode, String pollMinutes, String silentHours) {
    }

    /** One source's page: what it is, and the form that changes its name, agency, silence threshold and, for a feed, its address and polling. */
    @GetMapping("/{id}")
    String source(@PathVariable long id, Model model) {
        editor();
        FeedSources.Source source = sources.find(id);
        SourceForm form = new SourceForm(source.name() == null ? "" : source.name(), source.url(), source.agencyCode(),
                source.pollMinutes() == null ? "" : source.pollMinutes().toString(), Integer.toString(source.silentHours()));
        return sourcePage(model, source, form, seen(source));
    }

    /**
     * Saves a source's changes, unless it changed after the page was opened ({@code seen}): then nothing is saved, what
     * was typed stays and the page shows the source as it is now (409), so a colleague's new address is not put back.
     */
    @PostMapping("/{id}")
    String change(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String agencyCode,
            @RequestParam(defaultValue = "") String pollMinutes, @RequestParam(defaultValue = "") String silentHours,
            @RequestParam(required = false) String seen, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        SignedInUser user = editor();
        FeedSources.Source source = sources.find(id);
        SourceForm form = new SourceForm(name, url, agencyCode, pollMinutes, silentHours);
        if (seen != null && !seen.equals(seen(source))) {
            model.addAttribute("changedMeanwhile", true);
            response.setStatus(409);
            return sourcePage(model, source, form, seen(source));
        }
        try {
            sources.change(id, new FeedSources.SourceChanges(name, url, agencyCode, number(pollMinutes), number(silentHours)),
                    user.actor());
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.all());
            response.setStatus(422);
            return sourcePage(model, source, form, seen);
        }
        redirect.addFlashAttribute("flashKey", "sources.saved");
        return "redirect:/listening/sources";
    }

    private String sourcePage(Model model, FeedSources.Source source, SourceForm form, String seen) {
        model.addAttribute("source", source);
        model.addAttribute("form", form);
        model.addAttribute("seen", seen);
        model.addAttribute("agencies", agencies.validOn(LocalDate.now(LocalTime.ZONE)));
        return "listening/source";
    }

    /** The mark of what a source's page shows of it and its form changes. */
    static String seen(FeedSources.Source source) {
        return vn.loa.shared.SeenMark.of(source.name(), source.url(), source.agencyCode(),
                String.valueOf(source.pollMinutes()), Integer.toString(source.silentHours()));
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

    /** Marks a source as citizens' own posts, or not; its stored posts become due for re-analysis. */
    @PostMapping("/{id}/citizens")
    String citizens(@PathVariable long id, @RequestParam boolean citizens, RedirectAttributes redirect) {
        SignedInUser user = editor();
        long due = sources.setCitizens(id, citizens, user.actor());
        redirect.addFlashAttribute("citizensResult", new long[] {citizens ? 1 : 0, due});
        return "redirect:/listening/sources";
    }

    /** Marks a source as the province's own, or not; its stored posts become due for re-analysis (routed again). */
    @PostMapping("/{id}/local")
    String local(@PathVariable long id, @RequestParam boolean local, RedirectAttributes redirect) {
        SignedInUser user = editor();
        long due = sources.setLocal(id, local, user.actor());
        redirect.addFlashAttribute("localResult", new long[] {local ? 1 : 0, due});
        return "redirect:/listening/sources";
    }

    /** Every import, newest first, a page at a time: by kind (file, feed, push) and by what became of it. */
    @GetMapping("/imports")
    String imports(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model,
            HttpServletResponse response) {
        editor();
        FeedSources.ImportFilter filter;
        try {
            filter = new FeedSources.ImportFilter(kind, status);
        } catch (InvalidInput e) {
            filter = FeedSources.ImportFilter.none();
            model.addAttribute("filterProblems", e.all());
            response.setStatus(400);
        }
        Page<FeedSources.ImportRow> imports = sources.imports(filter, PageRequest.lenient(page, size));
        model.addAttribute("imports", imports);
        model.addAttribute("pager", Pager.of("/listening/sources/imports",
                filters("kind", filter.kind(), "status", filter.status()), imports));
        model.addAttribute("kind", filter.kind());
        model.addAttribute("status", filter.status());
        model.addAttribute("kinds", FeedSources.IMPORT_KINDS);
        model.addAttribute("statuses", FeedSources.IMPORT_STATUSES);
        return "listening/imports";
    }

    @GetMapping("/imports/{id}")
    String quarantine(@PathVariable long id, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, Model model) {
        editor();
        model.addAttribute("importRow", sources.importRow(id));
        Page<FeedSources.QuarantineRow> lines = sources.quarantined(id, PageRequest.lenient(page, size));
        model.addAttribute("lines", lines);
        model.addAttribute("pager", Pager.of("/listening/sources/imports/" + id, Map.of(), lines));
        return "listening/quarantine";
    }

    private void fill(Model model, FeedSources.SourceFilter filter, PageRequest page) {
        Page<FeedSources.Source> list = sources.list(filter, page);
        model.addAttribute("sources", list);
        model.addAttribute("pager", Pager.of("/listening/sources",
                filters("q", filter.text().words(), "platform", filter.platform(), "health", filter.health()), list));
        model.addAttribute("q", filter.text().words());
        model.addAttribute("platform", filter.platform());
        model.addAttribute("health", filter.health());
        model.addAttribute("imports", sources.imports(FeedSources.ImportFilter.none(), new PageRequest(1, LATEST_IMPORTS)));
        model.addAttribute("throughput", sources.throughput());
        model.addAttribute("indexLag", search.lag());
        model.addAttribute("agencies", agencies.validOn(LocalDate.now(LocalTime.ZONE)));
        model.addAttribute("platforms", Platform.values());
    }

    /** Filters by name, in order, as a pager's links carry them. */
    private static Map<String, String> filters(String... namesAndValues) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            filters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return filters;
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

package vn.loa.coordination.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.coordination.PeriodicReports;
import vn.loa.coordination.ReportPeriod;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The periodic reports pages: {@code /coordination/reports} (the list and, for the coordinator, the form for a new
 * report: kind and period) and {@code /coordination/reports/{id}} (the figures in tables, the charts, one text area per
 * section, save, regenerate, issue after confirming, the DOCX, and once issued the seal and its check).
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/coordination/reports")
class ReportsController {

    private final PeriodicReports reports;
    private final Clock clock;

    ReportsController(PeriodicReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }


    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @GetMapping
    String list(Model model) {
        prepare(model, Map.of());
        return "coordination/periodic-reports";
    }

    private void prepare(Model model, Map<String, String> form) {
        SignedInUser user = ReportsApiController.user();
        model.addAttribute("reports", reports.list(user));
        model.addAttribute("mayWrite", user.has(Role.COORDINATOR));
        LocalDate today = today();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kind", "QUARTERLY");
        values.put("year", String.valueOf(today.getYear()));
        values.put("period", String.valueOf((today.getMonthValue() + 2) / 3));
        values.putAll(form);
        model.addAttribute("form", values);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(today.getYear() - 5, today.getYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String kind, @RequestParam(required = false) String year,
            @RequestParam(required = false) String period, Model model, HttpServletResponse response) {
        try {
            ReportPeriod chosen = ReportPeriod.of(kind, number(year, "year"), number(period, "period"), today());
            PeriodicReports.Report r = reports.generate(chosen, ReportsApiController.user());
            return "redirect:/coordination/reports/" + r.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepare(model, Map.of("kind", kind, "year", year == null ? "" : year, "period", period == null ? "" : period));
            return "coordination/periodic-reports";
        }
    }

    private static Integer number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "periodic.error." + field, ReportPeriod.MIN_YEAR, ReportPeriod.MAX_YEAR);
        }
    }

    @GetMapping("/{id:\\d+}")
    String report(@PathVariable long id, Model model) {
        SignedInUser user = ReportsApiController.user();
        PeriodicReports.Report r = reports.get(id, user);
        model.addAttribute("r", r);
        model.addAttribute("f", r.figures());
        // the open tasks link to the task list only when they stand on today, the day that list shows
        model.addAttribute("figuresToday", r.figures().asOf().equals(LocalDate.now(clock.withZone(vn.loa.shared.LocalTime.ZONE))));
        model.addAttribute("mayWrite", user.has(Role.COORDINATOR) && !r.issued());
        // before the period's last day has passed, only a quick report may be issued, ticked as such
        model.addAttribute("periodOver", LocalDate.now(clock.withZone(vn.loa.shared.LocalTime.ZONE)).isAfter(r.periodEnd()));
        model.addAttribute("sections", PeriodicReports.SECTIONS);
        if (r.issued()) {
            model.addAttribute("seal", reports.seal(id, user));
            model.addAttribute("signedBy", reports.signedBy(id, user).orElse(null));
        } else {
            model.addAttribute("signers", reports.signers(id, user));
        }
        return "coordination/periodic-report";
    }

    @PostMapping("/{id:\\d+}/sections")
    String save(@PathVariable long id, @RequestParam long version, @RequestParam Map<String, String> params,
            RedirectAttributes redirect, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Map<String, String> sections = new LinkedHashMap<>();
        for (String key : PeriodicReports.SECTIONS) {
            if (params.containsKey("section-" + key)) {
                sections.put(key, params.get("section-" + key));
            }
        }
        try {
            reports.edit(id, sections, version, ReportsApiController.user());
        } catch (vn.loa.shared.Conflict e) {
            if (!"periodic.error.stale".equals(e.messageKey())) {
                throw e;
            }
            // someone else saved or regenerated meanwhile: the page as it now stands, with the text this user typed
            // still in the boxes (and the saved text beside each one that differs), to compare and save again
            String page = report(id, model);
            PeriodicReports.Report now = (PeriodicReports.Report) model.getAttribute("r");
            Map<String, String> typed = new LinkedHashMap<>(now.sections());
            typed.putAll(sections);
            model.addAttribute("typed", typed);
            model.addAttribute("errorKey", "periodic.error.stale-kept");
            response.setStatus(409);
            return page;
        }
        redirect.addFlashAttribute("flashKey", "periodic.saved");
        return "redirect:/coordination/reports/" + id;
    }

    @PostMapping("/{id:\\d+}/regenerate")
    String regenerate(@PathVariable long id, @RequestParam(defaultValue = "false") boolean redraft,
            @RequestParam(required = false) Long version, RedirectAttributes redirect, Model model,
            HttpServletResponse response) {
        if (changedSince(id, version)) {
            // redrafting would throw away a colleague's edit this page never showed
            return refused(id, "periodic.error.stale-regenerate", model, response);
        }
        reports.regenerate(id, redraft, ReportsApiController.user());
        redirect.addFlashAttribute("flashKey", "periodic.regenerated");
        return "redirect:/coordination/reports/" + id;
    }

    @PostMapping("/{id:\\d+}/issue")
    String issue(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(defaultValue = "false") boolean beforePeriodEnd, @RequestParam(required = false) Long version,
            @RequestParam(required = false) Long signerId, RedirectAttributes redirect, Model model,
            HttpServletResponse response) {
        if (!confirm) {
            reports.get(id, ReportsApiController.user());
            redirect.addFlashAttribute("errorKey", "periodic.issue.unconfirmed");
            return "redirect:/coordination/reports/" + id;
        }
        if (changedSince(id, version)) {
            // a report is numbered and sealed for good: the one issuing it must have read the text that goes out
            return refused(id, "periodic.error.stale-issue", model, response);
        }
        try {
            reports.issue(id, beforePeriodEnd, signerId, ReportsApiController.user());
        } catch (InvalidInput e) {
            // the period is not over: the page as it stands, saying the day it ends and how to issue a quick report
            String page = report(id, model);
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.arguments());
            response.setStatus(422);
            return page;
        }
        redirect.addFlashAttribute("flashKey", "periodic.issued");
        return "redirect:/coordination/reports/" + id;
    }

    /** Whether the report was edited or recomputed since the page that sent {@code version}; no version is not checked. */
    private boolean changedSince(long id, Long version) {
        return version != null && reports.get(id, ReportsApiController.user()).version() != version;
    }

    /** The report as it now stands, answered 409 with why nothing was done. */
    private String refused(long id, String errorKey, Model model, HttpServletResponse response) {
        String page = report(id, model);
        model.addAttribute("errorKey", errorKey);
        response.setStatus(409);
        return page;
    }

    @GetMapping("/{id:\\d+}/report.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        return ReportsApiController.download(reports.docx(id, ReportsApiController.user()));
    }

    @GetMapping("/{id:\\d+}/charts/{name:[a-z]+}.png")
    ResponseEntity<byte[]> chart(@PathVariable long id, @PathVariable String name) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(reports.chart(id, name, ReportsApiController.user()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem periodicReportsNavigation() {
            return new NavigationItem("nav.periodic-reports", "/coordination/reports", 62,
                    Set.of("COORDINATOR", "LEADER", "ADMIN"));
        }
    }
}

package vn.loa.listening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Alerts;
import vn.loa.listening.Trends;
import vn.loa.platform.NavigationItem;
import vn.loa.platform.Pager;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/** Alerts in the app: the list (a page at a time), one alert with what happened and its posts, acknowledging, and the rules. */
@Controller
@ConditionalOnWebApplication
class AlertsController {

    /** The posts an alert page shows as its examples, before the others. */
    static final int EXAMPLES = 3;

    private final Alerts alerts;
    private final AgencyDirectory agencies;
    private final ObjectProvider<Trends.CoverageLookup> coverage;

    AlertsController(Alerts alerts, AgencyDirectory agencies, ObjectProvider<Trends.CoverageLookup> coverage) {
        this.alerts = alerts;
        this.agencies = agencies;
        this.coverage = coverage;
    }

    @GetMapping("/alerts")
    String list(@RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model,
            Locale locale, HttpServletResponse response) {
        SignedInUser user = user();
        Alerts.AlertFilter filter;
        try {
            filter = new Alerts.AlertFilter(open, kind);
        } catch (InvalidInput e) {
            filter = new Alerts.AlertFilter(open, null);
            model.addAttribute("filterProblems", e.all());
            response.setStatus(400);
        }
        Page<Alerts.Alert> list = alerts.alerts(user, filter, PageRequest.lenient(page, size));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("open", open ? "true" : "");
        filters.put("kind", filter.kind());
        model.addAttribute("alerts", list);
        model.addAttribute("pager", Pager.of("/alerts", filters, list));
        model.addAttribute("open", open);
        model.addAttribute("kind", filter.kind());
        model.addAttribute("kinds", Alerts.KINDS);
        model.addAttribute("language", locale.getLanguage());
        model.addAttribute("mayReadDigest", Alerts.readsDigest(user));
        return "listening/alerts";
    }

    /**
     * The daily digest as the leaders' e-mail says it, of the last 24 hours until now, in the page's language: readable
     * in Loa when no e-mail is set up, and before it is sent. The province's, so for leaders, coordinators and
     * administrators only (403 for others).
     */
    @GetMapping("/alerts/digest")
    String digest(Model model, Locale locale) {
        Alerts.Digest digest = alerts.digest(user(), locale);
        model.addAttribute("digest", digest);
        model.addAttribute("digestLines", digestLines(digest.text()));
        return "listening/digest";
    }

    /** A piece of a digest's line: text, and where it links to (a path of this site), or null. */
    record DigestPart(String text, String href) {
    }

    private static final java.util.regex.Pattern ALERT_ADDRESS =
            java.util.regex.Pattern.compile("https?://[^/\\s]+(/alerts(?:/\\d+)?)(?=[\\s).,;]|$)");

    /**
     * The digest's lines, its addresses of alerts made links on the page. A link goes to the path on this site, not to
     * the address the e-mail names: the e-mail's address is the configured one, which need not be the one this browser
     * reached Loa by. Nothing else of the text becomes a link (the titles quote strangers' posts).
     */
    static List<List<DigestPart>> digestLines(String text) {
        List<List<DigestPart>> lines = new java.util.ArrayList<>();
        for (String line : text.split("\n", -1)) {
            List<DigestPart> parts = new java.util.ArrayList<>();
            java.util.regex.Matcher address = ALERT_ADDRESS.matcher(line);
            int at = 0;
            while (address.find()) {
                if (address.start() > at) {
                    parts.add(new DigestPart(line.substring(at, address.start()), null));
                }
                parts.add(new DigestPart(address.group(), address.group(1)));
                at = address.end();
            }
            if (at < line.length() || parts.isEmpty()) {
                parts.add(new DigestPart(line.substring(at), null));
            }
            lines.add(parts);
        }
        return lines;
    }

    /**
     * One alert: what happened in a sentence (the issue as it stands now, in the page's language, while it is still
     * emerging; else as it was sent), its example posts, the agency that answers, and what to do next: open a case, or
     * see the one that already covers it.
     */
    @GetMapping("/alerts/{id}")
    String one(@PathVariable long id, Model model, Locale locale) {
        SignedInUser user = user();
        Alerts.Alert alert = alerts.alert(id, user);
        List<Alerts.AlertPost> posts = alerts.posts(alert, user);
        int examples = Math.min(EXAMPLES, posts.size());
        Trends.Issue issue = alerts.currentIssue(alert, locale.getLanguage()).orElse(null);
        model.addAttribute("alert", alert);
        model.addAttribute("mayAcknowledge", alerts.mayAcknowledge(alert, user));
        model.addAttribute("language", locale.getLanguage());
        // a case that covers the issue, or was opened on the alert's main story, or holds a third of its posts (a
        // case opened from the alert holds them all): shown instead of a button that would open a second one, and
        // named only to those who may open it
        Trends.CoverageLookup cases = coverage.getIfAvailable();
        Trends.Coverage existing = cases == null ? null
                : issue != null && issue.coverage() != null ? issue.coverage()
                : cases.covering(alerts.mainStories(alert), alert.postIds(), user);
        if (existing != null && existing.opens() && !cases.opens(existing.caseId(), user)) {
            existing = Trends.Coverage.withheld(existing.answered());
        }
        if (issue != null && issue.coverage() != null) {
            issue = issue.withCoverage(existing);
        }
        model.addAttribute("issue", issue);
        model.addAttribute("existingCase", existing);
        model.addAttribute("examples", posts.subList(0, examples));
        model.addAttribute("posts", posts.subList(examples, posts.size()));
        model.addAttribute("agencyNames", names(java.util.Arrays.asList(alert.aboutAgency(), alert.agencyCode()), locale));
        return "listening/alert";
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect) {
        alerts.acknowledge(id, user());
        redirect.addFlashAttribute("flashKey", "alerts.acknowledged");
        return "redirect:/alerts/" + id;
    }

    @GetMapping("/alerts/rules")
    String rules(Model model, Locale locale) {
        SignedInUser user = user();
        fill(model, user, locale);
        model.addAttribute("form", new Alerts.RuleForm(user.agencyCode(), "NEGATIVE_VOLUME", "", "", "", ""));
        return "listening/alert-rules";
    }

    @PostMapping("/alerts/rules")
    String addRule(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String threshold, @RequestParam(defaultValue = "") String keyword,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String refireFactor,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser user = user();
        Alerts.RuleForm form = new Alerts.RuleForm(agencyCode, kind, threshold, keyword, email, refireFactor);
        try {
            alerts.addRule(form, user);
        } catch (InvalidInput e) {
            fill(model, user, locale);
            model.addAttribute("form", form);
            model.addAttribute("problems", e.all());
            response.setStatus(422);
            return "listening/alert-rules";
        }
        redirect.addFlashAttribute("flashKey", "alerts.rule.added");
        return "redirect:/alerts/rules";
    }

    /** One rule's page: what it watches, and the form that changes its threshold, keyword, recipients and factor. */
    @GetMapping("/alerts/rules/{id}")
    String rule(@PathVariable long id, Model model, Locale locale) {
        SignedInUser user = user();
        Alerts.Rule rule = alerts.rule(id, user);
        Alerts.RuleChanges form = new Alerts.RuleChanges(number(rule.threshold(), locale), rule.keyword(), rule.email(),
                number(rule.refireFactor(), locale));
        return rulePage(model, user, rule, form, seen(rule), locale);
    }

    /**
     * Saves a rule's changes, unless the rule changed after the page was opened ({@code seen}): then nothing is saved,
     * what was typed stays in the form and the page shows the rule as it is now (409), so that a colleague's new
     * recipients or threshold are not put back without being read.
     */
    @PostMapping("/alerts/rules/{id}")
    String changeRule(@PathVariable long id, @RequestParam(defaultValue = "") String threshold,
            @RequestParam(defaultValue = "") String keyword, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String refireFactor, @RequestParam(required = false) String seen,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser user = user();
        Alerts.Rule rule = alerts.rule(id, user);
        Alerts.RuleChanges form = new Alerts.RuleChanges(threshold, keyword, email, refireFactor);
        if (seen != null && !seen.equals(seen(rule))) {
            model.addAttribute("changedMeanwhile", true);
            response.setStatus(409);
            return rulePage(model, user, rule, form, seen(rule), locale);
        }
        try {
            alerts.changeRule(id, form, user);
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.all());
            response.setStatus(422);
            return rulePage(model, user, rule, form, seen, locale);
        }
        redirect.addFlashAttribute("flashKey", "alerts.rule.saved");
        return "redirect:/alerts/rules";
    }

    private String rulePage(Model model, SignedInUser user, Alerts.Rule rule, Alerts.RuleChanges form, String seen,
            Locale locale) {
        model.addAttribute("rule", rule);
        model.addAttribute("form", form);
        model.addAttribute("seen", seen);
        model.addAttribute("agencyNames", names(java.util.Collections.singletonList(rule.agencyCode()), locale));
        model.addAttribute("mayEditRules", !user.has(vn.loa.identity.Role.PRESS));
        return "listening/alert-rule";
    }

    /** The mark of what a rule's page shows of it and its form changes. */
    static String seen(Alerts.Rule rule) {
        return vn.loa.shared.SeenMark.of(number(rule.threshold(), Locale.ROOT), rule.keyword(), rule.email(),
                number(rule.refireFactor(), Locale.ROOT), String.valueOf(rule.enabled()));
    }

    /** A rule's number as its form shows it: "8", "1,5" in Vietnamese, "1.5" in English. */
    static String number(double value, Locale locale) {
        String plain = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return "vi".equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }

    @PostMapping("/alerts/rules/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        alerts.enableRule(id, user());
        redirect.addFlashAttribute("flashKey", "alerts.rule.enabled");
        return "redirect:/alerts/rules";
    }

    @PostMapping("/alerts/rules/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        alerts.disableRule(id, user());
        redirect.addFlashAttribute("flashKey", "alerts.rule.disabled");
        return "redirect:/alerts/rules";
    }

    private void fill(Model model, SignedInUser user, Locale locale) {
        List<Alerts.Rule> rules = alerts.rules(user);
        model.addAttribute("rules", rules);
        model.addAttribute("agencyNames", names(rules.stream().map(Alerts.Rule::agencyCode).toList(), locale));
        model.addAttribute("kinds", Alerts.KINDS);
        model.addAttribute("agencies", agencies.validOn(LocalDate.now(LocalTime.ZONE)));
        model.addAttribute("provinceWide", vn.loa.listening.ListeningScope.provinceWide(user));
        // as the rules themselves decide: officers and coordinators set rules, a journalist's account only reads them
        model.addAttribute("mayEditRules", !user.has(vn.loa.identity.Role.PRESS)
                && (vn.loa.listening.ListeningScope.provinceWide(user) || user.agencyCode() != null));
    }

    /** The names of agencies by code, in the page's language (an unknown code stands for itself). */
    private Map<String, String> names(Collection<String> codes, Locale locale) {
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        Map<String, String> names = new HashMap<>();
        for (String code : codes) {
            if (code != null && !names.containsKey(code)) {
                names.put(code, agencies.findByCode(code, today).map(a -> a.name(locale.getLanguage())).orElse(code));
            }
        }
        return names;
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem alertsNavigation() {
            return new NavigationItem("nav.alerts", "/alerts", 9, Set.of("ADMIN", "COORDINATOR", "LEADER", "OFFICER",
                    "SPOKESPERSON"));
        }
    }
}

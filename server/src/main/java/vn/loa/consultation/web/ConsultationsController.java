package vn.loa.consultation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.consultation.ArticleDiff;
import vn.loa.consultation.Consultation;
import vn.loa.consultation.ConsultationStatus;
import vn.loa.consultation.Consultations;
import vn.loa.consultation.Contribution;
import vn.loa.consultation.ContributionStatus;
import vn.loa.consultation.Contributions;
import vn.loa.consultation.DraftUnit;
import vn.loa.consultation.Drafts;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.AgencyNames;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.PostSearch;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The officers' consultation pages (signed in; an officer sees their agency's, coordinators, leaders and administrators
 * all): the list with the forms to import a draft and to create a consultation; a draft with its versions, parts and
 * the difference between two versions; a consultation with its counts per article, questions and the public opinion
 * that listening found with its keywords (shown apart: posts, not contributions); and its contributions with moderation,
 * official opinions and CSV import.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/consultations")
class ConsultationsController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsultationsController.class);

    private final Drafts drafts;
    private final Consultations consultations;
    private final Contributions contributions;
    private final PostSearch posts;
    private final AgencyDirectory agencies;
    private final AgencyNames names;
    private final Clock clock;

    ConsultationsController(Drafts drafts, Consultations consultations, Contributions contributions, PostSearch posts,
            AgencyDirectory agencies, AgencyNames names, Clock clock) {
        this.drafts = drafts;
        this.consultations = consultations;
        this.contributions = contributions;
        this.posts = posts;
        this.agencies = agencies;
        this.names = names;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private static SignedInUser user() {
        return ConsultationApiController.user();
    }

    private static boolean mayWrite(SignedInUser user) {
        return user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON) || user.has(Role.COORDINATOR)
                || user.has(Role.ADMIN);
    }

    /** A draft's version as the create form offers it. */
    record VersionOption(long id, String label) {
    }

    @GetMapping
    String list(Model model, Locale locale) {
        prepareList(model, Map.of(), locale);
        return "consultation/list";
    }

    private void prepareList(Model model, Map<String, String> form, Locale locale) {
        SignedInUser user = user();
        List<Drafts.Draft> mine = drafts.list(user);
        List<VersionOption> versions = new ArrayList<>();
        for (Drafts.Draft d : mine) {
            if (ConsultationAccessView.mayAct(d.agencyCode(), user)) {
                for (Drafts.DraftVersion v : drafts.versions(d.id(), user)) {
                    versions.add(new VersionOption(v.id(), d.title() + " · v" + v.versionNo()));
                }
            }
        }
        model.addAttribute("consultations", consultations.list(user));
        model.addAttribute("drafts", mine);
        model.addAttribute("versions", versions);
        model.addAttribute("mayWrite", mayWrite(user));
        model.addAttribute("agencyNames", agencyNames(locale));
        LocalDate today = today();
        List<Agency> valid = agencies.validOn(today).stream().filter(a -> a.kind() != AgencyKind.PRESS).toList();
        model.addAttribute("agencyOptions", user.has(Role.COORDINATOR) || user.has(Role.ADMIN) ? valid
                : valid.stream().filter(a -> a.code().equals(user.agencyCode())).toList());
        model.addAttribute("rule", consultations.periodRuleOn(today).orElse(null));
        model.addAttribute("form", form);
    }

    private Map<String, String> agencyNames(Locale locale) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Agency a : agencies.all()) {
            map.putIfAbsent(a.code(), names.name(a.code(), today(), locale));
        }
        return map;
    }

    @PostMapping("/drafts")
    String importDraft(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String agencyCode,
            @RequestParam(defaultValue = "") String docKind, HttpServletResponse response, Model model, Locale locale) {
        try {
            Drafts.Draft d = drafts.importDraft(new Drafts.NewDraft(agencyCode, title, docKind,
                    ConsultationApiController.name(file), ConsultationApiController.bytes(file), null), user());
            return "redirect:/consultations/drafts/" + d.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepareList(model, Map.of("title", title, "agencyCode", agencyCode, "docKind", docKind), locale);
            return "consultation/list";
        }
    }

    @PostMapping
    String create(@RequestParam(required = false) Long versionId, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String opensOn,
            @RequestParam(defaultValue = "") String closesOn, @RequestParam(defaultValue = "") String questions,
            @RequestParam(defaultValue = "") String audiences, @RequestParam(defaultValue = "") String keywords,
            HttpServletResponse response, Model model, Locale locale) {
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate opens = ConsultationApiController.day(opensOn, "opensOn", problems);
        LocalDate closes = ConsultationApiController.day(closesOn, "closesOn", problems);
        try {
            InvalidInput.throwIfAny(problems);
            Consultation c = consultations.create(new Consultations.NewConsultation(versionId, title, summary, opens,
                    closes, questions.lines().toList(), split(audiences), split(keywords)), user());
            return "redirect:/consultations/" + c.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            Map<String, String> form = new LinkedHashMap<>();
            form.put("versionId", versionId == null ? "" : versionId.toString());
            form.put("consultationTitle", title);
            form.put("summary", summary);
            form.put("opensOn", opensOn);
            form.put("closesOn", closesOn);
            form.put("questions", questions);
            form.put("audiences", audiences);
            form.put("keywords", keywords);
            prepareList(model, form, locale);
            return "consultation/list";
        }
    }

    private static List<String> split(String values) {
        return Arrays.stream(values.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @GetMapping("/drafts/{id:\\d+}")
    String draft(@PathVariable long id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model, Locale locale) {
        if (!model.containsAttribute("versionForm")) {
            model.addAttribute("versionForm", Map.of("note", "", "final", "false"));
        }
        SignedInUser user = user();
        Drafts.Draft d = drafts.get(id, user);
        List<Drafts.DraftVersion> versions = drafts.versions(id, user);
        Drafts.DraftVersion latest = versions.get(versions.size() - 1);
        model.addAttribute("d", d);
        model.addAttribute("agencyName", names.name(d.agencyCode(), today(), locale));
        model.addAttribute("versions", versions);
        model.addAttribute("units", drafts.units(latest.id()));
        model.addAttribute("latest", latest);
        model.addAttribute("mayWrite", mayWrite(user) && ConsultationAccessView.mayAct(d.agencyCode(), user));
        if (versions.size() > 1) {
            int toNo = to == null ? latest.versionNo() : to;
            int fromNo = from == null ? versions.get(versions.size() - 2).versionNo() : from;
            List<ArticleDiff> diff = drafts.diff(id, fromNo, toNo, user);
            model.addAttribute("diff", diff);
            model.addAttribute("from", fromNo);
            model.addAttribute("to", toNo);
        }
        return "consultation/draft";
    }

    @PostMapping("/drafts/{id:\\d+}/versions")
    String importVersion(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String note, @RequestParam(name = "final", defaultValue = "false") boolean finalText,
            RedirectAttributes redirect, HttpServletResponse response, Model model, Locale locale) {
        try {
            drafts.importVersion(id, ConsultationApiController.name(file), ConsultationApiController.bytes(file), note,
                    finalText, user());
            redirect.addFlashAttribute("flashKey", "consultation.version.imported-flash");
            return "redirect:/consultations/drafts/" + id;
        } catch (InvalidInput e) {
            // the page again, with what was typed (a browser never keeps a chosen file)
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            model.addAttribute("versionForm", Map.of("note", note, "final", String.valueOf(finalText)));
            return draft(id, null, null, model, locale);
        }
    }

    @GetMapping("/drafts/versions/{versionId:\\d+}/draft.docx")
    ResponseEntity<byte[]> file(@PathVariable long versionId) {
        Drafts.DraftFile f = drafts.file(versionId, user());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body(f.bytes());
    }

    /**
     * What the overview shows for one article: its label and heading, how many contributions are about it, and how
     * many of them are still held for moderation (counted here, not yet on the public page, the groups or the report).
     */
    record ArticleCount(String key, String label, String heading, long count, long held) {
    }

    /** The contributions about an article and its clauses and points. */
    private static long sum(Map<String, Long> counts, String article) {
        return counts.entrySet().stream().filter(e -> e.getKey().equals(article)
                || e.getKey().startsWith(article + ".")).mapToLong(Map.Entry::getValue).sum();
    }

    @GetMapping("/{id:\\d+}")
    String consultation(@PathVariable long id, Model model, Locale locale) {
        SignedInUser user = user();
        Consultation c = consultations.get(id, user);
        Map<String, Long> counts = contributions.countsPerUnit(id, user);
        Map<String, Long> heldCounts = contributions.heldPerUnit(id, user);
        List<ArticleCount> perArticle = new ArrayList<>();
        for (DraftUnit a : DraftLayout.articles(drafts.units(c.versionId()))) {
            perArticle.add(new ArticleCount(a.key(), a.label(), a.heading(), sum(counts, a.key()),
                    sum(heldCounts, a.key())));
        }
        model.addAttribute("c", c);
        model.addAttribute("agencyName", names.name(c.agencyCode(), c.opensOn(), locale));
        model.addAttribute("perArticle", perArticle);
        model.addAttribute("wholeDraft", counts.getOrDefault("", 0L));
        model.addAttribute("wholeDraftHeld", heldCounts.getOrDefault("", 0L));
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("held", contributions.list(id, null, ContributionStatus.RECEIVED, user).size());
        model.addAttribute("offTopic", contributions.offTopicCount(id, user));
        model.addAttribute("mayPublish", c.status() == ConsultationStatus.DRAFT
                && ConsultationAccessView.mayAct(c.agencyCode(), user) && mayWrite(user));
        model.addAttribute("opinion", publicOpinion(c, user));
        return "consultation/consultation";
    }

    /** Posts listening found with the consultation's keywords since a month before it opened, newest first. */
    private List<PostSearch.Hit> publicOpinion(Consultation c, SignedInUser user) {
        Map<Long, PostSearch.Hit> found = new LinkedHashMap<>();
        java.time.Instant since = c.opensOn().minusDays(30).atStartOfDay(LocalTime.ZONE).toInstant();
        for (String keyword : c.keywords().stream().limit(5).toList()) {
            String text = keyword.contains(" ") ? "\"" + keyword.replace("\"", "") + "\"" : keyword;
            try {
                for (PostSearch.Hit hit : posts.search(new PostSearch.Query(text, null, null, null, null, null, null,
                        null, null, since, null, true, 0, 10, null, false), user).items()) {
                    found.putIfAbsent(hit.id(), hit);
                }
            } catch (RuntimeException e) {
                // the search index is derived and may be rebuilding: the page shows what it found, the log says why
                log.warn("public opinion of consultation {}: the search for a keyword failed: {}", c.id(), e.toString());
            }
        }
        return found.values().stream().sorted((a, b) -> b.publishedAt().compareTo(a.publishedAt())).limit(20).toList();
    }

    @PostMapping("/{id:\\d+}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        try {
            consultations.publish(id, user());
            redirect.addFlashAttribute("flashKey", "consultation.published");
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "consultation.error.not-yours");
        }
        return "redirect:/consultations/" + id;
    }

    @GetMapping("/{id:\\d+}/contributions")
    String contributions(@PathVariable long id, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String status, @RequestParam(required = false) String scope, Model model,
            Locale locale) {
        if (!model.containsAttribute("officialForm")) {
            model.addAttribute("officialForm", Map.of("organisation", "", "signer", "", "unit", "", "text", ""));
        }
        SignedInUser user = user();
        Consultation c = consultations.get(id, user);
        ContributionStatus chosen = null;
        for (ContributionStatus s : ContributionStatus.values()) {
            if (s.name().equals(status)) {
                chosen = s;
            }
        }
        String unitFilter = unit == null || unit.equals("all") ? null : unit.equals("whole") ? "" : unit;
        model.addAttribute("c", c);
        // "off" the contributions marked as not about the draft, "on" the others, anything else both
        Boolean offTopic = "off".equals(scope) ? Boolean.TRUE : "on".equals(scope) ? Boolean.FALSE : null;
        model.addAttribute("items", contributions.list(id, unitFilter, chosen, offTopic, user));
        model.addAttribute("scope", offTopic == null ? "all" : scope);
        model.addAttribute("articles", DraftLayout.articles(drafts.units(c.versionId())));
        model.addAttribute("unit", unit == null ? "all" : unit);
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", ContributionStatus.values());
        model.addAttribute("mayModerate", ConsultationAccessView.mayAct(c.agencyCode(), user) && mayWrite(user)
                && c.status() != ConsultationStatus.DRAFT);
        return "consultation/contributions";
    }

    @PostMapping("/{id:\\d+}/contributions/{contributionId:\\d+}/publish")
    String publishContribution(@PathVariable long id, @PathVariable long contributionId,
            @RequestParam(required = false) String seen, Filters filters, RedirectAttributes redirect) {
        return moderated(id, filters, redirect, () -> contributions.publish(contributionId,
                ConsultationApiController.seen(seen), user()), "consultation.contribution.published", Map.of());
    }

    @PostMapping("/{id:\\d+}/contributions/{contributionId:\\d+}/reject")
    String rejectContribution(@PathVariable long id, @PathVariable long contributionId,
            @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String seen,
            Filters filters, RedirectAttributes redirect) {
        return moderated(id, filters, redirect, () -> contributions.reject(contributionId,
                ConsultationApiController.seen(seen), reason, user()), "consultation.contribution.rejected",
                Map.of("id", contributionId, "reason", reason));
    }

    @PostMapping("/{id:\\d+}/contributions/{contributionId:\\d+}/off-topic")
    String markOffTopic(@PathVariable long id, @PathVariable long contributionId,
            @RequestParam(defaultValue = "") String note, @RequestParam(required = false) String version,
            Filters filters, RedirectAttributes redirect) {
        return moderated(id, filters, redirect, () -> contributions.markOffTopic(contributionId, version(version), note,
                user()), "consultation.contribution.off-topic.marked", Map.of("id", contributionId, "note", note));
    }

    @PostMapping("/{id:\\d+}/contributions/{contributionId:\\d+}/on-topic")
    String unmarkOffTopic(@PathVariable long id, @PathVariable long contributionId,
            @RequestParam(required = false) String version, Filters filters, RedirectAttributes redirect) {
        return moderated(id, filters, redirect, () -> contributions.unmarkOffTopic(contributionId, version(version),
                user()), "consultation.contribution.off-topic.unmarked", Map.of());
    }

    /**
     * The filters of the list a moderation button was pressed on (article, status, scope), so that the officer comes
     * back to the same list, not to every contribution of the consultation.
     */
    record Filters(String unit, String status, String scope) {

        String query() {
            org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
                    .newInstance();
            if (unit != null && !unit.isBlank() && !unit.equals("all")) {
                b.queryParam("unit", unit);
            }
            if (status != null && !status.isBlank()) {
                b.queryParam("status", status);
            }
            if (scope != null && !scope.isBlank() && !scope.equals("all")) {
                b.queryParam("scope", scope);
            }
            return b.encode().build().toUriString();
        }
    }

    /** The version a form sent; null when missing or not a number, which the service refuses naming {@code version}. */
    private static Integer version(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String moderated(long id, Filters filters, RedirectAttributes redirect, Runnable action, String done,
            Map<String, Object> typed) {
        try {
            action.run();
            redirect.addFlashAttribute("flashKey", done);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
            // the reason or note typed comes back in its contribution's box
            redirect.addFlashAttribute("typedModeration", typed);
        } catch (Conflict e) {
            // published or rejected already, or changed by another officer since the page was shown: said with the
            // contribution's reference (and who changed it), on the list showing its status now
            redirect.addFlashAttribute("moderationErrorKey", e.messageKey());
            redirect.addFlashAttribute("moderationErrorArgs", e.arguments());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "consultation.error.not-yours");
        }
        return "redirect:/consultations/" + id + "/contributions" + (filters == null ? "" : filters.query());
    }

    @PostMapping("/{id:\\d+}/official")
    String official(@PathVariable long id, @RequestParam(defaultValue = "") String organisation,
            @RequestParam(defaultValue = "") String signer, @RequestParam(defaultValue = "") String unit,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
            HttpServletResponse response, Model model, Locale locale) {
        try {
            contributions.recordOfficial(id, new Contributions.OfficialOpinion(organisation, signer, unit, text,
                    ConsultationApiController.name(file), ConsultationApiController.bytes(file)), user());
            redirect.addFlashAttribute("flashKey", "consultation.official.recorded");
        } catch (InvalidInput e) {
            // the page again, with what was typed (a browser never keeps a chosen file)
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            model.addAttribute("officialForm", Map.of("organisation", organisation, "signer", signer, "unit", unit,
                    "text", text));
            return contributions(id, null, null, null, model, locale);
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/consultations/" + id + "/contributions";
    }

    @PostMapping("/{id:\\d+}/import")
    String importCsv(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) {
        try {
            Contributions.ImportResult result = contributions.importCsv(id, ConsultationApiController.bytes(file), user());
            redirect.addFlashAttribute("imported", result);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/consultations/" + id + "/contributions";
    }

    @GetMapping("/attachments/{contributionId:\\d+}")
    ResponseEntity<byte[]> attachment(@PathVariable long contributionId) {
        Contributions.Attachment a = contributions.attachment(contributionId, user());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(a.contentType())).body(a.bytes());
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem consultationNavigation() {
            return new NavigationItem("nav.consultations", "/consultations", 36,
                    Set.of("ADMIN", "COORDINATOR", "LEADER", "OFFICER", "SPOKESPERSON"));
        }
    }
}

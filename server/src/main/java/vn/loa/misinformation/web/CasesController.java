package vn.loa.misinformation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyNames;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.CaseCategory;
import vn.loa.misinformation.CaseStatus;
import vn.loa.misinformation.Cases;
import vn.loa.misinformation.CitizenReports;
import vn.loa.misinformation.Evidence;
import vn.loa.misinformation.Severity;
import vn.loa.misinformation.Verdict;
import vn.loa.platform.NavigationItem;
import vn.loa.platform.Pager;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/** The desk in the app: the list, opening a case, one case with its work, evidence, and checking a package. */
@Controller
@ConditionalOnWebApplication
class CasesController {

    /** The status filter's value for the cases not yet answered, refuted, referred or dismissed: the page's default. */
    static final String OPEN = "open";
    /** The status filter's value for every case, whatever its status (also a blank status sent by a form). */
    static final String ALL = "all";

    /** How many of a case's own posts its page shows; the API and the evidence package have them all. */
    static final int SHOWN_POSTS = 20;

    private final Cases cases;
    private final CitizenReports reports;
    private final Evidence evidence;
    private final AgencyDirectory agencies;
    private final AgencyNames agencyNames;
    private final Clock clock;
    private final CaseHistorySentences history;

    private final vn.loa.listening.Trends.CoverageLookup coverage;

    CasesController(Cases cases, CitizenReports reports, Evidence evidence, AgencyDirectory agencies,
            AgencyNames agencyNames, Clock clock, CaseHistorySentences history,
            vn.loa.listening.Trends.CoverageLookup coverage) {
        this.coverage = coverage;
        this.cases = cases;
        this.reports = reports;
        this.evidence = evidence;
        this.agencies = agencies;
        this.agencyNames = agencyNames;
        this.clock = clock;
        this.history = history;
    }

    @GetMapping("/cases")
    String desk(@RequestParam(required = false) String status, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model,
            HttpServletResponse response) {
        SignedInUser user = user();
        if (!cases.worksOnDesk(user)) {
            throw new AccessDeniedException("the desk is for the province's coordinators and the agencies' staff");
        }
        Cases.Desk desk = cases.desk(user);
        model.addAttribute("desk", desk);
        // the page opens on the open cases, overdue first; "all" (the form's "Tất cả", or a blank status) is every case,
        // answered and closed ones too, as it says: the open ones are a choice of their own, and the default
        boolean filtered = status != null || agency != null;
        status = status == null ? OPEN : status.isBlank() ? ALL : status.strip();
        agency = agency == null ? "" : agency.strip();
        boolean openOnly = status.equals(OPEN);
        Cases.Filter filter = new Cases.Filter(openOnly || status.equals(ALL) ? null : status,
                agency.isEmpty() ? null : agency, openOnly, false);
        Page<Case> list;
        try {
            list = cases.list(filter, user, PageRequest.lenient(page, size));
        } catch (InvalidInput e) {
            // each filter at fault named, the form keeping what was asked, the open cases listed under it
            filtered = false;
            filter = new Cases.Filter(null, null, true, false);
            list = cases.list(filter, user, PageRequest.lenient(page, size));
            model.addAttribute("problems", e.all());
            response.setStatus(400);
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", filter.openOnly() ? null : filter.status() == null ? ALL : filter.status());
        filters.put("agency", filter.agencyCode());
        model.addAttribute("list", list);
        model.addAttribute("pager", Pager.of("/cases", filters, list));
        model.addAttribute("status", status);
        model.addAttribute("agency", agency);
        model.addAttribute("filtered", filtered);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("agencies", agencies.validOn(LocalDate.now(clock.withZone(LocalTime.ZONE))));
        model.addAttribute("notifications", cases.notifications(user, 10));
        model.addAttribute("now", clock.instant());
        model.addAttribute("mayOpen", user.has(vn.loa.identity.Role.COORDINATOR) || user.has(vn.loa.identity.Role.OFFICER));
        return "misinformation/desk";
    }

    @GetMapping("/cases/new")
    String newCase(@RequestParam(required = false) Long story, @RequestParam(required = false) Long alert,
            @RequestParam(required = false) String posts, Model model) {
        SignedInUser user = user();
        Cases.Draft draft = cases.draft(story, alert, ids(posts), user);
        model.addAttribute("draft", draft);
        // a case that already holds this story or these posts: said before a second one is opened for the same thing
        vn.loa.listening.Trends.Coverage existing = coverage.covering(
                draft.storyId() == null ? List.of() : List.of(draft.storyId()),
                draft.posts().stream().map(p -> p.id()).toList(), user);
        model.addAttribute("existing", existing);
        model.addAttribute("form", new Cases.NewCase(draft.claim(), CaseCategory.FALSE_INFORMATION.name(),
                Severity.MEDIUM.name(), draft.posts().stream().map(p -> p.id()).toList(), draft.storyId(), draft.alertId(),
                user.has(vn.loa.identity.Role.COORDINATOR) ? draft.suggestedAgency() : user.agencyCode()));
        fillForm(model);
        return "misinformation/new";
    }

    @PostMapping("/cases/new")
    String open(@RequestParam(defaultValue = "") String claim, @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String severity, @RequestParam(defaultValue = "") String agencyCode,
            @RequestParam(defaultValue = "") String postIds, @RequestParam(required = false) Long storyId,
            @RequestParam(required = false) Long alertId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        SignedInUser user = user();
        Cases.NewCase form = new Cases.NewCase(claim, category, severity, ids(postIds), storyId, alertId, agencyCode);
        try {
            Case opened = cases.open(form, user);
            redirect.addFlashAttribute("flashKey", "case.opened");
            return "redirect:/cases/" + opened.id();
        } catch (InvalidInput e) {
            Cases.Draft draft;
            try {
                draft = cases.draft(storyId, alertId, form.postIds().stream().filter(java.util.Objects::nonNull)
                        .limit(200).toList(), user);
            } catch (RuntimeException unreadable) {
                draft = new Cases.Draft(claim, vn.loa.misinformation.CaseSource.MANUAL, List.of(), null, null, null, 0);
            }
            model.addAttribute("draft", draft);
            model.addAttribute("form", form);
            model.addAttribute("problems", problems(e, postIds));
            fillForm(model);
            response.setStatus(422);
            return "misinformation/new";
        }
    }

    @GetMapping("/cases/{id}")
    String one(@PathVariable long id, Model model) {
        fillCase(model, cases.get(id, user()), user());
        cases.markRead(id, user());
        return "misinformation/case";
    }

    @PostMapping("/cases/{id}/transitions")
    String act(@PathVariable long id, @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) String category, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String agencyCode, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String verdict, @RequestParam(required = false) String explanation,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String legalBasis,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser user = user();
        try {
            cases.act(id, new Cases.Transition(action, category, severity, agencyCode, owner, verdict, explanation, reason,
                    legalBasis), user);
            redirect.addFlashAttribute("flashKey", "case.action.done." + action);
        } catch (InvalidInput e) {
            fillCase(model, cases.get(id, user), user);
            model.addAttribute("problems", e.all().stream().map(this::agencyByName).toList());
            model.addAttribute("failedAction", action);
            model.addAttribute("entered", new Cases.Transition(action, category, severity, agencyCode, owner, verdict,
                    explanation, reason, legalBasis));
            response.setStatus(422);
            return "misinformation/case";
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", "case.error.state-changed");
        }
        return "redirect:/cases/" + id;
    }

    /** A refusal that names an agency by its code names it as the page does, in the reader's language. */
    private InvalidInput agencyByName(InvalidInput problem) {
        if (!problem.messageKey().equals("case.error.owner") || problem.arguments().length < 2) {
            return problem;
        }
        Object[] arguments = problem.arguments();
        String language = org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
        agencies.findByCode(String.valueOf(arguments[1]), LocalDate.now(clock.withZone(LocalTime.ZONE)))
                .ifPresent(a -> arguments[1] = a.name(language));
        return new InvalidInput(problem.field(), problem.messageKey(), arguments);
    }

    @PostMapping("/cases/{id}/notes")
    String note(@PathVariable long id, @RequestParam(defaultValue = "") String checked,
            @RequestParam(defaultValue = "") String checkedWith, @RequestParam(defaultValue = "") String links, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser user = user();
        Cases.NoteForm form = new Cases.NoteForm(checked, checkedWith, links);
        try {
            cases.addNote(id, form, user);
        } catch (InvalidInput e) {
            fillCase(model, cases.get(id, user), user);
            model.addAttribute("problems", e.all());
            model.addAttribute("noteForm", form);
            response.setStatus(422);
            return "misinformation/case";
        }
        redirect.addFlashAttribute("flashKey", "case.note.added");
        return "redirect:/cases/" + id + "#notes";
    }

    @PostMapping("/cases/{id}/posts")
    String linkPosts(@PathVariable long id, @RequestParam(defaultValue = "") String postIds, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser user = user();
        try {
            int linked = cases.linkPosts(id, ids(postIds), user);
            redirect.addFlashAttribute("flashKey", linked == 0 ? "case.posts.none-new" : "case.posts.linked");
        } catch (InvalidInput e) {
            fillCase(model, cases.get(id, user), user);
            model.addAttribute("problems", problems(e, postIds));
            model.addAttribute("enteredPostIds", postIds);
            response.setStatus(422);
            return "misinformation/case";
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", "case.error.closed");
        }
        return "redirect:/cases/" + id + "#posts-title";
    }

    @PostMapping("/cases/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        SignedInUser user = user();
        try {
            cases.attach(id, file == null ? "" : file.getOriginalFilename(), file == null ? new byte[0] : file.getBytes(), user);
        } catch (InvalidInput e) {
            fillCase(model, cases.get(id, user), user);
            model.addAttribute("problems", e.all());
            response.setStatus(422);
            return "misinformation/case";
        }
        redirect.addFlashAttribute("flashKey", "case.file.added");
        return "redirect:/cases/" + id + "#files";
    }

    @GetMapping("/cases/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        SignedInUser user = user();
        Cases.Attachment attachment = cases.attachment(id, attachmentId, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(cases.attachmentContent(id, attachmentId, user));
    }

    @PostMapping("/cases/{id}/evidence")
    String capture(@PathVariable long id, RedirectAttributes redirect) {
        evidence.capture(id, user());
        redirect.addFlashAttribute("flashKey", "evidence.captured");
        return "redirect:/cases/" + id + "#evidence";
    }

    @GetMapping("/cases/{id}/evidence.zip")
    ResponseEntity<byte[]> evidencePackage(@PathVariable long id) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        evidence.writePackage(id, user(), body);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chung-cu-vu-viec-" + id + ".zip\"")
                .body(body.toByteArray());
    }

    @GetMapping("/cases/verify")
    String verifyForm() {
        deskUser();
        return "misinformation/verify";
    }

    @PostMapping("/cases/verify")
    String verify(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        deskUser();
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(new InvalidInput("file", "evidence.error.no-file")));
            response.setStatus(422);
            return "misinformation/verify";
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", evidence.verify(in));
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.all());
            response.setStatus(422);
        }
        return "misinformation/verify";
    }

    private void fillCase(Model model, Case found, SignedInUser user) {
        model.addAttribute("c", found);
        // a case assigned before a reorganisation names the agency of then, and what took over from it
        model.addAttribute("agencyName", found.agencyCode() == null ? null
                : agencyNames.name(found.agencyCode(), LocalDate.now(clock.withZone(LocalTime.ZONE)), LocaleContextHolder.getLocale()));
        List<Cases.LinkedPost> posts = cases.posts(found);
        List<Cases.LinkedPost> own = posts.stream().filter(p -> !p.repeat()).toList();
        model.addAttribute("posts", posts);
        model.addAttribute("ownPosts", own.subList(0, Math.min(own.size(), SHOWN_POSTS)));
        model.addAttribute("ownCount", own.size());
        List<Cases.LinkedPost> repeats = posts.stream().filter(Cases.LinkedPost::repeat).toList().reversed();
        model.addAttribute("repeats", repeats.subList(0, Math.min(repeats.size(), SHOWN_POSTS)));
        model.addAttribute("repeatCount", repeats.size());
        model.addAttribute("actions", cases.actionsFor(found, user));
        model.addAttribute("history", history.lines(cases.history(found), LocaleContextHolder.getLocale()));
        model.addAttribute("citizenReports", reports.received(found.id(), user));
        model.addAttribute("notes", cases.notes(found));
        model.addAttribute("attachments", cases.attachments(found));
        model.addAttribute("evidence", evidence.items(found.id(), user));
        model.addAttribute("now", clock.instant());
        model.addAttribute("overdue", found.overdue(clock.instant()));
        model.addAttribute("mayWork", user.has(vn.loa.identity.Role.COORDINATOR)
                || (found.agencyCode() != null && found.agencyCode().equals(user.agencyCode())
                        && (user.has(vn.loa.identity.Role.OFFICER) || user.has(vn.loa.identity.Role.SPOKESPERSON))));
        fillForm(model);
        if (!model.containsAttribute("noteForm")) {
            model.addAttribute("noteForm", new Cases.NoteForm("", "", ""));
        }
    }

    private void fillForm(Model model) {
        model.addAttribute("coordinator", SignedInPrincipal.current().map(u -> u.has(vn.loa.identity.Role.COORDINATOR))
                .orElse(false));
        model.addAttribute("categories", CaseCategory.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("agencies", agencies.validOn(LocalDate.now(clock.withZone(LocalTime.ZONE))));
    }

    /**
     * Post ids from a comma- or space-separated list, each as typed or as the pages show it ("#2855"); what is not a
     * number is a null, which the service refuses ({@link #unreadable} names it).
     */
    static List<Long> ids(String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null) {
            return ids;
        }
        tokens(text).forEach(s -> {
            try {
                ids.add(Long.parseLong(number(s)));
            } catch (NumberFormatException e) {
                ids.add(null);
            }
        });
        return ids;
    }

    private static String number(String token) {
        String t = token.strip();
        return t.startsWith("#") ? t.substring(1) : t;
    }

    /** What was typed among the post ids that is not a post's number, as typed. */
    static List<String> unreadable(String text) {
        if (text == null) {
            return List.of();
        }
        return tokens(text).filter(s -> !number(s).matches("\\d{1,18}")).toList();
    }

    /** What was typed in a list of post numbers, item by item (at most one more than a case takes). */
    private static java.util.stream.Stream<String> tokens(String text) {
        return Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).limit(201);
    }

    /**
     * The problems of a refused form, the post ids' told by what was typed when some could not be read (the service
     * only knows them as unreadable).
     */
    private static List<InvalidInput> problems(InvalidInput e, String postIds) {
        List<String> unreadable = unreadable(postIds);
        if (unreadable.isEmpty()) {
            return e.all();
        }
        List<InvalidInput> problems = new ArrayList<>();
        for (InvalidInput p : e.all()) {
            if (!p.field().equals("postIds")) {
                problems.add(p);
            } else if (problems.stream().noneMatch(q -> q.field().equals("postIds"))) {
                problems.add(new InvalidInput("postIds", "case.error.post-numbers", String.join(", ", unreadable)));
            }
        }
        return problems;
    }

    /** The press has no business with evidence: checking packages is for the desk's roles and agencies' machines. */
    private static SignedInUser deskUser() {
        SignedInUser user = user();
        boolean desk = user.apiClient() || user.roles().stream().anyMatch(r -> r != vn.loa.identity.Role.PRESS);
        if (!desk) {
            throw new AccessDeniedException("evidence packages are checked by the desk");
        }
        return user;
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem casesNavigation() {
            return new NavigationItem("nav.cases", "/cases", 10, Set.of("ADMIN", "COORDINATOR", "LEADER", "OFFICER",
                    "SPOKESPERSON"));
        }
    }
}

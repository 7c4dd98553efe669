package vn.loa.coordination.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.coordination.Directive;
import vn.loa.coordination.Directives;
import vn.loa.coordination.Files.StoredFile;
import vn.loa.coordination.Recurrence;
import vn.loa.coordination.Task;
import vn.loa.coordination.TaskOccurrence;
import vn.loa.coordination.TaskStatusClass;
import vn.loa.coordination.Tasks;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.NavigationItem;
import vn.loa.platform.Pager;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.shared.SeenMark;

/**
 * The coordination pages: directives and the tasks they assign, grouped per lead agency with their status classes;
 * the tasks list with its filters; a task with its "5 rõ", occurrences, progress reports, history and the chain of
 * units it passed through. Coordinators, leaders and administrators see all; an officer the tasks their agency leads
 * or supports (another's is not found); coordinators and administrators enter directives and tasks.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/coordination")
class CoordinationController {

    private final Directives directives;
    private final Tasks tasks;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final MessageSource messages;

    CoordinationController(Directives directives, Tasks tasks, AgencyDirectory agencies, Clock clock,
            MessageSource messages) {
        this.directives = directives;
        this.tasks = tasks;
        this.agencies = agencies;
        this.clock = clock;
        this.messages = messages;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    static boolean coordinates(SignedInUser user) {
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN);
    }

    /**
     * Names of every unit by id and by code (a code's latest unit), in the page's language; by id, a unit that has
     * ended says until when, so that a task passed on in the 2025 reorganisation names the unit it came from apart
     * from its successor of the same name (Sở Y tế until 30/06/2025, then Sở Y tế of the merged province).
     */
    record Names(Map<Long, String> byId, Map<String, String> byCode) {

        public String ofCode(String code) {
            return byCode.getOrDefault(code, code);
        }
    }

    private Names names(Locale locale) {
        Map<Long, String> byId = new LinkedHashMap<>();
        LocalDate today = today();
        List<Agency> all = agencies.all();
        for (Agency a : all) {
            byId.put(a.id().value(), AgencyLabels.of(a, today, messages, locale));
        }
        return new Names(byId, AgencyLabels.byCode(all, today, messages, locale));
    }

    @GetMapping
    String home(@RequestParam(required = false) String page, Model model, Locale locale) {
        SignedInUser user = CoordinationForms.user();
        Page<Directive> list = directives.list(PageRequest.lenient(page, null), user);
        model.addAttribute("directives", list);
        model.addAttribute("pager", Pager.of("/coordination", Map.of(), list));
        model.addAttribute("mayCreate", coordinates(user));
        model.addAttribute("names", names(locale));
        if (user.agency() != null && !coordinates(user) && !user.has(Role.LEADER)) {
            Page<Task> own = tasks.list(new Tasks.TaskFilter(null, null, null, null, true), new PageRequest(1, 50), user);
            model.addAttribute("ownTasks", own);
            model.addAttribute("inheritedNames", inheritedNames(own.items(), user, names(locale)));
        }
        return "coordination/home";
    }

    /** Passes the open tasks of dissolved agencies to their successors now, rather than at the next hourly run. */
    @PostMapping("/transfers")
    String transfer(RedirectAttributes redirect) {
        if (!coordinates(CoordinationForms.user())) {
            throw new vn.loa.shared.NotFound("page", "transfers");
        }
        redirect.addFlashAttribute("flashKey", "coordination.transfer.done-flash");
        redirect.addFlashAttribute("transferred", tasks.transferFromEndedAgencies());
        return "redirect:/coordination";
    }

    /** For each task taken over from a dissolved unit, that unit's name (when the user may see the old task). */
    private Map<Long, String> inheritedNames(List<Task> list, SignedInUser user, Names names) {
        Map<Long, Long> leads = new LinkedHashMap<>();
        list.forEach(t -> leads.put(t.id(), t.leadAgencyId()));
        Map<Long, String> inherited = new LinkedHashMap<>();
        for (Task t : list) {
            if (t.inheritedFrom() == null) {
                continue;
            }
            Long lead = leads.get(t.inheritedFrom());
            if (lead == null) {
                try {
                    lead = tasks.get(t.inheritedFrom(), user).leadAgencyId();
                } catch (vn.loa.shared.NotFound e) {
                    continue;
                }
                leads.put(t.inheritedFrom(), lead);
            }
            inherited.put(t.id(), names.byId().getOrDefault(lead, ""));
        }
        return inherited;
    }

    @GetMapping("/directives/new")
    String newDirective(Model model, Locale locale) {
        prepareNew(model, Map.of(), locale);
        return "coordination/directive-new";
    }

    private void prepareNew(Model model, Map<String, String> form, Locale locale) {
        if (!coordinates(CoordinationForms.user())) {
            throw new vn.loa.shared.NotFound("page", "directives/new");
        }
        LocalDate today = today();
        // the units of today first, the province's people's committee chosen: the dissolved ones are for older documents
        List<Agency> issuers = agencies.all().stream().filter(a -> a.kind().name().equals("PROVINCE")
                || a.kind().name().equals("DEPARTMENT")).sorted(AgencyLabels.order(today, locale)).toList();
        Map<String, String> values = new LinkedHashMap<>(form);
        if (values.get("issuerCode") == null || values.get("issuerCode").isBlank()) {
            issuers.stream().filter(a -> a.validOn(today) && a.kind().name().equals("PROVINCE")).findFirst()
                    .ifPresent(a -> values.put("issuerCode", a.code()));
        }
        model.addAttribute("form", values);
        model.addAttribute("issuers", issuers);
        model.addAttribute("names", names(locale));
        // a code is shared by a unit and its successor of the same name: the option shown chosen is the first, today's
        model.addAttribute("chosenIssuer", issuers.stream().filter(a -> a.code().equals(values.get("issuerCode")))
                .map(a -> a.id().value()).findFirst().orElse(null));
    }

    @PostMapping("/directives")
    String create(@RequestParam(defaultValue = "") String docKind, @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String issuedOn, @RequestParam(defaultValue = "") String issuerCode,
            @RequestParam(defaultValue = "") String signer, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "file", required = false) MultipartFile file, HttpServletResponse response, Model model,
            Locale locale) {
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate issued = CoordinationForms.day(issuedOn, "issuedOn", problems);
        try {
            InvalidInput.throwIfAny(problems);
            Directive d = directives.create(new Directives.NewDirective(docKind, number, issued, issuerCode, signer, title,
                    summary, body, file == null ? null : file.getOriginalFilename(), CoordinationForms.bytes(file)),
                    CoordinationForms.user());
            return "redirect:/coordination/directives/" + d.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            Map<String, String> form = new LinkedHashMap<>();
            form.put("docKind", docKind);
            form.put("number", number);
            form.put("issuedOn", issuedOn);
            form.put("issuerCode", issuerCode);
            form.put("signer", signer);
            form.put("title", title);
            form.put("summary", summary);
            form.put("body", body);
            prepareNew(model, form, locale);
            return "coordination/directive-new";
        }
    }

    /** The tasks of one lead agency on a directive's page, with their counts per status class. */
    record AgencyTasks(String agencyName, List<Task> tasks, Map<TaskStatusClass, Long> counts) {
    }

    @GetMapping("/directives/{id:\\d+}")
    String directive(@PathVariable long id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String agency, Model model, Locale locale) {
        prepareDirective(id, status, agency, Map.of(), model, locale);
        return "coordination/directive";
    }

    private void prepareDirective(long id, String status, String agency, Map<String, ?> form, Model model,
            Locale locale) {
        SignedInUser user = CoordinationForms.user();
        Directive d = directives.get(id, user);
        Names names = names(locale);
        TaskStatusClass chosen = null;
        try {
            chosen = CoordinationForms.statusClass(status);
        } catch (InvalidInput e) {
            chosen = null;
        }
        List<Task> all = tasks.ofDirective(id, user);
        Map<TaskStatusClass, Long> totals = new EnumMap<>(TaskStatusClass.class);
        for (TaskStatusClass c : TaskStatusClass.values()) {
            totals.put(c, 0L);
        }
        Map<Long, AgencyTasks> grouped = new LinkedHashMap<>();
        long transferred = 0;
        for (Task t : all) {
            if (t.state().equals("OPEN")) {
                totals.merge(t.statusClass(), 1L, Long::sum);
            } else {
                transferred++;
            }
            if (chosen != null && (t.statusClass() != chosen || !t.state().equals("OPEN"))) {
                continue;
            }
            if (agency != null && !agency.isBlank() && !t.leadCode().equals(agency.strip())) {
                continue;
            }
            AgencyTasks group = grouped.computeIfAbsent(t.leadAgencyId(), k -> new AgencyTasks(
                    names.byId().getOrDefault(t.leadAgencyId(), t.leadCode()), new ArrayList<>(),
                    new EnumMap<>(TaskStatusClass.class)));
            group.tasks().add(t);
            if (t.state().equals("OPEN")) {
                group.counts().merge(t.statusClass(), 1L, Long::sum);
            }
        }
        model.addAttribute("d", d);
        model.addAttribute("issuerName", names.byId().getOrDefault(d.issuerAgencyId(), d.issuerCode()));
        Map<Long, Agency> units = new LinkedHashMap<>();
        agencies.all().forEach(a -> units.put(a.id().value(), a));
        LocalDate day = today();
        List<Map.Entry<Long, AgencyTasks>> ordered = new ArrayList<>(grouped.entrySet());
        // the units in operation first, departments before press, communes last; then by name
        ordered.sort(java.util.Comparator.<Map.Entry<Long, AgencyTasks>>comparingInt(e -> {
            Agency a = units.get(e.getKey());
            return a == null || !a.validOn(day) ? 1 : 0;
        }).thenComparingInt(e -> {
            Agency a = units.get(e.getKey());
            return a == null ? 99 : AgencyLabels.rank(a);
        }).thenComparing(e -> e.getValue().agencyName()));
        model.addAttribute("groups", ordered.stream().map(Map.Entry::getValue).toList());
        model.addAttribute("inheritedNames", inheritedNames(all, user, names));
        model.addAttribute("totals", totals);
        model.addAttribute("closedCount", transferred);
        model.addAttribute("classes", TaskStatusClass.values());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("agency", agency == null ? "" : agency);
        // the lead agencies to filter by, as the tables name them: ended units with their last day, today's first
        Map<String, Agency> leadUnits = new LinkedHashMap<>();
        for (Task t : all) {
            Agency a = units.get(t.leadAgencyId());
            if (a != null) {
                leadUnits.merge(t.leadCode(), a, (kept, other) -> AgencyLabels.preferred(kept, other, day));
            }
        }
        model.addAttribute("leadOptions", leadUnits.values().stream().sorted(AgencyLabels.order(day, locale))
                .map(Agency::code).toList());
        model.addAttribute("names", names);
        boolean mayAdd = coordinates(user);
        model.addAttribute("mayAdd", mayAdd);
        if (mayAdd) {
            LocalDate today = today();
            List<Agency> options = new ArrayList<>();
            for (Agency a : agencies.all()) {
                // new tasks go to the units of today (a dissolved unit's tasks pass to its successors on their own)
                if (a.validOn(today) && !a.kind().name().equals("PROVINCE")) {
                    options.add(a);
                }
            }
            options.sort(AgencyLabels.order(today, locale));
            model.addAttribute("agencyOptions", options);
            model.addAttribute("recurrences", Recurrence.values());
            model.addAttribute("form", form);
        }
    }

    @PostMapping("/directives/{id:\\d+}/tasks")
    String addTask(@PathVariable long id, @RequestParam(defaultValue = "") String clause,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String expectedResult,
            @RequestParam(name = "leadCodes", required = false) List<String> leadCodes,
            @RequestParam(name = "supportCodes", required = false) List<String> supportCodes,
            @RequestParam(defaultValue = "ONCE") String recurrence, @RequestParam(defaultValue = "") String dueOn,
            @RequestParam(defaultValue = "") String dueDay, @RequestParam(defaultValue = "") String dueMonth,
            @RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String endsOn,
            @RequestParam(defaultValue = "false") boolean isReport,
            @RequestParam(defaultValue = "false") boolean assignedEarlier, HttpServletResponse response, Model model,
            Locale locale, RedirectAttributes redirect) {
        List<InvalidInput> problems = new ArrayList<>();
        Recurrence r = CoordinationForms.recurrence(recurrence, problems);
        LocalDate due = CoordinationForms.day(dueOn, "dueOn", problems);
        Integer day = CoordinationForms.whole(dueDay, "dueDay", problems);
        Integer month = CoordinationForms.whole(dueMonth, "dueMonth", problems);
        LocalDate starts = CoordinationForms.day(startsOn, "startsOn", problems);
        LocalDate ends = CoordinationForms.day(endsOn, "endsOn", problems);
        try {
            InvalidInput.throwIfAny(problems);
            List<Task> added = tasks.add(id, new Tasks.NewTask(clause, title, expectedResult, leadCodes, supportCodes, r, due,
                    r == Recurrence.ONCE ? null : day, r == Recurrence.YEARLY ? month : null, starts, ends, isReport,
                    assignedEarlier),
                    CoordinationForms.user());
            redirect.addFlashAttribute("flashKey", "coordination.task.added-flash");
            redirect.addFlashAttribute("addedCount", added.size());
            return "redirect:/coordination/directives/" + id;
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("clause", clause);
            form.put("title", title);
            form.put("expectedResult", expectedResult);
            form.put("recurrence", recurrence);
            form.put("dueOn", dueOn);
            form.put("dueDay", dueDay);
            form.put("dueMonth", dueMonth);
            form.put("startsOn", startsOn);
            form.put("endsOn", endsOn);
            form.put("leadCodes", leadCodes == null ? List.of() : leadCodes);
            form.put("supportCodes", supportCodes == null ? List.of() : supportCodes);
            form.put("isReport", isReport);
            form.put("assignedEarlier", assignedEarlier);
            prepareDirective(id, null, null, form, model, locale);
            return "coordination/directive";
        }
    }

    @GetMapping("/directives/{id:\\d+}/file")
    ResponseEntity<byte[]> directiveFile(@PathVariable long id) {
        SignedInUser user = CoordinationForms.user();
        Directive d = directives.get(id, user);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(d.fileName() == null ? "chi-dao.docx" : d.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body(directives.file(id, user));
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String directive, @RequestParam(required = false) String dueBefore,
            @RequestParam(required = false) String page, Model model, Locale locale) {
        SignedInUser user = CoordinationForms.user();
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate before = CoordinationForms.day(dueBefore, "dueBefore", problems);
        TaskStatusClass chosen = null;
        try {
            chosen = CoordinationForms.statusClass(status);
        } catch (InvalidInput e) {
            problems.add(e);
        }
        Long directiveId = null;
        if (directive != null && !directive.isBlank()) {
            try {
                directiveId = Long.parseLong(directive.strip());
            } catch (NumberFormatException e) {
                problems.add(new InvalidInput("directive", "coordination.error.number-field",
                        CoordinationForms.label("directive")));
            }
        }
        Names names = names(locale);
        LocalDate today = today();
        Map<String, Agency> units = new LinkedHashMap<>();
        for (Agency a : agencies.all()) {
            if (!a.kind().name().equals("PROVINCE")) {
                units.merge(a.code(), a, (kept, other) -> AgencyLabels.preferred(kept, other, today));
            }
        }
        agency = agencyCode(agency, units.values(), names, problems);
        if (!problems.isEmpty()) {
            model.addAttribute("filterProblems", problems);
        }
        Page<Task> list = tasks.list(new Tasks.TaskFilter(chosen, agency, directiveId, before, null),
                PageRequest.lenient(page, null), user);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("agency", agency == null ? null : agency.strip());
        filters.put("directive", directive);
        filters.put("dueBefore", dueBefore);
        model.addAttribute("tasks", list);
        model.addAttribute("pager", Pager.of("/coordination/tasks", filters, list));
        model.addAttribute("filters", filters);
        model.addAttribute("classes", TaskStatusClass.values());
        model.addAttribute("directiveOptions", directives.list(new PageRequest(1, PageRequest.MAX_SIZE), user).items());
        model.addAttribute("agencyOptions", units.values().stream().sorted(AgencyLabels.order(today, locale))
                .map(Agency::code).toList());
        model.addAttribute("names", names);
        return "coordination/tasks";
    }

    /**
     * The code of the agency a filter asks for: a code as it is, a name (as a list names it, or as typed in either
     * language, in any case) as its unit's code; one that matches neither is kept, finds nothing, and is told.
     */
    private static String agencyCode(String asked, java.util.Collection<Agency> units, Names names,
            List<InvalidInput> problems) {
        if (asked == null || asked.isBlank()) {
            return asked;
        }
        String wanted = java.text.Normalizer.normalize(asked.strip(), java.text.Normalizer.Form.NFC);
        if (units.stream().anyMatch(a -> a.code().equals(wanted))) {
            return wanted;
        }
        for (Agency a : units) {
            if (wanted.equalsIgnoreCase(a.nameVi()) || wanted.equalsIgnoreCase(a.nameEn())
                    || wanted.equalsIgnoreCase(names.ofCode(a.code()))) {
                return a.code();
            }
        }
        problems.add(new InvalidInput("agency", "coordination.error.agency-filter", wanted));
        return wanted;
    }

    @GetMapping("/tasks/{id:\\d+}")
    String task(@PathVariable long id, Model model, Locale locale) {
        prepareTask(id, Map.of(), model, locale);
        return "coordination/task";
    }

    private void prepareTask(long id, Map<String, ?> form, Model model, Locale locale) {
        SignedInUser user = CoordinationForms.user();
        Task t = tasks.get(id, user);
        Names names = names(locale);
        List<TaskOccurrence> occurrences = tasks.occurrences(id, user);
        model.addAttribute("t", t);
        model.addAttribute("d", directives.get(t.directiveId(), user));
        model.addAttribute("leadName", names.byId().getOrDefault(t.leadAgencyId(), t.leadCode()));
        model.addAttribute("names", names);
        model.addAttribute("occurrences", occurrences);
        model.addAttribute("openOccurrences", occurrences.stream().filter(o -> o.doneOn() == null).toList().reversed());
        model.addAttribute("progress", tasks.progress(id, user));
        model.addAttribute("events", tasks.events(id, user));
        List<Task> passedTo = tasks.passedTo(id, user);
        model.addAttribute("passedTo", passedTo);
        // a dissolved unit's task went to several successors; a commune may open only its own, the others are named
        model.addAttribute("openable",
                Set.copyOf(passedTo.stream().filter(p -> tasks.mayOpen(p.id(), user)).map(Task::id).toList()));
        Task inherited = null;
        if (t.inheritedFrom() != null) {
            try {
                inherited = tasks.get(t.inheritedFrom(), user);
            } catch (vn.loa.shared.NotFound e) {
                inherited = null;
            }
        }
        model.addAttribute("inherited", inherited);
        boolean coordinator = coordinates(user);
        boolean lead = user.agency() != null && user.agency().value() == t.leadAgencyId()
                && (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON));
        boolean supporting = user.agencyCode() != null && t.supportCodes().contains(user.agencyCode())
                && (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON));
        boolean open = t.state().equals("OPEN");
        model.addAttribute("mayReport", open && (coordinator || lead || supporting));
        model.addAttribute("mayMarkDone", open && (coordinator || lead));
        model.addAttribute("mayTransition", open && coordinator);
        model.addAttribute("mayRaiseDifficulty", (lead || supporting) && !coordinator);
        model.addAttribute("actions", Tasks.Action.values());
        model.addAttribute("form", form);
        // what the forms act on, so that a change from a page opened before a colleague's is refused, not written over it
        model.addAttribute("seen", seen(t, occurrences));
    }

    /** A short mark of what the task's forms change: its state and its periods' due and done dates. */
    static String seen(Task t, List<TaskOccurrence> occurrences) {
        List<String> texts = new ArrayList<>();
        texts.add(t.state());
        for (TaskOccurrence o : occurrences) {
            texts.add(o.id() + " " + o.dueOn() + " " + o.doneOn());
        }
        return SeenMark.of(texts.toArray(String[]::new));
    }

    /** Whether the task changed since the page that sent {@code seen} was shown; a form without the mark is not checked. */
    private boolean changedSince(long id, String seen) {
        if (seen == null || seen.isBlank()) {
            return false;
        }
        SignedInUser user = CoordinationForms.user();
        return !seen.equals(seen(tasks.get(id, user), tasks.occurrences(id, user)));
    }

    /** The task's page again with what was typed kept, answered 409 with the reason it was not done. */
    private String refusedTask(long id, Map<String, ?> form, String errorKey, Object[] errorArgs,
            HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(409);
        prepareTask(id, form, model, locale);
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("errorArgs", errorArgs == null || errorArgs.length == 0 ? null : errorArgs);
        return "coordination/task";
    }

    @PostMapping("/tasks/{id:\\d+}/progress")
    String report(@PathVariable long id, @RequestParam(required = false) Long occurrenceId,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String percent,
            @RequestParam(defaultValue = "false") boolean done, @RequestParam(required = false) String seen,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments,
            HttpServletRequest request, HttpServletResponse response, Model model, Locale locale,
            RedirectAttributes redirect) {
        List<InvalidInput> problems = new ArrayList<>();
        Integer pct = CoordinationForms.whole(percent, "percent", problems);
        Map<String, Double> figures = CoordinationForms.figures(request, problems);
        // what was typed, to give back whole when the report is refused
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("body", body);
        form.put("percent", percent);
        form.put("occurrenceId", occurrenceId == null ? "" : String.valueOf(occurrenceId));
        form.put("done", done);
        form.put("figureNames", CoordinationForms.repeated(request, "figureName"));
        form.put("figureValues", CoordinationForms.repeated(request, "figureValue"));
        if (done && changedSince(id, seen)) {
            // a period reported done from a page opened before a colleague reopened it or moved its due date
            return refusedTask(id, form, "coordination.error.changed-meanwhile", null, response, model, locale);
        }
        if (!problems.isEmpty()) {
            // the service is not asked while something typed cannot be read: its own rules that the page can tell
            // at once are told with those problems, instead of after they are corrected
            if (body.isBlank()) {
                problems.add(0, new InvalidInput("body", "coordination.error.progress-body"));
            }
            if (pct != null && (pct < 0 || pct > 100)) {
                problems.add(new InvalidInput("percent", "coordination.error.percent"));
            }
        }
        try {
            InvalidInput.throwIfAny(problems);
            tasks.report(id, new Tasks.NewProgress(occurrenceId, body, pct, figures, done,
                    CoordinationForms.attachments(attachments)), CoordinationForms.user());
            redirect.addFlashAttribute("flashKey", "coordination.progress.saved-flash");
            return "redirect:/coordination/tasks/" + id;
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepareTask(id, form, model, locale);
            return "coordination/task";
        } catch (Conflict e) {
            return refusedTask(id, form, e.messageKey(), e.arguments(), response, model, locale);
        }
    }

    @PostMapping("/tasks/{id:\\d+}/transitions")
    String transition(@PathVariable long id, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String dueOn,
            @RequestParam(required = false) Long occurrenceId, @RequestParam(required = false) String seen,
            HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) {
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate due = CoordinationForms.day(dueOn, "dueOn", "coordination.transition.due-on", problems);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("action", action);
        form.put("reason", reason);
        form.put("dueOn", dueOn);
        if (changedSince(id, seen)) {
            // moved, reopened, done or cancelled by someone else after this page was opened: acting now would undo it
            return refusedTask(id, form, "coordination.error.changed-meanwhile", null, response, model, locale);
        }
        try {
            InvalidInput.throwIfAny(problems);
            tasks.transition(id, new Tasks.Transition(CoordinationForms.action(action.isBlank() ? null : action), reason,
                    due, occurrenceId), CoordinationForms.user());
            redirect.addFlashAttribute("flashKey", "coordination.transition.done-flash");
            return "redirect:/coordination/tasks/" + id;
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepareTask(id, form, model, locale);
            return "coordination/task";
        } catch (Conflict e) {
            return refusedTask(id, form, e.messageKey(), e.arguments(), response, model, locale);
        }
    }

    @GetMapping("/attachments/{id:\\d+}")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        StoredFile f = tasks.attachment(id, CoordinationForms.user());
        return CoordinationController.download(f);
    }

    static ResponseEntity<byte[]> download(StoredFile f) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(f.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(f.contentType())).body(f.bytes());
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem coordinationNavigation() {
            return new NavigationItem("nav.coordination", "/coordination", 60, Set.of("ADMIN", "COORDINATOR", "LEADER",
                    "OFFICER", "SPOKESPERSON"));
        }
    }
}

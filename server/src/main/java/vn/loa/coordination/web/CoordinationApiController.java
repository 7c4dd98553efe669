package vn.loa.coordination.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.coordination.Directive;
import vn.loa.coordination.Directives;
import vn.loa.coordination.ProgressReport;
import vn.loa.coordination.Task;
import vn.loa.coordination.TaskOccurrence;
import vn.loa.coordination.Tasks;
import vn.loa.platform.Pager;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * The directives and tasks API (signed in; an officer sees only the tasks their agency leads or supports, 404 for
 * another's). {@code /api/v1/directives}: GET list, POST JSON or multipart (with {@code file}, a DOCX whose text is the
 * body), GET {id}, GET/POST {id}/tasks. {@code /api/v1/tasks}: GET list ({@code agency}, {@code status} = status class,
 * {@code directive}, {@code dueBefore}), GET {id}, GET/POST {id}/progress, POST {id}/transitions ({@code action} DONE,
 * REOPEN, CANCEL or RESCHEDULE, {@code reason}, {@code dueOn}, {@code occurrenceId}; 409 when the state does not allow
 * it), POST transfers (coordinator: pass the tasks of dissolved agencies to their successors now). Refusals are problem
 * responses naming the field.
 */
@RestController
@ConditionalOnWebApplication
class CoordinationApiController {

    private final Directives directives;
    private final Tasks tasks;

    CoordinationApiController(Directives directives, Tasks tasks) {
        this.directives = directives;
        this.tasks = tasks;
    }

    record PostedDirective(String docKind, String number, String issuedOn, String issuerCode, String signer, String title,
            String summary, String body) {
    }

    record PostedTask(String clause, String title, String expectedResult, List<String> leadCodes, List<String> supportCodes,
            String recurrence, String dueOn, Integer dueDay, Integer dueMonth, String startsOn, String endsOn,
            Boolean isReport, Boolean assignedEarlier) {
    }

    record PostedProgress(Long occurrenceId, String body, Integer percent, Map<String, Double> figures, Boolean done) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "TaskTransition")
    record PostedTransition(String action, String reason, String dueOn, Long occurrenceId) {
    }

    /** A task with its occurrences (latest first) and the tasks it passed to. */
    record TaskDetail(Task task, List<TaskOccurrence> occurrences, List<Task> passedTo) {
    }

    @GetMapping("/api/v1/directives")
    ResponseEntity<List<Directive>> directives(@RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        Page<Directive> list = directives.list(PageRequest.parse(page, size), CoordinationForms.user());
        return ResponseEntity.ok().headers(Pager.apiHeaders("/api/v1/directives", Map.of(), list)).body(list.items());
    }

    @PostMapping(path = "/api/v1/directives", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Directive create(@RequestBody PostedDirective d) {
        List<InvalidInput> problems = new ArrayList<>();
        var issued = CoordinationForms.day(d.issuedOn(), "issuedOn", problems);
        InvalidInput.throwIfAny(problems);
        return directives.create(new Directives.NewDirective(d.docKind(), d.number(), issued, d.issuerCode(), d.signer(),
                d.title(), d.summary(), d.body(), null, null), CoordinationForms.user());
    }

    @PostMapping(path = "/api/v1/directives", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Directive upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String docKind, @RequestParam(required = false) String number,
            @RequestParam(required = false) String issuedOn, @RequestParam(required = false) String issuerCode,
            @RequestParam(required = false) String signer, @RequestParam(required = false) String title,
            @RequestParam(required = false) String summary, @RequestParam(required = false) String body) {
        List<InvalidInput> problems = new ArrayList<>();
        var issued = CoordinationForms.day(issuedOn, "issuedOn", problems);
        InvalidInput.throwIfAny(problems);
        return directives.create(new Directives.NewDirective(docKind, number, issued, issuerCode, signer, title, summary,
                body, file == null ? null : file.getOriginalFilename(), CoordinationForms.bytes(file)),
                CoordinationForms.user());
    }

    @GetMapping("/api/v1/directives/{id:\\d+}")
    Directive directive(@PathVariable long id) {
        return directives.get(id, CoordinationForms.user());
    }

    @GetMapping("/api/v1/directives/{id:\\d+}/tasks")
    List<Task> directiveTasks(@PathVariable long id) {
        return tasks.ofDirective(id, CoordinationForms.user());
    }

    @PostMapping("/api/v1/directives/{id:\\d+}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    List<Task> addTasks(@PathVariable long id, @RequestBody PostedTask t) {
        List<InvalidInput> problems = new ArrayList<>();
        var recurrence = CoordinationForms.recurrence(t.recurrence(), problems);
        var due = CoordinationForms.day(t.dueOn(), "dueOn", problems);
        var starts = CoordinationForms.day(t.startsOn(), "startsOn", problems);
        var ends = CoordinationForms.day(t.endsOn(), "endsOn", problems);
        InvalidInput.throwIfAny(problems);
        return tasks.add(id, new Tasks.NewTask(t.clause(), t.title(), t.expectedResult(), t.leadCodes(), t.supportCodes(),
                recurrence, due, t.dueDay(), t.dueMonth(), starts, ends, Boolean.TRUE.equals(t.isReport()),
                Boolean.TRUE.equals(t.assignedEarlier())),
                CoordinationForms.user());
    }

    @GetMapping("/api/v1/tasks")
    ResponseEntity<List<Task>> list(@RequestParam(required = false) String agency,
            @RequestParam(required = false) String status, @RequestParam(required = false) Long directive,
            @RequestParam(required = false) String dueBefore, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        List<InvalidInput> problems = new ArrayList<>();
        var before = CoordinationForms.day(dueBefore, "dueBefore", problems);
        InvalidInput.throwIfAny(problems);
        Page<Task> list = tasks.list(new Tasks.TaskFilter(CoordinationForms.statusClass(status), agency, directive, before,
                null), PageRequest.parse(page, size), CoordinationForms.user());
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("agency", agency);
        filters.put("status", status);
        filters.put("directive", directive == null ? null : directive.toString());
        filters.put("dueBefore", dueBefore);
        return ResponseEntity.ok().headers(Pager.apiHeaders("/api/v1/tasks", filters, list)).body(list.items());
    }

    @GetMapping("/api/v1/tasks/{id:\\d+}")
    TaskDetail task(@PathVariable long id) {
        var user = CoordinationForms.user();
        return new TaskDetail(tasks.get(id, user), tasks.occurrences(id, user), tasks.passedTo(id, user));
    }

    @GetMapping("/api/v1/tasks/{id:\\d+}/progress")
    List<ProgressReport> progress(@PathVariable long id) {
        return tasks.progress(id, CoordinationForms.user());
    }

    @PostMapping(path = "/api/v1/tasks/{id:\\d+}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ProgressReport report(@PathVariable long id, @RequestBody PostedProgress p) {
        return tasks.report(id, new Tasks.NewProgress(p.occurrenceId(), p.body(), p.percent(), p.figures(),
                Boolean.TRUE.equals(p.done()), List.of()), CoordinationForms.user());
    }

    @PostMapping(path = "/api/v1/tasks/{id:\\d+}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ProgressReport reportWithFiles(@PathVariable long id, @RequestParam(required = false) Long occurrenceId,
            @RequestParam(required = false) String body, @RequestParam(required = false) String percent,
            @RequestParam(defaultValue = "false") boolean done,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments,
            HttpServletRequest request) {
        List<InvalidInput> problems = new ArrayList<>();
        Integer pct = CoordinationForms.whole(percent, "percent", problems);
        var figures = CoordinationForms.figures(request, problems);
        InvalidInput.throwIfAny(problems);
        return tasks.report(id, new Tasks.NewProgress(occurrenceId, body, pct, figures, done,
                CoordinationForms.attachments(attachments)), CoordinationForms.user());
    }

    /** How many tasks of dissolved agencies were passed to their successors. */
    record Transferred(int transferred) {
    }

    @PostMapping("/api/v1/tasks/transfers")
    Transferred transfer() {
        if (!CoordinationController.coordinates(CoordinationForms.user())) {
            throw new vn.loa.shared.NotFound("transfers", "tasks");
        }
        return new Transferred(tasks.transferFromEndedAgencies());
    }

    @PostMapping("/api/v1/tasks/{id:\\d+}/transitions")
    Task transition(@PathVariable long id, @RequestBody PostedTransition t) {
        List<InvalidInput> problems = new ArrayList<>();
        var due = CoordinationForms.day(t.dueOn(), "dueOn", problems);
        InvalidInput.throwIfAny(problems);
        return tasks.transition(id, new Tasks.Transition(CoordinationForms.action(t.action()), t.reason(), due,
                t.occurrenceId()), CoordinationForms.user());
    }
}

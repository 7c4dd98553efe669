package vn.loa.coordination.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
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
import vn.loa.coordination.Difficulties;
import vn.loa.coordination.Difficulty;
import vn.loa.coordination.Task;
import vn.loa.coordination.Tasks;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.Pager;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * The difficulties and proposals pages: the list with the form to send one (an agency's officers), and one difficulty
 * with the forms to answer, forward (coordinator) and close (the sender, once answered).
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/coordination/difficulties")
class DifficultiesController {

    private final Difficulties difficulties;
    private final Tasks tasks;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final MessageSource messages;

    DifficultiesController(Difficulties difficulties, Tasks tasks, AgencyDirectory agencies, Clock clock,
            MessageSource messages) {
        this.messages = messages;
        this.difficulties = difficulties;
        this.tasks = tasks;
        this.agencies = agencies;
        this.clock = clock;
    }

    private Map<String, String> names(Locale locale) {
        return AgencyLabels.byCode(agencies.all(), LocalDate.ofInstant(clock.instant(), LocalTime.ZONE), messages, locale);
    }

    private static boolean staff(SignedInUser user) {
        return user.agency() != null && (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON));
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String page,
            @RequestParam(required = false) Long taskId, Model model, Locale locale) {
        prepareList(status, page, taskId, Map.of(), model, locale);
        return "coordination/difficulties";
    }

    private void prepareList(String status, String page, Long taskId, Map<String, String> form, Model model,
            Locale locale) {
        SignedInUser user = CoordinationForms.user();
        String chosen = status != null && List.of("SUBMITTED", "FORWARDED", "ANSWERED", "CLOSED").contains(status) ? status
                : null;
        Page<Difficulty> list = difficulties.list(chosen, PageRequest.lenient(page, null), user);
        model.addAttribute("difficulties", list);
        model.addAttribute("pager", Pager.of("/coordination/difficulties", chosen == null ? Map.of()
                : Map.of("status", chosen), list));
        model.addAttribute("status", chosen == null ? "" : chosen);
        model.addAttribute("statuses", List.of("SUBMITTED", "FORWARDED", "ANSWERED", "CLOSED"));
        model.addAttribute("names", names(locale));
        boolean maySubmit = staff(user);
        model.addAttribute("maySubmit", maySubmit);
        if (maySubmit) {
            List<Task> own = tasks.list(new Tasks.TaskFilter(null, null, null, null, true), new PageRequest(1, 100), user)
                    .items();
            model.addAttribute("taskOptions", own);
            model.addAttribute("taskId", taskId);
        }
        model.addAttribute("form", form);
    }

    @PostMapping
    String submit(@RequestParam(defaultValue = "DIFFICULTY") String kind, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) Long taskId,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments,
            HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            Difficulty d = difficulties.submit(new Difficulties.NewDifficulty(kind, title, body, taskId, null,
                    CoordinationForms.attachments(attachments)), CoordinationForms.user());
            redirect.addFlashAttribute("flashKey", "coordination.difficulty.sent-flash");
            return "redirect:/coordination/difficulties/" + d.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepareList(null, null, taskId, Map.of("kind", kind, "title", title, "body", body), model, locale);
            return "coordination/difficulties";
        }
    }

    @GetMapping("/{id:\\d+}")
    String difficulty(@PathVariable long id, Model model, Locale locale) {
        prepare(id, Map.of(), model, locale);
        return "coordination/difficulty";
    }

    private void prepare(long id, Map<String, String> form, Model model, Locale locale) {
        SignedInUser user = CoordinationForms.user();
        Difficulty d = difficulties.get(id, user);
        model.addAttribute("x", d);
        model.addAttribute("names", names(locale));
        boolean coordinator = CoordinationController.coordinates(user);
        boolean open = d.status().equals("SUBMITTED") || d.status().equals("FORWARDED");
        boolean forwardedHere = d.status().equals("FORWARDED") && staff(user) && user.agencyCode() != null
                && user.agencyCode().equals(d.forwardedToCode());
        model.addAttribute("mayAnswer", open && (coordinator || forwardedHere));
        model.addAttribute("mayForward", open && coordinator);
        model.addAttribute("mayClose", d.status().equals("ANSWERED") && (coordinator
                || (staff(user) && d.agencyCode().equals(user.agencyCode()))));
        if (open && coordinator) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
            model.addAttribute("agencyOptions", agencies.validOn(today));
        }
        Task task = null;
        if (d.taskId() != null) {
            try {
                task = tasks.get(d.taskId(), user);
            } catch (vn.loa.shared.NotFound e) {
                task = null;
            }
        }
        model.addAttribute("task", task);
        model.addAttribute("form", form);
    }

    @PostMapping("/{id:\\d+}/answer")
    String answer(@PathVariable long id, @RequestParam(defaultValue = "") String answer, HttpServletResponse response,
            Model model, Locale locale, RedirectAttributes redirect) {
        return act(id, () -> difficulties.answer(id, answer, CoordinationForms.user()), "coordination.difficulty.answered-flash",
                Map.of("answer", answer), response, model, locale, redirect);
    }

    @PostMapping("/{id:\\d+}/forward")
    String forward(@PathVariable long id, @RequestParam(defaultValue = "") String agencyCode,
            @RequestParam(defaultValue = "") String note, HttpServletResponse response, Model model, Locale locale,
            RedirectAttributes redirect) {
        return act(id, () -> difficulties.forward(id, agencyCode, note, CoordinationForms.user()),
                "coordination.difficulty.forwarded-flash", Map.of("note", note), response, model, locale, redirect);
    }

    @PostMapping("/{id:\\d+}/close")
    String close(@PathVariable long id, HttpServletResponse response, Model model, Locale locale,
            RedirectAttributes redirect) {
        return act(id, () -> difficulties.close(id, CoordinationForms.user()), "coordination.difficulty.closed-flash",
                Map.of(), response, model, locale, redirect);
    }

    private String act(long id, Runnable action, String flash, Map<String, String> form, HttpServletResponse response,
            Model model, Locale locale, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("flashKey", flash);
            return "redirect:/coordination/difficulties/" + id;
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepare(id, form, model, locale);
            return "coordination/difficulty";
        } catch (Conflict e) {
            // answered, forwarded or closed by someone else meanwhile: the difficulty as it now is, what was typed kept
            response.setStatus(409);
            prepare(id, form, model, locale);
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.arguments().length == 0 ? null : e.arguments());
            return "coordination/difficulty";
        }
    }

    @GetMapping("/attachments/{id:\\d+}")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        return CoordinationController.download(difficulties.attachment(id, CoordinationForms.user()));
    }
}

package vn.loa.consultation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.consultation.ConsultationAnswers;
import vn.loa.consultation.Contributions;
import vn.loa.consultation.CorrectionAction;
import vn.loa.consultation.ThemeGroups;
import vn.loa.consultation.Verdict;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;

/**
 * The officers' pages of a consultation's groups and answers: the groups per article with their label, count,
 * sentiment and sample comments, and the corrections (move, merge, rename, split off, regroup); one answer form per
 * group with a template picker and "submit all", "approve all", "publish all"; the adoption of the final text; the
 * synthesis report.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/consultations")
class ConsultationAnswersController {

    private final ThemeGroups groups;
    private final ConsultationAnswers answers;
    private final Contributions contributions;

    ConsultationAnswersController(ThemeGroups groups, ConsultationAnswers answers, Contributions contributions) {
        this.groups = groups;
        this.answers = answers;
        this.contributions = contributions;
    }

    static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }

    @GetMapping("/{id}/groups")
    String groups(@PathVariable long id, Model model) {
        SignedInUser user = user();
        model.addAttribute("c", groups.summary(id, user));
        model.addAttribute("articles", groups.groups(id, user));
        model.addAttribute("ungrouped", groups.ungrouped(id, user));
        model.addAttribute("offTopic", contributions.offTopicCount(id, user));
        model.addAttribute("corrections", groups.corrections(id, user));
        model.addAttribute("actions", CorrectionAction.values());
        return "consultation/groups";
    }

    @PostMapping("/{id}/groups/regroup")
    String regroup(@PathVariable long id, RedirectAttributes redirect) {
        ThemeGroups.Regrouped done = groups.regroup(id, user());
        redirect.addFlashAttribute("flashKey", "consultation.groups.regrouped");
        redirect.addFlashAttribute("regrouped", done);
        return "redirect:/consultations/" + id + "/groups";
    }

    @PostMapping("/{id}/groups/corrections")
    String correct(@PathVariable long id, @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) Long contributionId, @RequestParam(required = false) String anchor,
            @RequestParam(required = false) String contributionIds, @RequestParam(required = false) String label,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        SignedInUser user = user();
        try {
            CorrectionAction chosen = parse(CorrectionAction.class, action, "action");
            Long anchorId = anchor == null || anchor.isBlank() ? null : number(anchor, "anchorId");
            List<Long> ids = new ArrayList<>();
            if (contributionIds != null) {
                for (String part : contributionIds.split("[,\\s]+")) {
                    if (!part.isBlank()) {
                        ids.add(number(part, "contributionIds"));
                    }
                }
            }
            if (chosen == CorrectionAction.SPLIT && ids.isEmpty() && contributionId != null) {
                ids.add(contributionId);
            }
            groups.correct(id, new ThemeGroups.Correction(chosen, contributionId, anchorId, ids, label), user);
            redirect.addFlashAttribute("flashKey", "consultation.groups.corrected");
            return "redirect:/consultations/" + id + "/groups";
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            // the form again as it was sent: its group open, the label typed
            model.addAttribute("correctionForm", Map.of("action", action,
                    "contributionId", contributionId == null ? "" : contributionId.toString(),
                    "label", label == null ? "" : label));
            return groups(id, model);
        }
    }

    @GetMapping("/{id}/answers")
    String answers(@PathVariable long id, Model model) {
        SignedInUser user = user();
        ThemeGroups.Summary summary = groups.summary(id, user);
        model.addAttribute("c", summary);
        model.addAttribute("articles", groups.groups(id, user));
        model.addAttribute("ungrouped", groups.ungrouped(id, user));
        model.addAttribute("verdicts", Verdict.values());
        List<ConsultationAnswers.Template> templates = answers.templates(user).stream()
                .filter(t -> t.agencyCode().equals(summary.agencyCode())).toList();
        model.addAttribute("templates", templates);
        Map<Long, Map<Long, String>> filled = new LinkedHashMap<>();
        for (ThemeGroups.ArticleGroups article : groups.groups(id, user)) {
            for (ThemeGroups.Group g : article.groups()) {
                Map<Long, String> texts = new LinkedHashMap<>();
                templates.forEach(t -> texts.put(t.id(), answers.fill(t.id(), g.id(), user)));
                filled.put(g.id(), texts);
            }
        }
        model.addAttribute("filled", filled);
        model.addAttribute("username", user.username());
        return "consultation/answers";
    }

    @PostMapping("/{id}/answers")
    String save(@PathVariable long id, @RequestParam long groupId, @RequestParam(defaultValue = "") String verdict,
            @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String templateId,
            @RequestParam(required = false) String submit, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        SignedInUser user = user();
        try {
            Verdict chosen = parse(Verdict.class, verdict, "verdict");
            Long template = templateId == null || templateId.isBlank() ? null : number(templateId, "templateId");
            String text = reason.isBlank() && template != null ? answers.fill(template, groupId, user) : reason;
            ThemeGroups.Answer saved = answers.save(groupId, chosen, text, template, user);
            if (submit != null) {
                answers.submit(saved.id(), saved.version(), user);
            }
            redirect.addFlashAttribute("flashKey", submit != null ? "consultation.answers.submitted" : "consultation.answers.saved");
            return "redirect:/consultations/" + id + "/answers#group-" + groupId;
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            model.addAttribute("problemGroup", groupId);
            // the group's form shows what was sent, not the stored answer
            model.addAttribute("answerForm", Map.of("verdict", verdict, "reason", reason,
                    "templateId", templateId == null ? "" : templateId));
            return answers(id, model);
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
            return "redirect:/consultations/" + id + "/answers";
        }
    }

    @PostMapping("/{id}/answers/{answerId}/{step}")
    String step(@PathVariable long id, @PathVariable long answerId, @PathVariable String step,
            @RequestParam(required = false) String version, RedirectAttributes redirect) {
        SignedInUser user = user();
        // the version the page showed: the step is taken only on the answer as the user read it
        Integer seen = version != null && version.strip().matches("\\d{1,9}") ? Integer.valueOf(version.strip()) : null;
        try {
            switch (step) {
                case "submit" -> answers.submit(answerId, seen, user);
                case "approve" -> answers.approve(answerId, seen, user);
                case "publish" -> answers.publish(answerId, seen, user);
                default -> throw new vn.loa.shared.NotFound("step", step);
            }
            redirect.addFlashAttribute("flashKey", "consultation.answers.done." + step);
        } catch (Conflict e) {
            // done by someone else since the page was shown, or done already: who and when
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "consultation.answers.error.not-yours");
        }
        return "redirect:/consultations/" + id + "/answers";
    }

    @PostMapping("/{id}/answers/all/{step}")
    String all(@PathVariable long id, @PathVariable String step, RedirectAttributes redirect) {
        SignedInUser user = user();
        try {
            int done = switch (step) {
                case "submit" -> answers.submitAll(id, user);
                case "approve" -> answers.approveAll(id, user);
                case "publish" -> answers.publishAll(id, user);
                default -> throw new vn.loa.shared.NotFound("step", step);
            };
            if (done == 0) {
                // nothing to do is no success: say there was none, and that nothing was changed or sent
                redirect.addFlashAttribute("noticeKey", "consultation.answers.all." + step + ".none");
            } else {
                redirect.addFlashAttribute("flashKey", "consultation.answers.all." + step);
                redirect.addFlashAttribute("done", done);
            }
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "consultation.answers.error.not-yours");
        }
        return "redirect:/consultations/" + id + "/answers";
    }

    @PostMapping("/{id}/answer-templates")
    String template(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String verdict, @RequestParam(defaultValue = "") String body,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        SignedInUser user = user();
        ThemeGroups.Summary summary = groups.summary(id, user);
        try {
            answers.saveTemplate(summary.agencyCode(), name, parse(Verdict.class, verdict, "verdict"), body, user);
            redirect.addFlashAttribute("flashKey", "consultation.templates.saved");
            return "redirect:/consultations/" + id + "/answers";
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            model.addAttribute("templateForm", Map.of("name", name, "verdict", verdict, "body", body));
            return answers(id, model);
        }
    }

    @PostMapping("/{id}/adopt")
    String adopt(@PathVariable long id, @RequestParam(required = false) String finalVersionId,
            RedirectAttributes redirect) {
        try {
            int told = answers.adopt(id, number(finalVersionId, "finalVersionId"), user());
            redirect.addFlashAttribute("flashKey", "consultation.adopt.done");
            redirect.addFlashAttribute("done", told);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
        }
        return "redirect:/consultations/" + id + "/answers";
    }

    @GetMapping("/{id}/report.docx")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return docx(answers.report(id, user()), id);
    }

    static ResponseEntity<byte[]> docx(byte[] bytes, long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("bao-cao-tong-hop-y-kien-" + id + ".docx").build().toString())
                .body(bytes);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        String key = "consultation.input." + field;
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, key);
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, key);
        }
    }

    static long number(String value, String field) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "consultation.input." + field);
        }
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}

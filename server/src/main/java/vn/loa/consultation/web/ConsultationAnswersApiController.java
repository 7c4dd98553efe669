package vn.loa.consultation.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.consultation.ConsultationAnswers;
import vn.loa.consultation.CorrectionAction;
import vn.loa.consultation.ThemeGroups;
import vn.loa.consultation.Verdict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/**
 * The API of a consultation's groups and answers. {@code GET /api/v1/consultations/{id}/groups} (per article),
 * {@code POST /{id}/groups/regroup}, {@code POST /{id}/groups/corrections} ({@code {action, contributionId, anchorId,
 * contributionIds, label}}; 422 naming the field); {@code GET /{id}/answers}, {@code POST /{id}/answers}
 * ({@code {groupId, verdict, reason, templateId}}, 201), {@code POST /{id}/answers/{answerId}/submit},
 * {@code .../approve} (409 for its own author), {@code .../publish}, each with {@code {version}} as the caller read the
 * answer (422 naming {@code version} without it, 409 when it changed since); {@code GET /api/v1/consultations/answer-templates}
 * and {@code POST} ({@code {agencyCode, name, verdict, body}}). Another agency's consultation answers 404. A group
 * without a name has a null {@code label}.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/v1/consultations")
class ConsultationAnswersApiController {

    private final ThemeGroups groups;
    private final ConsultationAnswers answers;

    ConsultationAnswersApiController(ThemeGroups groups, ConsultationAnswers answers) {
        this.groups = groups;
        this.answers = answers;
    }

    record PostedCorrection(String action, Long contributionId, Long anchorId, List<Long> contributionIds, String label) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "ConsultationAnswer")
    record PostedAnswer(Long groupId, String verdict, String reason, Long templateId) {
    }

    record PostedTemplate(String agencyCode, String name, String verdict, String body) {
    }

    /** A step on an answer: the answer's {@code version} as the caller read it (409 when it changed since). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ConsultationAnswerStep", requiredProperties = "version")
    record PostedStep(Integer version) {
    }

    /**
     * The answers of a consultation: each group with its answer (null when none yet); {@code label} null for a group
     * without a name, which the pages call by its place in the article ("Nhóm ý kiến số 2").
     */
    record GroupAnswer(String unitKey, String article, long groupId, String label, int count,
            ThemeGroups.Answer answer) {
    }

    @GetMapping("/{id}/groups")
    List<ThemeGroups.ArticleGroups> groups(@PathVariable long id) {
        return groups.groups(id, ConsultationAnswersController.user());
    }

    @PostMapping("/{id}/groups/regroup")
    ThemeGroups.Regrouped regroup(@PathVariable long id) {
        return groups.regroup(id, ConsultationAnswersController.user());
    }

    @PostMapping("/{id}/groups/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> correct(@PathVariable long id, @RequestBody PostedCorrection posted) {
        if (posted == null) {
            throw new InvalidInput("action", "consultation.input.action");
        }
        CorrectionAction action = ConsultationAnswersController.parse(CorrectionAction.class, posted.action(), "action");
        groups.correct(id, new ThemeGroups.Correction(action, posted.contributionId(), posted.anchorId(),
                posted.contributionIds(), posted.label()), ConsultationAnswersController.user());
        return Map.of("corrections", groups.corrections(id, ConsultationAnswersController.user()).size());
    }

    @GetMapping("/{id}/answers")
    List<GroupAnswer> answers(@PathVariable long id) {
        return groups.groups(id, ConsultationAnswersController.user()).stream()
                .flatMap(a -> a.groups().stream().map(g -> new GroupAnswer(a.unitKey(), a.article(), g.id(), g.label(),
                        g.count(), g.answer())))
                .toList();
    }

    @PostMapping("/{id}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    ThemeGroups.Answer answer(@PathVariable long id, @RequestBody PostedAnswer posted) {
        if (posted == null || posted.groupId() == null) {
            throw new InvalidInput("groupId", "consultation.input.groupId");
        }
        // the group must belong to the consultation of the address
        boolean ours = groups.groups(id, ConsultationAnswersController.user()).stream()
                .flatMap(a -> a.groups().stream()).anyMatch(g -> g.id() == posted.groupId());
        if (!ours) {
            throw new InvalidInput("groupId", "consultation.input.groupId");
        }
        Verdict verdict = ConsultationAnswersController.parse(Verdict.class, posted.verdict(), "verdict");
        return answers.save(posted.groupId(), verdict, posted.reason(), posted.templateId(),
                ConsultationAnswersController.user());
    }

    @PostMapping("/{id}/answers/{answerId}/submit")
    ThemeGroups.Answer submit(@PathVariable long id, @PathVariable long answerId,
            @RequestBody(required = false) PostedStep posted) {
        ofConsultation(id, answerId);
        return answers.submit(answerId, posted == null ? null : posted.version(), ConsultationAnswersController.user());
    }

    @PostMapping("/{id}/answers/{answerId}/approve")
    ThemeGroups.Answer approve(@PathVariable long id, @PathVariable long answerId,
            @RequestBody(required = false) PostedStep posted) {
        ofConsultation(id, answerId);
        return answers.approve(answerId, posted == null ? null : posted.version(), ConsultationAnswersController.user());
    }

    @PostMapping("/{id}/answers/{answerId}/publish")
    ThemeGroups.Answer publish(@PathVariable long id, @PathVariable long answerId,
            @RequestBody(required = false) PostedStep posted) {
        ofConsultation(id, answerId);
        return answers.publish(answerId, posted == null ? null : posted.version(), ConsultationAnswersController.user());
    }

    @GetMapping("/answer-templates")
    List<ConsultationAnswers.Template> templates() {
        return answers.templates(ConsultationAnswersController.user());
    }

    @PostMapping("/answer-templates")
    @ResponseStatus(HttpStatus.CREATED)
    ConsultationAnswers.Template template(@RequestBody PostedTemplate posted) {
        if (posted == null) {
            throw new InvalidInput("name", "consultation.answers.error.template-name");
        }
        Verdict verdict = ConsultationAnswersController.parse(Verdict.class, posted.verdict(), "verdict");
        return answers.saveTemplate(posted.agencyCode(), posted.name(), verdict, posted.body(),
                ConsultationAnswersController.user());
    }

    /** An answer named under another consultation's path is not found there. */
    private void ofConsultation(long id, long answerId) {
        boolean found = groups.groups(id, ConsultationAnswersController.user()).stream()
                .flatMap(a -> a.groups().stream())
                .anyMatch(g -> g.answer() != null && g.answer().id() == answerId);
        if (!found) {
            throw new NotFound("answer", answerId);
        }
    }
}

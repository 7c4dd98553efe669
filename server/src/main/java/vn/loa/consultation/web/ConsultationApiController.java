package vn.loa.consultation.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.consultation.ArticleDiff;
import vn.loa.consultation.Consultation;
import vn.loa.consultation.Consultations;
import vn.loa.consultation.Contribution;
import vn.loa.consultation.ContributionStatus;
import vn.loa.consultation.Contributions;
import vn.loa.consultation.DraftUnit;
import vn.loa.consultation.Drafts;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * The consultation API (signed in; an officer sees and changes only their agency's). {@code GET/POST
 * /api/v1/consultations}, {@code GET /{id}}, {@code POST /{id}/publish}; drafts: {@code POST /drafts} (multipart:
 * {@code file} DOCX, {@code title}, {@code agencyCode}, {@code docKind}, {@code note}; 422 naming {@code file} when it
 * is not a DOCX or has no article), {@code GET /drafts/{id}} (versions and the parts of the latest), {@code POST
 * /drafts/{id}/versions} (multipart {@code file}, {@code note}, {@code final}), {@code GET /drafts/{id}/diff?from=&to=}
 * (article by article); contributions: {@code GET /{id}/contributions} ({@code unit}, {@code status}), {@code POST
 * /{id}/contributions} (multipart {@code file}: CSV import, all or nothing), {@code POST
 * /{id}/contributions/{contributionId}/publish} and {@code .../reject} ({@code {seen, reason}}: 409 when the
 * contribution is no longer as the caller saw it, or is already so), {@code POST .../off-topic} ({@code {version,
 * note}}) and {@code .../on-topic} ({@code {version}}): 409 when the contribution is no longer at that version.
 */
@RestController
@RequestMapping("/api/v1/consultations")
@ConditionalOnWebApplication
class ConsultationApiController {

    private final Drafts drafts;
    private final Consultations consultations;
    private final Contributions contributions;

    ConsultationApiController(Drafts drafts, Consultations consultations, Contributions contributions) {
        this.drafts = drafts;
        this.consultations = consultations;
        this.contributions = contributions;
    }

    record PostedConsultation(Long versionId, String title, String summary, String opensOn, String closesOn,
            List<String> questions, List<String> audiences, List<String> keywords) {
    }

    /** A draft with its versions and the numbered parts of its latest version. */
    record DraftDetail(Drafts.Draft draft, List<Drafts.DraftVersion> versions, List<DraftUnit> units) {
    }

    @GetMapping
    List<Consultation> list() {
        return consultations.list(user());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Consultation create(@RequestBody PostedConsultation posted) {
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate opens = day(posted.opensOn(), "opensOn", problems);
        LocalDate closes = day(posted.closesOn(), "closesOn", problems);
        InvalidInput.throwIfAny(problems);
        return consultations.create(new Consultations.NewConsultation(posted.versionId(), posted.title(),
                posted.summary(), opens, closes, posted.questions(), posted.audiences(), posted.keywords()), user());
    }

    @GetMapping("/{id:\\d+}")
    Consultation get(@PathVariable long id) {
        return consultations.get(id, user());
    }

    @PostMapping("/{id:\\d+}/publish")
    Consultation publish(@PathVariable long id) {
        return consultations.publish(id, user());
    }

    @PostMapping("/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    DraftDetail importDraft(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String title, @RequestParam(required = false) String agencyCode,
            @RequestParam(required = false) String docKind, @RequestParam(required = false) String note) {
        Drafts.Draft draft = drafts.importDraft(new Drafts.NewDraft(agencyCode, title, docKind, name(file), bytes(file),
                note), user());
        return detail(draft.id());
    }

    @GetMapping("/drafts/{id:\\d+}")
    DraftDetail draft(@PathVariable long id) {
        return detail(id);
    }

    @PostMapping("/drafts/{id:\\d+}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    Drafts.DraftVersion importVersion(@PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String note, @RequestParam(name = "final", defaultValue = "false") boolean finalText) {
        return drafts.importVersion(id, name(file), bytes(file), note, finalText, user());
    }

    @GetMapping("/drafts/{id:\\d+}/diff")
    List<ArticleDiff> diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return drafts.diff(id, from, to, user());
    }

    @GetMapping("/{id:\\d+}/contributions")
    List<Contribution> contributions(@PathVariable long id, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String status, @RequestParam(required = false) Boolean offTopic) {
        ContributionStatus chosen = null;
        if (status != null && !status.isBlank()) {
            try {
                chosen = ContributionStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "consultation.error.status");
            }
        }
        return contributions.list(id, unit, chosen, offTopic, user());
    }

    /**
     * An officer's decision on a contribution.
     *
     * @param seen the status the officer last saw ({@code RECEIVED}, {@code PUBLISHED}, {@code REJECTED}): the
     *        contribution changes only if it is still so, else 409
     * @param reason why it is rejected (rejection only)
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ContributionModeration", requiredProperties = "seen")
    record PostedModeration(String seen, String reason) {
    }

    @PostMapping("/{id:\\d+}/contributions/{contributionId:\\d+}/publish")
    Contribution publishContribution(@PathVariable long id, @PathVariable long contributionId,
            @RequestBody(required = false) PostedModeration posted) {
        ofConsultation(id, contributionId);
        return contributions.publish(contributionId, seen(posted == null ? null : posted.seen()), user());
    }

    @PostMapping("/{id:\\d+}/contributions/{contributionId:\\d+}/reject")
    Contribution rejectContribution(@PathVariable long id, @PathVariable long contributionId,
            @RequestBody(required = false) PostedModeration posted) {
        ofConsultation(id, contributionId);
        return contributions.reject(contributionId, seen(posted == null ? null : posted.seen()),
                posted == null ? null : posted.reason(), user());
    }

    /**
     * An officer's off-topic mark on a contribution.
     *
     * @param version the contribution's version the caller last saw: it changes only if it is still at it, else 409
     * @param note why it is not about the draft (marking only, optional, at most 300 characters)
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ContributionOffTopic", requiredProperties = "version")
    record PostedOffTopic(Integer version, String note) {
    }

    @PostMapping("/{id:\\d+}/contributions/{contributionId:\\d+}/off-topic")
    Contribution markOffTopic(@PathVariable long id, @PathVariable long contributionId,
            @RequestBody(required = false) PostedOffTopic posted) {
        ofConsultation(id, contributionId);
        return contributions.markOffTopic(contributionId, posted == null ? null : posted.version(),
                posted == null ? null : posted.note(), user());
    }

    @PostMapping("/{id:\\d+}/contributions/{contributionId:\\d+}/on-topic")
    Contribution unmarkOffTopic(@PathVariable long id, @PathVariable long contributionId,
            @RequestBody(required = false) PostedOffTopic posted) {
        ofConsultation(id, contributionId);
        return contributions.unmarkOffTopic(contributionId, posted == null ? null : posted.version(), user());
    }

    /** A contribution named under another consultation's address is not found there. */
    private void ofConsultation(long id, long contributionId) {
        if (contributions.get(contributionId, user()).consultationId() != id) {
            throw new NotFound("contribution", contributionId);
        }
    }

    /**
     * The status an officer saw, as a form or a body gives it; null when missing or unknown, which the service refuses
     * naming {@code seen} once it has checked that the caller may see the contribution.
     */
    static ContributionStatus seen(String value) {
        for (ContributionStatus s : ContributionStatus.values()) {
            if (value != null && s.name().equals(value.strip())) {
                return s;
            }
        }
        return null;
    }

    @PostMapping("/{id:\\d+}/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    Contributions.ImportResult importContributions(@PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        return contributions.importCsv(id, bytes(file), user());
    }

    private DraftDetail detail(long id) {
        SignedInUser user = user();
        Drafts.Draft draft = drafts.get(id, user);
        List<Drafts.DraftVersion> versions = drafts.versions(id, user);
        return new DraftDetail(draft, versions, drafts.units(versions.get(versions.size() - 1).id()));
    }

    static LocalDate day(String value, String field, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.strip(), LocalTime.DAY_INPUT);
            } catch (DateTimeParseException again) {
                problems.add(new InvalidInput(field, "consultation.error.date"));
                return null;
            }
        }
    }

    static String name(MultipartFile file) {
        return file == null ? null : file.getOriginalFilename();
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInput("file", "consultation.error.file");
        }
    }

    static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }
}

package vn.loa.resources.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.resources.BudgetLine;
import vn.loa.resources.ContractStatus;
import vn.loa.resources.Duty;
import vn.loa.resources.PressContract;
import vn.loa.resources.Requirement;
import vn.loa.resources.RequirementKind;
import vn.loa.resources.ResourceOverviews;
import vn.loa.resources.Resources;
import vn.loa.resources.Staff;
import vn.loa.resources.Training;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * The resources API under {@code /api/v1/resources}: {@code staff}, {@code trainings}, {@code budget-lines},
 * {@code contracts} (GET with {@code agencyId}, GET one, POST 201, PUT), {@code requirements} (GET, POST, PUT;
 * coordinators and administrators write), {@code overview?year=&kind=}. Dates are {@code yyyy-MM-dd}, amounts whole
 * đồng. 422 names each field at fault; another agency's record is 404.
 */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/v1/resources")
class ResourcesApiController {

    private final Resources resources;
    private final ResourceOverviews overviews;
    private final Clock clock;

    ResourcesApiController(Resources resources, ResourceOverviews overviews, Clock clock) {
        this.resources = resources;
        this.overviews = overviews;
        this.clock = clock;
    }

    record PostedStaff(Long agencyId, String fullName, String position, String duty, Boolean fullTime, String phone,
            String email, String fromOn, String toOn) {
    }

    record PostedTraining(Long staffId, String course, String provider, String completedOn, BigDecimal hours,
            String certificate) {
    }

    record PostedContract(Long agencyId, Long pressAgencyId, String number, String signedOn, String subject,
            String deliverables, Long valueVnd, String startsOn, String endsOn, Long campaignId, String status) {
    }

    record PostedBudgetLine(Long agencyId, Integer year, String name, String source, Long plannedVnd, Long committedVnd,
            Long spentVnd, Long campaignId, Long contractId) {
    }

    record PostedRequirement(Long directiveId, String clause, String agencyKind, String kind, Integer minimum,
            String note) {
    }

    // ---------------------------------------------------------------- staff

    @GetMapping("/staff")
    List<Staff> staff(@RequestParam long agencyId) {
        return resources.staff(agencyId, user());
    }

    @GetMapping("/staff/{id}")
    Staff staffMember(@PathVariable long id) {
        return resources.staffMember(id, user());
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    Staff addStaff(@RequestBody PostedStaff posted) {
        return resources.addStaff(staffForm(posted), user());
    }

    @PutMapping("/staff/{id}")
    Staff updateStaff(@PathVariable long id, @RequestBody PostedStaff posted) {
        return resources.updateStaff(id, staffForm(posted), user());
    }

    private static Resources.StaffForm staffForm(PostedStaff p) {
        List<InvalidInput> problems = new ArrayList<>();
        Duty duty = parse(Duty.class, p.duty(), "duty", problems);
        LocalDate from = day(p.fromOn(), "fromOn", problems);
        LocalDate to = day(p.toOn(), "toOn", problems);
        InvalidInput.throwIfAny(problems);
        return new Resources.StaffForm(p.agencyId(), p.fullName(), p.position(), duty, Boolean.TRUE.equals(p.fullTime()),
                p.phone(), p.email(), from, to);
    }

    // ---------------------------------------------------------------- trainings

    @GetMapping("/trainings")
    List<Training> trainings(@RequestParam long agencyId) {
        return resources.trainings(agencyId, user());
    }

    @PostMapping("/trainings")
    @ResponseStatus(HttpStatus.CREATED)
    Training addTraining(@RequestBody PostedTraining posted) {
        return resources.addTraining(trainingForm(posted), user());
    }

    @PutMapping("/trainings/{id}")
    Training updateTraining(@PathVariable long id, @RequestBody PostedTraining posted) {
        return resources.updateTraining(id, trainingForm(posted), user());
    }

    private static Resources.TrainingForm trainingForm(PostedTraining p) {
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate completed = day(p.completedOn(), "completedOn", problems);
        InvalidInput.throwIfAny(problems);
        return new Resources.TrainingForm(p.staffId(), p.course(), p.provider(), completed, p.hours(), p.certificate());
    }

    // ---------------------------------------------------------------- contracts

    @GetMapping("/contracts")
    List<PressContract> contracts(@RequestParam(required = false) Long agencyId) {
        return resources.contracts(agencyId, user());
    }

    @GetMapping("/contracts/{id}")
    PressContract contract(@PathVariable long id) {
        return resources.contract(id, user());
    }

    @PostMapping("/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    PressContract addContract(@RequestBody PostedContract posted) {
        return resources.addContract(contractForm(posted), user());
    }

    @PutMapping("/contracts/{id}")
    PressContract updateContract(@PathVariable long id, @RequestBody PostedContract posted) {
        return resources.updateContract(id, contractForm(posted), user());
    }

    private static Resources.ContractForm contractForm(PostedContract p) {
        List<InvalidInput> problems = new ArrayList<>();
        LocalDate signed = day(p.signedOn(), "signedOn", problems);
        LocalDate starts = day(p.startsOn(), "startsOn", problems);
        LocalDate ends = day(p.endsOn(), "endsOn", problems);
        ContractStatus status = parse(ContractStatus.class, p.status(), "status", problems);
        InvalidInput.throwIfAny(problems);
        return new Resources.ContractForm(p.agencyId(), p.pressAgencyId(), p.number(), signed, p.subject(),
                p.deliverables(), p.valueVnd(), starts, ends, p.campaignId(), status);
    }

    // ---------------------------------------------------------------- budget lines

    @GetMapping("/budget-lines")
    List<BudgetLine> budgetLines(@RequestParam(required = false) Long agencyId,
            @RequestParam(required = false) Integer year) {
        return resources.budgetLines(agencyId, year, user());
    }

    @GetMapping("/budget-lines/{id}")
    BudgetLine budgetLine(@PathVariable long id) {
        return resources.budgetLine(id, user());
    }

    @PostMapping("/budget-lines")
    @ResponseStatus(HttpStatus.CREATED)
    BudgetLine addBudgetLine(@RequestBody PostedBudgetLine p) {
        return resources.addBudgetLine(budgetForm(p), user());
    }

    @PutMapping("/budget-lines/{id}")
    BudgetLine updateBudgetLine(@PathVariable long id, @RequestBody PostedBudgetLine p) {
        return resources.updateBudgetLine(id, budgetForm(p), user());
    }

    private static Resources.BudgetForm budgetForm(PostedBudgetLine p) {
        return new Resources.BudgetForm(p.agencyId(), p.year(), p.name(), p.source(), p.plannedVnd(), p.committedVnd(),
                p.spentVnd(), p.campaignId(), p.contractId());
    }

    // ---------------------------------------------------------------- requirements and overview

    @GetMapping("/requirements")
    List<Requirement> requirements() {
        return resources.requirements();
    }

    @PostMapping("/requirements")
    @ResponseStatus(HttpStatus.CREATED)
    Requirement addRequirement(@RequestBody PostedRequirement p) {
        return resources.addRequirement(requirementForm(p), user());
    }

    @PutMapping("/requirements/{id}")
    Requirement updateRequirement(@PathVariable long id, @RequestBody PostedRequirement p) {
        return resources.updateRequirement(id, requirementForm(p), user());
    }

    private static Resources.RequirementForm requirementForm(PostedRequirement p) {
        List<InvalidInput> problems = new ArrayList<>();
        AgencyKind agencyKind = parse(AgencyKind.class, p.agencyKind(), "agencyKind", problems);
        RequirementKind kind = parse(RequirementKind.class, p.kind(), "kind", problems);
        InvalidInput.throwIfAny(problems);
        return new Resources.RequirementForm(p.directiveId(), p.clause(), agencyKind, kind, p.minimum(), p.note());
    }

    @GetMapping("/overview")
    ResourceOverviews.Overview overview(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String kind) {
        List<InvalidInput> problems = new ArrayList<>();
        AgencyKind chosen = parse(AgencyKind.class, kind, "kind", problems);
        if (year != null && (year < 2000 || year > 2100)) {
            problems.add(new InvalidInput("year", "resources.error.year"));
        }
        InvalidInput.throwIfAny(problems);
        SignedInUser user = user();
        return overviews.overview(year == null ? LocalDate.ofInstant(clock.instant(), LocalTime.ZONE).getYear() : year, chosen, user);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInput(field, "resources.error.choice", value));
            return null;
        }
    }

    static LocalDate day(String value, String field, List<InvalidInput> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput(field, "resources.error.date", value));
            return null;
        }
    }

    static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }
}

package vn.loa.resources;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;

/**
 * The staff, training, press commissioning contracts and budget lines of each agency, and the requirements directives
 * set. An agency's officers and spokespersons see and keep their own agency's records (another agency's are not found);
 * coordinators and administrators every agency's; leaders read every agency's. Every write is audited.
 *
 * <p>Amounts are whole đồng. A budget line's committed amount may not exceed its planned amount, nor its spent amount
 * the committed one: such an update is refused naming the field, so that the line is re-planned (itself an audited
 * update) before more is committed.
 */
public interface Resources {

    /** The staff of an agency, in office first. @throws vn.loa.shared.NotFound for an agency the user may not see */
    List<Staff> staff(long agencyId, SignedInUser user);

    /** One staff member. @throws vn.loa.shared.NotFound when there is none or the user may not see it */
    Staff staffMember(long id, SignedInUser user);

    /**
     * Records a staff member.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code agencyId}, {@code fullName}, {@code duty},
     *         {@code email}, {@code fromOn}, {@code toOn}
     * @throws vn.loa.shared.NotFound for an agency the user may not keep
     */
    Staff addStaff(StaffForm form, SignedInUser by);

    /** Changes a staff member (the agency stays). @throws vn.loa.shared.InvalidInput as {@link #addStaff} does */
    Staff updateStaff(long id, StaffForm form, SignedInUser by);

    /** The training of an agency's staff, newest first. */
    List<Training> trainings(long agencyId, SignedInUser user);

    /** One training. @throws vn.loa.shared.NotFound when there is none or the user may not see it */
    Training training(long id, SignedInUser user);

    /**
     * Records a training of a staff member.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code staffId}, {@code course},
     *         {@code completedOn}, {@code hours}
     */
    Training addTraining(TrainingForm form, SignedInUser by);

    /** Changes a training. @throws vn.loa.shared.InvalidInput as {@link #addTraining} does */
    Training updateTraining(long id, TrainingForm form, SignedInUser by);

    /** The contracts of an agency, or of every agency the user may see for a null id, newest first. */
    List<PressContract> contracts(Long agencyId, SignedInUser user);

    /** One contract. @throws vn.loa.shared.NotFound when there is none or the user may not see it */
    PressContract contract(long id, SignedInUser user);

    /**
     * Records a press commissioning contract.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code agencyId}, {@code pressAgencyId} (a press
     *         agency), {@code number} (unique for the agency), {@code signedOn}, {@code subject}, {@code valueVnd},
     *         {@code startsOn}, {@code endsOn}, {@code campaignId}
     */
    PressContract addContract(ContractForm form, SignedInUser by);

    /** Changes a contract, its status included. @throws vn.loa.shared.InvalidInput as {@link #addContract} does */
    PressContract updateContract(long id, ContractForm form, SignedInUser by);

    /** The budget lines of an agency (every agency the user may see for null) and year (every year for null). */
    List<BudgetLine> budgetLines(Long agencyId, Integer year, SignedInUser user);

    /** One budget line. @throws vn.loa.shared.NotFound when there is none or the user may not see it */
    BudgetLine budgetLine(long id, SignedInUser user);

    /**
     * Records a budget line.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code agencyId}, {@code year}, {@code name},
     *         {@code plannedVnd}, {@code committedVnd} (more than planned), {@code spentVnd} (more than committed),
     *         {@code campaignId}, {@code contractId} (another agency's contract)
     */
    BudgetLine addBudgetLine(BudgetForm form, SignedInUser by);

    /** Updates a budget line; the update is audited with the amounts before and after. */
    BudgetLine updateBudgetLine(long id, BudgetForm form, SignedInUser by);

    /** Every requirement, by directive and agency kind. Readable by every signed-in user. */
    List<Requirement> requirements();

    /**
     * Records what a directive asks of every agency of a kind; coordinators and administrators only.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code directiveId}, {@code agencyKind},
     *         {@code kind}, {@code minimum}
     * @throws org.springframework.security.access.AccessDeniedException for anyone else
     */
    Requirement addRequirement(RequirementForm form, SignedInUser by);

    /** Changes a requirement. @throws vn.loa.shared.InvalidInput as {@link #addRequirement} does */
    Requirement updateRequirement(long id, RequirementForm form, SignedInUser by);

    /** The directives a requirement may name, newest first (coordination's directives, read as V35 describes them). */
    List<DirectiveChoice> directives();

    /** Whether the user may set requirements: coordinators and administrators. */
    boolean maySetRequirements(SignedInUser user);

    /** Whether the user may see the agency's resources. */
    boolean maySee(long agencyId, SignedInUser user);

    /** Whether the user may keep the agency's resources. */
    boolean mayKeep(long agencyId, SignedInUser user);

    /** A staff member to record; {@code agencyId} is ignored on update. */
    record StaffForm(Long agencyId, String fullName, String position, Duty duty, boolean fullTime, String phone,
            String email, LocalDate fromOn, LocalDate toOn) {
    }

    /** A training to record; {@code staffId} is ignored on update. */
    record TrainingForm(Long staffId, String course, String provider, LocalDate completedOn, BigDecimal hours,
            String certificate) {
    }

    /** A contract to record; {@code agencyId} is ignored on update, a null status is ACTIVE. */
    record ContractForm(Long agencyId, Long pressAgencyId, String number, LocalDate signedOn, String subject,
            String deliverables, Long valueVnd, LocalDate startsOn, LocalDate endsOn, Long campaignId,
            ContractStatus status) {
    }

    /** A budget line to record; {@code agencyId} and {@code year} are ignored on update. */
    record BudgetForm(Long agencyId, Integer year, String name, String source, Long plannedVnd, Long committedVnd,
            Long spentVnd, Long campaignId, Long contractId) {
    }

    /** A directive a requirement may name. */
    record DirectiveChoice(long id, String number, LocalDate issuedOn, String title) {
    }

    /** A requirement to record. */
    record RequirementForm(Long directiveId, String clause, AgencyKind agencyKind, RequirementKind kind, Integer minimum,
            String note) {
    }
}

package vn.loa.resources.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;
import vn.loa.resources.BudgetLine;
import vn.loa.resources.ContractStatus;
import vn.loa.resources.Duty;
import vn.loa.resources.PressContract;
import vn.loa.resources.Requirement;
import vn.loa.resources.RequirementKind;
import vn.loa.resources.ResourceEvent;
import vn.loa.resources.Resources;
import vn.loa.resources.Staff;
import vn.loa.resources.Training;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** Staff, training, contracts, budget lines and requirements on PostgreSQL. */
@Service
class JdbcResources implements Resources {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int LONG_TEXT = 2000;
    private static final int SHORT_TEXT = 500;

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcResources(JdbcClient jdbc, AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- staff

    private static final String STAFF = "SELECT id, agency_id, full_name, position, duty, full_time, phone, email, from_on,"
            + " to_on, created_by, created_at FROM res_staff";

    @Override
    public List<Staff> staff(long agencyId, SignedInUser user) {
        seeable(agencyId, user);
        return jdbc.sql(STAFF + " WHERE agency_id = :agency ORDER BY (to_on IS NULL OR to_on >= :today) DESC, duty, full_name, id")
                .param("agency", agencyId).param("today", today()).query(JdbcResources::staffRow).list();
    }

    @Override
    public Staff staffMember(long id, SignedInUser user) {
        Staff staff = jdbc.sql(STAFF + " WHERE id = :id").param("id", id).query(JdbcResources::staffRow).optional()
                .orElseThrow(() -> new NotFound("staff", id));
        if (!ResourceAccess.maySee(staff.agencyId(), user)) {
            throw new NotFound("staff", id);
        }
        return staff;
    }

    @Override
    @Transactional
    public Staff addStaff(StaffForm form, SignedInUser by) {
        List<InvalidInput> problems = new ArrayList<>();
        if (!agencyExists(form.agencyId())) {
            problems.add(new InvalidInput("agencyId", "resources.error.agency"));
        } else {
            keepable(form.agencyId(), by);
        }
        Checked staff = check(form, problems);
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("INSERT INTO res_staff (agency_id, full_name, position, duty, full_time, phone, email, from_on,"
                + " to_on, created_by, created_at) VALUES (:agency, :name, :position, :duty, :fullTime, :phone, :email, :from,"
                + " :to, :by, :at) RETURNING id")
                .param("agency", form.agencyId()).param("name", staff.name).param("position", staff.position)
                .param("duty", form.duty().name()).param("fullTime", form.fullTime()).param("phone", staff.phone)
                .param("email", staff.email).param("from", form.fromOn()).param("to", form.toOn())
                .param("by", by.username()).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        events.publishEvent(new ResourceEvent.StaffChanged(by.actor(), id, form.agencyId(), "created", form.duty()));
        return staffMember(id, by);
    }

    @Override
    @Transactional
    public Staff updateStaff(long id, StaffForm form, SignedInUser by) {
        Staff current = staffMember(id, by);
        keepable(current.agencyId(), by);
        List<InvalidInput> problems = new ArrayList<>();
        Checked staff = check(form, problems);
        InvalidInput.throwIfAny(problems);
        jdbc.sql("UPDATE res_staff SET full_name = :name, position = :position, duty = :duty, full_time = :fullTime,"
                + " phone = :phone, email = :email, from_on = :from, to_on = :to WHERE id = :id")
                .param("name", staff.name).param("position", staff.position).param("duty", form.duty().name())
                .param("fullTime", form.fullTime()).param("phone", staff.phone).param("email", staff.email)
                .param("from", form.fromOn()).param("to", form.toOn()).param("id", id).update();
        events.publishEvent(new ResourceEvent.StaffChanged(by.actor(), id, current.agencyId(), "updated", form.duty()));
        return staffMember(id, by);
    }

    private record Checked(String name, String position, String phone, String email) {
    }

    private static Checked check(StaffForm form, List<InvalidInput> problems) {
        String name = ResourceAccess.text(form.fullName());
        if (name == null || name.length() > SHORT_TEXT) {
            problems.add(new InvalidInput("fullName", "resources.error.full-name"));
        }
        if (form.duty() == null) {
            problems.add(new InvalidInput("duty", "resources.error.duty"));
        }
        String email = ResourceAccess.text(form.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new InvalidInput("email", "resources.error.email"));
        }
        if (form.fromOn() == null) {
            problems.add(new InvalidInput("fromOn", "resources.error.from-on"));
        } else if (form.toOn() != null && form.toOn().isBefore(form.fromOn())) {
            problems.add(new InvalidInput("toOn", "resources.error.to-on"));
        }
        return new Checked(name, limit(form.position()), limit(form.phone()), email);
    }

    // ---------------------------------------------------------------- training

    private static final String TRAINING = "SELECT t.id, t.staff_id, t.course, t.provider, t.completed_on, t.hours,"
            + " t.certificate FROM res_training t";

    @Override
    public List<Training> trainings(long agencyId, SignedInUser user) {
        seeable(agencyId, user);
        return jdbc.sql(TRAINING + " JOIN res_staff s ON s.id = t.staff_id WHERE s.agency_id = :agency"
                + " ORDER BY t.completed_on DESC, t.id DESC").param("agency", agencyId).query(JdbcResources::trainingRow).list();
    }

    @Override
    public Training training(long id, SignedInUser user) {
        Training training = jdbc.sql(TRAINING + " WHERE t.id = :id").param("id", id).query(JdbcResources::trainingRow)
                .optional().orElseThrow(() -> new NotFound("training", id));
        staffMember(training.staffId(), user);
        return training;
    }

    @Override
    @Transactional
    public Training addTraining(TrainingForm form, SignedInUser by) {
        List<InvalidInput> problems = new ArrayList<>();
        Staff staff = null;
        if (form.staffId() == null) {
            problems.add(new InvalidInput("staffId", "resources.error.staff"));
        } else {
            staff = staffMember(form.staffId(), by);
            keepable(staff.agencyId(), by);
        }
        String course = check(form, problems);
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("INSERT INTO res_training (staff_id, course, provider, completed_on, hours, certificate,"
                + " created_by, created_at) VALUES (:staff, :course, :provider, :on, :hours, :certificate, :by, :at)"
                + " RETURNING id")
                .param("staff", staff.id()).param("course", course).param("provider", limit(form.provider()))
                .param("on", form.completedOn()).param("hours", form.hours()).param("certificate", limit(form.certificate()))
                .param("by", by.username()).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        events.publishEvent(new ResourceEvent.TrainingChanged(by.actor(), id, staff.id(), "created"));
        return training(id, by);
    }

    @Override
    @Transactional
    public Training updateTraining(long id, TrainingForm form, SignedInUser by) {
        Training current = training(id, by);
        keepable(staffMember(current.staffId(), by).agencyId(), by);
        List<InvalidInput> problems = new ArrayList<>();
        String course = check(form, problems);
        InvalidInput.throwIfAny(problems);
        jdbc.sql("UPDATE res_training SET course = :course, provider = :provider, completed_on = :on, hours = :hours,"
                + " certificate = :certificate WHERE id = :id")
                .param("course", course).param("provider", limit(form.provider())).param("on", form.completedOn())
                .param("hours", form.hours()).param("certificate", limit(form.certificate())).param("id", id).update();
        events.publishEvent(new ResourceEvent.TrainingChanged(by.actor(), id, current.staffId(), "updated"));
        return training(id, by);
    }

    private String check(TrainingForm form, List<InvalidInput> problems) {
        String course = ResourceAccess.text(form.course());
        if (course == null || course.length() > SHORT_TEXT) {
            problems.add(new InvalidInput("course", "resources.error.course"));
        }
        if (form.completedOn() == null || form.completedOn().isAfter(today())) {
            problems.add(new InvalidInput("completedOn", "resources.error.completed-on"));
        }
        if (form.hours() != null && (form.hours().signum() <= 0 || form.hours().compareTo(new BigDecimal("99999")) > 0)) {
            problems.add(new InvalidInput("hours", "resources.error.hours"));
        }
        return course;
    }

    // ---------------------------------------------------------------- contracts

    private static final String CONTRACT = "SELECT id, agency_id, press_agency_id, number, signed_on, subject, deliverables,"
            + " value_vnd, starts_on, ends_on, campaign_id, status FROM res_press_contract";

    @Override
    public List<PressContract> contracts(Long agencyId, SignedInUser user) {
        if (agencyId != null) {
            seeable(agencyId, user);
        }
        Long only = agencyId != null ? agencyId : ResourceAccess.seesProvinceWide(user) ? null : ownAgency(user);
        if (only == null && !ResourceAccess.seesProvinceWide(user)) {
            return List.of();
        }
        return jdbc.sql(CONTRACT + " WHERE (CAST(:agency AS BIGINT) IS NULL OR agency_id = :agency)"
                + " ORDER BY signed_on DESC, id DESC").param("agency", only).query(JdbcResources::contractRow).list();
    }

    @Override
    public PressContract contract(long id, SignedInUser user) {
        PressContract contract = jdbc.sql(CONTRACT + " WHERE id = :id").param("id", id).query(JdbcResources::contractRow)
                .optional().orElseThrow(() -> new NotFound("contract", id));
        if (!ResourceAccess.maySee(contract.agencyId(), user)) {
            throw new NotFound("contract", id);
        }
        return contract;
    }

    @Override
    @Transactional
    public PressContract addContract(ContractForm form, SignedInUser by) {
        List<InvalidInput> problems = new ArrayList<>();
        if (!agencyExists(form.agencyId())) {
            problems.add(new InvalidInput("agencyId", "resources.error.agency"));
        } else {
            keepable(form.agencyId(), by);
        }
        CheckedContract c = check(form, form.agencyId(), null, problems);
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("INSERT INTO res_press_contract (agency_id, press_agency_id, number, signed_on, subject,"
                + " deliverables, value_vnd, starts_on, ends_on, campaign_id, status, created_by, created_at) VALUES (:agency,"
                + " :press, :number, :signed, :subject, :deliverables, :value, :starts, :ends, :campaign, :status, :by, :at)"
                + " RETURNING id")
                .param("agency", form.agencyId()).param("press", form.pressAgencyId()).param("number", c.number)
                .param("signed", form.signedOn()).param("subject", c.subject).param("deliverables", c.deliverables)
                .param("value", form.valueVnd()).param("starts", form.startsOn()).param("ends", form.endsOn())
                .param("campaign", form.campaignId()).param("status", c.status.name()).param("by", by.username())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        events.publishEvent(new ResourceEvent.ContractChanged(by.actor(), id, form.agencyId(), "created", c.status,
                form.valueVnd()));
        return contract(id, by);
    }

    @Override
    @Transactional
    public PressContract updateContract(long id, ContractForm form, SignedInUser by) {
        PressContract current = contract(id, by);
        keepable(current.agencyId(), by);
        List<InvalidInput> problems = new ArrayList<>();
        CheckedContract c = check(form, current.agencyId(), id, problems);
        InvalidInput.throwIfAny(problems);
        jdbc.sql("UPDATE res_press_contract SET press_agency_id = :press, number = :number, signed_on = :signed,"
                + " subject = :subject, deliverables = :deliverables, value_vnd = :value, starts_on = :starts, ends_on = :ends,"
                + " campaign_id = :campaign, status = :status WHERE id = :id")
                .param("press", form.pressAgencyId()).param("number", c.number).param("signed", form.signedOn())
                .param("subject", c.subject).param("deliverables", c.deliverables).param("value", form.valueVnd())
                .param("starts", form.startsOn()).param("ends", form.endsOn()).param("campaign", form.campaignId())
                .param("status", c.status.name()).param("id", id).update();
        events.publishEvent(new ResourceEvent.ContractChanged(by.actor(), id, current.agencyId(), "updated", c.status,
                form.valueVnd()));
        return contract(id, by);
    }

    private record CheckedContract(String number, String subject, String deliverables, ContractStatus status) {
    }

    private CheckedContract check(ContractForm form, Long agencyId, Long self, List<InvalidInput> problems) {
        Optional<Agency> press = form.pressAgencyId() == null || form.pressAgencyId() <= 0 ? Optional.empty()
                : agencies.find(new AgencyId(form.pressAgencyId()));
        if (press.isEmpty() || press.get().kind() != AgencyKind.PRESS) {
            problems.add(new InvalidInput("pressAgencyId", "resources.error.press-agency"));
        }
        String number = ResourceAccess.text(form.number());
        if (number == null || number.length() > 100) {
            problems.add(new InvalidInput("number", "resources.error.number"));
        } else if (agencyId != null && jdbc.sql("SELECT count(*) FROM res_press_contract WHERE agency_id = :agency"
                + " AND number = :number AND id <> :self").param("agency", agencyId).param("number", number)
                .param("self", self == null ? -1L : self).query(Long.class).single() > 0) {
            problems.add(new InvalidInput("number", "resources.error.number-taken", number));
        }
        if (form.signedOn() == null) {
            problems.add(new InvalidInput("signedOn", "resources.error.signed-on"));
        }
        String subject = ResourceAccess.text(form.subject());
        if (subject == null || subject.length() > LONG_TEXT) {
            problems.add(new InvalidInput("subject", "resources.error.subject"));
        }
        if (form.valueVnd() == null || form.valueVnd() < 0) {
            problems.add(new InvalidInput("valueVnd", "resources.error.amount.valueVnd"));
        }
        if (form.startsOn() == null) {
            problems.add(new InvalidInput("startsOn", "resources.error.starts-on"));
        }
        if (form.endsOn() == null || (form.startsOn() != null && form.endsOn().isBefore(form.startsOn()))) {
            problems.add(new InvalidInput("endsOn", "resources.error.ends-on"));
        }
        if (form.campaignId() != null && !campaignExists(form.campaignId())) {
            problems.add(new InvalidInput("campaignId", "resources.error.campaign"));
        }
        String deliverables = ResourceAccess.text(form.deliverables());
        if (deliverables != null && deliverables.length() > LONG_TEXT) {
            problems.add(new InvalidInput("deliverables", "resources.error.deliverables"));
        }
        return new CheckedContract(number, subject, deliverables,
                form.status() == null ? ContractStatus.ACTIVE : form.status());
    }

    // ---------------------------------------------------------------- budget lines

    private static final String BUDGET = "SELECT id, agency_id, year, name, source, planned_vnd, committed_vnd, spent_vnd,"
            + " campaign_id, contract_id, updated_by, updated_at FROM res_budget_line";

    @Override
    public List<BudgetLine> budgetLines(Long agencyId, Integer year, SignedInUser user) {
        if (agencyId != null) {
            seeable(agencyId, user);
        }
        Long only = agencyId != null ? agencyId : ResourceAccess.seesProvinceWide(user) ? null : ownAgency(user);
        if (only == null && !ResourceAccess.seesProvinceWide(user)) {
            return List.of();
        }
        return jdbc.sql(BUDGET + " WHERE (CAST(:agency AS BIGINT) IS NULL OR agency_id = :agency)"
                + " AND (CAST(:year AS INT) IS NULL OR year = :year) ORDER BY year DESC, agency_id, id")
                .param("agency", only).param("year", year).query(JdbcResources::budgetRow).list();
    }

    @Override
    public BudgetLine budgetLine(long id, SignedInUser user) {
        BudgetLine line = jdbc.sql(BUDGET + " WHERE id = :id").param("id", id).query(JdbcResources::budgetRow).optional()
                .orElseThrow(() -> new NotFound("budget line", id));
        if (!ResourceAccess.maySee(line.agencyId(), user)) {
            throw new NotFound("budget line", id);
        }
        return line;
    }

    @Override
    @Transactional
    public BudgetLine addBudgetLine(BudgetForm form, SignedInUser by) {
        List<InvalidInput> problems = new ArrayList<>();
        if (!agencyExists(form.agencyId())) {
            problems.add(new InvalidInput("agencyId", "resources.error.agency"));
        } else {
            keepable(form.agencyId(), by);
        }
        if (form.year() == null || form.year() < 2000 || form.year() > 2100) {
            problems.add(new InvalidInput("year", "resources.error.year"));
        }
        String name = check(form, form.agencyId(), problems);
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("INSERT INTO res_budget_line (agency_id, year, name, source, planned_vnd, committed_vnd, spent_vnd,"
                + " campaign_id, contract_id, created_by, created_at) VALUES (:agency, :year, :name, :source, :planned,"
                + " :committed, :spent, :campaign, :contract, :by, :at) RETURNING id")
                .param("agency", form.agencyId()).param("year", form.year()).param("name", name)
                .param("source", limit(form.source())).param("planned", form.plannedVnd())
                .param("committed", amount(form.committedVnd())).param("spent", amount(form.spentVnd()))
                .param("campaign", form.campaignId()).param("contract", form.contractId()).param("by", by.username())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        BudgetLine created = budgetLine(id, by);
        events.publishEvent(new ResourceEvent.BudgetLineChanged(by.actor(), id, form.agencyId(), "created", null, created));
        return created;
    }

    @Override
    @Transactional
    public BudgetLine updateBudgetLine(long id, BudgetForm form, SignedInUser by) {
        BudgetLine before = budgetLine(id, by);
        keepable(before.agencyId(), by);
        List<InvalidInput> problems = new ArrayList<>();
        String name = check(form, before.agencyId(), problems);
        InvalidInput.throwIfAny(problems);
        jdbc.sql("UPDATE res_budget_line SET name = :name, source = :source, planned_vnd = :planned, committed_vnd = :committed,"
                + " spent_vnd = :spent, campaign_id = :campaign, contract_id = :contract, updated_by = :by, updated_at = :at"
                + " WHERE id = :id")
                .param("name", name).param("source", limit(form.source())).param("planned", form.plannedVnd())
                .param("committed", amount(form.committedVnd())).param("spent", amount(form.spentVnd()))
                .param("campaign", form.campaignId()).param("contract", form.contractId()).param("by", by.username())
                .param("at", Timestamp.from(clock.instant())).param("id", id).update();
        BudgetLine after = budgetLine(id, by);
        events.publishEvent(new ResourceEvent.BudgetLineChanged(by.actor(), id, before.agencyId(), "updated", before, after));
        return after;
    }

    /**
     * Committed above planned, or spent above committed, is refused (422 naming the field) rather than warned about: the
     * line holds the approved estimate, and spending beyond it needs the estimate adjusted first, which is an audited
     * update of its own.
     */
    private String check(BudgetForm form, Long agencyId, List<InvalidInput> problems) {
        String name = ResourceAccess.text(form.name());
        if (name == null || name.length() > SHORT_TEXT) {
            problems.add(new InvalidInput("name", "resources.error.budget-name"));
        }
        long committed = amount(form.committedVnd());
        long spent = amount(form.spentVnd());
        if (form.plannedVnd() == null || form.plannedVnd() < 0) {
            problems.add(new InvalidInput("plannedVnd", "resources.error.amount.plannedVnd"));
        }
        if (committed < 0) {
            problems.add(new InvalidInput("committedVnd", "resources.error.amount.committedVnd"));
        } else if (form.plannedVnd() != null && form.plannedVnd() >= 0 && committed > form.plannedVnd()) {
            problems.add(new InvalidInput("committedVnd", "resources.error.committed-above-planned"));
        }
        if (spent < 0) {
            problems.add(new InvalidInput("spentVnd", "resources.error.amount.spentVnd"));
        } else if (committed >= 0 && spent > committed) {
            problems.add(new InvalidInput("spentVnd", "resources.error.spent-above-committed"));
        }
        if (form.campaignId() != null && !campaignExists(form.campaignId())) {
            problems.add(new InvalidInput("campaignId", "resources.error.campaign"));
        }
        if (form.contractId() != null && jdbc.sql("SELECT count(*) FROM res_press_contract WHERE id = :id AND agency_id = :agency")
                .param("id", form.contractId()).param("agency", agencyId == null ? -1L : agencyId).query(Long.class)
                .single() == 0) {
            problems.add(new InvalidInput("contractId", "resources.error.contract"));
        }
        return name;
    }

    private static long amount(Long value) {
        return value == null ? 0 : value;
    }

    // ---------------------------------------------------------------- requirements

    private static final String REQUIREMENT = "SELECT r.id, r.directive_id, d.number AS directive_number, r.clause,"
            + " r.agency_kind, r.kind, r.minimum, r.note FROM res_requirement r"
            + " LEFT JOIN coord_directive d ON d.id = r.directive_id";

    @Override
    public List<Requirement> requirements() {
        return jdbc.sql(REQUIREMENT + " ORDER BY d.issued_on NULLS LAST, r.directive_id, r.agency_kind, r.kind, r.id")
                .query(JdbcResources::requirementRow).list();
    }

    private Requirement requirement(long id) {
        return jdbc.sql(REQUIREMENT + " WHERE r.id = :id").param("id", id).query(JdbcResources::requirementRow).optional()
                .orElseThrow(() -> new NotFound("requirement", id));
    }

    @Override
    @Transactional
    public Requirement addRequirement(RequirementForm form, SignedInUser by) {
        if (!ResourceAccess.keepsProvinceWide(by)) {
            throw new AccessDeniedException("only coordinators and administrators set requirements");
        }
        check(form, null);
        long id = jdbc.sql("INSERT INTO res_requirement (directive_id, clause, agency_kind, kind, minimum, note) VALUES"
                + " (:directive, :clause, :agencyKind, :kind, :minimum, :note) RETURNING id")
                .param("directive", form.directiveId()).param("clause", limit(form.clause()))
                .param("agencyKind", form.agencyKind().name()).param("kind", form.kind().name())
                .param("minimum", form.minimum() == null ? 1 : form.minimum()).param("note", limit(form.note()))
                .query(Long.class).single();
        Requirement created = requirement(id);
        events.publishEvent(new ResourceEvent.RequirementChanged(by.actor(), id, "created", created.kind(), created.minimum()));
        return created;
    }

    @Override
    @Transactional
    public Requirement updateRequirement(long id, RequirementForm form, SignedInUser by) {
        if (!ResourceAccess.keepsProvinceWide(by)) {
            throw new AccessDeniedException("only coordinators and administrators set requirements");
        }
        requirement(id);
        check(form, id);
        jdbc.sql("UPDATE res_requirement SET directive_id = :directive, clause = :clause, agency_kind = :agencyKind,"
                + " kind = :kind, minimum = :minimum, note = :note WHERE id = :id")
                .param("directive", form.directiveId()).param("clause", limit(form.clause()))
                .param("agencyKind", form.agencyKind().name()).param("kind", form.kind().name())
                .param("minimum", form.minimum() == null ? 1 : form.minimum()).param("note", limit(form.note()))
                .param("id", id).update();
        Requirement changed = requirement(id);
        events.publishEvent(new ResourceEvent.RequirementChanged(by.actor(), id, "updated", changed.kind(), changed.minimum()));
        return changed;
    }

    private void check(RequirementForm form, Long self) {
        List<InvalidInput> problems = new ArrayList<>();
        if (form.directiveId() != null && jdbc.sql("SELECT count(*) FROM coord_directive WHERE id = :id")
                .param("id", form.directiveId()).query(Long.class).single() == 0) {
            problems.add(new InvalidInput("directiveId", "resources.error.directive"));
        }
        if (form.agencyKind() == null) {
            problems.add(new InvalidInput("agencyKind", "resources.error.agency-kind"));
        }
        if (form.kind() == null) {
            problems.add(new InvalidInput("kind", "resources.error.requirement-kind"));
        }
        if (form.minimum() != null && (form.minimum() < 0 || form.minimum() > 1000)) {
            problems.add(new InvalidInput("minimum", "resources.error.minimum"));
        }
        if (problems.isEmpty() && form.directiveId() != null && jdbc.sql("SELECT count(*) FROM res_requirement"
                + " WHERE directive_id = :directive AND agency_kind = :agencyKind AND kind = :kind AND id <> :self")
                .param("directive", form.directiveId()).param("agencyKind", form.agencyKind().name())
                .param("kind", form.kind().name()).param("self", self == null ? -1L : self).query(Long.class).single() > 0) {
            problems.add(new InvalidInput("kind", "resources.error.requirement-taken"));
        }
        InvalidInput.throwIfAny(problems);
    }

    @Override
    public List<DirectiveChoice> directives() {
        return jdbc.sql("SELECT id, number, issued_on, title FROM coord_directive ORDER BY issued_on DESC, id DESC LIMIT 500")
                .query((rs, row) -> new DirectiveChoice(rs.getLong("id"), rs.getString("number"),
                        rs.getObject("issued_on", LocalDate.class), rs.getString("title"))).list();
    }

    @Override
    public boolean maySetRequirements(SignedInUser user) {
        return ResourceAccess.keepsProvinceWide(user);
    }

    // ---------------------------------------------------------------- access

    @Override
    public boolean maySee(long agencyId, SignedInUser user) {
        return ResourceAccess.maySee(agencyId, user);
    }

    @Override
    public boolean mayKeep(long agencyId, SignedInUser user) {
        return ResourceAccess.mayKeep(agencyId, user);
    }

    /** Another agency's records are not found; an agency that does not exist neither. */
    private void seeable(long agencyId, SignedInUser user) {
        if (!ResourceAccess.maySee(agencyId, user) || agencyId <= 0 || agencies.find(new AgencyId(agencyId)).isEmpty()) {
            throw new NotFound("agency", agencyId);
        }
    }

    /** A leader reads but does not write (403); another agency's staff do not learn the agency's records exist (404). */
    private static void keepable(long agencyId, SignedInUser user) {
        if (!ResourceAccess.maySee(agencyId, user)) {
            throw new NotFound("agency", agencyId);
        }
        if (!ResourceAccess.mayKeep(agencyId, user)) {
            throw new AccessDeniedException("may not keep the agency's resources");
        }
    }

    /** The agency of an officer or spokesperson; null for anyone else (a journalist's agency is not theirs to see). */
    private static Long ownAgency(SignedInUser user) {
        return user.agency() == null || !ResourceAccess.staffOf(user.agency().value(), user) ? null : user.agency().value();
    }

    private boolean agencyExists(Long id) {
        return id != null && id > 0 && agencies.find(new AgencyId(id)).isPresent();
    }

    private boolean campaignExists(long id) {
        return jdbc.sql("SELECT count(*) FROM campaign WHERE id = :id").param("id", id).query(Long.class).single() > 0;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private static String limit(String value) {
        String text = ResourceAccess.text(value);
        return text == null ? null : text.length() > SHORT_TEXT ? text.substring(0, SHORT_TEXT) : text;
    }

    // ---------------------------------------------------------------- rows

    private static Staff staffRow(ResultSet rs, int row) throws SQLException {
        return new Staff(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("full_name"), rs.getString("position"),
                Duty.valueOf(rs.getString("duty")), rs.getBoolean("full_time"), rs.getString("phone"), rs.getString("email"),
                rs.getObject("from_on", LocalDate.class), rs.getObject("to_on", LocalDate.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Training trainingRow(ResultSet rs, int row) throws SQLException {
        return new Training(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("course"), rs.getString("provider"),
                rs.getObject("completed_on", LocalDate.class), rs.getBigDecimal("hours"), rs.getString("certificate"));
    }

    private static PressContract contractRow(ResultSet rs, int row) throws SQLException {
        return new PressContract(rs.getLong("id"), rs.getLong("agency_id"), rs.getLong("press_agency_id"),
                rs.getString("number"), rs.getObject("signed_on", LocalDate.class), rs.getString("subject"),
                rs.getString("deliverables"), rs.getLong("value_vnd"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getObject("campaign_id", Long.class),
                ContractStatus.valueOf(rs.getString("status")));
    }

    private static BudgetLine budgetRow(ResultSet rs, int row) throws SQLException {
        Timestamp updated = rs.getTimestamp("updated_at");
        return new BudgetLine(rs.getLong("id"), rs.getLong("agency_id"), rs.getInt("year"), rs.getString("name"),
                rs.getString("source"), rs.getLong("planned_vnd"), rs.getLong("committed_vnd"), rs.getLong("spent_vnd"),
                rs.getObject("campaign_id", Long.class), rs.getObject("contract_id", Long.class), rs.getString("updated_by"),
                updated == null ? null : updated.toInstant());
    }

    private static Requirement requirementRow(ResultSet rs, int row) throws SQLException {
        return new Requirement(rs.getLong("id"), rs.getObject("directive_id", Long.class), rs.getString("directive_number"),
                rs.getString("clause"), AgencyKind.valueOf(rs.getString("agency_kind")),
                RequirementKind.valueOf(rs.getString("kind")), rs.getInt("minimum"), rs.getString("note"));
    }
}

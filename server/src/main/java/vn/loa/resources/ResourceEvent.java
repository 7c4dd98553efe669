package vn.loa.resources;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.loa.audit.AuditEntry;
import vn.loa.audit.AuditableEvent;
import vn.loa.shared.Actor;

/** What happened to an agency's resources. Every one is audited. */
public sealed interface ResourceEvent extends AuditableEvent {

    /** A staff member was recorded ({@code created}) or changed ({@code updated}). */
    record StaffChanged(Actor by, long staffId, long agencyId, String action, Duty duty) implements ResourceEvent {
        public AuditEntry auditEntry() {
            return entry(by, "resource-staff." + action, "resource-staff", staffId,
                    details("agency", agencyId, "duty", duty.name()));
        }
    }

    /** A training was recorded or changed. */
    record TrainingChanged(Actor by, long trainingId, long staffId, String action) implements ResourceEvent {
        public AuditEntry auditEntry() {
            return entry(by, "resource-training." + action, "resource-training", trainingId, details("staff", staffId));
        }
    }

    /** A press commissioning contract was recorded or changed. */
    record ContractChanged(Actor by, long contractId, long agencyId, String action, ContractStatus status, long valueVnd)
            implements ResourceEvent {
        public AuditEntry auditEntry() {
            return entry(by, "resource-contract." + action, "resource-contract", contractId,
                    details("agency", agencyId, "status", status.name(), "valueVnd", valueVnd));
        }
    }

    /** A budget line was recorded or updated, with its amounts before (null when created) and after. */
    record BudgetLineChanged(Actor by, long lineId, long agencyId, String action, BudgetLine before, BudgetLine after)
            implements ResourceEvent {
        public AuditEntry auditEntry() {
            Map<String, Object> details = details("agency", agencyId, "year", after.year(), "plannedVnd",
                    after.plannedVnd(), "committedVnd", after.committedVnd(), "spentVnd", after.spentVnd());
            if (before != null) {
                details.put("plannedBefore", before.plannedVnd());
                details.put("committedBefore", before.committedVnd());
                details.put("spentBefore", before.spentVnd());
            }
            return entry(by, "resource-budget-line." + action, "resource-budget-line", lineId, details);
        }
    }

    /** A requirement was recorded or changed. */
    record RequirementChanged(Actor by, long requirementId, String action, RequirementKind kind, int minimum)
            implements ResourceEvent {
        public AuditEntry auditEntry() {
            return entry(by, "resource-requirement." + action, "resource-requirement", requirementId,
                    details("kind", kind.name(), "minimum", minimum));
        }
    }

    private static AuditEntry entry(Actor by, String action, String type, long id, Map<String, Object> details) {
        return new AuditEntry(by.username(), by.agencyCode(), action, type, String.valueOf(id), details);
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }
}

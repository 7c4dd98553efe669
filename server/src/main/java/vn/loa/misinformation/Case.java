package vn.loa.misinformation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.loa.shared.Actor;

/**
 * A case of false or harmful information: the claim, who answers for it and by when, and where it
 * stands in the workflow. Each transition checks the current state, changes the case and registers
 * a {@link CaseTransitioned} event; a state that does not allow an action throws
 * {@link CaseTransitionRefused}. Who may take an action is the desk's business, not the case's.
 */
public final class Case {

    private final long id;
    private final CaseSource source;
    private final Instant openedAt;
    private final String openedBy;
    private final int version;
    private String claim;
    private CaseCategory category;
    private Severity severity;
    private CaseStatus status;
    private String agencyCode;
    private String owner;
    private Instant deadline;
    private Instant escalatedAt;
    private Verdict verdict;
    private String explanation;
    private String draftedBy;
    private String approvedBy;
    private Instant publishedAt;
    private String slug;
    private String legalBasis;
    private String reason;
    private Instant closedAt;
    private final List<CaseTransitioned> events = new ArrayList<>();

    /** Rebuilds a case as stored. */
    public Case(long id, CaseSource source, Instant openedAt, String openedBy, int version, String claim,
            CaseCategory category, Severity severity, CaseStatus status, String agencyCode, String owner,
            Instant deadline, Instant escalatedAt, Verdict verdict, String explanation, String draftedBy,
            String approvedBy, Instant publishedAt, String slug, String legalBasis, String reason, Instant closedAt) {
        this.id = id;
        this.source = Objects.requireNonNull(source, "source");
        this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
        this.openedBy = openedBy;
        this.version = version;
        this.claim = claim;
        this.category = Objects.requireNonNull(category, "category");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.status = Objects.requireNonNull(status, "status");
        this.agencyCode = agencyCode;
        this.owner = owner;
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        this.escalatedAt = escalatedAt;
        this.verdict = verdict;
        this.explanation = explanation;
        this.draftedBy = draftedBy;
        this.approvedBy = approvedBy;
        this.publishedAt = publishedAt;
        this.slug = slug;
        this.legalBasis = legalBasis;
        this.reason = reason;
        this.closedAt = closedAt;
    }

    /** Confirms category and severity; the deadline is recomputed from the severity. */
    public void triage(CaseCategory category, Severity severity, Instant deadline, Actor by, Instant now) {
        CaseStatus from = require(CaseAction.TRIAGE);
        this.category = Objects.requireNonNull(category);
        this.severity = Objects.requireNonNull(severity);
        this.deadline = Objects.requireNonNull(deadline);
        move(CaseAction.TRIAGE, from, CaseStatus.TRIAGED, by, now, Map.of("category", category.name(),
                "severity", severity.name()));
    }

    /** Makes an agency responsible, with an owner or none yet; a case being verified goes back to assigned. */
    public void assignTo(String agencyCode, String owner, Actor by, Instant now) {
        CaseStatus from = require(CaseAction.ASSIGN);
        this.agencyCode = Objects.requireNonNull(agencyCode);
        this.owner = owner;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("agency", agencyCode);
        if (owner != null) {
            details.put("owner", owner);
        }
        move(CaseAction.ASSIGN, from, CaseStatus.ASSIGNED, by, now, details);
    }

    /** The agency starts checking; whoever starts becomes the owner if there was none. */
    public void startVerification(Actor by, Instant now) {
        CaseStatus from = require(CaseAction.START_VERIFICATION);
        if (owner == null) {
            owner = by.username();
        }
        move(CaseAction.START_VERIFICATION, from, CaseStatus.VERIFYING, by, now, Map.of("owner", owner));
    }

    /** Drafts the answer for the spokesperson's approval. */
    public void submitAnswer(Verdict verdict, String explanation, Actor by, Instant now) {
        CaseStatus from = require(CaseAction.SUBMIT_ANSWER);
        this.verdict = Objects.requireNonNull(verdict);
        this.explanation = Objects.requireNonNull(explanation);
        this.draftedBy = by.username();
        this.reason = null;
        move(CaseAction.SUBMIT_ANSWER, from, CaseStatus.AWAITING_APPROVAL, by, now, Map.of("verdict", verdict.name()));
    }

    /** The spokesperson approves the draft: the case is refuted or answered, and published under {@code slug}. */
    public void approve(String slug, Actor by, Instant now) {
        CaseStatus from = require(CaseAction.APPROVE);
        this.approvedBy = by.username();
        this.publishedAt = now;
        this.slug = Objects.requireNonNull(slug);
        this.closedAt = now;
        move(CaseAction.APPROVE, from, verdict.outcome(), by, now, Map.of("verdict", verdict.name(), "slug", slug));
    }

    /** The spokesperson sends the draft back to verification, with a reason. */
    public void returnDraft(String reason, Actor by, Instant now) {
        CaseStatus from = require(CaseAction.RETURN);
        this.reason = Objects.requireNonNull(reason);
        move(CaseAction.RETURN, from, CaseStatus.VERIFYING, by, now, Map.of("reason", reason));
    }

    /** Refers the case to the police, naming the legal basis. */
    public void refer(String legalBasis, Actor by, Instant now) {
        CaseStatus from = require(CaseAction.REFER);
        this.legalBasis = Objects.requireNonNull(legalBasis);
        this.closedAt = now;
        move(CaseAction.REFER, from, CaseStatus.REFERRED, by, now, Map.of("legalBasis", legalBasis));
    }

    /** Closes the case without an answer, with a reason. */
    public void dismiss(String reason, Actor by, Instant now) {
        CaseStatus from = require(CaseAction.DISMISS);
        this.reason = Objects.requireNonNull(reason);
        this.closedAt = now;
        move(CaseAction.DISMISS, from, CaseStatus.DISMISSED, by, now, Map.of("reason", reason));
    }

    /**
     * Opens a closed case again: back to triage, with a new deadline; a published answer is withdrawn
     * from the public site until a new one is approved.
     */
    public void reopen(String reason, Instant deadline, Actor by, Instant now) {
        CaseStatus from = require(CaseAction.REOPEN);
        this.reason = Objects.requireNonNull(reason);
        this.deadline = Objects.requireNonNull(deadline);
        this.escalatedAt = null;
        this.closedAt = null;
        this.publishedAt = null;
        move(CaseAction.REOPEN, from, CaseStatus.TRIAGED, by, now, Map.of("reason", reason));
    }

    /** Whether the case is past its deadline and still open. */
    public boolean overdue(Instant now) {
        return !status.closed() && now.isAfter(deadline);
    }

    /** Marks the case escalated to the coordinators (once per deadline). */
    public void escalated(Instant now) {
        this.escalatedAt = now;
    }

    /** The events registered since the case was loaded; the repository publishes them on saving. */
    public List<CaseTransitioned> events() {
        return List.copyOf(events);
    }

    private CaseStatus require(CaseAction action) {
        if (!action.allowedFrom(status)) {
            throw new CaseTransitionRefused(action, status);
        }
        return status;
    }

    private void move(CaseAction action, CaseStatus from, CaseStatus to, Actor by, Instant now,
            Map<String, String> details) {
        status = to;
        events.add(new CaseTransitioned(id, action, from, to, agencyCode, by, now, details));
    }

    public long id() { return id; }
    public CaseSource source() { return source; }
    public Instant openedAt() { return openedAt; }
    public String openedBy() { return openedBy; }
    public int version() { return version; }
    public String claim() { return claim; }
    public CaseCategory category() { return category; }
    public Severity severity() { return severity; }
    public CaseStatus status() { return status; }
    public String agencyCode() { return agencyCode; }
    public String owner() { return owner; }
    public Instant deadline() { return deadline; }
    public Instant escalatedAt() { return escalatedAt; }
    public Verdict verdict() { return verdict; }
    public String explanation() { return explanation; }
    public String draftedBy() { return draftedBy; }
    public String approvedBy() { return approvedBy; }
    public Instant publishedAt() { return publishedAt; }
    public String slug() { return slug; }
    public String legalBasis() { return legalBasis; }
    /** The reason of the last dismissal, return or reopening. */
    public String reason() { return reason; }
    public Instant closedAt() { return closedAt; }
}

package vn.loa.misinformation;

/** How much harm a case can do, which sets its deadline ({@link DeadlineRules}). */
public enum Severity {

    /** Little reach, little harm. */
    LOW,
    /** Spreading, or touching a policy people rely on. */
    MEDIUM,
    /** Spreading fast, or harming health, safety or public order. */
    HIGH,
    /** A crisis: an answer is needed within hours. */
    CRITICAL
}

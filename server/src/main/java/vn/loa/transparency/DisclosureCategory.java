package vn.loa.transparency;

/**
 * What Art. 17 of the Law on Access to Information requires to be disclosed, grouped as Loa lists it (the article's
 * own count is 14 or 15 points by source; {@link #OTHER} holds the rest).
 */
public enum DisclosureCategory {
    LEGAL_DOCUMENTS,
    ADMINISTRATIVE_PROCEDURES,
    POLICY_GUIDANCE,
    DRAFT_LEGAL_DOCUMENTS,
    STRATEGIES_AND_PLANS,
    BUDGETS,
    PUBLIC_INVESTMENT_AND_PROCUREMENT,
    CONSULTATION_RESULTS,
    ADMINISTRATIVE_UNITS,
    OTHER
}

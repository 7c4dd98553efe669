package vn.loa.misinformation;

/** What kind of information a case is about. */
public enum CaseCategory {

    /** A claim that is false. */
    FALSE_INFORMATION,
    /** A policy told wrongly: cut, twisted or out of date. */
    DISTORTED_POLICY,
    /** Toxic or offensive content: insults, incitement, slander. */
    TOXIC_CONTENT,
    /** A citizen's grievance that spreads: a complaint to answer, not a falsehood. */
    GRIEVANCE,
    /** A crisis: an event that needs an official statement fast. */
    CRISIS
}

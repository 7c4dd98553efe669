package vn.loa.misinformation;

/** What the answer says about the claim; it decides whether an approved case is refuted or answered. */
public enum Verdict {

    /** The claim is false. */
    FALSE(1, CaseStatus.REFUTED),
    /** The claim twists the facts or the policy. */
    MISLEADING(2, CaseStatus.REFUTED),
    /** Not a falsehood: an official statement or clarification answers it. */
    CLARIFICATION(3, CaseStatus.ANSWERED);

    private final int rating;
    private final CaseStatus outcome;

    Verdict(int rating, CaseStatus outcome) {
        this.rating = rating;
        this.outcome = outcome;
    }

    /** The rating on a scale of 1 (false) to 5 (true), as schema.org {@code ClaimReview} carries it. */
    public int rating() {
        return rating;
    }

    /** The state an approved case with this verdict ends in. */
    public CaseStatus outcome() {
        return outcome;
    }
}

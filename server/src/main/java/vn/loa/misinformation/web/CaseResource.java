package vn.loa.misinformation.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.CaseAction;
import vn.loa.misinformation.Cases;
import vn.loa.misinformation.CitizenReports;

/**
 * A case as the API shows it.
 *
 * @param overdue whether it is open and past its deadline
 * @param postIds the case's own posts
 * @param repeatPostIds posts that repeated the claim after it was refuted
 * @param actions the transitions the caller may take now
 * @param publicPath where the published answer is, null until published
 * @param citizenReports the citizens' reports the case was opened from, with the citizen's contact (personal data:
 *     for the desk only); null in a list
 */
record CaseResource(long id, String claim, String category, String severity, String status, String source,
        String agencyCode, String owner, Instant openedAt, String openedBy, Instant deadline, boolean overdue,
        Instant escalatedAt, String verdict, String explanation, String draftedBy, String approvedBy,
        Instant publishedAt, String publicPath, String legalBasis, String reason, Instant closedAt, List<Long> postIds,
        List<Long> repeatPostIds, Set<CaseAction> actions, List<CitizenReports.Received> citizenReports) {

    static CaseResource of(Case c, List<Cases.LinkedPost> posts, Set<CaseAction> actions,
            List<CitizenReports.Received> citizenReports, Instant now) {
        return new CaseResource(c.id(), c.claim(), c.category().name(), c.severity().name(), c.status().name(),
                c.source().name(), c.agencyCode(), c.owner(), c.openedAt(), c.openedBy(), c.deadline(), c.overdue(now),
                c.escalatedAt(), c.verdict() == null ? null : c.verdict().name(), c.explanation(), c.draftedBy(),
                c.approvedBy(), c.publishedAt(), c.publishedAt() == null ? null : "/public/refutations/" + c.slug(),
                c.legalBasis(), c.reason(), c.closedAt(),
                posts.stream().filter(p -> !p.repeat()).map(p -> p.post().id()).toList(),
                posts.stream().filter(Cases.LinkedPost::repeat).map(p -> p.post().id()).toList(), actions, citizenReports);
    }

    /** A case in a list: without its posts. */
    static CaseResource brief(Case c, Instant now) {
        return new CaseResource(c.id(), c.claim(), c.category().name(), c.severity().name(), c.status().name(),
                c.source().name(), c.agencyCode(), c.owner(), c.openedAt(), c.openedBy(), c.deadline(), c.overdue(now),
                c.escalatedAt(), c.verdict() == null ? null : c.verdict().name(), null, c.draftedBy(), c.approvedBy(),
                c.publishedAt(), c.publishedAt() == null ? null : "/public/refutations/" + c.slug(), c.legalBasis(),
                c.reason(), c.closedAt(), null, null, null, null);
    }
}

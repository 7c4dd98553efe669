package vn.loa.listening.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Trends;

/**
 * The emerging issues as one reader may see them. The issues are found once for a scope, with the case that covers
 * each; a reader who may not open that case is told on the pages only that the matter is being handled (so that no one
 * opens a second), not the case's number, status or claim, and no link to it. A journalist's account is told so only of
 * a case whose answer is published.
 */
@Component
class IssueCoverage {

    private final ObjectProvider<Trends.CoverageLookup> lookup;

    IssueCoverage(ObjectProvider<Trends.CoverageLookup> lookup) {
        this.lookup = lookup;
    }

    /**
     * The case that covers each of these stories, as one reader may see it (of a case they may not open, only that the
     * matter is being handled); none for the press, who open no case. Stories no case covers are left out.
     */
    Map<Long, Trends.Coverage> forStories(List<Long> storyIds, SignedInUser user) {
        Trends.CoverageLookup cases = lookup.getIfAvailable();
        Map<Long, Trends.Coverage> covered = new HashMap<>();
        if (cases == null || user.pressOnly()) {
            return covered;
        }
        for (Long story : storyIds) {
            Trends.Coverage coverage = cases.covering(List.of(story), List.of());
            if (coverage != null) {
                covered.put(story, cases.opens(coverage.caseId(), user) ? coverage
                        : Trends.Coverage.withheld(coverage.answered()));
            }
        }
        return covered;
    }

    List<Trends.Issue> forReader(List<Trends.Issue> issues, SignedInUser user) {
        Trends.CoverageLookup cases = lookup.getIfAvailable();
        List<Trends.Issue> shown = new ArrayList<>(issues.size());
        for (Trends.Issue issue : issues) {
            Trends.Coverage coverage = issue.coverage();
            if (coverage == null || cases == null || cases.opens(coverage.caseId(), user)) {
                shown.add(issue);
                continue;
            }
            // as on the pages: that the matter is handled, not the number or status of a case they cannot open
            shown.add(issue.withCoverage(user.pressOnly() && !coverage.answered() ? null
                    : Trends.Coverage.withheld(coverage.answered())));
        }
        return shown;
    }
}

package vn.loa.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * The leader's view: what needs the province's leadership this week, each item pointing to where it is handled. Tasks
 * at risk (overdue, escalated or not, and due within a week), the week's emerging issues, open crises and
 * misinformation cases, and reports due (report tasks and the province's periodic reports not yet issued). For
 * leaders, coordinators and administrators.
 */
public interface Leadership {

    /** A task occurrence due within this many days is at risk. */
    int AT_RISK_DAYS = 7;
    /** A report task due within this many days is due. */
    int REPORT_DAYS = 14;

    /**
     * The view on the province's today.
     *
     * @throws org.springframework.security.access.AccessDeniedException for anyone but a leader, coordinator or
     *         administrator
     */
    View view(SignedInUser user, String language);

    /**
     * Everything on the page; an empty list is a section with nothing to show.
     *
     * @param atRiskTotal how many occurrences are at risk, of which {@code tasksAtRisk} shows the most overdue first
     */
    record View(LocalDate day, List<TaskItem> tasksAtRisk, int atRiskTotal, List<AgencyCount> atRiskByAgency,
            List<IssueItem> issues,
            List<CrisisItem> crises, List<CaseItem> cases, List<TaskItem> reportTasks, List<ReportItem> reports) {
    }

    /**
     * An occurrence of an open task, not done.
     *
     * @param overdue whether its due date has passed ({@link TaskStatusClass#OVERDUE})
     * @param days days overdue when overdue, else days left (0: due today)
     * @param escalatedAt when it was escalated, null if it was not
     */
    record TaskItem(long taskId, long occurrenceId, String title, String directiveNumber, String clause,
            long agencyId, String agencyName, LocalDate dueOn, boolean overdue, long days, Instant escalatedAt) {
    }

    /** How many of an agency's occurrences are overdue and due soon. */
    record AgencyCount(long agencyId, String agencyName, int overdue, int dueSoon) {
    }

    /**
     * An emerging issue, with its trend (dimension and value) and the story that holds most of its posts, if any.
     *
     * @param observed its posts in the last 24 hours, as the home page, the dashboard and the alerts count them (not
     *     those of the short window it stands out in)
     * @param storyId its largest story when that holds at least half of its posts, else null: twelve complaints each
     *     in words of its own are twelve stories, and a link to one of them said "the story" of a post
     * @param storyPosts the posts of that story that are among the issue's (0 without a story)
     */
    record IssueItem(String title, String dimension, String value, long observed, double growth, Long storyId,
            long storyPosts) {
    }

    /** An open crisis; {@code firstStatementDue} is null once the first statement is out. */
    record CrisisItem(long id, String title, String agencyName, Instant openedAt, Instant firstStatementDue,
            boolean late) {
    }

    /** An open misinformation case. */
    record CaseItem(long id, String claim, String agencyName, Instant deadline, boolean overdue) {
    }

    /**
     * A periodic report of the province for the last closed period, not yet issued.
     *
     * @param reportId the draft, null when none has been generated
     */
    record ReportItem(String kind, LocalDate periodStart, LocalDate periodEnd, Long reportId) {
    }
}

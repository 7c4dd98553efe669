package vn.loa.coordination;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * The tasks of directives, followed per occurrence. Coordinators, leaders and administrators see every task; an
 * officer or spokesperson only those their agency leads or supports (another's is not found).
 */
public interface Tasks {

    /**
     * What a coordinator enters for a task. Several lead agencies give one task each (a directive says "Các sở, ngành
     * ..." for all of them). A one-off task due before today, or a recurring one with periods due before today, is
     * refused unless {@code assignedEarlier} says it records a task given before, as an older directive's is.
     */
    record NewTask(String clause, String title, String expectedResult, List<String> leadCodes, List<String> supportCodes,
            Recurrence recurrence, LocalDate dueOn, Integer dueDay, Integer dueMonth, LocalDate startsOn, LocalDate endsOn,
            boolean isReport, boolean assignedEarlier) {

        /** A task assigned now: its due date, if any, is today or later. */
        public NewTask(String clause, String title, String expectedResult, List<String> leadCodes,
                List<String> supportCodes, Recurrence recurrence, LocalDate dueOn, Integer dueDay, Integer dueMonth,
                LocalDate startsOn, LocalDate endsOn, boolean isReport) {
            this(clause, title, expectedResult, leadCodes, supportCodes, recurrence, dueOn, dueDay, dueMonth, startsOn,
                    endsOn, isReport, false);
        }
    }

    /** Which tasks a list shows; null means any. */
    record TaskFilter(TaskStatusClass statusClass, String agencyCode, Long directiveId, LocalDate dueBefore,
            Boolean openOnly) {

        public static TaskFilter none() {
            return new TaskFilter(null, null, null, null, null);
        }
    }

    /** A progress report as an agency sends it; {@code done} reports the occurrence done (lead agency only). */
    record NewProgress(Long occurrenceId, String body, Integer percent, Map<String, Double> figures, boolean done,
            List<NewAttachment> attachments) {
    }

    /** What a transition does to a task. */
    enum Action {
        /** Reports the occurrence done (lead agency or coordinator). */
        DONE,
        /** Opens a done occurrence again, with a reason (coordinator). */
        REOPEN,
        /** Cancels the task, with a reason (coordinator). */
        CANCEL,
        /** Moves an open occurrence's due date (coordinator). */
        RESCHEDULE
    }

    /** A transition asked for; {@code occurrenceId} null means the task's current occurrence. */
    record Transition(Action action, String reason, LocalDate dueOn, Long occurrenceId) {
    }

    /** Adds tasks to a directive, one per lead agency. @throws vn.loa.shared.InvalidInput naming the field at fault */
    List<Task> add(long directiveId, NewTask task, SignedInUser by);

    /** The task. @throws vn.loa.shared.NotFound when there is none or the user may not see it */
    Task get(long id, SignedInUser user);

    /** Tasks the user may see, by directive and lead agency. */
    Page<Task> list(TaskFilter filter, PageRequest page, SignedInUser user);

    /** Every task of a directive the user may see, by lead agency. */
    List<Task> ofDirective(long directiveId, SignedInUser user);

    /** The task's occurrences, latest first. */
    List<TaskOccurrence> occurrences(long taskId, SignedInUser user);

    /** The task's history, oldest first. */
    List<TaskEvent> events(long taskId, SignedInUser user);

    /** The progress reports on the task's occurrences, latest first. */
    List<ProgressReport> progress(long taskId, SignedInUser user);

    /**
     * The tasks a task passed to when its lead agency was dissolved, all of them: a successor the user may not open
     * (another commune's) is still named, see {@link #mayOpen}.
     */
    List<Task> passedTo(long taskId, SignedInUser user);

    /** Whether the user may open the task (its page, its API); an agency's staff only the tasks their agency follows. */
    boolean mayOpen(long taskId, SignedInUser user);

    /** A file of a progress report. */
    Files.StoredFile attachment(long attachmentId, SignedInUser user);

    /** Records a progress report. @throws vn.loa.shared.Conflict when the task is not open */
    ProgressReport report(long taskId, NewProgress progress, SignedInUser by);

    /** Applies a transition. @throws vn.loa.shared.Conflict when the state does not allow it */
    Task transition(long taskId, Transition transition, SignedInUser by);

    /**
     * The open tasks of the whole province by their status class on a day, counted as the task list classes them: each
     * task by its current occurrence (the earliest not done on that day, else the latest begun), so that on today the
     * counts are those of {@code /coordination/tasks?status=…}. A task passed on to a successor after that day still
     * counts as the dissolved unit's; a completion after that day is not known on it.
     */
    java.util.Map<TaskStatusClass, Long> countByClass(LocalDate asOf);

    /**
     * Sends reminders for occurrences due within the set number of working days and escalates those past their due
     * date, each once per due date.
     *
     * @return how many were reminded and how many escalated
     */
    int[] remind();

    /**
     * Passes every open task whose lead agency has ended to that agency's successors valid today, and replaces ended
     * supporting agencies by theirs. Running it again changes nothing.
     *
     * @return how many tasks were passed on
     */
    int transferFromEndedAgencies();

    /** Creates the occurrences of the periods that have begun by today. */
    void refreshOccurrences();
}

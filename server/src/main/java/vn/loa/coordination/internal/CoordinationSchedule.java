package vn.loa.coordination.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.coordination.Tasks;

/**
 * Every hour: the occurrences of periods that have begun, the tasks of dissolved agencies passed to their successors,
 * reminders of occurrences due soon and escalation of those past their due date (each once per due date, so running
 * more often than daily sends nothing twice).
 */
@Component
class CoordinationSchedule {

    private final Tasks tasks;

    CoordinationSchedule(Tasks tasks) {
        this.tasks = tasks;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 120_000)
    void follow() {
        tasks.refreshOccurrences();
        tasks.transferFromEndedAgencies();
        tasks.remind();
    }
}

package vn.loa.transparency.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.transparency.InformationRequests;

/**
 * Every ten minutes: the open requests of ended agencies passed to their successors, reminders of requests due by the
 * next working day, escalation of those past their due date.
 */
@Component
class TransparencySchedule {

    private final InformationRequests requests;

    TransparencySchedule(InformationRequests requests) {
        this.requests = requests;
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 90_000)
    void remind() {
        requests.transferFromEndedAgencies();
        requests.remind();
    }
}

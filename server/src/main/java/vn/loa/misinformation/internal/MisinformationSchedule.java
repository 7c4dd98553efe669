package vn.loa.misinformation.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every five minutes: the open cases of ended agencies passed to their successors; cases past their deadline flagged
 * and escalated to the coordinators.
 */
@Component
class MisinformationSchedule {

    private final JdbcCases cases;

    MisinformationSchedule(JdbcCases cases) {
        this.cases = cases;
    }

    @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
    void escalate() {
        cases.transferFromEndedAgencies();
        cases.escalateOverdue();
    }
}

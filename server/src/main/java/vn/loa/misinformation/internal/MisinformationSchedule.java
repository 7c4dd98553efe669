package vn.loa.misinformation.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every five minutes: cases past their deadline are flagged and escalated to the coordinators. */
@Component
class MisinformationSchedule {

    private final JdbcCases cases;

    MisinformationSchedule(JdbcCases cases) {
        this.cases = cases;
    }

    @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
    void escalate() {
        cases.escalateOverdue();
    }
}

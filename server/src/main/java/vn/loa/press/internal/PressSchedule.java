package vn.loa.press.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.press.Crises;
import vn.loa.press.Enquiries;

/**
 * Every five minutes: the open enquiries and crises of ended agencies passed to their successors, reminders of press
 * enquiries due soon, escalation of those past their due time.
 */
@Component
class PressSchedule {

    private final Enquiries enquiries;
    private final Crises crises;

    PressSchedule(Enquiries enquiries, Crises crises) {
        this.enquiries = enquiries;
        this.crises = crises;
    }

    @Scheduled(fixedDelay = 300_000, initialDelay = 120_000)
    void remind() {
        enquiries.transferFromEndedAgencies();
        crises.transferFromEndedAgencies();
        enquiries.remind();
    }
}

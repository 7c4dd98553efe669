package vn.loa.press.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.press.Obligations;

/** Every hour: reminders of periodic obligations not met near their period's end, and of tomorrow's conferences. */
@Component
class PressFollowUpSchedule {

    private final Obligations obligations;

    PressFollowUpSchedule(Obligations obligations) {
        this.obligations = obligations;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 300_000)
    void remind() {
        obligations.remind();
    }
}

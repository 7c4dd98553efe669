package vn.loa.consultation.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.consultation.Consultations;

/** Every ten minutes: closes the consultations whose last day has passed. */
@Component
class ConsultationSchedule {

    private final Consultations consultations;

    ConsultationSchedule(Consultations consultations) {
        this.consultations = consultations;
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 100_000)
    void close() {
        consultations.closeDue();
    }
}

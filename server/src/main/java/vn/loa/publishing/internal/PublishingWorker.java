package vn.loa.publishing.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.platform.DemoReplay;

/**
 * Runs the outbox every few seconds ({@code loa.publishing.worker.interval-ms}; off with {@code .enabled=false}); not
 * while the demo's past is being recorded ({@link DemoReplay#story}).
 */
@Component
class PublishingWorker {

    private final Outbox outbox;
    private final boolean enabled;

    PublishingWorker(Outbox outbox, @Value("${loa.publishing.worker.enabled:true}") boolean enabled) {
        this.outbox = outbox;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${loa.publishing.worker.interval-ms:5000}", initialDelay = 10_000)
    void run() {
        if (enabled) {
            DemoReplay.unlessTelling(() -> {
                while (outbox.deliverDue() > 0) {
                    // until nothing is due
                }
            });
        }
    }
}

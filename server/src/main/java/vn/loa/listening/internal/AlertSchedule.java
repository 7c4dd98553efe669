package vn.loa.listening.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The server evaluates alert rules every five minutes and sends the daily digest once its hour has come. */
@Component
@ConditionalOnWebApplication
class AlertSchedule {

    private final JdbcAlerts alerts;

    AlertSchedule(JdbcAlerts alerts) {
        this.alerts = alerts;
    }

    @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
    void evaluate() {
        alerts.evaluate();
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 120_000)
    void digest() {
        alerts.sendDigest();
    }
}

package vn.loa.publishing.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The outbox's and the channels' settings ({@code loa.publishing.*}, see docs/publishing-providers.md). */
@Component
class PublishingSettings {

    final int batch;
    final int maxAttempts;
    final Duration backoffBase;
    final Duration backoffMax;
    final Duration claimTimeout;
    final Duration grace;
    final List<String> emailDefaultTo;
    final List<String> smsDefaultTo;
    final String webhookUrl;
    final String webhookSecret;

    PublishingSettings(@Value("${loa.publishing.outbox.batch:20}") int batch,
            @Value("${loa.publishing.outbox.max-attempts:6}") int maxAttempts,
            @Value("${loa.publishing.outbox.backoff-base:30s}") Duration backoffBase,
            @Value("${loa.publishing.outbox.backoff-max:1h}") Duration backoffMax,
            @Value("${loa.publishing.outbox.claim-timeout:5m}") Duration claimTimeout,
            @Value("${loa.publishing.broadcast.grace:2h}") Duration grace,
            @Value("${loa.publishing.email.default-to:}") String emailDefaultTo,
            @Value("${loa.publishing.sms.default-to:}") String smsDefaultTo,
            @Value("${loa.publishing.webhook.url:}") String webhookUrl,
            @Value("${loa.publishing.webhook.secret:}") String webhookSecret) {
        this.batch = Math.max(1, batch);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoffBase = backoffBase;
        this.backoffMax = backoffMax;
        this.claimTimeout = claimTimeout;
        this.grace = grace;
        this.emailDefaultTo = list(emailDefaultTo);
        this.smsDefaultTo = list(smsDefaultTo);
        this.webhookUrl = webhookUrl.strip();
        this.webhookSecret = webhookSecret;
    }

    /** The wait before the attempt after {@code attempts} failed ones: base × 2^(attempts−1), at most the maximum. */
    Duration backoff(int attempts) {
        return backoff(attempts, backoffBase, backoffMax);
    }

    static Duration backoff(int attempts, Duration base, Duration max) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }
}

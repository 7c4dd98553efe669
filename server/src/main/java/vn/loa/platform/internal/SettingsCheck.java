package vn.loa.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Stops Loa at start when a {@code loa.*} setting is not one Loa knows, naming it and where it came
 * from, so that a misspelt setting is never silently ignored. Environment variables are not checked:
 * the launcher's own variables share the {@code LOA_} prefix.
 */
class SettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final Set<String> KNOWN = Set.of(
            "loa.cli.command",
            "loa.demo.enabled",
            "loa.database.embedded",
            "loa.database.app-role",
            "loa.embedded-database.data-dir",
            "loa.embedded-database.ephemeral",
            "loa.identity.max-failed-sign-ins",
            "loa.identity.lockout",
            "loa.identity.secure-cookie",
            "loa.identity.agency-seed",
            "loa.identity.agency-seed-successions",
            "loa.province.name",
            "loa.listening.index-dir",
            "loa.listening.searchable-wait",
            "loa.listening.feeds.max-bytes",
            "loa.listening.feeds.timeout-seconds",
            "loa.listening.feeds.allow-loopback",
            "loa.listening.feeds.poll-threads",
            "loa.alerts.mail-from",
            "loa.alerts.base-url",
            "loa.alerts.digest-hour",
            "loa.misinformation.deadline.critical",
            "loa.misinformation.deadline.high",
            "loa.misinformation.deadline.medium",
            "loa.misinformation.deadline.low",
            "loa.misinformation.attachment-max-size",
            "loa.misinformation.reports-per-address",
            "loa.misinformation.reports-per-hour",
            "loa.misinformation.mail-from",
            "loa.press.management-agency",
            "loa.coordination.remind-days",
            "loa.press.remind-hours",
            // publishing (#16): the outbox, its worker and the channels (docs/publishing-providers.md)
            "loa.publishing.worker.enabled",
            "loa.publishing.worker.interval-ms",
            "loa.publishing.outbox.batch",
            "loa.publishing.outbox.max-attempts",
            "loa.publishing.outbox.backoff-base",
            "loa.publishing.outbox.backoff-max",
            "loa.publishing.outbox.claim-timeout",
            "loa.publishing.broadcast.grace",
            "loa.publishing.simulator.down",
            "loa.publishing.email.provider",
            "loa.publishing.email.default-to",
            "loa.publishing.webhook.url",
            "loa.publishing.webhook.secret",
            "loa.publishing.sms.provider",
            "loa.publishing.sms.default-to",
            "loa.publishing.sms.http.url",
            "loa.publishing.sms.http.token",
            "loa.publishing.zalo.provider",
            "loa.publishing.zalo.http.url",
            "loa.publishing.zalo.http.token",
            "loa.publishing.facebook.provider",
            "loa.publishing.facebook.http.url",
            "loa.publishing.facebook.http.token",
            // campaigns (#16)
            "loa.campaigns.sms-price-per-segment",
            "loa.campaigns.syllables-per-minute",
            "loa.campaigns.billboard-max-chars",
            "loa.campaigns.billboard-max-lines",
            "loa.campaigns.facebook-max-length",
            "loa.campaigns.zalo-max-length",
            "loa.campaigns.audio-max-bytes",
            "loa.campaigns.espeak-command",
            "loa.campaigns.speech-timeout-seconds",
            // coordination: periodic reports (#18)
            "loa.coordination.reports.issuer",
            "loa.coordination.reports.symbol");

    /** Settings read only by tests (the browser's location). */
    private static final String TEST_PREFIX = "loa.test.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> unknown = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        KNOWN.forEach(key -> known.add(normalise(key)));
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)
                    || source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
                    || source.getName().equals(EmbeddedDatabaseEnvironment.PROPERTY_SOURCE)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                if (name.toLowerCase(Locale.ROOT).startsWith("loa.") && !name.startsWith(TEST_PREFIX)
                        && !known.contains(normalise(name))) {
                    unknown.add("'" + name + "' (from " + source.getName() + ")");
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("Unknown Loa setting " + String.join(", ", unknown)
                    + ". Known settings: " + new TreeSet<>(KNOWN));
        }
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}

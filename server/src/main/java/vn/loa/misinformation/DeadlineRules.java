package vn.loa.misinformation;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the desk has to answer a case, by severity ({@code loa.misinformation.deadline.*}), counted
 * from the moment the case is opened (or reopened), in hours of the clock: false information does not
 * wait for Monday.
 */
@ConfigurationProperties("loa.misinformation.deadline")
public record DeadlineRules(@DefaultValue("4h") Duration critical, @DefaultValue("24h") Duration high,
        @DefaultValue("72h") Duration medium, @DefaultValue("7d") Duration low) {

    public DeadlineRules {
        check("critical", critical);
        check("high", high);
        check("medium", medium);
        check("low", low);
        if (critical.compareTo(high) > 0 || high.compareTo(medium) > 0 || medium.compareTo(low) > 0) {
            throw new IllegalArgumentException("loa.misinformation.deadline: a more severe case cannot have a longer "
                    + "deadline (critical " + critical + ", high " + high + ", medium " + medium + ", low " + low + ")");
        }
    }

    private static void check(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero() || value.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("loa.misinformation.deadline." + name
                    + " must be more than 0 and at most 90 days, was " + value);
        }
    }

    /** The time allowed for a case of this severity. */
    public Duration allowed(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
        };
    }

    /** The deadline of a case of this severity opened at {@code from}. */
    public Instant deadline(Severity severity, Instant from) {
        return from.plus(allowed(severity));
    }
}

package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HourlyThrottleUnitTests {

    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    @Test
    void refusesTheReportAfterTheLimitOfOneAddressAndSaysWhenToComeBack() {
        HourlyThrottle throttle = new HourlyThrottle(3, 100);
        for (int i = 0; i < 3; i++) {
            throttle.admit("198.51.100.1", NOW.plusSeconds(i * 60));
        }
        assertThatThrownBy(() -> throttle.admit("198.51.100.1", NOW.plusSeconds(600)))
                .isInstanceOfSatisfying(HourlyThrottle.Refused.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(50).toSeconds()));
        throttle.admit("198.51.100.2", NOW.plusSeconds(600));
        throttle.admit("198.51.100.1", NOW.plus(Duration.ofHours(1)).plusSeconds(1));
    }

    @Test
    void refusesEveryoneOnceTheHourlyTotalIsReachedWhateverTheAddress() {
        HourlyThrottle throttle = new HourlyThrottle(2, 5);
        for (int i = 0; i < 5; i++) {
            throttle.admit("203.0.113." + i, NOW.plusSeconds(i));
        }
        assertThatThrownBy(() -> throttle.admit("203.0.113.99", NOW.plusSeconds(10))).isInstanceOf(HourlyThrottle.Refused.class);
        throttle.admit("203.0.113.99", NOW.plus(Duration.ofHours(1)).plusSeconds(1));
    }

    @Test
    void checkingCountsNothingAndRefusesOnceTheFailuresReachTheLimit() {
        HourlyThrottle failures = new HourlyThrottle(2, 100);
        for (int i = 0; i < 5; i++) {
            failures.check("192.0.2.7", NOW.plusSeconds(i));
        }
        failures.admit("192.0.2.7", NOW.plusSeconds(10));
        failures.check("192.0.2.7", NOW.plusSeconds(11));
        failures.admit("192.0.2.7", NOW.plusSeconds(20));
        assertThatThrownBy(() -> failures.check("192.0.2.7", NOW.plusSeconds(21)))
                .isInstanceOfSatisfying(HourlyThrottle.Refused.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(Duration.ofHours(1).toSeconds() - 11));
        failures.check("192.0.2.8", NOW.plusSeconds(21));
        failures.check("192.0.2.7", NOW.plus(Duration.ofHours(1)).plusSeconds(21));
    }
}

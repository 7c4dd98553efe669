package vn.loa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that tests move forward instead of sleeping. One is shared by every test class of a cached context:
 * {@link TestClockReset} starts it at the real now before each class and undoes each test method's moves after it,
 * so no class or method sees where another left it.
 */
public class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Sets the clock to an instant; it is put back after the test method ({@link TestClockReset}). */
    public void set(Instant instant) {
        now = instant;
    }

    /** Where the clock was set or moved to, whatever a demo loader replays meanwhile. */
    Instant setting() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * This clock read in another zone, as {@link Clock#withZone} promises and the application's clock does:
     * {@code LocalDate.now(clock.withZone(LocalTime.ZONE))} is the day in Vietnam, not in UTC (from 17:00 UTC to
     * midnight they differ). It reads this clock's instant, so that setting or moving this clock moves it too.
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new Zoned(this, zone);
    }

    @Override
    public Instant instant() {
        // as the application's clock does: a demo loader records the demo's past at its own time
        Instant replayed = vn.loa.platform.DemoReplay.replayed();
        return replayed != null ? replayed : now;
    }

    /** A {@link TestClock} read in another zone. */
    private static final class Zoned extends Clock {

        private final TestClock clock;
        private final ZoneId zone;

        Zoned(TestClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    }

    /**
     * Replaces the application's clock with a {@link TestClock} starting now (and at the real now again before each test
     * class, by {@link TestClockReset}).
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestClock testClock() {
            // PostgreSQL keeps microseconds: a clock at whole microseconds reads back exactly as stored
            return new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        }
    }
}

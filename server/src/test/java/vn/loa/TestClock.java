package vn.loa;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock that tests move forward instead of sleeping. */
public class TestClock extends Clock {

    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Sets the clock to an instant; a test that moves it back restores it when done. */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        // as the application's clock does: a demo loader records the demo's past at its own time
        Instant replayed = vn.loa.platform.DemoReplay.replayed();
        return replayed != null ? replayed : now;
    }

    /** Replaces the application's clock with a {@link TestClock} starting now. */
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

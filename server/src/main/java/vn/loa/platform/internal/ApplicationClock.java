package vn.loa.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import vn.loa.platform.DemoReplay;

/** The system's clock, except on a thread that records a demo's past ({@link DemoReplay}). */
final class ApplicationClock extends Clock {

    private final Clock system;

    ApplicationClock(Clock system) {
        this.system = system;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ApplicationClock(system.withZone(zone));
    }

    @Override
    public Instant instant() {
        Instant replayed = DemoReplay.replayed();
        return replayed != null ? replayed : system.instant();
    }
}

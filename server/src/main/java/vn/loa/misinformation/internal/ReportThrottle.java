package vn.loa.misinformation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import vn.loa.misinformation.CitizenReports.ReportsThrottled;

/**
 * Limits on citizens' reports over a sliding hour: so many from one network address, so many from
 * everyone. Kept in memory (a restart forgets them, which only lets a few more reports in); the
 * addresses it remembers are bounded.
 */
final class ReportThrottle {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_ADDRESSES = 100_000;

    private final int perAddress;
    private final int perHour;
    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();
    private final Deque<Instant> everyone = new ArrayDeque<>();

    ReportThrottle(int perAddress, int perHour) {
        this.perAddress = perAddress;
        this.perHour = perHour;
    }

    /** Counts a report from the address at {@code now}, or refuses it saying when to come back. */
    synchronized void admit(String address, Instant now) {
        Instant since = now.minus(WINDOW);
        forget(everyone, since);
        if (byAddress.size() > MAX_ADDRESSES) {
            byAddress.values().removeIf(times -> {
                forget(times, since);
                return times.isEmpty();
            });
        }
        Deque<Instant> mine = byAddress.computeIfAbsent(address, a -> new ArrayDeque<>());
        forget(mine, since);
        if (mine.size() >= perAddress) {
            throw new ReportsThrottled(secondsUntil(mine.peekFirst().plus(WINDOW), now));
        }
        if (everyone.size() >= perHour) {
            throw new ReportsThrottled(secondsUntil(everyone.peekFirst().plus(WINDOW), now));
        }
        mine.addLast(now);
        everyone.addLast(now);
    }

    private static void forget(Deque<Instant> times, Instant since) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.pollFirst();
        }
    }

    private static long secondsUntil(Instant at, Instant now) {
        return Math.max(1, Duration.between(now, at).toSeconds());
    }
}

package vn.loa.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits on what strangers send to the public site (citizens' reports, information requests) over a sliding hour: so
 * many from one network address, so many from everyone. Kept in memory (a restart forgets them, which only lets a few
 * more in); the addresses it remembers are bounded.
 */
public final class HourlyThrottle {

    /** Too many this hour: try again after {@code retryAfterSeconds}. */
    public static final class Refused extends RuntimeException {

        private final long retryAfterSeconds;

        Refused(long retryAfterSeconds) {
            super("too many submissions this hour; retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    public static final Duration WINDOW = Duration.ofHours(1);
    private static final int MAX_ADDRESSES = 100_000;

    private final int perAddress;
    private final int perHour;
    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();
    private final Deque<Instant> everyone = new ArrayDeque<>();

    public HourlyThrottle(int perAddress, int perHour) {
        this.perAddress = perAddress;
        this.perHour = perHour;
    }

    /** Counts a submission from the address at {@code now}, or refuses it saying when to come back. */
    public synchronized void admit(String address, Instant now) {
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
            throw new Refused(secondsUntil(mine.peekFirst().plus(WINDOW), now));
        }
        if (everyone.size() >= perHour) {
            throw new Refused(secondsUntil(everyone.peekFirst().plus(WINDOW), now));
        }
        mine.addLast(now);
        everyone.addLast(now);
    }

    /**
     * Refuses, saying when to come back, when the address or everyone together reached the limit this hour; counts
     * nothing (as for a limit on failures: check before trying, {@link #admit} each failure).
     */
    public synchronized void check(String address, Instant now) {
        Instant since = now.minus(WINDOW);
        forget(everyone, since);
        Deque<Instant> mine = byAddress.get(address);
        if (mine != null) {
            forget(mine, since);
            if (mine.size() >= perAddress) {
                throw new Refused(secondsUntil(mine.peekFirst().plus(WINDOW), now));
            }
        }
        if (everyone.size() >= perHour) {
            throw new Refused(secondsUntil(everyone.peekFirst().plus(WINDOW), now));
        }
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

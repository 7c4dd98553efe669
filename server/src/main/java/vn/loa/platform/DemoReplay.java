package vn.loa.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Records a demo's made-up past as it would have happened. The demo's campaign began days before the demo is loaded,
 * and its first message was approved, published, broadcast and confirmed then; while {@link #at} runs such work on the
 * thread that loads the demo, the application's clock reads the given instant there, and only there, so that every
 * row, step, log line and audit record the services write for it carries that time, as they would have. Loa's own
 * work never sets time back: only the demo loaders call it, and other threads (the workers, the requests) keep
 * reading the real time meanwhile.
 */
public final class DemoReplay {

    private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

    private DemoReplay() {
    }

    /**
     * Does the work with the application's clock reading {@code at} on this thread, then restores what it read.
     *
     * @param at the instant to record the work at; must not be null
     */
    public static <T> T at(Instant at, Supplier<T> work) {
        Objects.requireNonNull(at, "at must not be null");
        Instant before = REPLAYED.get();
        REPLAYED.set(at);
        try {
            return work.get();
        } finally {
            if (before == null) {
                REPLAYED.remove();
            } else {
                REPLAYED.set(before);
            }
        }
    }

    /** Does the work with the application's clock reading {@code at} on this thread; {@code at} must not be null. */
    public static void at(Instant at, Runnable work) {
        at(at, () -> {
            work.run();
            return null;
        });
    }

    /** The instant the application's clock reads on this thread while a demo's past is recorded, else null. */
    public static Instant replayed() {
        return REPLAYED.get();
    }
}

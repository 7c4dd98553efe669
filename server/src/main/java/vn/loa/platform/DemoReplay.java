package vn.loa.platform;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Records a demo's made-up past as it would have happened. The demo's campaign began days before the demo is loaded,
 * and its first message was approved, published, broadcast and confirmed then; while {@link #at} runs such work on the
 * thread that loads the demo, the application's clock reads the given instant there, and only there, so that every
 * row, step, log line and audit record the services write for it carries that time, as they would have. Loa's own
 * work never sets time back: only the demo loaders call it, and other threads (the workers, the requests) keep
 * reading the real time meanwhile.
 *
 * <p>A story told in several steps ({@link #story}) keeps the background workers that act on due work
 * ({@link #unlessTelling}) out until it ends: otherwise a worker running between two steps would do, at the real
 * time, what the next step records at the story's time (publish the message scheduled for that morning now).
 */
public final class DemoReplay {

    private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();
    /** Written by a story for its whole length; read, without waiting, by each run of a worker. */
    private static final ReadWriteLock STORY = new ReentrantReadWriteLock();

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

    /**
     * Tells a demo's past in several steps ({@link #at} each) while no worker acts on due work: waits for a worker's
     * run under way to end, and the workers skip their runs until the story is told.
     */
    public static void story(Runnable steps) {
        STORY.writeLock().lock();
        try {
            steps.run();
        } finally {
            STORY.writeLock().unlock();
        }
    }

    /**
     * Runs a worker's round unless a demo's story is being told, when the round is skipped (the next one does the
     * work).
     *
     * @return whether the round ran
     */
    public static boolean unlessTelling(Runnable round) {
        if (!STORY.readLock().tryLock()) {
            return false;
        }
        try {
            round.run();
            return true;
        } finally {
            STORY.readLock().unlock();
        }
    }
}

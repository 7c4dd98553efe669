package vn.loa.listening.internal;

import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The server polls feeds whose time has come every half minute (command-line runs do not). Polls run on a pool of
 * their own ({@code loa.listening.feeds.poll-threads}), so that a slow feed holds up neither the scheduler that
 * also runs index catch-up, claim matching, alerts and case deadlines, nor more than one of the pool's threads. A
 * feed still being polled is not polled again; feeds the pool has no room for wait for the next round.
 */
@Component
@ConditionalOnWebApplication
class FeedPoller {

    private static final Log log = LogFactory.getLog(FeedPoller.class);
    /** Feeds queued at most per round, beyond those being polled. */
    static final int QUEUE = 50;

    private final JdbcFeedSources feeds;
    private final ThreadPoolExecutor pool;
    private final Set<Long> polling = ConcurrentHashMap.newKeySet();

    FeedPoller(JdbcFeedSources feeds, FeedSettings settings) {
        this.feeds = feeds;
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.pollThreads(), settings.pollThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "loa-feed-poll-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Hands the feeds that are due to the pool and returns at once. */
    @Scheduled(fixedDelay = 30_000, initialDelay = 20_000)
    void pollDue() {
        for (long id : feeds.due(QUEUE)) {
            if (!polling.add(id)) {
                continue;
            }
            try {
                pool.execute(() -> poll(id));
            } catch (RejectedExecutionException e) {
                polling.remove(id);
                return;
            }
        }
    }

    private void poll(long id) {
        try {
            feeds.poll(id);
        } catch (RuntimeException e) {
            log.warn("Polling source " + id + " failed unexpectedly", e);
        } finally {
            polling.remove(id);
        }
    }

    /** How many feeds are being polled or wait for a thread of the pool. */
    int inFlight() {
        return polling.size();
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}

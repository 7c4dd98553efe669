package vn.loa.listening.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The server polls feeds whose time has come every half minute (command-line runs do not). */
@Component
@ConditionalOnWebApplication
class FeedPoller {

    private final JdbcFeedSources feeds;

    FeedPoller(JdbcFeedSources feeds) {
        this.feeds = feeds;
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 20_000)
    void pollDue() {
        feeds.pollDue();
    }
}

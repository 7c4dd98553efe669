package vn.loa.listening.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of feed polling ({@code loa.listening.feeds.*}).
 *
 * @param maxBytes the largest feed read; a larger one fails with that reason
 * @param timeoutSeconds how long one fetch of a feed may take in all: connecting, redirects, headers and body
 * @param allowLoopback whether feeds on this machine (127.0.0.0/8, ::1) may be polled; off, so that a feed
 *     address cannot reach Loa's own monitoring endpoints. Link-local addresses (cloud metadata) are always refused.
 * @param pollThreads how many feeds are polled at once, on threads of their own apart from Loa's other schedules
 */
@ConfigurationProperties("loa.listening.feeds")
record FeedSettings(@DefaultValue("10485760") long maxBytes, @DefaultValue("30") int timeoutSeconds,
        @DefaultValue("false") boolean allowLoopback, @DefaultValue("4") int pollThreads) {

    FeedSettings {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("loa.listening.feeds.max-bytes must be at least 1024, not " + maxBytes);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new IllegalArgumentException("loa.listening.feeds.timeout-seconds must be from 1 to 600, not " + timeoutSeconds);
        }
        if (pollThreads < 1 || pollThreads > 32) {
            throw new IllegalArgumentException("loa.listening.feeds.poll-threads must be from 1 to 32, not " + pollThreads);
        }
    }
}

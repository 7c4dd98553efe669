package vn.loa.listening.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of feed polling ({@code loa.listening.feeds.*}).
 *
 * @param maxBytes the largest feed read; a larger one fails with that reason
 * @param timeoutSeconds how long a fetch may take, connecting included
 * @param allowLoopback whether feeds on this machine (127.0.0.0/8, ::1) may be polled; off, so that a feed
 *     address cannot reach Loa's own monitoring endpoints. Link-local addresses (cloud metadata) are always refused.
 */
@ConfigurationProperties("loa.listening.feeds")
record FeedSettings(@DefaultValue("10485760") long maxBytes, @DefaultValue("30") int timeoutSeconds,
        @DefaultValue("false") boolean allowLoopback) {
}

package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.loa.listening.FeedSources;
import vn.loa.shared.Actor;

/**
 * Scheduled polling runs on a pool of its own: feeds that send a byte every half second neither hold the scheduler
 * (which also runs index catch-up, claim matching, alerts and case deadlines) nor outlast the whole-fetch deadline
 * (5 s in the tests).
 */
@SpringBootTest
class FeedPollingIntegrationTests {

    @Autowired
    FeedPoller poller;

    @Autowired
    FeedSources feeds;

    private HttpServer server;
    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final String marker = "drip" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            started.put(exchange.getRequestURI().getPath(), Instant.now());
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<rss version=\"2.0\"><channel>".getBytes());
                // at most 60 s, a byte every half second
                for (int i = 0; i < 120; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(500);
                }
            } catch (IOException | InterruptedException e) {
                // Loa hung up at its deadline
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void dripFeedsArePolledAtOnceOnTheirOwnThreadsAndCutOffAtTheDeadline() throws Exception {
        List<FeedSources.Source> slow = List.of(add("/slow-1.xml"), add("/slow-2.xml"));
        long start = System.nanoTime();
        poller.pollDue();
        Duration handedOver = Duration.ofNanos(System.nanoTime() - start);
        // the scheduler's thread is back at once; it used to poll each feed to its end (150 s for one such feed)
        assertThat(handedOver).isLessThan(Duration.ofSeconds(2));

        Instant giveUp = Instant.now().plusSeconds(30);
        while (slow.stream().anyMatch(s -> feeds.find(s.id()).failures() == 0) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
        }
        for (FeedSources.Source source : slow) {
            FeedSources.Source after = feeds.find(source.id());
            assertThat(after.failures()).as(source.url()).isEqualTo(1);
            assertThat(after.lastError()).isEqualTo("fetching the feed took longer than 5 s, the limit");
        }
        // both were fetched at the same time, each on a thread of the pool
        assertThat(Duration.between(started.get("/slow-1.xml"), started.get("/slow-2.xml")).abs()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aFeedStillBeingPolledIsNotPolledAgain() throws Exception {
        add("/slow-3.xml");
        poller.pollDue();
        Instant first = waitForRequest("/slow-3.xml");
        poller.pollDue();
        Thread.sleep(500);
        assertThat(started.get("/slow-3.xml")).isEqualTo(first);
    }

    private Instant waitForRequest(String path) throws InterruptedException {
        for (int i = 0; i < 100 && !started.containsKey(path); i++) {
            Thread.sleep(100);
        }
        return started.get(path);
    }

    private FeedSources.Source add(String path) {
        return feeds.addFeed(new FeedSources.FeedForm("Nhỏ giọt " + path + " " + marker,
                "http://127.0.0.1:" + server.getAddress().getPort() + path + "?" + marker, "news", "SYT", 15, 48), Actor.SYSTEM);
    }
}

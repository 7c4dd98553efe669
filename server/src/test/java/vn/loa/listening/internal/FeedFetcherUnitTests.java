package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fetching feeds from real HTTP servers on this machine: redirects followed one hop at a time with every address
 * checked, and a deadline for the whole fetch that a server sending a byte now and then cannot stretch.
 */
class FeedFetcherUnitTests {

    private static final String FEED = "<rss version=\"2.0\"><channel><item><guid>1</guid><title>Tin</title></item></channel></rss>";
    /** This machine's first address, allowed; any other is refused (as the real policy refuses loopback or metadata). */
    private static final FeedFetcher.AddressPolicy ONLY_127_0_0_1 =
            address -> address.getHostAddress().equals("127.0.0.1") ? null : "not 127.0.0.1";

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    /** A server at {@code host} answering each path with a redirect ({@code -> location}) or a feed. */
    private String serve(String host, Map<String, String> redirects) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        server.createContext("/", exchange -> {
            String key = host + exchange.getRequestURI().getPath();
            hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            String location = redirects.get(exchange.getRequestURI().getPath());
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
                exchange.sendResponseHeaders(302, -1);
            } else if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] body = FEED.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    private int hits(String hostAndPath) {
        return hits.getOrDefault(hostAndPath, new AtomicInteger()).get();
    }

    private static FeedFetcher fetcher(FeedFetcher.AddressPolicy policy) {
        return new FeedFetcher(Duration.ofSeconds(5), 1024 * 1024, policy);
    }

    @Test
    void followsRedirectsOneHopAtATimeAndAnswersConditionalRequests() throws Exception {
        String here = serve("127.0.0.1", Map.of("/start", "/moved", "/moved", "/feed.xml"));
        try (FeedFetcher fetcher = fetcher(ONLY_127_0_0_1)) {
            FeedFetcher.Fetched fetched = fetcher.fetch(URI.create(here + "/start"), null, null);
            assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(FEED);
            assertThat(fetched.address()).isEqualTo(URI.create(here + "/feed.xml"));
            assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
            assertThat(fetched.etag()).isEqualTo("\"v1\"");
            assertThat(fetcher.fetch(URI.create(here + "/start"), "\"v1\"", null).notModified()).isTrue();
        }
    }

    @Test
    void refusesARedirectToAnAddressItMustNotReachWithoutConnectingThere() throws Exception {
        String inside = serve("127.0.0.2", Map.of());
        String outside = serve("127.0.0.1", Map.of("/feed.xml", inside + "/latest/meta-data/"));
        try (FeedFetcher fetcher = fetcher(ONLY_127_0_0_1)) {
            FeedException refused = catchThrowableOfType(FeedException.class,
                    () -> fetcher.fetch(URI.create(outside + "/feed.xml"), null, null));
            assertThat(refused.getMessage()).isEqualTo("the feed's host 127.0.0.2 is at 127.0.0.2, not 127.0.0.1, "
                    + "which Loa does not poll");
        }
        assertThat(hits("127.0.0.1/feed.xml")).isEqualTo(1);
        assertThat(hits("127.0.0.2/latest/meta-data/")).isZero();
    }

    @Test
    void refusesARedirectToCloudMetadataEvenWhenFeedsOnThisMachineAreAllowed() throws Exception {
        String here = serve("127.0.0.1", Map.of("/feed.xml", "http://169.254.169.254/latest/meta-data/"));
        try (FeedFetcher fetcher = fetcher(address -> FeedFetcher.refusal(address, true))) {
            assertThat(catchThrowableOfType(FeedException.class, () -> fetcher.fetch(URI.create(here + "/feed.xml"), null, null))
                    .getMessage()).contains("169.254.169.254").contains("link-local");
        }
    }

    @Test
    void checksTheAddressItConnectsToNotOnlyTheOneItCheckedFirst() throws Exception {
        String here = serve("127.0.0.1", Map.of());
        // the host's address passes the first check and changes before connecting, as with DNS rebinding
        AtomicInteger asked = new AtomicInteger();
        try (FeedFetcher fetcher = fetcher(address -> asked.getAndIncrement() == 0 ? null : "rebound")) {
            assertThat(catchThrowableOfType(FeedException.class, () -> fetcher.fetch(URI.create(here + "/feed.xml"), null, null))
                    .getMessage()).contains("rebound");
        }
        assertThat(asked.get()).isGreaterThan(1);
        assertThat(hits("127.0.0.1/feed.xml")).isZero();
        // and the address connected to is checked once more before anything it sends is read
        AtomicInteger again = new AtomicInteger();
        try (FeedFetcher fetcher = fetcher(address -> again.getAndIncrement() < 2 ? null : "rebound after connecting")) {
            assertThat(catchThrowableOfType(FeedException.class, () -> fetcher.fetch(URI.create(here + "/feed.xml"), null, null))
                    .getMessage()).isEqualTo("the feed's host 127.0.0.1 is at 127.0.0.1, rebound after connecting, "
                            + "which Loa does not poll");
        }
    }

    @Test
    void followsAtMostFiveRedirects() throws Exception {
        String here = serve("127.0.0.1", Map.of("/loop", "/loop"));
        try (FeedFetcher fetcher = fetcher(ONLY_127_0_0_1)) {
            assertThat(catchThrowableOfType(FeedException.class, () -> fetcher.fetch(URI.create(here + "/loop"), null, null))
                    .getMessage()).isEqualTo("the feed's address was redirected more than 5 times");
        }
        assertThat(hits("127.0.0.1/loop")).isEqualTo(6);
    }

    @Test
    void refusesAddressesThatAreNotHttpAndOnesThatAreNotAllowed() throws Exception {
        try (FeedFetcher fetcher = fetcher(address -> FeedFetcher.refusal(address, false))) {
            assertThat(catchThrowableOfType(FeedException.class, () -> fetcher.fetch(URI.create("file:///etc/passwd"), null, null))
                    .getMessage()).contains("not an http or https address");
            assertThat(catchThrowableOfType(FeedException.class, () -> fetcher.fetch(URI.create("http://localhost:9/"), null, null))
                    .getMessage()).contains("an address of this machine");
        }
    }

    @Test
    void theProductionRuleRefusesThisMachineUnlessAllowedAndAlwaysMetadataAndUnspecifiedAddresses() throws Exception {
        for (String address : List.of("169.254.169.254", "fe80::1", "0.0.0.0", "::", "100.100.100.200", "fd00:ec2::254",
                "224.0.0.1", "::ffff:169.254.169.254")) {
            assertThat(FeedFetcher.refusal(InetAddress.getByName(address), true)).as(address).isNotNull();
        }
        for (String address : List.of("127.0.0.1", "127.1.2.3", "::1")) {
            assertThat(FeedFetcher.refusal(InetAddress.getByName(address), false)).as(address).isNotNull();
            assertThat(FeedFetcher.refusal(InetAddress.getByName(address), true)).as(address).isNull();
        }
        // a province's intranet may publish feeds on private addresses
        for (String address : List.of("10.1.2.3", "192.168.1.10", "203.113.131.1", "2001:db8::1")) {
            assertThat(FeedFetcher.refusal(InetAddress.getByName(address), false)).as(address).isNull();
        }
    }

    @Test
    void cutsOffAServerThatDripsItsBodyAtTheDeadline() throws Exception {
        try (Dripper dripper = new Dripper("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n", "<")) {
            assertCutOffAtTheDeadline(dripper);
        }
    }

    @Test
    void cutsOffAServerThatDripsItsHeadersAtTheDeadline() throws Exception {
        try (Dripper dripper = new Dripper("", "HTTP/1.1 200 OK\r\nX-Slow: " + "a".repeat(500))) {
            assertCutOffAtTheDeadline(dripper);
        }
    }

    private static void assertCutOffAtTheDeadline(Dripper dripper) throws IOException {
        try (FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(2), 1024 * 1024, ONLY_127_0_0_1)) {
            long start = System.nanoTime();
            FeedException slow = catchThrowableOfType(FeedException.class,
                    () -> fetcher.fetch(URI.create("http://127.0.0.1:" + dripper.port() + "/feed.xml"), null, null));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(slow.getMessage()).isEqualTo("fetching the feed took longer than 2 s, the limit");
            // the dripper would go on for 40 s; the socket time-out alone (2 s per read) would never end it
            assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
        }
    }

    @Test
    void refusesABodyOverTheSizeLimit() throws Exception {
        String here = serve("127.0.0.1", Map.of());
        try (FeedFetcher fetcher = new FeedFetcher(Duration.ofSeconds(5), 50, ONLY_127_0_0_1)) {
            assertThat(catchThrowableOfType(FeedException.class, () -> fetcher.fetch(URI.create(here + "/feed.xml"), null, null))
                    .getMessage()).isEqualTo("the feed is larger than 50 bytes, the limit");
        }
    }

    /** A server that sends {@code head} at once, then one character of {@code drip} every 100 ms (at most 40 s). */
    private static final class Dripper implements AutoCloseable {

        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        private final Thread thread;

        Dripper(String head, String drip) throws IOException {
            thread = new Thread(() -> {
                try (Socket client = socket.accept(); InputStream in = client.getInputStream();
                        OutputStream out = client.getOutputStream()) {
                    in.read(new byte[8192]);
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < 400; i++) {
                        out.write(drip.charAt(i % drip.length()));
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client hung up, or the test is over
                }
            }, "dripper");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            thread.interrupt();
            socket.close();
        }
    }
}

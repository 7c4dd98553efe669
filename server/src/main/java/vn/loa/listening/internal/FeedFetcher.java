package vn.loa.listening.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import vn.loa.listening.internal.FeedProblem.Phrase;

/**
 * Fetches feeds over HTTP and HTTPS, guarding against a feed address that leads to where it should not.
 *
 * <p>Every address is checked: the one each host name resolves to before connecting (the client connects only to
 * addresses that passed), the one actually connected to, and again at every redirect, which are followed here, one
 * hop at a time, at most {@value #MAX_REDIRECTS}. A whole-fetch deadline covers connecting, redirects, headers and
 * body: a server that sends a byte now and then is cut off when it is reached. Bodies over the size limit fail.
 */
final class FeedFetcher implements AutoCloseable {

    static final int MAX_REDIRECTS = 5;

    /** Decides whether a feed may be fetched from an address. */
    @FunctionalInterface
    interface AddressPolicy {

        /** Why Loa does not fetch from the address, or null when it may. */
        String refusal(InetAddress address);
    }

    /**
     * What a fetch brought.
     *
     * @param notModified whether the server answered 304 to the conditional request (the body is then empty)
     * @param contentType the {@code Content-Type} header, may be null
     * @param address the address the feed came from after any redirects
     */
    record Fetched(boolean notModified, byte[] body, String contentType, String etag, String lastModified, URI address) {
    }

    /** Cloud metadata services outside the link-local range (Alibaba Cloud; AWS over IPv6). */
    private static final Set<String> METADATA = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private final Duration deadline;
    private final long maxBytes;
    private final AddressPolicy policy;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "loa-feed-deadline");
        thread.setDaemon(true);
        return thread;
    });

    FeedFetcher(FeedSettings settings) {
        this(Duration.ofSeconds(settings.timeoutSeconds()), settings.maxBytes(), address -> refusal(address, settings.allowLoopback()));
    }

    FeedFetcher(Duration deadline, long maxBytes, AddressPolicy policy) {
        this.deadline = deadline;
        this.maxBytes = maxBytes;
        this.policy = policy;
        Timeout timeout = Timeout.of(deadline);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .setMaxConnTotal(64).setMaxConnPerRoute(4)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).build())
                // a connection is never kept: each poll connects to an address checked just before
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Loa/0.1 (feed reader)")
                .build();
    }

    /** The production rule: never the unspecified, link-local, multicast or metadata addresses; this machine only if allowed. */
    static String refusal(InetAddress address, boolean allowLoopback) {
        if (address.isAnyLocalAddress()) {
            return Phrase.UNSPECIFIED_ADDRESS.text();
        }
        if (address.isLinkLocalAddress()) {
            return Phrase.LINK_LOCAL_ADDRESS.text();
        }
        if (METADATA.contains(address.getHostAddress())) {
            return Phrase.METADATA_ADDRESS.text();
        }
        if (address.isMulticastAddress()) {
            return Phrase.MULTICAST_ADDRESS.text();
        }
        if (address.isLoopbackAddress() && !allowLoopback) {
            return Phrase.LOOPBACK_ADDRESS.text();
        }
        return null;
    }

    /**
     * Fetches a feed, sending {@code If-None-Match} and {@code If-Modified-Since} when given (each may be null).
     *
     * @throws FeedException when it cannot be fetched, with the reason
     */
    Fetched fetch(URI address, String etag, String lastModified) throws FeedException {
        long end = System.nanoTime() + deadline.toNanos();
        URI uri = address;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(uri);
            HttpGet get = new HttpGet(uri);
            get.setHeader("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                    + "application/xml;q=0.9, text/xml;q=0.8, application/json;q=0.7, */*;q=0.5");
            if (etag != null) {
                get.setHeader("If-None-Match", etag);
            }
            if (lastModified != null) {
                get.setHeader("If-Modified-Since", lastModified);
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw tooSlow();
            }
            ScheduledFuture<?> alarm = alarms.schedule(() -> get.cancel(), left, TimeUnit.NANOSECONDS);
            HttpClientContext context = HttpClientContext.create();
            URI current = uri;
            try {
                Step step = client.execute(get, context, response -> step(get, response, context, current, end));
                if (step.next() == null) {
                    return step.fetched();
                }
                uri = step.next();
            } catch (IOException e) {
                FeedException refused = refusal(e);
                if (refused != null) {
                    throw refused;
                }
                if (get.isCancelled() || System.nanoTime() - end >= 0) {
                    throw tooSlow();
                }
                throw new FeedException(FeedProblem.FETCH_FAILED, e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage());
            } finally {
                alarm.cancel(false);
            }
        }
        throw new FeedException(FeedProblem.TOO_MANY_REDIRECTS, MAX_REDIRECTS);
    }

    private FeedException tooSlow() {
        return new FeedException(FeedProblem.TOO_SLOW, deadline.toSeconds());
    }

    /** What one request brought: the feed, or the address it redirects to. */
    private record Step(Fetched fetched, URI next) {
    }

    private Step step(HttpGet get, ClassicHttpResponse response, HttpClientContext context, URI uri, long end)
            throws IOException {
        try {
            return read(response, context, uri, end);
        } catch (Refusal e) {
            // drops the connection, so that closing the response does not read the rest of the body first
            get.cancel();
            throw e;
        }
    }

    private Step read(ClassicHttpResponse response, HttpClientContext context, URI uri, long end) throws IOException {
        EndpointDetails endpoint = context.getEndpointDetails();
        SocketAddress remote = endpoint == null ? null : endpoint.getRemoteAddress();
        if (!(remote instanceof InetSocketAddress connected) || connected.getAddress() == null) {
            throw new Refusal(FeedProblem.ADDRESS_UNTOLD, uri.getHost());
        }
        String why = policy.refusal(connected.getAddress());
        if (why != null) {
            throw new Refusal(FeedProblem.REFUSED_ADDRESS, uri.getHost(), connected.getAddress().getHostAddress(), why);
        }
        int status = response.getCode();
        if (status == 304) {
            return new Step(new Fetched(true, new byte[0], null, null, null, uri), null);
        }
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            Header location = response.getFirstHeader("Location");
            if (location == null || location.getValue().isBlank()) {
                throw new Refusal(FeedProblem.REDIRECT_WITHOUT_LOCATION, status);
            }
            try {
                return new Step(null, uri.resolve(new URI(location.getValue().strip().replace(" ", "%20"))));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new Refusal(FeedProblem.REDIRECT_INVALID, location.getValue());
            }
        }
        if (status != 200) {
            throw new Refusal(FeedProblem.HTTP_STATUS, status);
        }
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : limited(entity, end);
        return new Step(new Fetched(false, body, header(response, "Content-Type"), header(response, "ETag"),
                header(response, "Last-Modified"), uri), null);
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private byte[] limited(HttpEntity entity, long end) throws IOException {
        if (entity.getContentLength() > maxBytes) {
            throw tooLarge();
        }
        // not closed on failure before the request is cancelled: closing would read the rest of the body first
        InputStream in = entity.getContent();
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > maxBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
            if (System.nanoTime() - end >= 0) {
                throw new Refusal(tooSlow());
            }
        }
        in.close();
        return out.toByteArray();
    }

    private Refusal tooLarge() {
        long mb = 1024 * 1024;
        if (maxBytes % mb == 0) {
            return new Refusal(FeedProblem.TOO_LARGE, maxBytes / mb, "MB");
        }
        return maxBytes % 1024 == 0 ? new Refusal(FeedProblem.TOO_LARGE, maxBytes / 1024, "KB")
                : new Refusal(FeedProblem.TOO_LARGE, maxBytes, Phrase.BYTES.text());
    }

    /** Refuses the scheme or, before connecting, the addresses of a hop (the resolver checks again when connecting). */
    private void check(URI uri) throws FeedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new FeedException(FeedProblem.NOT_HTTP, uri);
        }
        try {
            new GuardedResolver().resolve(uri.getHost());
        } catch (RefusedHost e) {
            throw e.reason;
        } catch (UnknownHostException e) {
            throw new FeedException(FeedProblem.UNKNOWN_HOST, uri.getHost());
        }
    }

    /** The reason of a refusal anywhere in the causes, or null when the fetch failed for another reason. */
    private static FeedException refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedHost refused) {
                return refused.reason;
            }
            if (cause instanceof Refusal refused) {
                return refused.reason;
            }
        }
        return null;
    }

    /** Resolves host names for the client and lets it connect only to addresses the policy allows. */
    private final class GuardedResolver implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(bare);
            for (InetAddress address : addresses) {
                String why = policy.refusal(address);
                if (why != null) {
                    throw new RefusedHost(new FeedException(FeedProblem.REFUSED_ADDRESS, host, address.getHostAddress(), why));
                }
            }
            return Arrays.copyOf(addresses, addresses.length);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }

    /** A host whose addresses the policy refuses. */
    private static final class RefusedHost extends UnknownHostException {

        private final FeedException reason;

        RefusedHost(FeedException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    /** A fetch that stops with a reason (an I/O exception, to leave the client's response handler). */
    private static final class Refusal extends IOException {

        private final FeedException reason;

        Refusal(FeedProblem problem, Object... arguments) {
            this(new FeedException(problem, arguments));
        }

        Refusal(FeedException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    @Override
    public void close() throws IOException {
        alarms.shutdownNow();
        client.close();
    }
}

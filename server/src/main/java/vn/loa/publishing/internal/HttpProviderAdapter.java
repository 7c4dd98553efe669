package vn.loa.publishing.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.publishing.Channel;
import vn.loa.publishing.ChannelAdapter;
import vn.loa.publishing.DeliveryDetail;
import vn.loa.publishing.DeliveryStatus;

/**
 * A generic HTTP provider for SMS, Zalo or Facebook, chosen by {@code loa.publishing.<channel>.provider=http}: a POST
 * of {@code {idempotencyKey, channel, to, title, text, language}} as JSON to {@code loa.publishing.<channel>.http.url}
 * with {@code Authorization: Bearer <loa.publishing.<channel>.http.token>} and {@code Idempotency-Key}. A 2xx answer is
 * SENT. It is the shape of a gateway the province runs or buys; a provider with its own API gets its own adapter class
 * (see docs/publishing-providers.md). The token is never logged.
 */
@Component
class HttpProviderAdapter implements ChannelAdapter {

    private final Environment environment;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpProviderAdapter(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Set<Channel> channels() {
        return SimulatorAdapter.SIMULATED;
    }

    @Override
    public Outcome send(Message m) throws Exception {
        String prefix = "loa.publishing." + m.channel().name().toLowerCase() + ".http.";
        String url = environment.getProperty(prefix + "url", "").strip();
        if (url.isEmpty()) {
            throw new Failure("publishing.detail.not-configured", prefix + "url");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("idempotencyKey", m.idempotencyKey());
        payload.put("channel", m.channel().name());
        payload.put("to", m.recipient());
        payload.put("title", m.title());
        payload.put("text", m.body());
        payload.put("language", m.language());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json; charset=utf-8").header("Idempotency-Key", m.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload)));
        String token = environment.getProperty(prefix + "token", "");
        if (!token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new Failure("publishing.detail.provider-refused", response.statusCode());
        }
        return new Outcome(DeliveryStatus.SENT, DeliveryDetail.of("publishing.detail.provider-accepted",
                response.statusCode()));
    }
}

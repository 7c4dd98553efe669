package vn.loa.publishing.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.publishing.Channel;
import vn.loa.publishing.ChannelAdapter;
import vn.loa.publishing.DeliveryDetail;
import vn.loa.publishing.DeliveryStatus;

/**
 * A webhook: an HTTP POST of the publication as JSON to {@code loa.publishing.webhook.url}, with the idempotency key in
 * {@code Idempotency-Key} (the receiver acts once per key) and, when {@code loa.publishing.webhook.secret} is set, the
 * body's HMAC-SHA256 in {@code X-Loa-Signature: sha256=<hex>}. The secret is never logged nor stored in the log.
 */
@Component
class WebhookAdapter implements ChannelAdapter {

    private final PublishingSettings settings;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    WebhookAdapter(PublishingSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.WEBHOOK);
    }

    @Override
    public Outcome send(Message m) throws Exception {
        if (settings.webhookUrl.isEmpty()) {
            throw new Failure("publishing.detail.not-configured", "loa.publishing.webhook.url");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("idempotencyKey", m.idempotencyKey());
        payload.put("publicationId", m.publicationId());
        payload.put("language", m.language());
        payload.put("title", m.title());
        payload.put("body", m.body());
        payload.put("emergency", m.emergency());
        byte[] body = json.writeValueAsBytes(payload);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.webhookUrl))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", m.idempotencyKey()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!settings.webhookSecret.isEmpty()) {
            request.header("X-Loa-Signature", "sha256=" + hmac(settings.webhookSecret, body));
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new Failure("publishing.detail.webhook-answered", response.statusCode());
        }
        return new Outcome(DeliveryStatus.SENT, DeliveryDetail.of("publishing.detail.webhook-answered",
                response.statusCode()));
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}

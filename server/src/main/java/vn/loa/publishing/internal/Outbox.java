package vn.loa.publishing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.publishing.Channel;
import vn.loa.publishing.ChannelAdapter;
import vn.loa.publishing.DeliveryDetail;
import vn.loa.publishing.DeliveryStatus;
import vn.loa.publishing.Publication;
import vn.loa.publishing.PublishingEvent;

/**
 * The outbox worker's steps, each in its own short transaction so that a restart between them loses nothing:
 * {@link #claim} marks due deliveries as claimed (FOR UPDATE SKIP LOCKED, emergencies first, counting the attempt),
 * {@link #attempt} sends one through its channel's adapter with the delivery's idempotency key, and {@link #finish}
 * records the outcome (or the next attempt after the back-off, or FAILED after the last). A claim older than the
 * claim timeout (a worker that died) is due again: the adapter gets the same key and acts once.
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final List<ChannelAdapter> adapters;
    private final PublishingSettings settings;
    private final Environment environment;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<Channel, ChannelAdapter> chosen = new ConcurrentHashMap<>();

    Outbox(JdbcClient jdbc, PlatformTransactionManager transactions, List<ChannelAdapter> adapters,
            PublishingSettings settings, Environment environment, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.adapters = adapters;
        this.settings = settings;
        this.environment = environment;
        this.events = events;
        this.clock = clock;
    }

    /** A delivery claimed for an attempt. */
    record Claimed(long id, long publicationId, Channel channel, String recipient, String key, int attempt,
            boolean emergency) {
    }

    /** One pass: claim what is due, attempt each, record each outcome. */
    int deliverDue() {
        List<Claimed> claimed = claim(settings.batch);
        for (Claimed c : claimed) {
            finish(c, attempt(c));
        }
        return claimed.size();
    }

    /** Claims up to {@code limit} due deliveries, emergencies first, and counts their attempt. */
    List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        return transactions.execute(status -> jdbc.sql("""
                UPDATE pub_delivery d SET claimed_at = ?, attempts = d.attempts + 1, last_attempt_at = ?
                FROM (SELECT id FROM pub_delivery
                      WHERE status = 'PENDING' AND next_attempt_at IS NOT NULL AND next_attempt_at <= ?
                        AND (claimed_at IS NULL OR claimed_at < ?)
                      ORDER BY emergency DESC, next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) due
                WHERE d.id = due.id
                RETURNING d.id, d.publication_id, d.channel, d.recipient, d.idempotency_key, d.attempts, d.emergency""")
                .params(Timestamp.from(now), Timestamp.from(now), Timestamp.from(now),
                        Timestamp.from(now.minus(settings.claimTimeout)), limit)
                .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("publication_id"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        rs.getString("idempotency_key"), rs.getInt("attempts"), rs.getBoolean("emergency")))
                .list().stream().sorted(java.util.Comparator.comparing((Claimed c) -> !c.emergency())
                        .thenComparingLong(Claimed::id)).toList());
    }

    /** Sends one claimed delivery; an adapter's failure is the outcome, never thrown. */
    ChannelAdapter.Outcome attempt(Claimed c) {
        try {
            ChannelAdapter adapter = adapter(c.channel());
            return adapter.send(message(c));
        } catch (ChannelAdapter.Failure e) {
            log.info("Delivery {} on {} failed (attempt {}): {}", c.id(), c.channel(), c.attempt(), e.getMessage());
            return new ChannelAdapter.Outcome(DeliveryStatus.FAILED, e.detail());
        } catch (Exception e) {
            // words from outside (a provider, a mail server, the network): kept as text, never as a message pattern
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.info("Delivery {} on {} failed (attempt {}): {}", c.id(), c.channel(), c.attempt(), reason);
            return new ChannelAdapter.Outcome(DeliveryStatus.FAILED, reason);
        }
    }

    /** Records the outcome of an attempt: done, or the next attempt after the back-off, or given up. */
    void finish(Claimed c, ChannelAdapter.Outcome outcome) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            if (outcome.status() == DeliveryStatus.SENT || outcome.status() == DeliveryStatus.SIMULATED) {
                // what went out is recorded even when the publication was withdrawn meanwhile
                jdbc.sql("""
                        UPDATE pub_delivery SET status = ?, claimed_at = NULL, next_attempt_at = NULL, done_at = ?,
                        """ + DETAIL_SET + " WHERE id = ? AND status IN ('PENDING', 'WITHDRAWN')")
                        .params(params(List.of(outcome.status().name(), Timestamp.from(now)), outcome.detail(), c.id()))
                        .update();
                log(c.id(), c.publicationId(), c.emergency(), now, c.attempt(), outcome.status(), outcome.detail());
            } else if (c.attempt() >= settings.maxAttempts) {
                int rows = jdbc.sql("""
                        UPDATE pub_delivery SET status = 'FAILED', claimed_at = NULL, next_attempt_at = NULL, done_at = ?,
                        """ + DETAIL_SET + " WHERE id = ? AND status = 'PENDING'")
                        .params(params(List.of(Timestamp.from(now)), outcome.detail(), c.id())).update();
                log(c.id(), c.publicationId(), c.emergency(), now, c.attempt(), DeliveryStatus.FAILED,
                        DeliveryDetail.about("publishing.detail.last-attempt", outcome.detail()));
                if (rows == 1) {
                    events.publishEvent(new PublishingEvent.DeliveryFailed(c.id(), c.publicationId(), c.channel(),
                            c.attempt()));
                }
            } else {
                Instant next = now.plus(settings.backoff(c.attempt()));
                jdbc.sql("UPDATE pub_delivery SET claimed_at = NULL, next_attempt_at = ?, " + DETAIL_SET
                        + " WHERE id = ? AND status = 'PENDING'")
                        .params(params(List.of(Timestamp.from(next)), outcome.detail(), c.id())).update();
                log(c.id(), c.publicationId(), c.emergency(), now, c.attempt(), DeliveryStatus.PENDING,
                        DeliveryDetail.about("publishing.detail.retry", outcome.detail(), local(next)));
            }
        });
    }

    /** A time for the log, as the desk shows times: dd/MM/yyyy HH:mm in Vietnam. */
    static String local(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(vn.loa.shared.LocalTime.ZONE)
                .format(at);
    }

    void log(long deliveryId, long publicationId, boolean emergency, Instant at, int attempt, DeliveryStatus status,
            DeliveryDetail detail) {
        jdbc.sql("""
                INSERT INTO pub_delivery_log (delivery_id, publication_id, emergency, at, attempt, status, detail,
                    detail_key, detail_args, reason_key, reason_args)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(params(List.of(deliveryId, publicationId, emergency, Timestamp.from(at), attempt, status.name()),
                        detail))
                .update();
    }

    /** The columns of a detail, to set in an UPDATE of {@code pub_delivery} (its parameters by {@link #params}). */
    static final String DETAIL_SET = "detail = ?, detail_key = ?, detail_args = ?, reason_key = ?, reason_args = ?";

    /** The parameters before a detail's, the detail's (in the order of {@link #DETAIL_SET}), then those after. */
    static List<Object> params(List<Object> before, DeliveryDetail detail, Object... after) {
        List<Object> params = new java.util.ArrayList<>(before);
        params.add(detail.text());
        params.add(detail.key());
        params.add(detail.key() == null ? null : detail.arguments().toArray(String[]::new));
        params.add(detail.reasonKey());
        params.add(detail.reasonKey() == null ? null : detail.reasonArguments().toArray(String[]::new));
        params.addAll(java.util.Arrays.asList(after));
        return params;
    }

    /** The detail a row of {@code pub_delivery} or {@code pub_delivery_log} holds. */
    static DeliveryDetail detail(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DeliveryDetail(rs.getString("detail_key"), strings(rs.getArray("detail_args")),
                rs.getString("reason_key"), strings(rs.getArray("reason_args")), rs.getString("detail"));
    }

    private static List<String> strings(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private ChannelAdapter.Message message(Claimed c) {
        var p = jdbc.sql("SELECT language, title, body FROM pub_publication WHERE id = ?").param(c.publicationId())
                .query((rs, n) -> new String[] {rs.getString("language"), rs.getString("title"), rs.getString("body")})
                .single();
        List<Publication.Attachment> attachments = c.channel() == Channel.EMAIL ? jdbc.sql(
                "SELECT file_name, content_type, content FROM pub_attachment WHERE publication_id = ? ORDER BY id")
                .param(c.publicationId()).query((rs, n) -> new Publication.Attachment(rs.getString("file_name"),
                        rs.getString("content_type"), rs.getBytes("content"))).list() : List.of();
        return new ChannelAdapter.Message(c.key(), c.publicationId(), c.channel(), c.recipient(), p[0], p[1], p[2],
                attachments, c.emergency());
    }

    /** The adapter {@code loa.publishing.<channel>.provider} names (by default the built-in one, or the simulator). */
    ChannelAdapter adapter(Channel channel) {
        return chosen.computeIfAbsent(channel, c -> {
            String fallback = switch (c) {
                case PORTAL -> "portal";
                case EMAIL -> "smtp";
                case WEBHOOK -> "webhook";
                default -> "simulator";
            };
            String name = environment.getProperty("loa.publishing." + c.name().toLowerCase() + ".provider", fallback)
                    .strip();
            return adapters.stream().filter(a -> a.name().equals(name) && a.channels().contains(c)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no adapter '" + name + "' for " + c));
        });
    }
}

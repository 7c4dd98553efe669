package vn.loa.publishing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Channel;
import vn.loa.publishing.ChannelAdapter;
import vn.loa.publishing.DeliveryDetail;
import vn.loa.publishing.DeliveryStatus;
import vn.loa.publishing.DeliverySimulator;
import vn.loa.publishing.PublishingEvent;
import vn.loa.shared.InvalidInput;

/**
 * The local simulator of SMS, Zalo and Facebook: records what it received in {@code pub_simulator_inbox}, once per
 * idempotency key, and reaches nobody. Down (by {@code loa.publishing.simulator.down=SMS,ZALO} or an administrator's
 * switch), it refuses like a provider that is unreachable.
 */
@Component
class SimulatorAdapter implements ChannelAdapter, DeliverySimulator {

    static final Set<Channel> SIMULATED = Set.of(Channel.SMS, Channel.ZALO, Channel.FACEBOOK);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Set<Channel> forcedDown;

    SimulatorAdapter(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            @Value("${loa.publishing.simulator.down:}") String forcedDown) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.forcedDown = Set.copyOf(Arrays.stream(forcedDown.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Channel::valueOf).toList());
    }

    @Override
    public String name() {
        return "simulator";
    }

    @Override
    public Set<Channel> channels() {
        return SIMULATED;
    }

    @Override
    public boolean reachesPeople(Channel channel) {
        return false;
    }

    @Override
    public Outcome send(Message m) throws Failure {
        if (isDown(m.channel())) {
            throw new Failure("publishing.detail.simulator-down");
        }
        int inserted = jdbc.sql("""
                INSERT INTO pub_simulator_inbox (channel, idempotency_key, recipient, title, body, received_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(m.channel().name(), m.idempotencyKey(), m.recipient(), m.title(), m.body(),
                        Timestamp.from(clock.instant())).update();
        return new Outcome(DeliveryStatus.SIMULATED, DeliveryDetail.of(inserted == 1 ? "publishing.detail.simulated"
                : "publishing.detail.simulated-before"));
    }

    boolean isDown(Channel channel) {
        return forcedDown.contains(channel) || jdbc.sql("SELECT down FROM pub_simulator_state WHERE channel = ?")
                .param(channel.name()).query(Boolean.class).optional().orElse(false);
    }

    @Override
    public List<Received> inbox(int limit) {
        return jdbc.sql("SELECT * FROM pub_simulator_inbox ORDER BY id DESC LIMIT ?").param(limit)
                .query((rs, n) -> new Received(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("idempotency_key"), rs.getString("recipient"), rs.getString("title"),
                        rs.getString("body"), rs.getTimestamp("received_at").toInstant())).list();
    }

    @Override
    public Map<Channel, Boolean> down() {
        Map<Channel, Boolean> down = new EnumMap<>(Channel.class);
        for (Channel c : List.of(Channel.SMS, Channel.ZALO, Channel.FACEBOOK)) {
            down.put(c, isDown(c));
        }
        return down;
    }

    @Override
    @Transactional
    public void switchDown(Channel channel, boolean down, SignedInUser by) {
        if (!PublishingAccess.actsProvinceWide(by)) {
            throw new AccessDeniedException("coordinators and administrators only");
        }
        if (channel == null || !SIMULATED.contains(channel)) {
            throw new InvalidInput("channel", "publishing.error.channel");
        }
        jdbc.sql("""
                INSERT INTO pub_simulator_state (channel, down, changed_by, changed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (channel) DO UPDATE SET down = excluded.down, changed_by = excluded.changed_by,
                    changed_at = excluded.changed_at""")
                .params(channel.name(), down, by.username(), Timestamp.from(clock.instant())).update();
        events.publishEvent(new PublishingEvent.SimulatorSwitched(by.actor(), channel, down));
    }
}

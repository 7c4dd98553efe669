package vn.loa.publishing.internal;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.loa.publishing.Channel;
import vn.loa.publishing.ChannelAdapter;
import vn.loa.publishing.DeliveryDetail;
import vn.loa.publishing.DeliveryStatus;

/**
 * The public portal: a PORTAL publication is on /public/messages and its RSS feed from its publishing time (the
 * pages read the publication itself), so delivering it only records that it is published.
 */
@Component
class PortalAdapter implements ChannelAdapter {

    @Override
    public String name() {
        return "portal";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.PORTAL);
    }

    @Override
    public Outcome send(Message message) {
        return new Outcome(DeliveryStatus.SENT, DeliveryDetail.of("publishing.detail.portal",
                "/public/messages/" + message.publicationId()));
    }
}

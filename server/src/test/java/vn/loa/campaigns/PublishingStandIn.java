package vn.loa.campaigns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Publication;
import vn.loa.publishing.Publishing;
import vn.loa.shared.Actor;

/**
 * Test only, until the publishing module is merged (the lead deletes it then): records in memory what it is given, so
 * that the application context starts and tests can ask {@link #bySource} what campaigns handed over.
 */
@Component
class PublishingStandIn implements Publishing {

    private final AtomicLong ids = new AtomicLong();
    private final List<Object[]> publications = new ArrayList<>();

    @Override
    public synchronized long enqueue(Publication publication, Actor by) {
        long id = ids.incrementAndGet();
        publications.add(new Object[] {id, publication, false});
        return id;
    }

    @Override
    public synchronized void withdraw(long publicationId, String reason, Actor by) {
        publications.stream().filter(p -> (long) p[0] == publicationId).forEach(p -> p[2] = true);
    }

    @Override
    public synchronized List<PublicationRecord> bySource(String source) {
        return publications.reversed().stream().filter(p -> ((Publication) p[1]).source().equals(source)).map(p -> {
            Publication pub = (Publication) p[1];
            return new PublicationRecord((long) p[0], pub.source(), pub.campaign(), pub.channel(), pub.language(),
                    pub.title(), pub.publishAt(), pub.emergency(), 0, 0, 0, 0, 0, 0, (boolean) p[2]);
        }).toList();
    }

    @Override
    public List<Delivery> deliveries(long publicationId, SignedInUser user) {
        return List.of();
    }

    @Override
    public List<CommuneReach> reach(String campaign) {
        return List.of();
    }
}

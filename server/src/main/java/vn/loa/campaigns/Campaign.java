package vn.loa.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.loa.publishing.Channel;

/**
 * A campaign of a plan.
 *
 * @param communes the commune codes chosen as audience (valid on the day they were chosen)
 * @param responsibleAgencies codes of the agencies that carry it out with the owner
 * @param keywords the listening topic: words whose attention and sentiment before and after measure the effect
 * @param budgetVnd the budget in đồng; may be null
 */
public record Campaign(long id, long planId, String agencyCode, String title, String policy, String objectives,
        String keyMessages, List<Audience> audiences, List<String> communes, List<Channel> channels,
        List<String> responsibleAgencies, LocalDate startsOn, LocalDate endsOn, String budgetLine, Long budgetVnd,
        List<String> keywords, String createdBy, Instant createdAt) {

    public Campaign {
        audiences = List.copyOf(audiences);
        communes = List.copyOf(communes);
        channels = List.copyOf(channels);
        responsibleAgencies = List.copyOf(responsibleAgencies);
        keywords = List.copyOf(keywords);
    }

    /** The opaque reference publishing keeps for it. */
    public String reference() {
        return "campaign:" + id;
    }
}

package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;

/** The before-and-after arithmetic over whatever days an attention source gives. */
class TopicAttentionUnitTests {

    private static final SignedInUser LEADER = new SignedInUser(0L, "leader", "Lãnh đạo", null, null, Set.of(Role.LEADER));

    /** Every day before 10 March: 2 posts, 1 comment, not negative; from it: 6 posts, 4 comments, 1 negative, 2 questions. */
    private final TopicAttention days = (phrases, from, to, user) -> {
        List<TopicAttention.Day> list = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            boolean after = !day.isBefore(LocalDate.of(2026, 3, 10));
            list.add(after ? new TopicAttention.Day(day, 6, 4, 1, 2, 1, 2) : new TopicAttention.Day(day, 2, 1, 0, 1, 0, 0));
        }
        return list;
    };

    @Test
    void comparesTheCampaignsDaysSoFarWithAsManyDaysBeforeItAtLeastTwoWeeks() {
        TopicAttention.Comparison c = days.around(List.of("bhyt"), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 30),
                LocalDate.of(2026, 3, 19), LEADER);
        // ten days so far, but at least fourteen before
        assertThat(c.after().days()).isEqualTo(10);
        assertThat(c.after().to()).isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(c.before().days()).isEqualTo(14);
        assertThat(c.before().from()).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(c.days()).hasSize(24);
        assertThat(c.before().postsPerDay()).isEqualTo(2.0);
        assertThat(c.after().postsPerDay()).isEqualTo(6.0);
        assertThat(c.after().questionsPerDay()).isEqualTo(2.0);
        assertThat(c.after().negativeShare()).isCloseTo(0.25, within(1e-9));
        assertThat(c.before().negativeShare()).isZero();
    }

    @Test
    void anEndedCampaignIsMeasuredToItsEndAndOneNotStartedHasNoAfter() {
        TopicAttention.Comparison ended = days.around(List.of("bhyt"), LocalDate.of(2026, 3, 10),
                LocalDate.of(2026, 4, 8), LocalDate.of(2026, 12, 1), LEADER);
        assertThat(ended.after().days()).isEqualTo(30);
        assertThat(ended.before().days()).isEqualTo(30);
        TopicAttention.Comparison coming = days.around(List.of("bhyt"), LocalDate.of(2026, 3, 10), null,
                LocalDate.of(2026, 3, 1), LEADER);
        assertThat(coming.after()).isNull();
        assertThat(coming.before().days()).isEqualTo(14);
        assertThat(coming.before().to()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(coming.days()).hasSize(14);
    }
}

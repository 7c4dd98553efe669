package vn.loa.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox's back-off arithmetic and the broadcast schedule's slots. */
class PublishingScheduleUnitTests {

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToTheMaximum() {
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(1);
        assertThat(PublishingSettings.backoff(1, base, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(PublishingSettings.backoff(2, base, max)).isEqualTo(Duration.ofSeconds(60));
        assertThat(PublishingSettings.backoff(3, base, max)).isEqualTo(Duration.ofSeconds(120));
        assertThat(PublishingSettings.backoff(5, base, max)).isEqualTo(Duration.ofSeconds(480));
        assertThat(PublishingSettings.backoff(8, base, max)).isEqualTo(Duration.ofHours(1));
        // no overflow however many attempts
        assertThat(PublishingSettings.backoff(500, base, max)).isEqualTo(Duration.ofHours(1));
        assertThat(PublishingSettings.backoff(0, base, max)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void slotsAreReadSortedAndWithoutDuplicates() {
        assertThat(JdbcBroadcasts.parseSlots("17:00, 06:00 6:00;11:30")).containsExactly(LocalTime.of(6, 0),
                LocalTime.of(11, 30), LocalTime.of(17, 0));
        assertThat(JdbcBroadcasts.parseSlots(" ")).isEmpty();
        assertThatThrownBy(() -> JdbcBroadcasts.parseSlots("6 giờ")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void theFirstSlotIsTheNextBroadcastTimeInVietnam() {
        List<LocalTime> slots = List.of(LocalTime.of(6, 0), LocalTime.of(17, 0));
        // 08:00 in Vietnam (01:00 UTC): the 17:00 slot the same day
        assertThat(JdbcBroadcasts.firstSlot(slots, Instant.parse("2026-12-02T01:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        // 18:00 in Vietnam: 06:00 the next morning
        assertThat(JdbcBroadcasts.firstSlot(slots, Instant.parse("2026-12-02T11:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T23:00:00Z"));
        // exactly at a slot: that slot
        assertThat(JdbcBroadcasts.firstSlot(slots, Instant.parse("2026-12-02T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        // a billboard without slots shows at once
        assertThat(JdbcBroadcasts.firstSlot(List.of(), Instant.parse("2026-12-02T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    }
}

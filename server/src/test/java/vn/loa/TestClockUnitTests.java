package vn.loa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.loa.shared.LocalTime;

class TestClockUnitTests {

    @Test
    void readInVietnamsZoneItGivesVietnamsDayAndMovesWithTheClock() {
        // 19:00 UTC on the 7th is 02:00 on the 8th in Vietnam
        TestClock clock = new TestClock(Instant.parse("2026-12-07T19:00:00Z"));
        Clock vietnam = clock.withZone(LocalTime.ZONE);
        assertThat(vietnam.getZone()).isEqualTo(LocalTime.ZONE);
        assertThat(LocalDate.now(vietnam)).isEqualTo(LocalDate.of(2026, 12, 8));
        // set or moved, the test clock moves the view too
        clock.advance(Duration.ofHours(5));
        assertThat(LocalDateTime.now(vietnam)).isEqualTo(LocalDateTime.of(2026, 12, 8, 7, 0));
        clock.set(Instant.parse("2026-12-31T17:30:00Z"));
        assertThat(LocalDate.now(vietnam)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(vietnam.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 12, 31));
    }
}

package vn.loa.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.loa.platform.DemoReplay;
import vn.loa.shared.LocalTime;

class ApplicationClockUnitTests {

    private final Instant now = Instant.parse("2026-12-07T02:00:00Z");
    private final Clock clock = new ApplicationClock(Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void readsTheRecordedPastOnlyOnTheThreadThatRecordsItAndOnlyMeanwhile() throws Exception {
        Instant firstDay = Instant.parse("2026-11-27T00:30:00Z");
        Instant elsewhere = DemoReplay.at(firstDay, () -> {
            assertThat(clock.instant()).isEqualTo(firstDay);
            assertThat(clock.withZone(LocalTime.ZONE).instant()).isEqualTo(firstDay);
            // a worker's thread keeps the real time
            return CompletableFuture.supplyAsync(clock::instant).join();
        });
        assertThat(elsewhere).isEqualTo(now);
        assertThat(clock.instant()).isEqualTo(now);
        assertThat(DemoReplay.replayed()).isNull();
    }

    @Test
    void anInnerRecordingGivesBackTheOuterOneAndAFailureLeavesNothingBehind() {
        Instant morning = Instant.parse("2026-11-27T00:30:00Z");
        Instant evening = Instant.parse("2026-11-27T10:12:00Z");
        DemoReplay.at(morning, () -> {
            DemoReplay.at(evening, () -> assertThat(clock.instant()).isEqualTo(evening));
            assertThat(clock.instant()).isEqualTo(morning);
        });
        try {
            DemoReplay.at(morning, (Runnable) () -> {
                throw new IllegalStateException("refused");
            });
        } catch (IllegalStateException expected) {
            // the work failed: the clock reads the real time again all the same
        }
        assertThat(clock.instant()).isEqualTo(now);
    }

    @Test
    void noWorkerRoundRunsWhileAStoryIsToldAndRoundsRunAgainAfter() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        DemoReplay.story(() -> {
            // a worker's thread, between two steps of the story: its round is skipped
            boolean ran = CompletableFuture.supplyAsync(() -> DemoReplay.unlessTelling(rounds::incrementAndGet)).join();
            assertThat(ran).isFalse();
        });
        assertThat(rounds).hasValue(0);
        assertThat(CompletableFuture.supplyAsync(() -> DemoReplay.unlessTelling(rounds::incrementAndGet)).join()).isTrue();
        assertThat(rounds).hasValue(1);
    }

    @Test
    void aStoryWaitsForAWorkerRoundUnderWayToEnd() throws Exception {
        CountDownLatch roundStarted = new CountDownLatch(1);
        CountDownLatch roundMayEnd = new CountDownLatch(1);
        AtomicInteger order = new AtomicInteger();
        int[] roundEndedAs = new int[1];
        CompletableFuture<Boolean> round = CompletableFuture.supplyAsync(() -> DemoReplay.unlessTelling(() -> {
            roundStarted.countDown();
            try {
                roundMayEnd.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            roundEndedAs[0] = order.incrementAndGet();
        }));
        assertThat(roundStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> story = CompletableFuture.supplyAsync(() -> {
            int[] toldAs = new int[1];
            DemoReplay.story(() -> toldAs[0] = order.incrementAndGet());
            return toldAs[0];
        });
        Thread.sleep(200);
        assertThat(story).isNotDone();
        roundMayEnd.countDown();
        assertThat(story.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(round.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(roundEndedAs[0]).isEqualTo(1);
    }
}

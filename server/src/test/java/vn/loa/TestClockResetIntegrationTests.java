package vn.loa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The shared test clock carries no test's moves into another ({@link TestClockReset}): each test method starts where
 * its class's {@code @BeforeAll} left the clock, and each test class, a nested one too, starts at the real now.
 */
@SpringBootTest
@Import(TestClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestClockResetIntegrationTests {

    @Autowired
    TestClock clock;

    private Instant leftByTheClass;

    @BeforeAll
    void startsAtTheRealNowAndMovesTheClockForAllItsTests() {
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        clock.set(Instant.parse("2031-05-02T03:00:00Z"));
        leftByTheClass = clock.instant();
    }

    @Test
    @Order(1)
    void aTestMovesTheClock() {
        assertThat(clock.instant()).isEqualTo(leftByTheClass);
        clock.advance(Duration.ofDays(40));
    }

    @Test
    @Order(2)
    void theNextTestFindsItWhereTheClassLeftIt() {
        assertThat(clock.instant()).isEqualTo(leftByTheClass);
        clock.set(Instant.parse("2027-02-06T00:00:00Z"));
    }

    @Nested
    class AnotherClass {

        @Test
        void startsAtTheRealNowWhereverTheClassBeforeLeftTheClock() {
            assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        }
    }
}

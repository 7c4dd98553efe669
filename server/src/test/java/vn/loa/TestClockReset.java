package vn.loa;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Keeps the shared {@link TestClock} of a cached test context from carrying one test's moves into another: every test
 * class starts it at the real now, as if its context had just started, and every test method's moves (set or advanced,
 * in the method or its {@code @BeforeEach}/{@code @AfterEach}) are undone after it, back to where the class's
 * {@code @BeforeAll} left it. Registered for every Spring test in {@code META-INF/spring.factories}; a context without
 * a {@link TestClock} is left alone.
 */
public class TestClockReset extends AbstractTestExecutionListener {

    private static final String BEFORE_METHOD = TestClockReset.class.getName() + ".beforeMethod";

    /** After Spring's own listeners (dependency injection, dirtied contexts): the context is the one the test uses. */
    @Override
    public int getOrder() {
        return 10_000;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        // loads the context a class of a Spring test would load anyway, before its @BeforeAll methods run
        TestClock clock = clock(testContext);
        if (clock != null) {
            // PostgreSQL keeps microseconds: a clock at whole microseconds reads back exactly as stored
            clock.set(Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        TestClock clock = clock(testContext);
        if (clock != null) {
            testContext.setAttribute(BEFORE_METHOD, clock.setting());
        }
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        Object before = testContext.removeAttribute(BEFORE_METHOD);
        if (before != null && testContext.hasApplicationContext()) {
            TestClock clock = clock(testContext);
            if (clock != null) {
                clock.set((Instant) before);
            }
        }
    }

    private static TestClock clock(TestContext testContext) {
        return testContext.getApplicationContext().getBeanProvider(TestClock.class).getIfUnique();
    }
}

package vn.loa.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.loa.shared.InvalidInput;

/** A report's period: months, quarters and years of the calendar, named in the title, refused field by field. */
class ReportPeriodUnitTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void aPeriodIsAMonthAQuarterOrAYearThatHasStarted() {
        ReportPeriod q4 = ReportPeriod.of("quarterly", 2026, 4, TODAY);
        assertThat(q4.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.to()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q4.vietnamese()).isEqualTo("quý IV năm 2026");
        ReportPeriod february = ReportPeriod.of("MONTHLY", 2024, 2, TODAY);
        assertThat(february.to()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(february.vietnamese()).isEqualTo("tháng 2 năm 2024");
        assertThat(ReportPeriod.of("YEARLY", 2025, null, TODAY).vietnamese()).isEqualTo("năm 2025");
        assertThat(ReportPeriod.starting("QUARTERLY", LocalDate.of(2026, 7, 1), TODAY).number()).isEqualTo(3);

        assertThat(field(() -> ReportPeriod.of("WEEKLY", 2026, 1, TODAY))).isEqualTo("kind");
        assertThat(field(() -> ReportPeriod.of("QUARTERLY", 2026, 5, TODAY))).isEqualTo("period");
        assertThat(field(() -> ReportPeriod.of("MONTHLY", 2026, 0, TODAY))).isEqualTo("period");
        assertThat(field(() -> ReportPeriod.of("MONTHLY", 1999, 1, TODAY))).isEqualTo("year");
        assertThat(field(() -> ReportPeriod.of("YEARLY", 2027, null, TODAY))).isEqualTo("period");
        assertThat(field(() -> ReportPeriod.starting("QUARTERLY", LocalDate.of(2026, 8, 1), TODAY))).isEqualTo("periodStart");
    }

    private static String field(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        try {
            call.call();
        } catch (InvalidInput e) {
            return e.field();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not refused");
    }
}

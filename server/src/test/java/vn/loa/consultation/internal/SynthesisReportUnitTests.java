package vn.loa.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The synthesis report says what the agency did in the tense of the consultation's state. */
class SynthesisReportUnitTests {

    private static final LocalDate OPENS = LocalDate.of(2026, 12, 8);
    private static final LocalDate CLOSES = LocalDate.of(2027, 1, 10);

    @Test
    void saysAConsultationNotYetPublishedOrNotYetOpenIsPlanned() {
        assertThat(SynthesisReport.consulting("DRAFT", OPENS, CLOSES, OPENS.minusDays(3)))
                .isEqualTo("dự kiến lấy ý kiến góp ý đối với");
        assertThat(SynthesisReport.consulting("DRAFT", OPENS, CLOSES, OPENS.plusDays(3)))
                .isEqualTo("dự kiến lấy ý kiến góp ý đối với");
        assertThat(SynthesisReport.consulting("OPEN", OPENS, CLOSES, OPENS.minusDays(1)))
                .isEqualTo("dự kiến lấy ý kiến góp ý đối với");
    }

    @Test
    void saysAnOpenConsultationIsUnderWayAndAClosedOneWasHeld() {
        assertThat(SynthesisReport.consulting("OPEN", OPENS, CLOSES, OPENS)).isEqualTo("đang lấy ý kiến góp ý đối với");
        assertThat(SynthesisReport.consulting("OPEN", OPENS, CLOSES, CLOSES)).isEqualTo("đang lấy ý kiến góp ý đối với");
        assertThat(SynthesisReport.consulting("OPEN", OPENS, CLOSES, CLOSES.plusDays(1)))
                .isEqualTo("đã lấy ý kiến góp ý đối với");
        assertThat(SynthesisReport.consulting("CLOSED", OPENS, CLOSES, CLOSES)).isEqualTo("đã lấy ý kiến góp ý đối với");
        assertThat(SynthesisReport.consulting("ADOPTED", OPENS, CLOSES, CLOSES.plusDays(9)))
                .isEqualTo("đã lấy ý kiến góp ý đối với");
    }
}

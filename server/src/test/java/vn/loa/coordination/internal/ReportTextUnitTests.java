package vn.loa.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.loa.platform.MessageBundles;
import vn.loa.coordination.ReportFigures;
import vn.loa.coordination.ReportPeriod;

class ReportTextUnitTests {

    @Test
    void anIssuesTitleIsQuotedOnceWhetherOrNotItCameQuoted() {
        assertThat(ReportText.quoted("bệnh nhân xuất viện")).isEqualTo("«bệnh nhân xuất viện»");
        assertThat(ReportText.quoted("«bệnh nhân xuất viện…»")).isEqualTo("«bệnh nhân xuất viện…»");
        assertThat(ReportText.quoted(" ««lồng»» ")).isEqualTo("«lồng»");
    }

    @Test
    void lateWithdrawalsAreToldAndFiguresKeptBeforeTheyWereCountedReadAsBefore() {
        ReportText text = new ReportText(MessageBundles.real());
        ReportPeriod quarter = ReportPeriod.of("QUARTERLY", 2026, 3, LocalDate.of(2026, 12, 7));
        ReportFigures f = ReportChartsUnitTests.figures();
        ReportFigures counted = new ReportFigures(f.kind(), f.from(), f.to(), f.asOf(), f.computedAt(), f.listening(), f.desk(),
                new ReportFigures.Transparency(4, 2, 1, 1, 1, 1L), new ReportFigures.Press(3, 2, 1, 2, 1, 1, 1L, 1L), f.reach(),
                f.consultations(), f.tasks());
        assertThat(text.section("transparency", counted, quarter)).endsWith(
                "trong đó 1 yêu cầu quá hạn; 1 yêu cầu được rút hoặc chuyển cơ quan khác khi đã quá hạn giải quyết.");
        assertThat(text.section("press", counted, quarter)).contains(
                "đã trả lời 2 đề nghị (trong thời hạn 1 đề nghị), 1 đề nghị trễ hạn (trả lời sau thời hạn, quá hạn chưa"
                        + " trả lời hoặc cơ quan rút khi đã quá hạn), ghi nhận rút 1 đề nghị (có nêu lý do);");
        // figures of a report issued before: the sentences they had
        assertThat(text.section("transparency", f, quarter)).endsWith("trong đó 1 yêu cầu quá hạn.")
                .doesNotContain("rút");
        assertThat(text.section("press", f, quarter)).doesNotContain("ghi nhận rút", "trễ hạn");
    }
}

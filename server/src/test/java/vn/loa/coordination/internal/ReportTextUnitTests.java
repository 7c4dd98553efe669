package vn.loa.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTextUnitTests {

    @Test
    void anIssuesTitleIsQuotedOnceWhetherOrNotItCameQuoted() {
        assertThat(ReportText.quoted("bệnh nhân xuất viện")).isEqualTo("«bệnh nhân xuất viện»");
        assertThat(ReportText.quoted("«bệnh nhân xuất viện…»")).isEqualTo("«bệnh nhân xuất viện…»");
        assertThat(ReportText.quoted(" ««lồng»» ")).isEqualTo("«lồng»");
    }
}

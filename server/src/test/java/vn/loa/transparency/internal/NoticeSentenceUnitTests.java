package vn.loa.transparency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoticeSentenceUnitTests {

    @Test
    void anOfficersReasonEndsTheNoticesSentenceWithOneFullStop() {
        assertThat(JdbcInformationRequests.sentence("người yêu cầu không phải người đại diện."))
                .isEqualTo("người yêu cầu không phải người đại diện.");
        assertThat(JdbcInformationRequests.sentence("  cần thêm thời gian tổng hợp  ")).isEqualTo("cần thêm thời gian tổng hợp.");
        assertThat(JdbcInformationRequests.sentence("Có đúng không?")).isEqualTo("Có đúng không?");
    }
}

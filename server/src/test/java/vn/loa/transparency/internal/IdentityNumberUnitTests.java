package vn.loa.transparency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a request's form takes as the requester's identity card or passport number (form 01a). */
class IdentityNumberUnitTests {

    @Test
    void aCitizenIdentityCardAnOldCardOrAPassportAsPeopleTypeThem() {
        assertThat(JdbcInformationRequests.identityNumber("056190001234")).isTrue();
        assertThat(JdbcInformationRequests.identityNumber("056 190 001 234")).isTrue();
        assertThat(JdbcInformationRequests.identityNumber("056.190.001.234")).isTrue();
        assertThat(JdbcInformationRequests.identityNumber("225123456")).isTrue();
        assertThat(JdbcInformationRequests.identityNumber("C1234567")).isTrue();
        assertThat(JdbcInformationRequests.identityNumber("c1234567")).isTrue();
        assertThat(JdbcInformationRequests.identityNumber("X12AB3456")).isTrue();
    }

    @Test
    void wordsAndNumbersOfOtherLengthsAreNot() {
        assertThat(JdbcInformationRequests.identityNumber("abc")).isFalse();
        assertThat(JdbcInformationRequests.identityNumber("không có")).isFalse();
        assertThat(JdbcInformationRequests.identityNumber("ABCDEFGH")).isFalse();
        assertThat(JdbcInformationRequests.identityNumber("0561900012")).isFalse();
        assertThat(JdbcInformationRequests.identityNumber("0561900012345")).isFalse();
        assertThat(JdbcInformationRequests.identityNumber("12345")).isFalse();
        assertThat(JdbcInformationRequests.identityNumber("C1234567890123")).isFalse();
        assertThat(JdbcInformationRequests.identityNumber("C123/4567")).isFalse();
    }
}

package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiAreaUnitTests {

    @Test
    void anAddressBelongsToTheAreaOfItsFirstSegmentOnly() {
        assertThat(ApiArea.of("/api/v1/posts")).contains(ApiArea.LISTENING);
        assertThat(ApiArea.of("/api/v1/posts/import")).contains(ApiArea.LISTENING);
        assertThat(ApiArea.of("/api/v1/calendar/holidays")).contains(ApiArea.TRANSPARENCY);
        // the calendar's administration is administration, not the calendar
        assertThat(ApiArea.of("/api/v1/admin/calendar/entries")).contains(ApiArea.ADMINISTRATION);
        assertThat(ApiArea.of("/api/v1/evidence/verify")).contains(ApiArea.MISINFORMATION);
        // a segment that only starts like an area's is none
        assertThat(ApiArea.of("/api/v1/postsx")).isEmpty();
        assertThat(ApiArea.of("/api/v1/pressure")).isEmpty();
        assertThat(ApiArea.of("/posts")).isEmpty();
    }

    @Test
    void aLimitedTokenMayCallItsAreasAndWhoItIsButNothingElse() {
        Set<ApiArea> press = Set.of(ApiArea.PRESS);
        assertThat(ApiArea.allows(press, "/api/v1/press/enquiries")).isTrue();
        assertThat(ApiArea.allows(press, "/api/v1/me")).isTrue();
        assertThat(ApiArea.allows(press, "/api/v1/agencies")).isTrue();
        assertThat(ApiArea.allows(press, "/v3/api-docs")).isTrue();
        assertThat(ApiArea.allows(press, "/api/v1/cases")).isFalse();
        assertThat(ApiArea.allows(press, "/api/v1/mex")).isFalse();
        assertThat(ApiArea.allows(press, "/api/v1/unknown")).isFalse();
        // no area chosen: every part
        assertThat(ApiArea.allows(Set.of(), "/api/v1/cases")).isTrue();
    }

    @Test
    void everyCodeReadsBackAsItsArea() {
        for (ApiArea area : ApiArea.values()) {
            assertThat(ApiArea.ofCode(area.code())).contains(area);
        }
        assertThat(ApiArea.ofCode("everything")).isEmpty();
    }
}

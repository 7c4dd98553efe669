package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

class PagerUnitTests {

    @Test
    void linksKeepTheFiltersThatAreSetAndEncodeThem() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", "Sở Y tế & 50%+");
        filters.put("platform", "");
        filters.put("health", "failing");
        Pager pager = Pager.of("/listening/sources", filters, page(2, 50, 2300));
        assertThat(pager.first()).isEqualTo(51);
        assertThat(pager.last()).isEqualTo(100);
        assertThat(pager.pages()).isEqualTo(46);
        assertThat(pager.firstPage()).isEqualTo("/listening/sources?q=S%E1%BB%9F%20Y%20t%E1%BA%BF%20%26%2050%25%2B&health=failing");
        assertThat(pager.previous()).isEqualTo(pager.firstPage());
        assertThat(pager.next()).isEqualTo(pager.firstPage() + "&page=3");
        assertThat(pager.lastPage()).isEqualTo(pager.firstPage() + "&page=46");
        assertThat(pager.moves()).isTrue();
    }

    @Test
    void theFirstAndLastPagesHaveNoLinkBeyondThemAndAnUncountedListNoLastLink() {
        Pager only = Pager.of("/alerts", Map.of(), page(1, 50, 12));
        assertThat(only.previous()).isNull();
        assertThat(only.next()).isNull();
        assertThat(only.moves()).isFalse();
        Pager larger = Pager.of("/alerts", Map.of(), page(1, 20, 45));
        assertThat(larger.next()).isEqualTo("/alerts?size=20&page=2");
        Page<Integer> uncounted = new Page<>(Collections.nCopies(50, 1), new PageRequest(1, 50), 10_000, true);
        Pager imports = Pager.of("/listening/sources/imports", Map.of(), uncounted);
        assertThat(imports.next()).isEqualTo("/listening/sources/imports?page=2");
        assertThat(imports.lastPage()).isNull();
        assertThat(imports.totalAtLeast()).isTrue();
    }

    @Test
    void anApiPageNamesItsNeighboursInALinkHeaderAndItsCount() {
        HttpHeaders headers = Pager.apiHeaders("/api/v1/cases", Map.of("agency", "SYT"), page(2, 50, 120));
        assertThat(headers.getFirst(HttpHeaders.LINK)).isEqualTo("</api/v1/cases?agency=SYT>; rel=\"first\", "
                + "</api/v1/cases?agency=SYT>; rel=\"prev\", </api/v1/cases?agency=SYT&page=3>; rel=\"next\", "
                + "</api/v1/cases?agency=SYT&page=3>; rel=\"last\"");
        assertThat(headers.getFirst("X-Total-Count")).isEqualTo("120");
        assertThat(Pager.apiHeaders("/api/v1/cases", Map.of(), page(1, 50, 3)).containsHeader(HttpHeaders.LINK)).isFalse();
    }

    private static Page<Integer> page(int number, int size, long total) {
        long rows = Math.min(size, total - (long) (number - 1) * size);
        return new Page<>(Collections.nCopies((int) rows, 1), new PageRequest(number, size), total);
    }
}

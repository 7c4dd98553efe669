package vn.loa.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * What a page shows under a long list: which rows these are of how many ("1–50 of 2,275"), and links to the first,
 * previous, next and last pages that keep the list's filters. Templates show it with
 * {@code ~{fragments/shell :: pager(${pager})}}.
 *
 * @param first the place of the page's first row, from 1; 0 when there is none
 * @param last the place of its last row
 * @param total how many rows the list has, or at least has when {@code totalAtLeast}
 * @param pages how many pages, at least
 * @param previous the previous page's address, null on the first page; likewise {@code firstPage}
 * @param next the next page's address, null on the last page
 * @param lastPage the last page's address, null on it and when the list was not counted to its end
 */
public record Pager(long first, long last, long total, boolean totalAtLeast, int number, long pages, String firstPage,
        String previous, String next, String lastPage) {

    /**
     * The pager of a page of the list at {@code path}, whose links carry the filters that are not blank (in the
     * order given) and the page's size when it is not the default one.
     */
    public static Pager of(String path, Map<String, String> filters, Page<?> page) {
        int number = page.number();
        return new Pager(page.first(), page.last(), page.total(), page.totalAtLeast(), number, page.pages(),
                page.hasPrevious() ? link(path, filters, page, 1) : null,
                page.hasPrevious() ? link(path, filters, page, number - 1) : null,
                page.hasNext() ? link(path, filters, page, number + 1) : null,
                page.hasNext() && !page.totalAtLeast() ? link(path, filters, page, page.pages()) : null);
    }

    /**
     * The headers an API answer carries with a page of a list in its body: {@code Link} (RFC 8288) to the first,
     * previous, next and last pages, keeping the filters, and {@code X-Total-Count}, how many rows the list has.
     */
    public static HttpHeaders apiHeaders(String path, Map<String, String> filters, Page<?> page) {
        Pager pager = of(path, filters, page);
        List<String> links = new ArrayList<>();
        for (String[] link : new String[][] {{pager.firstPage, "first"}, {pager.previous, "prev"}, {pager.next, "next"},
                {pager.lastPage, "last"}}) {
            if (link[0] != null) {
                links.add("<" + link[0] + ">; rel=\"" + link[1] + "\"");
            }
        }
        HttpHeaders headers = new HttpHeaders();
        if (!links.isEmpty()) {
            headers.set(HttpHeaders.LINK, String.join(", ", links));
        }
        if (!page.totalAtLeast()) {
            headers.set("X-Total-Count", Long.toString(page.total()));
        }
        return headers;
    }

    /** Whether there is more than one page to move between. */
    public boolean moves() {
        return previous != null || next != null;
    }

    private static String link(String path, Map<String, String> filters, Page<?> page, long number) {
        Map<String, String> parameters = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                parameters.put(name, value);
            }
        });
        if (page.request().size() != PageRequest.DEFAULT_SIZE) {
            parameters.put("size", Integer.toString(page.request().size()));
        }
        if (number > 1) {
            parameters.put("page", Long.toString(number));
        }
        StringBuilder link = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            link.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return link.toString();
    }

    /** Percent-encoded, a space as {@code %20}: every decoder reads that as a space, not all read {@code +} so. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package vn.loa.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a long list, and how long the whole list is.
 *
 * @param items the rows of this page, in the list's order
 * @param request the page they are (after moving to the last page when the one asked for lies beyond the list)
 * @param total how many rows the whole list has; when {@code totalAtLeast}, how many were counted before counting
 *     stopped (lists that grow by the hundred thousand are not counted to the end)
 * @param totalAtLeast whether the list has more rows than {@code total}
 */
public record Page<T>(List<T> items, PageRequest request, long total, boolean totalAtLeast) {

    public Page {
        items = List.copyOf(items);
        if (request == null) {
            throw new IllegalArgumentException("a page needs the request it answers");
        }
        // rows added between the count and the page's query are counted in
        total = Math.max(total, request.offset() + items.size());
    }

    /** A page of a list counted to its end. */
    public Page(List<T> items, PageRequest request, long total) {
        this(items, request, total, false);
    }

    /** The page's number, from 1. */
    public int number() {
        return request.number();
    }

    /** The place in the list of the page's first row, from 1; 0 when the page is empty. */
    public long first() {
        return items.isEmpty() ? 0 : request.offset() + 1;
    }

    /** The place in the list of the page's last row; 0 when the page is empty. */
    public long last() {
        return items.isEmpty() ? 0 : request.offset() + items.size();
    }

    /** How many pages the list fills (at least one); a lower bound when the list was not counted to its end. */
    public long pages() {
        return Math.max(1, (total + request.size() - 1) / request.size());
    }

    public boolean hasPrevious() {
        return request.number() > 1;
    }

    public boolean hasNext() {
        return request.offset() + items.size() < total;
    }

    /** The same page with each row turned into something else. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), request, total, totalAtLeast);
    }
}

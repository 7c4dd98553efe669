package vn.loa.shared;

/**
 * Which page of a long list to read: its number, from 1, and how many rows a page holds, 1 to {@value #MAX_SIZE}.
 * Lists that grow (sources, imports, quarantined lines, alerts, cases, users) are read a page at a time, never whole.
 *
 * @param number the page, from 1
 * @param size rows per page, 1 to {@value #MAX_SIZE}
 */
public record PageRequest(int number, int size) {

    /** Rows per page when nobody asks for another size. */
    public static final int DEFAULT_SIZE = 50;

    /** The most rows a page may hold. */
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (number < 1) {
            throw new InvalidInput("page", "paging.error.page");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "paging.error.size", MAX_SIZE);
        }
    }

    /** The page with that number, of {@value #DEFAULT_SIZE} rows. */
    public static PageRequest of(int number) {
        return new PageRequest(number, DEFAULT_SIZE);
    }

    /**
     * A page as the API's parameters ask for it: blank means the first page and {@value #DEFAULT_SIZE} rows; a
     * number that is not one, or out of bounds, is refused naming {@code page} or {@code size}.
     */
    public static PageRequest parse(String number, String size) {
        return new PageRequest(whole(number, 1, "page", "paging.error.page"),
                whole(size, DEFAULT_SIZE, "size", "paging.error.size"));
    }

    /**
     * A page as a page's address asks for it, forgiving what a person may type: a missing, unreadable or too small
     * number gives the first page, a size out of bounds the nearest bound.
     */
    public static PageRequest lenient(String number, String size) {
        int page;
        int rows;
        try {
            page = Math.max(1, whole(number, 1, "page", "paging.error.page"));
        } catch (InvalidInput e) {
            page = 1;
        }
        try {
            rows = Math.clamp(whole(size, DEFAULT_SIZE, "size", "paging.error.size"), 1, MAX_SIZE);
        } catch (InvalidInput e) {
            rows = DEFAULT_SIZE;
        }
        return new PageRequest(page, rows);
    }

    /** How many rows come before this page. */
    public long offset() {
        return (long) (number - 1) * size;
    }

    /** This page if the list reaches it, else the list's last page (the first when the list is empty). */
    public PageRequest within(long total) {
        long last = Math.max(1, (total + size - 1) / size);
        return number <= last ? this : new PageRequest((int) Math.min(last, Integer.MAX_VALUE), size);
    }

    private static int whole(String text, int blank, String field, String messageKey) {
        if (text == null || text.isBlank()) {
            return blank;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw field.equals("size") ? new InvalidInput(field, messageKey, MAX_SIZE) : new InvalidInput(field, messageKey);
        }
    }
}

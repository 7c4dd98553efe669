package vn.loa.platform;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An RSS 2.0 feed of the public portal (press releases, policy messages, refutations), written by Rome: entries with a plain-text
 * description of at most 600 characters, and no character XML 1.0 cannot hold.
 *
 * <p>RSS readers decode a description's XML once and show what they get as HTML, so the plain text is HTML-escaped
 * first: a {@code <script>} someone wrote into an explanation reaches the reader as the words "&lt;script&gt;", never
 * as markup (in the XML it is escaped twice: {@code &amp;lt;script&amp;gt;}).
 */
public final class RssFeed {

    private static final int DESCRIPTION = 600;

    private RssFeed() {
    }

    /**
     * One entry.
     *
     * @param link its absolute address
     * @param text its plain text, cut to 600 characters in the description
     * @param category what kind of entry it is (a refutation's verdict), or null
     */
    public record Item(String title, String link, Instant publishedAt, String author, String text, String category) {

        public Item(String title, String link, Instant publishedAt, String author, String text) {
            this(title, link, publishedAt, author, text, null);
        }
    }

    /** The feed as an answer of type {@code application/rss+xml}, in Vietnamese. */
    public static ResponseEntity<String> answer(String title, String description, String link, List<Item> items)
            throws FeedException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(xml(title));
        feed.setDescription(xml(description));
        feed.setLink(link);
        feed.setLanguage("vi");
        feed.setEntries(items.stream().map(RssFeed::entry).toList());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8"))
                .body(new SyndFeedOutput().outputString(feed));
    }

    private static SyndEntry entry(Item item) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(xml(item.title()));
        entry.setLink(item.link());
        entry.setUri(item.link());
        entry.setPublishedDate(Date.from(item.publishedAt()));
        entry.setAuthor(item.author());
        SyndContentImpl description = new SyndContentImpl();
        description.setType("text/plain");
        String text = item.text() == null ? "" : item.text();
        description.setValue(html(xml(text.length() > DESCRIPTION ? text.substring(0, DESCRIPTION) + "…" : text)));
        entry.setDescription(description);
        if (item.category() != null) {
            SyndCategoryImpl category = new SyndCategoryImpl();
            category.setName(xml(item.category()));
            entry.setCategories(List.of(category));
        }
        return entry;
    }

    /** Plain text as HTML that reads the same: the five characters HTML gives a meaning to, escaped. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text without the characters XML 1.0 cannot hold. */
    static String xml(String text) {
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}

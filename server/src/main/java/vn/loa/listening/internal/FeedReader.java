package vn.loa.listening.internal;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.Atom10Parser;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdom2.DefaultJDOMFactory;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.JDOMFactory;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.SAXHandler;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.SAXException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads RSS (0.90 to 2.0), RSS 1.0 (RDF), Atom (0.3 and 1.0) and JSON Feed (1.0 and 1.1) into items.
 *
 * <p>XML feeds are decoded by {@link FeedEncoding}, put right by {@link FeedMarkup}, parsed without ever loading an
 * external DTD or entity, and read by ROME. A DOCTYPE is accepted only when it is harmless: without a declaration of
 * entities (which could read files, reach other servers or expand without end) and either naming no DTD or one of
 * the public ones feeds were once published with, such as Netscape's RSS 0.91. Any other feed with a DOCTYPE is
 * refused as a whole, with that reason. Titles and texts are decoded and stripped of markup.
 */
final class FeedReader {

    /**
     * An item of a feed. {@code problem} is set when the item cannot be taken in (it is quarantined).
     *
     * @param id the feed's guid or id for it, else its link, else a hash of its title and text ({@code sha256:...})
     * @param url its address (http or https, absolute), may be null
     */
    record Item(String id, String url, String title, String text, Instant publishedAt, String author, String problem) {
    }

    /** DTDs that feeds were published with; naming one is not an attack, and none is ever fetched. */
    private static final Set<String> KNOWN_PUBLIC_IDS = Set.of("-//Netscape Communications//DTD RSS 0.91//EN");
    private static final Set<String> KNOWN_SYSTEM_IDS = Set.of("http://my.netscape.com/publish/formats/rss-0.91.dtd",
            "http://www.scripting.com/dtd/rss-0_91.dtd");
    private static final int MAX_LINK = 2000;
    private static final int MAX_AUTHOR = 200;

    static {
        // ROME's Atom parser resolves relative links against xml:base only when told so (a switch for the whole JVM)
        Atom10Parser.setResolveURIs(true);
    }

    private final ObjectMapper json;

    FeedReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Reads every item of a feed.
     *
     * @param contentType the HTTP {@code Content-Type}, may be null
     * @param address where the feed was fetched from: relative links resolve against it; may be null
     * @param now the time given to items without a date
     */
    List<Item> read(byte[] body, String contentType, URI address, Instant now) throws FeedException {
        if (body.length == 0) {
            throw new FeedException(FeedProblem.EMPTY);
        }
        if (isJson(body)) {
            return readJsonFeed(body, address, now);
        }
        Document document = parse(FeedMarkup.repair(FeedEncoding.decode(body, contentType)));
        SyndFeed feed = syndicate(document);
        List<Item> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry.getUri(), link(entry.getLink(), address), FeedMarkup.titleText(entry.getTitle()), firstText(entry),
                    date(entry.getPublishedDate(), entry.getUpdatedDate()), entry.getAuthor(), now));
        }
        return items;
    }

    /** Whether the body is JSON: its first character is a brace (servers label feeds too loosely to go by their type). */
    private static boolean isJson(byte[] body) {
        int start = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return body[i] == '{';
            }
        }
        return false;
    }

    private static Document parse(String xml) throws FeedException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING, GuardedHandler::new, new DefaultJDOMFactory());
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        // a DOCTYPE naming a known DTD is allowed (GuardedHandler refuses declarations), and said so here: the parsers
        // come from one factory for the whole JVM, and another reader of XML (ROME's own SyndFeedInput.build(Reader))
        // leaves this feature on for the parsers made after it
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        builder.setEntityResolver((publicId, systemId) -> {
            throw new Refused(FeedProblem.EXTERNAL_RESOURCE, systemId);
        });
        try {
            return builder.build(new StringReader(xml));
        } catch (JDOMException | IOException e) {
            Refused refused = refusal(e);
            if (refused != null) {
                throw refused.reason;
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new FeedException(FeedProblem.NOT_XML, message.replaceFirst("^Error on line (\\d+):", "line $1:").strip());
        } catch (RuntimeException e) {
            Refused refused = refusal(e);
            if (refused == null) {
                throw e;
            }
            throw refused.reason;
        }
    }

    private static Refused refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refused refused) {
                return refused;
            }
            if (cause instanceof SAXException sax && sax.getException() instanceof Refused refused) {
                return refused;
            }
        }
        return null;
    }

    private static SyndFeed syndicate(Document document) throws FeedException {
        String root = document.getRootElement().getName();
        try {
            return new SyndFeedInput().build(document);
        } catch (IllegalArgumentException e) {
            if (root.equals("rss")) {
                // an <rss> without a version (or with one ROME does not know) is read as RSS 2.0, which reads them all
                document.getRootElement().setAttribute("version", "2.0");
                try {
                    return new SyndFeedInput().build(document);
                } catch (IllegalArgumentException | com.rometools.rome.io.FeedException again) {
                    throw new FeedException(FeedProblem.NOT_RSS, again.getMessage());
                }
            }
            throw new FeedException(FeedProblem.NOT_A_FEED, root);
        } catch (com.rometools.rome.io.FeedException e) {
            throw new FeedException(FeedProblem.UNREADABLE, e.getMessage());
        }
    }

    /** The item's content (RSS content:encoded, Atom content) when it has some, else its description or summary. */
    private static String firstText(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            String text = FeedMarkup.plainText(content.getValue());
            if (text != null) {
                return text;
            }
        }
        return entry.getDescription() == null ? null : FeedMarkup.plainText(entry.getDescription().getValue());
    }

    private static Instant date(Date published, Date updated) {
        return published != null ? published.toInstant() : updated != null ? updated.toInstant() : null;
    }

    private List<Item> readJsonFeed(byte[] body, URI address, Instant now) throws FeedException {
        JsonNode feed;
        try {
            feed = json.readTree(body);
        } catch (JacksonException e) {
            throw new FeedException(FeedProblem.NOT_JSON, e.getOriginalMessage());
        }
        String version = text(feed.get("version"));
        if (!feed.isObject() || version == null || !version.startsWith("https://jsonfeed.org/version/1")) {
            throw new FeedException(FeedProblem.NOT_JSON_FEED);
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode entry : feed.path("items").values()) {
            String html = text(entry.get("content_html"));
            String plain = text(entry.get("content_text"));
            String text = html != null ? FeedMarkup.plainText(html)
                    : plain != null ? FeedMarkup.tidy(plain) : FeedMarkup.tidy(text(entry.get("summary")));
            String url = text(entry.get("url")) != null ? text(entry.get("url")) : text(entry.get("external_url"));
            JsonNode authors = entry.path("authors");
            String author = authors.isArray() && !authors.isEmpty() ? text(authors.get(0).get("name"))
                    : text(entry.path("author").get("name"));
            items.add(item(text(entry.get("id")), link(url, address), FeedMarkup.titleText(text(entry.get("title"))), text,
                    rfc3339(text(entry.get("date_published")), text(entry.get("date_modified"))), author, now));
        }
        return items;
    }

    private static String text(JsonNode node) {
        if (node == null || !(node.isString() || node.isNumber())) {
            return null;
        }
        String value = node.asString().strip();
        return value.isEmpty() ? null : value;
    }

    private static Instant rfc3339(String published, String modified) {
        for (String date : new String[] {published, modified}) {
            if (date != null) {
                try {
                    return OffsetDateTime.parse(date).toInstant();
                } catch (DateTimeParseException e) {
                    // the other date, else the time of reading
                }
            }
        }
        return null;
    }

    private static Item item(String guid, String url, String title, String text, Instant published, String author,
            Instant now) {
        String identity = guid != null && !guid.isBlank() ? guid.strip() : url != null ? url : null;
        String cleanAuthor = author == null || author.isBlank() ? null : author.strip();
        if (cleanAuthor != null && cleanAuthor.length() > MAX_AUTHOR) {
            cleanAuthor = cleanAuthor.substring(0, MAX_AUTHOR);
        }
        if (title == null && text == null) {
            return new Item(identity, url, null, null, null, cleanAuthor, "the item has no title and no text");
        }
        if (identity == null) {
            identity = "sha256:" + sha256((title == null ? "" : title) + "\n" + (text == null ? "" : text));
        }
        return new Item(identity, url, title, text == null ? title : text, published == null ? now : published,
                cleanAuthor, null);
    }

    /** An absolute http or https address, resolved against the feed's own; null for anything else. */
    static String link(String raw, URI base) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.strip().replace(" ", "%20");
        try {
            URI uri = new URI(trimmed);
            if (!uri.isAbsolute() && base != null) {
                uri = base.resolve(uri);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            String link = uri.toString();
            return link.length() > MAX_LINK ? null : link;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Why a feed's DOCTYPE is refused; unchecked, as JDOM's handler cannot throw a checked one everywhere. */
    private static final class Refused extends RuntimeException {

        private final FeedException reason;

        Refused(FeedProblem problem, Object... arguments) {
            this(new FeedException(problem, arguments));
        }

        private Refused(FeedException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }

    /** Builds the document as JDOM does, but stops at the first entity declared or DTD named that is not harmless. */
    private static final class GuardedHandler extends SAXHandler {

        GuardedHandler(JDOMFactory factory) {
            super(factory);
        }

        @Override
        public void startDTD(String name, String publicId, String systemId) throws SAXException {
            boolean harmless = (publicId == null && systemId == null) || (publicId != null && KNOWN_PUBLIC_IDS.contains(publicId))
                    || (publicId == null && KNOWN_SYSTEM_IDS.contains(systemId));
            if (!harmless) {
                throw new Refused(FeedProblem.FOREIGN_DTD, systemId != null ? systemId : publicId);
            }
            super.startDTD(name, publicId, systemId);
        }

        @Override
        public void internalEntityDecl(String name, String value) {
            throw declared(name);
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) {
            throw declared(name);
        }

        @Override
        public void unparsedEntityDecl(String name, String publicId, String systemId, String notationName) {
            throw declared(name);
        }

        private static Refused declared(String name) {
            return new Refused(FeedProblem.ENTITY, name);
        }
    }
}

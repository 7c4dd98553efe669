package vn.loa.listening.internal;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 and Atom 1.0 feeds with a streaming parser that refuses any document type
 * declaration, so neither external entities (XXE) nor entity expansion ("billion laughs") can
 * happen: a feed with a DOCTYPE is refused as a whole, with that reason. HTML in descriptions is
 * reduced to its text.
 */
final class FeedReader {

    /** An item of a feed. {@code problem} is set when the item cannot be taken in (it is quarantined). */
    record Item(String id, String url, String title, String text, Instant publishedAt, String author, String problem) {
    }

    /** A feed that cannot be read at all. */
    static final class FeedException extends Exception {
        FeedException(String message) {
            super(message);
        }
    }

    private static final XMLInputFactory FACTORY = factory();

    private FeedReader() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // warnings are not printed; a failure comes back as an exception with its reason
        factory.setXMLReporter((message, type, info, location) -> {
        });
        return factory;
    }

    /** Reads every item; the encoding comes from the XML declaration (UTF-8 when there is none). */
    static List<Item> read(InputStream in, Instant now) throws FeedException {
        List<Item> items = new ArrayList<>();
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(in);
            String root = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new FeedException("the feed declares a document type (DOCTYPE); Loa refuses it, "
                            + "as it could hide external entities or entity expansion");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new FeedException("the feed uses an undeclared entity &" + xml.getLocalName() + ";");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                if (root == null) {
                    root = name;
                    if (!name.equals("rss") && !name.equals("feed") && !name.equals("RDF")) {
                        throw new FeedException("this is not an RSS or Atom feed (its root element is <" + name + ">)");
                    }
                    continue;
                }
                if (name.equals("item") || name.equals("entry")) {
                    items.add(item(xml, name, now));
                }
            }
            if (root == null) {
                throw new FeedException("the feed is empty");
            }
            return items;
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNumber() + ")";
            String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("(?s)^ParseError at \\[.*?\\]\\s*Message:\\s*", "");
            throw new FeedException("the feed is not well-formed XML" + where + ": " + message.strip());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the stream, which the caller closes
                }
            }
        }
    }

    private static Item item(XMLStreamReader xml, String element, Instant now) throws XMLStreamException, FeedException {
        String id = null;
        String url = null;
        String title = null;
        String description = null;
        String content = null;
        String date = null;
        String author = null;
        int depth = 1;
        while (xml.hasNext() && depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new FeedException("the feed uses an undeclared entity &" + xml.getLocalName() + ";");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (name.equals("link") && xml.getAttributeValue(null, "href") != null) {
                String rel = xml.getAttributeValue(null, "rel");
                if (rel == null || rel.equals("alternate")) {
                    url = xml.getAttributeValue(null, "href");
                }
                depth++;
                continue;
            }
            if (depth != 1) {
                depth++;
                continue;
            }
            switch (name) {
                case "guid", "id" -> id = text(xml);
                case "link" -> url = text(xml);
                case "title" -> title = text(xml);
                case "description", "summary" -> description = text(xml);
                case "encoded", "content" -> content = text(xml);
                case "pubDate", "published", "date" -> date = text(xml);
                case "updated" -> date = date == null ? text(xml) : skip(xml, date);
                case "author", "creator" -> author = authorName(xml);
                default -> depth++;
            }
        }
        String body = plain(content != null && !content.isBlank() ? content : description);
        String cleanTitle = plain(title);
        String identity = id != null && !id.isBlank() ? id.strip() : url != null ? url.strip() : null;
        if (identity == null) {
            return new Item(null, url, cleanTitle, body, null, author, "the item has neither a guid/id nor a link");
        }
        if ((body == null || body.isBlank()) && (cleanTitle == null || cleanTitle.isBlank())) {
            return new Item(identity, url, cleanTitle, body, null, author, "the item has no title and no text");
        }
        Instant published;
        try {
            published = date == null ? now : date(date.strip());
        } catch (DateTimeParseException e) {
            return new Item(identity, url, cleanTitle, body, null, author, "its date \"" + date.strip() + "\" is not RFC 822 or ISO-8601");
        }
        return new Item(identity, url, cleanTitle, body == null || body.isBlank() ? cleanTitle : body, published, author, null);
    }

    private static String skip(XMLStreamReader xml, String keep) throws XMLStreamException {
        text(xml);
        return keep;
    }

    private static String text(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("undeclared entity &" + xml.getLocalName() + ";");
                default -> {
                }
            }
        }
        return text.toString();
    }

    private static String authorName(XMLStreamReader xml) throws XMLStreamException {
        // RSS: <author>mail (name)</author>; Atom: <author><name>..</name></author>; Dublin Core: <dc:creator>
        StringBuilder name = new StringBuilder();
        int depth = 1;
        boolean inName = false;
        StringBuilder all = new StringBuilder();
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                inName = xml.getLocalName().equals("name");
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                inName = false;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                all.append(xml.getText());
                if (inName) {
                    name.append(xml.getText());
                }
            }
        }
        String result = (name.isEmpty() ? all : name).toString().strip();
        return result.isEmpty() ? null : result.length() > 200 ? result.substring(0, 200) : result;
    }

    private static Instant date(String text) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                // RFC 822 allows zone names and single-digit days that RFC_1123 does not
                return ZonedDateTime.parse(text.replaceAll("\\s+", " "),
                        DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] [zzz][Z]", Locale.ENGLISH)).toInstant();
            }
        }
    }

    /** The text of some HTML: tags removed, the common entities decoded, spaces collapsed. */
    static String plain(String html) {
        if (html == null) {
            return null;
        }
        String text = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?i)<br\\s*/?>|</p>", "\n")
                .replaceAll("<[^>]*>", " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\n[ \n]*", "\n").strip();
    }
}

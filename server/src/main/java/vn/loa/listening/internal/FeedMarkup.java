package vn.loa.listening.internal;

import java.text.Normalizer;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What feeds get wrong about XML, put right before parsing, and the plain text of the HTML they carry.
 *
 * <p>Real feeds use HTML's named entities ({@code &acirc;}, {@code &nbsp;}), which XML does not know without a
 * DTD, and raw ampersands ({@code Q&A}, {@code ?a=1&b=2}), which XML forbids: the first become numeric character
 * references, the second {@code &amp;}. Characters XML 1.0 forbids (most control characters) are dropped, and so is
 * anything blank before the first tag. CDATA sections are left as they are.
 */
final class FeedMarkup {

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final String CDATA_START = "<![CDATA[";
    private static final String CDATA_END = "]]>";

    private FeedMarkup() {
    }

    /** The feed's text with HTML entities, raw ampersands, forbidden characters and leading blanks put right. */
    static String repair(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int start = 0;
        while (start < xml.length() && (Character.isWhitespace(xml.charAt(start)) || xml.charAt(start) == '\uFEFF')) {
            start++;
        }
        int i = start;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (c == '<' && xml.startsWith(CDATA_START, i)) {
                int end = xml.indexOf(CDATA_END, i + CDATA_START.length());
                int stop = end < 0 ? xml.length() : end + CDATA_END.length();
                appendAllowed(out, xml, i, stop);
                i = stop;
            } else if (c == '&') {
                i = reference(xml, i, out);
            } else {
                if (allowed(c)) {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    /** Copies the reference at {@code at}, rewritten when XML would not accept it; answers where the rest begins. */
    private static int reference(String xml, int at, StringBuilder out) {
        int semicolon = xml.indexOf(';', at + 1);
        if (semicolon > at + 1 && semicolon - at <= 40) {
            String name = xml.substring(at + 1, semicolon);
            if (name.matches("#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}") || XML_ENTITIES.contains(name)) {
                out.append(xml, at, semicolon + 1);
                return semicolon + 1;
            }
            if (name.matches("[A-Za-z][A-Za-z0-9]*") && Entities.isNamedEntity(name)) {
                Entities.getByName(name).codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                return semicolon + 1;
            }
        }
        out.append("&amp;");
        return at + 1;
    }

    private static void appendAllowed(StringBuilder out, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (allowed(text.charAt(i))) {
                out.append(text.charAt(i));
            }
        }
    }

    /** Whether XML 1.0 allows the character (surrogates are kept: they come in valid pairs from the decoder). */
    private static boolean allowed(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }

    /** The text of some HTML (or plain text): entities decoded, tags and scripts removed, blocks on their own lines. */
    static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    // line breaks in HTML source are spaces; only blocks and <br> break lines
                    text.append(textNode.getWholeText().replaceAll("[\\t\\n\\x0B\\f\\r]+", " "));
                } else if (node instanceof Element element && (element.isBlock() || element.normalName().equals("br"))) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    text.append('\n');
                }
            }
        }, Jsoup.parseBodyFragment(html).body());
        return tidy(text.toString());
    }

    /** Plain text in NFC (as Vietnamese must be compared), spaces collapsed, lines kept; null when blank. */
    static String tidy(String text) {
        if (text == null) {
            return null;
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replaceAll("[\\p{Zs}\\t\\x0B\\f\\r]+", " ")
                .replaceAll(" *\n[ \n]*", "\n")
                .strip();
        return plain.isEmpty() ? null : plain;
    }

    /** The text of a title: as {@link #plainText}, on one line. */
    static String titleText(String html) {
        String plain = plainText(html);
        return plain == null ? null : plain.replace('\n', ' ');
    }
}

package vn.loa.listening.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.listening.internal.FeedProblem.Phrase;

/**
 * Turns the bytes of an XML feed into text. The encoding is, in this order: a byte-order mark, the charset of the
 * HTTP {@code Content-Type} (which RFC 7303 puts before the document's own declaration), the layout of the first
 * bytes (UTF-16 and UTF-32 without a mark), the encoding of the XML declaration, else UTF-8. Bytes that are not valid
 * in that encoding fail the feed rather than turn into replacement characters.
 */
final class FeedEncoding {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final Pattern DECLARATION = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']+)[\"']");
    /**
     * Labels Java does not know, and the labels that the WHATWG Encoding Standard reads as windows-1252 because
     * servers and feeds that say US-ASCII or ISO-8859-1 send windows-1252 (its quotes and euro sign) in practice.
     */
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("ucs-2", "UTF-16"),
            Map.entry("csunicode", "UTF-16"), Map.entry("ucs-4", "UTF-32"), Map.entry("iso-10646-ucs-4", "UTF-32"),
            Map.entry("csucs4", "UTF-32"), Map.entry("unicode-2-0-utf-8", "UTF-8"), Map.entry("x-unicode20utf8", "UTF-8"),
            Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"), Map.entry("l1", "windows-1252"));

    private FeedEncoding() {
    }

    /** The text of a feed; {@code contentType} is the HTTP header, may be null. */
    static String decode(byte[] body, String contentType) throws FeedException {
        Bom bom = Bom.of(body);
        Charset charset;
        Phrase from;
        if (bom != null) {
            charset = bom.charset;
            from = Phrase.FROM_BYTE_ORDER_MARK;
        } else if (headerCharset(contentType) != null) {
            charset = charset(headerCharset(contentType), Phrase.HTTP_HEADER);
            from = Phrase.FROM_HEADER_CHARSET;
        } else if (wideLayout(body) != null) {
            charset = wideLayout(body);
            from = Phrase.FROM_FIRST_BYTES;
        } else {
            String declared = declared(body);
            if (declared == null) {
                charset = StandardCharsets.UTF_8;
                from = Phrase.FROM_DEFAULT;
            } else {
                charset = charset(declared, Phrase.XML_DECLARATION);
                // a declaration read from ASCII-compatible bytes cannot truly be UTF-16 or UTF-32
                if (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
                    charset = StandardCharsets.UTF_8;
                }
                from = Phrase.FROM_DECLARATION;
            }
        }
        int skip = bom == null ? 0 : bom.length;
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body, skip, body.length - skip);
        try {
            CharBuffer text = decoder.decode(in);
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new FeedException(FeedProblem.INVALID_BYTE, in.position() + 1, charset.name(), from.text());
        }
    }

    static String headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher matcher = CHARSET.matcher(contentType);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Charset charset(String label, Phrase where) throws FeedException {
        String key = label.strip().toLowerCase(Locale.ROOT);
        try {
            return Charset.forName(LABELS.getOrDefault(key, key));
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new FeedException(FeedProblem.UNKNOWN_ENCODING, label, where.text());
        }
    }

    /** UTF-16 or UTF-32 told by where the zero bytes of {@code <?} fall, as the XML specification's appendix F does. */
    private static Charset wideLayout(byte[] b) {
        if (b.length < 4) {
            return null;
        }
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') {
            return Charset.forName("UTF-32BE");
        }
        if (b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') {
            return StandardCharsets.UTF_16BE;
        }
        if (b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static String declared(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
        Matcher matcher = DECLARATION.matcher(head);
        return matcher.find() ? matcher.group(1) : null;
    }

    private enum Bom {
        UTF_32BE(new int[] {0x00, 0x00, 0xFE, 0xFF}, "UTF-32BE"),
        UTF_32LE(new int[] {0xFF, 0xFE, 0x00, 0x00}, "UTF-32LE"),
        UTF_8(new int[] {0xEF, 0xBB, 0xBF}, "UTF-8"),
        UTF_16BE(new int[] {0xFE, 0xFF}, "UTF-16BE"),
        UTF_16LE(new int[] {0xFF, 0xFE}, "UTF-16LE");

        private final int[] bytes;
        private final Charset charset;
        private final int length;

        Bom(int[] bytes, String charset) {
            this.bytes = bytes;
            this.charset = Charset.forName(charset);
            this.length = bytes.length;
        }

        /** The mark the bytes start with; UTF-32LE is tried before UTF-16LE, whose mark begins it. */
        static Bom of(byte[] body) {
            for (Bom bom : values()) {
                if (body.length >= bom.length && starts(body, bom.bytes)) {
                    return bom;
                }
            }
            return null;
        }

        private static boolean starts(byte[] body, int[] prefix) {
            for (int i = 0; i < prefix.length; i++) {
                if ((body[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}

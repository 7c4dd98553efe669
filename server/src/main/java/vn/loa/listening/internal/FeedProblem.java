package vn.loa.listening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every reason a feed cannot be polled, in the one English form Loa stores ({@code post_source.last_error}), logs and
 * answers in the API. A {@link FeedException} is made only from one of these, so that the sources page can say each in
 * the reader's language ({@code vn.loa.listening.web.FeedErrors}, which reads the stored text back with
 * {@link #template()}); an argument is what the reason names: an address, a status, a limit, a parser's own message.
 */
public enum FeedProblem {

    // fetching (FeedFetcher)
    NOT_HTTP("the feed's address {0} is not an http or https address"),
    UNKNOWN_HOST("the host {0} is unknown"),
    /** {2} is why the address is refused, a {@link Phrase} in production. */
    REFUSED_ADDRESS("the feed's host {0} is at {1}, {2}, which Loa does not poll"),
    ADDRESS_UNTOLD("Loa could not tell which address the feed's server {0} is at"),
    REDIRECT_WITHOUT_LOCATION("the server answered HTTP {0} without saying where to"),
    REDIRECT_INVALID("the server redirected to an address that is not valid: {0}"),
    TOO_MANY_REDIRECTS("the feed's address was redirected more than {0} times"),
    HTTP_STATUS("the server answered HTTP {0}"),
    TOO_SLOW("fetching the feed took longer than {0} s, the limit"),
    /** {1} is MB, KB or {@link Phrase#BYTES}. */
    TOO_LARGE("the feed is larger than {0} {1}, the limit"),
    FETCH_FAILED("the feed could not be fetched: {0}"),
    // decoding (FeedEncoding)
    /** {2} is where the encoding was taken from, a {@link Phrase}. */
    INVALID_BYTE("the feed is not well-formed: byte {0} is not valid {1}, {2}"),
    /** {1} is where the label was found, a {@link Phrase}. */
    UNKNOWN_ENCODING("the feed's encoding \"{0}\" (from {1}) is not one Loa can read"),
    // reading (FeedReader)
    EMPTY("the feed is empty"),
    NOT_XML("the feed is not well-formed XML: {0}"),
    NOT_RSS("the feed is not RSS that Loa can read: {0}"),
    NOT_A_FEED("this is not an RSS, Atom or JSON feed (its root element is <{0}>)"),
    UNREADABLE("the feed could not be read: {0}"),
    NOT_JSON("the feed is not well-formed JSON: {0}"),
    NOT_JSON_FEED("this JSON is not a JSON Feed (it has no \"version\": \"https://jsonfeed.org/version/1.1\")"),
    EXTERNAL_RESOURCE("the feed asks for {0}, which Loa does not fetch"),
    FOREIGN_DTD("the feed's DOCTYPE names a DTD elsewhere ({0}); Loa neither fetches it nor reads feeds that need it"),
    ENTITY("the feed declares the entity {0} in its DOCTYPE; Loa refuses feeds that do, as entities can read files, "
            + "reach other servers or expand without end"),
    // storing (JdbcFeedSources)
    INVALID_ADDRESS("the feed's address is not valid: {0}"),
    NOT_STORED("the feed's items could not be stored: {0}");

    /** The fixed parts of reasons that name them as an argument. */
    public enum Phrase {
        UNSPECIFIED_ADDRESS("an unspecified address (0.0.0.0 or ::)"),
        LINK_LOCAL_ADDRESS("a link-local address (169.254.0.0/16 or fe80::/10), where cloud metadata services answer"),
        METADATA_ADDRESS("the address of a cloud metadata service"),
        MULTICAST_ADDRESS("a multicast address"),
        LOOPBACK_ADDRESS("an address of this machine (127.0.0.0/8 or ::1)"),
        FROM_BYTE_ORDER_MARK("its byte-order mark"),
        FROM_HEADER_CHARSET("the charset of its HTTP header"),
        FROM_FIRST_BYTES("its first bytes"),
        FROM_DEFAULT("the default, as it declares none"),
        FROM_DECLARATION("the encoding it declares"),
        HTTP_HEADER("the HTTP header"),
        XML_DECLARATION("its XML declaration"),
        BYTES("bytes");

        private final String text;

        Phrase(String text) {
            this.text = text;
        }

        /** The phrase as it appears in a stored reason. */
        public String text() {
            return text;
        }
    }

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)}");

    private final String template;

    FeedProblem(String template) {
        this.template = template;
    }

    /** The English form, with {@code {0}}, {@code {1}}... where the arguments go (no other braces, no quoting). */
    public String template() {
        return template;
    }

    /** The indices of the arguments in the order they appear in the template. */
    public List<Integer> argumentOrder() {
        List<Integer> order = new ArrayList<>();
        Matcher matcher = ARGUMENT.matcher(template);
        while (matcher.find()) {
            order.add(Integer.parseInt(matcher.group(1)));
        }
        return order;
    }

    /** The stored form with the arguments in place; each must be given. */
    public String message(Object... arguments) {
        Matcher matcher = ARGUMENT.matcher(template);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            if (index >= arguments.length) {
                throw new IllegalArgumentException(name() + " needs argument {" + index + "}, given " + arguments.length);
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(String.valueOf(arguments[index])));
        }
        matcher.appendTail(text);
        return text.toString();
    }
}

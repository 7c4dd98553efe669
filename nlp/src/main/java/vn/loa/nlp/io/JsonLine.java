package vn.loa.nlp.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Parses one JSON object, as found on a line of a JSON-lines file, with Jackson's streaming parser
 * into maps, lists, strings, numbers ({@link Long} for whole numbers that fit, {@link Double} for
 * fractions), booleans and nulls. A malformed line is refused with the problem and its column.
 */
public final class JsonLine {

    /**
     * Thread-safe once built. Raw control characters (a tab) inside a string are let through, as
     * exported posts sometimes hold them.
     */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private JsonLine() {
    }

    /** Parses a JSON object; throws {@link IllegalArgumentException} naming the problem and column. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String line) {
        JsonParser parser = JSON.createParser(ObjectReadContext.empty(), line);
        try (parser) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("unexpected end of line at column " + (line.length() + 1));
            }
            Object value = value(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("unexpected text after the JSON object at column "
                        + parser.currentTokenLocation().getColumnNr());
            }
            if (!(value instanceof Map)) {
                throw new IllegalArgumentException("the line is not a JSON object");
            }
            return (Map<String, Object>) value;
        } catch (UnexpectedEndOfInputException e) {
            String what = e.getTokenBeingDecoded() == JsonToken.VALUE_STRING ? "unterminated string"
                    : "unexpected end of line";
            throw new IllegalArgumentException(what + " at column " + column(e, parser), e);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage() + " at column " + column(e, parser), e);
        }
    }

    /** Where the parser found the problem; a broken limit (nesting too deep) names no place of its own. */
    private static int column(JacksonException e, JsonParser parser) {
        return (e.getLocation() != null ? e.getLocation() : parser.currentLocation()).getColumnNr();
    }

    /** The value whose first token is the parser's current one. */
    private static Object value(JsonParser parser) {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT, LONG -> parser.getLongValue();
                default -> parser.getNumberValue();
            };
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalArgumentException("unexpected " + parser.currentToken() + " at column "
                    + parser.currentTokenLocation().getColumnNr());
        };
    }
}

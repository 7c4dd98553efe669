package vn.loa.nlp.cli;

import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes the little JSON the command line prints, compact, with Jackson's streaming generator.
 * Fractions are written with four decimals, so that training twice gives byte-identical metadata.
 */
final class Json {

    /** Slashes stay as they are (paths and addresses read better), escapes in lower-case hex. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private Json() {
    }

    static String object(Map<String, ?> fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            value(generator, fields);
        }
        return out.toString();
    }

    private static void value(JsonGenerator generator, Object value) {
        switch (value) {
            case null -> generator.writeNull();
            // NaN and infinity are not JSON numbers: a figure without rows is written as null
            case Double d when d.isNaN() || d.isInfinite() -> generator.writeNull();
            case Double d -> generator.writeNumber(String.format(Locale.ROOT, "%.4f", d));
            case Integer i -> generator.writeNumber(i);
            case Long l -> generator.writeNumber(l);
            case Number n -> generator.writeNumber(n.toString());
            case Boolean b -> generator.writeBoolean(b);
            case Map<?, ?> map -> {
                generator.writeStartObject();
                for (Map.Entry<?, ?> field : map.entrySet()) {
                    generator.writeName(field.getKey().toString());
                    value(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case Iterable<?> list -> {
                generator.writeStartArray();
                for (Object item : list) {
                    value(generator, item);
                }
                generator.writeEndArray();
            }
            default -> generator.writeString(wellFormed(value.toString()));
        }
    }

    /** The text with each lone surrogate (half of a broken emoji) replaced: no UTF-8 encoder can write one. */
    private static String wellFormed(String text) {
        if (text.codePoints().noneMatch(Json::surrogate)) {
            return text;
        }
        return text.codePoints().map(cp -> surrogate(cp) ? 0xFFFD : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean surrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }
}

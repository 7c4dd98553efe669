package vn.loa.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.io.JsonLine;

class JsonUnitTests {

    @Test
    void writesCompactJsonWithFourDecimalsAndReadableSlashesAndVietnamese() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("data", "../shared/data/vlsp.jsonl");
        fields.put("text", "Người dân \"khen\"\tnhanh\n\u0001 😀");
        fields.put("f1", 0.912345);
        fields.put("rows", 3);
        fields.put("spans", List.of(List.of(0, 3), List.of(4L, 7L)));
        fields.put("nothing", null);
        fields.put("ok", true);
        assertThat(Json.object(fields)).isEqualTo("{\"data\":\"../shared/data/vlsp.jsonl\","
                + "\"text\":\"Người dân \\\"khen\\\"\\tnhanh\\n\\u0001 😀\",\"f1\":0.9123,\"rows\":3,"
                + "\"spans\":[[0,3],[4,7]],\"nothing\":null,\"ok\":true}");
    }

    @Test
    void whatItWritesReadsBackTheSame() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "Đường \\ tối, \"nguy hiểm\" / 😡");
        fields.put("nested", Map.of("count", 12L));
        assertThat(JsonLine.object(Json.object(fields))).isEqualTo(fields);
    }

    @Test
    void writesAFigureThatIsNotANumberAsNull() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mean", Double.NaN);
        fields.put("ratio", Double.POSITIVE_INFINITY);
        assertThat(Json.object(fields)).isEqualTo("{\"mean\":null,\"ratio\":null}");
    }

    @Test
    void replacesHalfAnEmojiThatNoEncoderCouldWrite() {
        assertThat(Json.object(Map.of("text", "a\uD83Db"))).isEqualTo("{\"text\":\"a\uFFFDb\"}");
    }
}

package vn.loa.nlp.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineUnitTests {

    @Test
    void readsTheFieldsOfTheSharedDataSets() {
        Map<String, Object> row = JsonLine.object(
                "{\"text\": \"Xin ch\\u00e0o \\\"b\\u1ea1n\\\"\\n\", \"spans\": [[0, 3]], \"n\": -1.5e2, \"ok\": true, \"x\": null}");
        assertThat(row.get("text")).isEqualTo("Xin chào \"bạn\"\n");
        assertThat(row.get("spans")).isEqualTo(List.of(List.of(0L, 3L)));
        assertThat(row.get("n")).isEqualTo(-150.0);
        assertThat(row.get("ok")).isEqualTo(true);
        assertThat(row).containsEntry("x", null);
    }

    @Test
    void namesTheColumnOfAnError() {
        assertThatThrownBy(() -> JsonLine.object("{\"text\": \"a\" \"b\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 14");
        assertThatThrownBy(() -> JsonLine.object("[1, 2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> JsonLine.object("{\"text\": \"unterminated")).hasMessageContaining("unterminated");
    }

    @Test
    void refusesADeeplyNestedLineWithAReasonInsteadOfRunningOutOfStack() {
        String line = "{\"text\": " + "[".repeat(200_000);
        assertThatThrownBy(() -> JsonLine.object(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column");
    }

    @Test
    void readsRawTabsInStringsAndWholeNumbersTooBigForALong() {
        Map<String, Object> row = JsonLine.object("{\"text\": \"a\tb\", \"reactions\": 123456789012345678901234567890}");
        assertThat(row.get("text")).isEqualTo("a\tb");
        assertThat(row.get("reactions")).hasToString("123456789012345678901234567890");
    }

    @Test
    void refusesASecondValueAfterTheObject() {
        assertThatThrownBy(() -> JsonLine.object("{\"a\": 1} {\"b\": 2}")).hasMessageContaining("after the JSON object");
        assertThatThrownBy(() -> JsonLine.object("   ")).hasMessageContaining("end of line");
    }
}

package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PostParserUnitTests {

    private final PostParser parser = new PostParser(Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC));

    private IncomingPost withReactions(String reactions) throws RejectedLine {
        return parser.fromJson(1, "{\"source\":\"page\",\"platform\":\"facebook\",\"external_id\":\"p1\","
                + "\"published_at\":\"2026-12-01T08:30:00+07:00\",\"text\":\"Bệnh viện quá tải\",\"reactions\":" + reactions + "}");
    }

    @Test
    void countsAreWholeNumbersWithThousandsAsVietnameseGroupsThem() throws RejectedLine {
        assertThat(withReactions("12").reactions()).isEqualTo(12);
        assertThat(withReactions("\"12\"").reactions()).isEqualTo(12);
        // "12.000" is twelve thousand, as a Vietnamese spreadsheet writes it, never twelve
        assertThat(withReactions("\"12.000\"").reactions()).isEqualTo(12_000);
        assertThat(withReactions("\"2.500\"").reactions()).isEqualTo(2_500);
        assertThat(withReactions("\"1.234.567\"").reactions()).isEqualTo(1_234_567);
        assertThat(withReactions("\"12,000\"").reactions()).isEqualTo(12_000);
        // a JSON writer's whole number with a decimal point
        assertThat(withReactions("12.0").reactions()).isEqualTo(12);
    }

    @Test
    void aCountThatIsNoWholeNumberIsRefusedNamingTheField() {
        for (String bad : new String[] {"\"1.5\"", "\"12.00.0\"", "\"-3\"", "\"1,5\"", "\"12k\"", "\"99999999999\"", "2.5"}) {
            assertThatThrownBy(() -> withReactions(bad)).as(bad).isInstanceOf(RejectedLine.class)
                    .hasMessageStartingWith("reactions: must be a whole number");
        }
    }

    @Test
    void aTimeIsReadAsIsoOrDayFirstAsLoaExportsItInVietnamsTime() throws RejectedLine {
        Instant expected = Instant.parse("2026-12-01T01:30:00Z");
        assertThat(PostParser.instant("2026-12-01T08:30:00+07:00")).isEqualTo(expected);
        assertThat(PostParser.instant("2026-12-01T08:30:00")).isEqualTo(expected);
        assertThat(PostParser.instant("01/12/2026 08:30:00")).isEqualTo(expected);
        assertThat(PostParser.instant("01/12/2026 08:30")).isEqualTo(expected);
        for (String bad : new String[] {"31/02/2026 08:30:00", "12/01/2026", "2026/12/01 08:30", "1/12/2026 08:30", "hôm qua"}) {
            assertThatThrownBy(() -> PostParser.instant(bad)).as(bad).isInstanceOf(RejectedLine.class)
                    .hasMessageStartingWith("published_at: not an ISO-8601 date and time");
        }
    }
}

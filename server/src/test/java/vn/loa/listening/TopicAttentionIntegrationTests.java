package vn.loa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;

@SpringBootTest
class TopicAttentionIntegrationTests {

    private static final SignedInUser COORDINATOR = new SignedInUser(0L, "coordinator", "Điều phối", null, null,
            Set.of(Role.COORDINATOR));
    private static final SignedInUser PRESS = new SignedInUser(0L, "press", "Nhà báo", null, null, Set.of(Role.PRESS));

    @Autowired
    PostImporter importer;

    @Autowired
    TopicAttention attention;

    private final String marker = "bhytcc" + ProcessHandle.current().pid();

    @Test
    void countsEachDaysPostsCommentsAndQuestionsForAnyOfThePhrases() throws IOException {
        String other = "thevang" + ProcessHandle.current().pid();
        // comments from the hotline and offices, whose register the source gives: on a social network the register
        // model reads the text, and the marker (the process id) can tip a short text towards news
        importPosts(
                line("hotline", 1, "2025-03-10T08:00:00+07:00", "Người cao tuổi có được cấp " + marker + " không ạ"),
                line("office", 2, "2025-03-10T23:30:00+07:00", "Cảm ơn xã đã phát " + marker + " tận nhà cho ông bà"),
                line("news", 3, "2025-03-10T09:00:00+07:00", "Tỉnh cấp " + marker + " cho 12.000 người cao tuổi"),
                line("hotline", 4, "2025-03-12T07:00:00+07:00", "Bao giờ mới nhận được " + other + " vậy"),
                // the night of the 12th in Vietnam is the 12th, though it is the 11th in UTC
                line("office", 5, "2025-03-12T05:00:00+07:00", "Đã nhận " + other + " rồi, nhanh lắm"),
                line("facebook", 6, "2025-03-11T10:00:00+07:00", "Chuyện khác hẳn, không nhắc tới chủ đề"),
                line("facebook", 7, "2025-03-20T10:00:00+07:00", "Ngoài khoảng thời gian " + marker + "?"));

        List<TopicAttention.Day> days = attention.daily(List.of(marker, other, " "), LocalDate.of(2025, 3, 9),
                LocalDate.of(2025, 3, 13), COORDINATOR);

        assertThat(days).extracting(TopicAttention.Day::day).containsExactly(LocalDate.of(2025, 3, 9),
                LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 11), LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 13));
        assertThat(days).extracting(TopicAttention.Day::posts).containsExactly(0L, 3L, 0L, 2L, 0L);
        assertThat(days).extracting(TopicAttention.Day::comments).containsExactly(0L, 2L, 0L, 2L, 0L);
        // "có được ... không ạ" and "Bao giờ" ask; the thanks, the news and "nhanh lắm" do not
        assertThat(days).extracting(TopicAttention.Day::questions).containsExactly(0L, 1L, 0L, 1L, 0L);
        for (TopicAttention.Day day : days) {
            assertThat(day.negative() + day.neutral() + day.positive() + day.unclear()).isEqualTo(day.comments());
            assertThat(day.unclear()).isNotNegative();
        }
    }

    @Test
    void aJournalistCountsOnlyPublicPosts() throws IOException {
        String hidden = "duongxa" + ProcessHandle.current().pid();
        importPosts(line("facebook", 1, "2025-04-01T08:00:00+07:00", "Đường " + hidden + " hỏng nặng"),
                line("hotline", 2, "2025-04-01T09:00:00+07:00", "Tổng đài: đường " + hidden + " khi nào sửa"));

        LocalDate day = LocalDate.of(2025, 4, 1);
        assertThat(attention.daily(List.of(hidden), day, day, COORDINATOR).getFirst().posts()).isEqualTo(2);
        assertThat(attention.daily(List.of(hidden), day, day, PRESS).getFirst().posts()).isEqualTo(1);
    }

    @Test
    void refusesNoKeywordsTooManyAndAReversedOrTooLongPeriod() {
        LocalDate day = LocalDate.of(2025, 4, 1);
        assertThatThrownBy(() -> attention.daily(List.of(" "), day, day, COORDINATOR))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("keywords"));
        assertThatThrownBy(() -> attention.daily(Collections.nCopies(21, "x").stream().map(s -> s + Math.random()).toList(),
                day, day, COORDINATOR))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("keywords"));
        assertThatThrownBy(() -> attention.daily(List.of("a"), day, day.minusDays(1), COORDINATOR))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("period"));
        assertThatThrownBy(() -> attention.daily(List.of("a"), day, day.plusDays(366), COORDINATOR))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("period"));
    }

    private String line(String platform, int id, String at, String text) {
        return "{\"source\":\"attention-" + marker + "\",\"platform\":\"" + platform + "\",\"external_id\":\"" + marker + "-"
                + platform + "-" + id + "-" + text.hashCode() + "\",\"published_at\":\"" + at + "\",\"text\":\"" + text + "\"}";
    }

    private void importPosts(String... lines) throws IOException {
        ImportSummary summary = importer.importFile("attention.jsonl",
                new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM,
                null);
        assertThat(summary.quarantined()).isEmpty();
    }
}

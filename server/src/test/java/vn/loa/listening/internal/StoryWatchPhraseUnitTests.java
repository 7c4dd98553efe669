package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The words a story's page proposes to watch: the run of words most of its posts have, else a run of its first post's
 * normal form; never across punctuation.
 */
class StoryWatchPhraseUnitTests {

    @Test
    void takesTheFirstRunOfThreeToSixWords() {
        assertThat(JdbcStories.watchPhrase("bệnh viện tỉnh quá tải , người bệnh nằm ghép"))
                .isEqualTo("bệnh viện tỉnh quá tải");
        assertThat(JdbcStories.watchPhrase("giá điện tăng quá cao người dân khó khăn trong mùa nắng"))
                .isEqualTo("giá điện tăng quá cao người");
    }

    @Test
    void skipsShortRunsNumbersAndEmojiForALongerRun() {
        assertThat(JdbcStories.watchPhrase("ôi ! 12 😡 thiếu thuốc ở trạm y tế xã")).isEqualTo("thiếu thuốc ở trạm y tế");
        assertThat(JdbcStories.watchPhrase("Đồng ý . quá đúng")).isEqualTo("đồng ý");
    }

    @Test
    void givesNothingWhenNoTwoWordsStandTogether() {
        assertThat(JdbcStories.watchPhrase("ok ! 👍")).isEmpty();
        assertThat(JdbcStories.watchPhrase("")).isEmpty();
        assertThat(JdbcStories.watchPhrase(null)).isEmpty();
    }

    @Test
    void takesThePhraseMostPostsShareNotTheFirstSharersOwnWords() {
        // the first sharer's reaction comes before the article the others repeat without it
        List<String> posts = List.of(
                "lại chuyện cũ ! trạm y tế xã phước hà thiếu thuốc điều trị tăng huyết áp suốt ba tháng",
                "trạm y tế xã phước hà thiếu thuốc điều trị tăng huyết áp suốt ba tháng",
                "chia sẻ : trạm y tế xã phước hà thiếu thuốc điều trị",
                "bà con phản ánh trạm y tế xã phước hà thiếu thuốc");
        assertThat(JdbcStories.storyWatchPhrase(posts)).isEqualTo("trạm y tế xã");
        assertThat(JdbcStories.watchPhrase(posts.get(0))).isEqualTo("lại chuyện cũ");
    }

    @Test
    void keepsTheFirstPostsWordsWhenNoTwoPostsShareAPhrase() {
        assertThat(JdbcStories.storyWatchPhrase(List.of("bệnh viện tỉnh quá tải , người bệnh nằm ghép",
                "đường vào thôn sạt lở nặng"))).isEqualTo("bệnh viện tỉnh quá tải");
        assertThat(JdbcStories.storyWatchPhrase(List.of("ok ! 👍"))).isEmpty();
        assertThat(JdbcStories.storyWatchPhrase(List.<String>of())).isEmpty();
    }
}

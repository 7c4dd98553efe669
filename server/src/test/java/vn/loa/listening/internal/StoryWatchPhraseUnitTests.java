package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words a story's page proposes to watch: a run of words of its first post's normal form, never across punctuation. */
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
}

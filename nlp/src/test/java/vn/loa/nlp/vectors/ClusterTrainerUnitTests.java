package vn.loa.nlp.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.Syllables;

class ClusterTrainerUnitTests {

    /** Two families of sentences: the same frames with weather words, and with food words. */
    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        String[] weather = {"mưa", "nắng", "gió", "bão"};
        String[] food = {"phở", "cơm", "bún", "cháo"};
        for (int i = 0; i < 300; i++) {
            texts.add("hôm nay trời " + weather[i % 4] + " to quá nên ở nhà");
            texts.add("sáng nay tôi ăn " + food[i % 4] + " nóng rất ngon");
        }
        return texts;
    }

    private static final ClusterTrainer.Settings SETTINGS = new ClusterTrainer.Settings(16, 2, 3, 3, 5, 4, 7);

    @Test
    void learnsTheSameClassesFromTheSameTextsAndSeed() throws Exception {
        SyllableClusters first = ClusterTrainer.train(texts(), SETTINGS).clusters();
        SyllableClusters second = ClusterTrainer.train(texts(), SETTINGS).clusters();
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        first.write(a);
        second.write(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        SyllableClusters read = SyllableClusters.read(new ByteArrayInputStream(a.toByteArray()));
        assertThat(read.syllables()).isEqualTo(first.syllables());
        assertThat(read.classOf(Syllables.key("phở"))).isEqualTo(first.classOf(Syllables.key("phở")));
    }

    @Test
    void givesEveryFrequentSyllableAClassAndNoneToAnUnseenOne() {
        ClusterTrainer.Result result = ClusterTrainer.train(texts(), SETTINGS);
        SyllableClusters clusters = result.clusters();
        assertThat(result.vocabulary()).isEqualTo(clusters.syllables());
        for (String syllable : List.of("mưa", "nắng", "phở", "cơm", "hôm", "ngon")) {
            assertThat(clusters.classOf(Syllables.key(syllable))).as(syllable).isBetween(0, SETTINGS.classes() - 1);
        }
        assertThat(clusters.classOf(Syllables.key("xylanh"))).isEqualTo(-1);
    }
}

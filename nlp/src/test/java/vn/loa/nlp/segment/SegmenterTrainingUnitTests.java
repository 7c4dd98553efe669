package vn.loa.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.SharedData;

class SegmenterTrainingUnitTests {

    private static final SegmenterTrainer.Settings SMALL = new SegmenterTrainer.Settings(18, 2, 42, 1, 1);

    @Test
    void trainingTwiceWithTheSameSeedGivesByteIdenticalModels() throws IOException {
        List<SegmentedSentence> gold = SegmentationCorpus.read(SharedData.dir().resolve("ud-vietnamese-vtb/train.wseg.tsv"))
                .sentences();
        assertThat(gold).hasSize(1400);
        assertThat(bytes(SegmenterTrainer.train(gold, List.of(), SMALL)))
                .isEqualTo(bytes(SegmenterTrainer.train(gold, List.of(), SMALL)));
        assertThat(bytes(SegmenterTrainer.train(gold, List.of(), new SegmenterTrainer.Settings(18, 2, 43, 1, 1))))
                .as("another seed gives another model").isNotEqualTo(bytes(SegmenterTrainer.train(gold, List.of(), SMALL)));
    }

    @Test
    void aModelTrainedOnGoldOnlyLearnsSomethingReal() throws IOException {
        List<SegmentedSentence> gold = SegmentationCorpus.read(SharedData.dir().resolve("ud-vietnamese-vtb/train.wseg.tsv"))
                .sentences();
        List<SegmentedSentence> dev = SegmentationCorpus.read(SharedData.dir().resolve("ud-vietnamese-vtb/dev.wseg.tsv"))
                .sentences();
        SegmentationScore score = SegmentationScore.of(SegmenterTrainer.train(gold, List.of(), SMALL), dev);
        long goldWords = 0;
        long singleSyllableWords = 0;
        long syllables = 0;
        for (SegmentedSentence sentence : dev) {
            syllables += sentence.syllables().length;
            for (int i = 0; i < sentence.syllables().length; i++) {
                boolean startsWord = i == 0 || !sentence.joins()[i - 1];
                boolean endsWord = i == sentence.syllables().length - 1 || !sentence.joins()[i];
                goldWords += endsWord ? 1 : 0;
                singleSyllableWords += startsWord && endsWord ? 1 : 0;
            }
        }
        double precision = (double) singleSyllableWords / syllables;
        double recall = (double) singleSyllableWords / goldWords;
        double everySyllableAWord = 2 * precision * recall / (precision + recall);
        assertThat(score.f1()).as("well above splitting every syllable (F1 %.3f)", everySyllableAWord)
                .isGreaterThan(everySyllableAWord + 0.1);
    }

    @Test
    void aMalformedLineIsReportedWithItsNumberAndTheRestIsRead() throws IOException {
        String tsv = "text\tsegmented\nmột hai\tmột_hai\nkhông có cột thứ hai\n\t  \nchủ tịch\tchủ_tịch\n";
        SegmentationCorpus.Read read = SegmentationCorpus.readTsv(new BufferedReader(new StringReader(tsv)));
        assertThat(read.sentences()).hasSize(2);
        assertThat(read.problems()).extracting(SegmentationCorpus.Problem::line).containsExactly(3L, 4L);
    }

    @Test
    void carriesTheGoldConventionOverToTheSilverWhereTheGoldIsConsistent() {
        List<SegmentedSentence> gold = List.of(SegmentedSentence.fromUnderscored("ông_ta nói người dân"),
                SegmentedSentence.fromUnderscored("Ông_ta đến"), SegmentedSentence.fromUnderscored("người dân và vụ_án"),
                SegmentedSentence.fromUnderscored("vụ án này"));
        List<SegmentedSentence> silver = List.of(SegmentedSentence.fromUnderscored("hôm_qua ông ta bảo người_dân"),
                SegmentedSentence.fromUnderscored("ông ta về"), SegmentedSentence.fromUnderscored("người_dân kể vụ án"));
        List<SegmentedSentence> carried = SegmenterTrainer.withGoldConventions(gold, silver, 2);
        assertThat(carried).extracting(SegmenterTrainingUnitTests::underscored).containsExactly(
                "hôm_qua ông_ta bảo người dân", "ông_ta về", "người dân kể vụ án");
        assertThat(SegmenterTrainer.withGoldConventions(gold, silver, 3)).as("seen too seldom in the gold").isEqualTo(silver);
        assertThat(SegmenterTrainer.withGoldConventions(gold, silver, 0)).isSameAs(silver);
    }

    @Test
    void silverStatisticsLeaveASilverSentencesOwnCountsOutWhenItIsLearnt() {
        SegmentedSentence own = SegmentedSentence.fromUnderscored("ông_ta nói vì_sao người_dân đi");
        List<SegmentedSentence> others = List.of(SegmentedSentence.fromUnderscored("ông ta nói vì_sao"),
                SegmentedSentence.fromUnderscored("người dân đi xa"), SegmentedSentence.fromUnderscored("Người_dân đi chợ"));
        List<SegmentedSentence> all = new ArrayList<>(others);
        all.add(own);
        long[] keys = own.keys();
        long[] folded = own.foldedKeys();
        short[] leftOut = SilverStats.of(all).codes(keys, folded, keys.length, own);
        assertThat(leftOut).isEqualTo(SilverStats.of(others).codes(keys, folded, keys.length, null));
        assertThat(SilverStats.of(all).codes(keys, folded, keys.length, null)).as("its own counts, when not left out")
                .isNotEqualTo(leftOut);
        // "người dân": seen twice, joined once; "ông ta" once, apart: count bucket 1-4, shares 0.5 and 0
        assertThat(leftOut[5 * SilverStats.CODES]).isEqualTo((short) SilverStats.code(2, 1)).isEqualTo((short) 7);
        assertThat(leftOut[0]).isEqualTo((short) SilverStats.code(1, 0)).isEqualTo((short) 5);
        SegmentedSentence plain = own.withoutDiacritics();
        assertThat(SilverStats.of(all).codes(plain.keys(), plain.foldedKeys(), keys.length, own))
                .as("a copy without diacritics leaves the same sentence out")
                .isEqualTo(SilverStats.of(others).codes(plain.keys(), plain.foldedKeys(), keys.length, null));
    }

    private static String underscored(SegmentedSentence sentence) {
        StringBuilder out = new StringBuilder(sentence.syllables()[0]);
        for (int i = 1; i < sentence.syllables().length; i++) {
            out.append(sentence.joins()[i - 1] ? '_' : ' ').append(sentence.syllables()[i]);
        }
        return out.toString();
    }

    @Test
    void scoresWordsByTheirBoundaries() {
        SegmentedSentence gold = SegmentedSentence.fromUnderscored("chủ_tịch xã Bùi_Văn_Luyến");
        assertThat(gold.syllables()).containsExactly("chủ", "tịch", "xã", "Bùi", "Văn", "Luyến");
        assertThat(gold.joins()).containsExactly(true, false, false, true, true);
    }

    private static byte[] bytes(WordSegmenter segmenter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SegmenterAccess.write(segmenter, out);
        return out.toByteArray();
    }
}

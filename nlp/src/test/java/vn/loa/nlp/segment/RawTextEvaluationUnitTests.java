package vn.loa.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.SharedData;

/** Scoring text in, words out: raw text rebuilt from CoNLL-U, gold words found in it, words scored by character spans. */
class RawTextEvaluationUnitTests {

    private static final WordSegmenter SEGMENTER = WordSegmenter.loadDefault();

    private static SegmentationCorpus.RawRead read(String conllu) throws IOException {
        return SegmentationCorpus.readRawConllu(new BufferedReader(new StringReader(conllu)));
    }

    private static String row(int id, String form, String misc) {
        return id + "\t" + form + "\t_\t_\t_\t_\t0\t_\t_\t" + misc + "\n";
    }

    private static List<String> words(RawSentence sentence) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sentence.words(); i++) {
            out.add(sentence.text().substring(sentence.starts()[i], sentence.ends()[i]) + "@" + sentence.starts()[i] + "-"
                    + sentence.ends()[i]);
        }
        return out;
    }

    @Test
    void findsTheGoldWordsInTheTextComment() throws IOException {
        SegmentationCorpus.RawRead read = read("# sent_id = 1\n# text =Sở GD-ĐT TP. HCM họp...\n"
                + row(1, "Sở", "_") + row(2, "GD-ĐT", "_") + row(3, "TP.", "_") + row(4, "HCM", "_") + row(5, "họp", "_")
                + row(6, "...", "_") + "\n");
        assertThat(read.problems()).isEmpty();
        assertThat(read.sentences()).hasSize(1);
        assertThat(read.sentences().get(0).text()).isEqualTo("Sở GD-ĐT TP. HCM họp...");
        assertThat(words(read.sentences().get(0)))
                .containsExactly("Sở@0-2", "GD-ĐT@3-8", "TP.@9-12", "HCM@13-16", "họp@17-20", "...@20-23");
    }

    @Test
    void joinsFormsByTheirSpaceAfterWhenThereIsNoTextComment() throws IOException {
        SegmentationCorpus.RawRead read = read(row(1, "Chủ tịch", "_") + row(2, "tỉnh", "SpaceAfter=No") + row(3, ",", "_")
                + row(4, "ngày", "_") + row(5, "30-4", "SpaceAfter=No|Other=x") + row(6, ".", "SpaceAfter=No") + "\n");
        RawSentence sentence = read.sentences().get(0);
        assertThat(sentence.text()).isEqualTo("Chủ tịch tỉnh, ngày 30-4.");
        assertThat(words(sentence)).containsExactly("Chủ tịch@0-8", "tỉnh@9-13", ",@13-14", "ngày@15-19", "30-4@20-24", ".@24-25");
    }

    @Test
    void takesAMultiwordTokenAsOneSurfaceWord() throws IOException {
        String conllu = "# text = vào đó\n1-2\tvào đó\t_\t_\t_\t_\t_\t_\t_\t_\n" + row(1, "vào", "_") + row(2, "đó", "_") + "\n";
        assertThat(words(read(conllu).sentences().get(0))).containsExactly("vào đó@0-6");
    }

    @Test
    void reportsASentenceWhoseWordsAreNotInItsTextAndReadsTheRest() throws IOException {
        SegmentationCorpus.RawRead read = read("# text = một hai\n" + row(1, "một", "_") + row(2, "ba", "_") + "\n"
                + "# text = bốn\n" + row(1, "bốn", "_") + "\n");
        assertThat(read.sentences()).hasSize(1);
        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.reason()).contains("word 2 'ba' is not at offset 4");
        });
    }

    @Test
    void refusesAFileThatIsNotCoNllU() {
        assertThatThrownBy(() -> SegmentationCorpus.readRaw(SharedData.dir().resolve("ud-vietnamese-vtb/dev.wseg.tsv")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CoNLL-U");
    }

    @Test
    void scoresWordsByTheirFirstAndLastCharacter() {
        RawSentence gold = RawSentence.align("Chủ tịch tỉnh Ninh Thuận phát biểu.",
                List.of("Chủ tịch", "tỉnh", "Ninh Thuận", "phát biểu", "."));
        List<WordSegmenter.Word> predicted = SEGMENTER.segment(gold.text());
        SegmentationScore score = SegmentationScore.ofRawText(SEGMENTER, List.of(gold));
        long correct = predicted.stream().filter(w -> {
            for (int i = 0; i < gold.words(); i++) {
                if (gold.starts()[i] == w.start() && gold.ends()[i] == w.end()) {
                    return true;
                }
            }
            return false;
        }).count();
        assertThat(score.goldWords()).isEqualTo(5);
        assertThat(score.predictedWords()).isEqualTo(predicted.size());
        assertThat(score.correctWords()).isEqualTo(correct);
        assertThat(score.syllables()).isEqualTo(predicted.stream().mapToInt(WordSegmenter.Word::syllables).sum());
    }

    @Test
    void givesTheGoldSyllableFigureWhereTheSplitterFindsTheGoldSyllables() throws IOException {
        java.nio.file.Path file = SharedData.dir().resolve("ud-vietnamese-vtb/vi_vtb-ud-train.conllu");
        List<RawSentence> raw = SegmentationCorpus.readRaw(file).sentences();
        List<SegmentedSentence> syllables = SegmentationCorpus.read(file).sentences();
        assertThat(raw).hasSameSizeAs(syllables);
        List<RawSentence> sameRaw = new ArrayList<>();
        List<SegmentedSentence> sameSyllables = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (SyllableSplitter.tokens(raw.get(i).text()).count() == syllables.get(i).syllables().length) {
                sameRaw.add(raw.get(i));
                sameSyllables.add(syllables.get(i));
            }
        }
        assertThat(sameRaw.size()).as("sentences whose syllables the splitter finds").isGreaterThan(1390);
        SegmentationScore text = SegmentationScore.ofRawText(SEGMENTER, sameRaw);
        SegmentationScore gold = SegmentationScore.of(SEGMENTER, sameSyllables);
        assertThat(List.of(text.goldWords(), text.predictedWords(), text.correctWords(), text.syllables()))
                .isEqualTo(List.of(gold.goldWords(), gold.predictedWords(), gold.correctWords(), gold.syllables()));
    }

    @Test
    void typesTheSameSentenceWithoutDiacriticsAndKeepsItsWords() {
        RawSentence sentence = RawSentence.align("Bệnh viện Đa khoa.", List.of("Bệnh viện", "Đa khoa", "."));
        RawSentence plain = sentence.withoutDiacritics();
        assertThat(plain.text()).isEqualTo("Benh vien Da khoa.");
        assertThat(words(plain)).containsExactly("Benh vien@0-9", "Da khoa@10-17", ".@17-18");
    }
}

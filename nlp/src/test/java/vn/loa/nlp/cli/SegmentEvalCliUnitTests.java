package vn.loa.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/loa nlp eval --task segment [--raw]}: gold syllables by default, raw text in beside it. */
class SegmentEvalCliUnitTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private Path conllu() throws Exception {
        Path file = dir.resolve("small.conllu");
        Files.writeString(file, """
                # text = Sở GD-ĐT TP. HCM cho biết có 95% học sinh đỗ...
                1\tSở\t_\t_\t_\t_\t0\t_\t_\t_
                2\tGD-ĐT\t_\t_\t_\t_\t0\t_\t_\t_
                3\tTP.\t_\t_\t_\t_\t0\t_\t_\t_
                4\tHCM\t_\t_\t_\t_\t0\t_\t_\t_
                5\tcho biết\t_\t_\t_\t_\t0\t_\t_\t_
                6\tcó\t_\t_\t_\t_\t0\t_\t_\t_
                7\t95%\t_\t_\t_\t_\t0\t_\t_\t_
                8\thọc sinh\t_\t_\t_\t_\t0\t_\t_\t_
                9\tđỗ\t_\t_\t_\t_\t0\t_\t_\t_
                10\t...\t_\t_\t_\t_\t0\t_\t_\t_

                """, StandardCharsets.UTF_8);
        return file;
    }

    private int run(String... args) {
        return cli.run(List.of(args), new ByteArrayInputStream(new byte[0]));
    }

    @Test
    void reportsTheRawTextFigureBesideTheGoldSyllableFigure() throws Exception {
        int status = run("eval", "--task", "segment", "--raw", "--data", conllu().toString());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"task\":\"segment\"").contains("\"rows\":1,\"syllables\":12,")
                .contains("\"raw_text\":{\"rows\":1,\"syllables\":12,").contains("\"malformed_sentences\":[]");
        String gold = json.substring(0, json.indexOf("\"raw_text\""));
        String raw = json.substring(json.indexOf("\"raw_text\""));
        assertThat(f1(raw)).as("the same measure where the splitter finds the gold syllables").isEqualTo(f1(gold));
    }

    private static String f1(String json) {
        int at = json.indexOf("\"f1\":") + 5;
        return json.substring(at, json.indexOf(',', at));
    }

    @Test
    void keepsTheGoldSyllablePathTheDefault() throws Exception {
        int status = run("eval", "--task", "segment", "--data", conllu().toString());
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"f1\":").doesNotContain("raw_text");
    }

    @Test
    void refusesRawTextFromAFileThatIsNotCoNllU() throws Exception {
        Path tsv = dir.resolve("small.wseg.tsv");
        Files.writeString(tsv, "text\tsegmented\ncho biết\tcho_biết\n", StandardCharsets.UTF_8);
        assertThat(run("eval", "--task", "segment", "--raw", "--data", tsv.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("CoNLL-U");
    }

    @Test
    void refusesRawForAnotherTask() throws Exception {
        assertThat(run("eval", "--task", "sentiment", "--raw", "--data", conllu().toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--raw is for --task segment");
    }
}

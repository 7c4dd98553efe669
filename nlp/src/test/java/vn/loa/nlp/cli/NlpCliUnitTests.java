package vn.loa.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.nlp.SharedData;

class NlpCliUnitTests {

    /** The province corpus in the repository (tests run in the nlp module's folder). */
    static final Path PROVINCE_CORPUS = Path.of("..", "corpus", "province");

    @TempDir
    Path dir;

    @Test
    void textInAnotherEncodingStopsTheCommandNamingItsLineAndAByteOrderMarkIsSkipped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Path old = dir.resolve("cu.txt");
        byte[] first = "Bệnh viện quá tải\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "Khánh Hòa\n".getBytes(java.nio.charset.Charset.forName("windows-1258"));
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        Files.write(old, both);
        assertThat(cli.run(List.of("segment", old.toString()), new ByteArrayInputStream(new byte[0]))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(old + ": line 2 is not UTF-8 text");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\uFFFD");

        out.reset();
        err.reset();
        byte[] bom = "\uFEFF{\"text\":\"Bệnh viện quá tải\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(cli.run(List.of("analyze", "--jsonl"), new ByteArrayInputStream(bom))).as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"words\":\"Bệnh_viện quá_tải\"");

        err.reset();
        assertThat(cli.run(List.of("analyze", dir.resolve("none.txt").toString()), new ByteArrayInputStream(new byte[0])))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Error: no such file: " + dir.resolve("none.txt"));
    }

    @Test
    void trainsOnExtraRowsSuchAsCorrectionsAndEvaluatesOnThem() throws Exception {
        Path corrections = dir.resolve("corrections.jsonl");
        Files.writeString(corrections, """
                {"text":"Thủ tục cấp đổi giấy phép lái xe nay rất nhanh gọn","sentiment":"positive","post_id":1}
                {"text":"Bệnh viện tỉnh để bệnh nhân chờ cả buổi sáng","sentiment":"negative","post_id":2}
                {"text":"Lịch tiếp công dân tháng này vào thứ năm","sentiment":"neutral","post_id":3}
                """, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = cli.run(List.of("train", "sentiment", "--extra", corrections.toString(), "--out", dir.toString(),
                "--data-dir", SharedData.dir().toString(), "--corpus-dir", PROVINCE_CORPUS.toString(),
                "--epochs", "2"), new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("and 3 extra rows of " + corrections);
        String metadata = Files.readString(dir.resolve("sentiment.json"));
        assertThat(metadata).contains("corrections.jsonl").contains("\"sentences\":3")
                .contains("\"rows_from_corrections\":3").contains("province");

        out.reset();
        status = cli.run(List.of("eval", "--task", "sentiment", "--data", corrections.toString(), "--model",
                dir.resolve("sentiment.bin").toString()), new ByteArrayInputStream(new byte[0]));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"rows\":3").contains("\"accuracy\"");
    }

    @Test
    void toxicityLearnsNewsAsCleanAsToldAndReportsTheShareOfNewsItFlags() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> common = List.of("--out", dir.toString(), "--data-dir", SharedData.dir().toString(),
                "--corpus-dir", PROVINCE_CORPUS.toString());
        int status = cli.run(concat(List.of("train", "toxicity", "--registers", "maybe"), common),
                new ByteArrayInputStream(new byte[0]));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--registers must be true or false, was 'maybe'");
        status = cli.run(concat(List.of("train", "register", "--news-clean", "10"), common),
                new ByteArrayInputStream(new byte[0]));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--news-clean takes a number of news rows");
        assertThat(dir).isEmptyDirectory();

        status = cli.run(concat(List.of("train", "toxicity", "--news-clean", "300", "--epochs", "1", "--members", "1",
                "--spans", "false"), common), new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("and 300 news rows of").contains("taken as clean");
        String metadata = Files.readString(dir.resolve("toxicity.json"));
        assertThat(metadata).contains("\"news_taken_as\":\"CLEAN\"").contains("\"news_flagged\"")
                .contains("\"province_train_news_flagged\"");

        // the news rows that name a hamlet, besides; a word that is not one syllable is refused before any training
        status = cli.run(concat(List.of("train", "toxicity", "--news-clean-words", "thôn, bản X"), common),
                new ByteArrayInputStream(new byte[0]));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'bản X' is not a syllable");
        err.reset();
        status = cli.run(concat(List.of("train", "toxicity", "--news-clean", "0", "--news-clean-words", "Thôn",
                "--epochs", "1", "--members", "1", "--spans", "false"), common), new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("and (\\d+) news rows of \\S+ naming \\[thôn\\]")
                .matcher(err.toString(StandardCharsets.UTF_8));
        assertThat(named.find()).as(err.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(Integer.parseInt(named.group(1))).isPositive();
        assertThat(Files.readString(dir.resolve("toxicity.json"))).contains("\"news_naming\":[\"thôn\"]");
    }

    @Test
    void aTextNamesASyllableOnlyAsAWholeSyllableInAnyCaseOrUnicodeForm() {
        java.util.Set<String> hamlet = java.util.Set.of("thôn");
        assertThat(NlpCli.namesAny("Đường vào Thôn 3 bị sạt lở", hamlet)).isTrue();
        assertThat(NlpCli.namesAny(java.text.Normalizer.normalize("ở nông thôn,", java.text.Normalizer.Form.NFD), hamlet))
                .isTrue();
        assertThat(NlpCli.namesAny("thông tin về thốn và thon", hamlet)).isFalse();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void reportsFiguresPerRegisterWhenRowsNameTheirRegister() throws Exception {
        Path data = dir.resolve("registers.jsonl");
        Files.writeString(data, """
                {"text":"Một xe khách lao xuống vực làm 12 người chết","sentiment":"negative","register":"news"}
                {"text":"Luật Đất đai sửa đổi có hiệu lực từ ngày 1/8","sentiment":"neutral","register":"news"}
                {"text":"bệnh viện làm ăn như vậy thì ai dám đến","sentiment":"negative","register":"comment"}
                """, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = cli.run(List.of("eval", "--task", "sentiment", "--data", data.toString()), new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"per_register\":{\"comment\":{\"rows\":1,").contains("\"news\":{\"rows\":2,");
    }

    @Test
    void readsRowsWithoutARegisterAsTrainingReadTheSharedDataUnlessToldOtherwise() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.dir().resolve("uit-vsfc/dev.jsonl")).subList(0, 300);
        Path plain = dir.resolve("plain.jsonl");
        Files.write(plain, lines);
        Path comments = dir.resolve("comments.jsonl");
        Files.write(comments, lines.stream()
                .map(line -> line.substring(0, line.lastIndexOf('}')) + ",\"register\":\"comment\"}").toList());
        String plainJson = eval(plain);
        String commentsJson = eval(comments);
        String asTrained = figures(plainJson);
        assertThat(asTrained).isEqualTo(figures(commentsJson));
        assertThat(plainJson).contains("\"register_when_missing\":\"comment\"")
                .contains("\"rows_without_register\":300,").doesNotContain("per_register");
        assertThat(commentsJson).contains("\"rows_without_register\":0,").contains("\"per_register\":{\"comment\"");
        String withoutRegister = eval(plain, "--register", "none");
        assertThat(withoutRegister).contains("\"register_when_missing\":null");
        assertThat(figures(withoutRegister)).isNotEqualTo(asTrained);
        String asNews = eval(plain, "--register", "news");
        assertThat(asNews).contains("\"register_when_missing\":\"news\"");
        assertThat(figures(asNews)).isNotEqualTo(asTrained).isNotEqualTo(figures(withoutRegister));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = cli.run(List.of("eval", "--task", "sentiment", "--data", plain.toString(), "--register", "press"),
                new ByteArrayInputStream(new byte[0]));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--register must be news, official, comment or none, was 'press'");
    }

    private static String eval(Path data, String... more) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> args = new java.util.ArrayList<>(List.of("eval", "--task", "sentiment", "--data", data.toString()));
        args.addAll(List.of(more));
        int status = cli.run(args, new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The JSON from the accuracy to the calibration, without the file name, the register or the speed. */
    private static String figures(String json) {
        return json.substring(json.indexOf("\"accuracy\""), json.indexOf("\"unclear\""));
    }

    @Test
    void refusesAnUnknownRegisterWithTheLineNumber() throws Exception {
        Path data = dir.resolve("bad.jsonl");
        Files.writeString(data, """
                {"text":"Luật Đất đai có hiệu lực","sentiment":"neutral","register":"news"}
                {"text":"hay quá","sentiment":"positive","register":"tweet"}
                """, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        cli.run(List.of("eval", "--task", "sentiment", "--data", data.toString()), new ByteArrayInputStream(new byte[0]));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(data + ":2: register must be news, official or comment");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"rows\":1");
    }

    @Test
    void crossValidatesOnTrainingRowsWithoutWritingAModel() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Path predictions = dir.resolve("held-out.jsonl");
        int status = cli.run(List.of("train", "register", "--cv", "3", "--epochs", "1", "--out", dir.toString(),
                "--corpus-dir", PROVINCE_CORPUS.toString(), "--predictions", predictions.toString()),
                new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("\"folds\":3").contains("\"mean_macro_f1\":");
        assertThat(dir.resolve("register.bin")).doesNotExist();
        // every distinct training row is held out once, in one of the three folds, with a probability for each label
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        int rows = Integer.parseInt(summary.replaceAll("(?s).*?\"folds\":3,\"rows\":(\\d+).*", "$1"));
        assertThat(lines).hasSize(rows);
        assertThat(lines).allMatch(line -> line.matches("\\{\"fold\":[012],\"text\":.*\"label\":\"\\w+\",\"predicted\":\"\\w+\",\"probabilities\":\\{.*\\}\\}"));
        assertThat(lines.stream().filter(line -> line.startsWith("{\"fold\":2,"))).isNotEmpty();
    }

    @Test
    void crossValidatesTheSegmenterOnGoldSentencesAndRefusesSilverStatisticsForAModelToWrite() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("ud-vietnamese-vtb"));
        Files.createDirectories(data.resolve("silver-wseg"));
        List<String> gold = Files.readAllLines(SharedData.dir().resolve("ud-vietnamese-vtb/train.wseg.tsv"));
        Files.write(data.resolve("ud-vietnamese-vtb/train.wseg.tsv"), gold.subList(0, 61));
        List<String> silver;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(SharedData.dir().resolve("silver-wseg/train.silver.wseg.tsv.gz"))), StandardCharsets.UTF_8))) {
            silver = in.lines().limit(301).toList();
        }
        try (GZIPOutputStream gzip = new GZIPOutputStream(Files.newOutputStream(data.resolve("silver-wseg/train.silver.wseg.tsv.gz")))) {
            gzip.write((String.join("\n", silver) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Path models = dir.resolve("models");
        int status = cli.run(List.of("train", "segment", "--data-dir", data.toString(), "--out", models.toString(), "--cv", "3",
                "--epochs", "1", "--bits", "16", "--silver-stats", "true"), new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"folds\":3").contains("silverStats=true")
                .containsPattern("\"f1\":0\\.[6-9]");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fold 2: F1 ");
        assertThat(models.resolve("segmenter.bin")).doesNotExist();

        status = cli.run(List.of("train", "segment", "--data-dir", data.toString(), "--out", models.toString(),
                "--silver-stats", "true"), new ByteArrayInputStream(new byte[0]));
        assertThat(status).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--silver-stats true is for --cv only");
        assertThat(models.resolve("segmenter.bin")).doesNotExist();
    }

    @Test
    void takesTheLearningRateFromTheCommandLineAndRefusesOneThatIsNotAPositiveNumber() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = cli.run(List.of("train", "register", "--learning-rate", "-0.1", "--out", dir.toString(),
                "--corpus-dir", PROVINCE_CORPUS.toString()), new ByteArrayInputStream(new byte[0]));
        assertThat(status).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--learning-rate must be a positive number, was '-0.1'");
        assertThat(dir.resolve("register.bin")).doesNotExist();

        status = cli.run(List.of("train", "register", "--learning-rate", "0.35", "--epochs", "1", "--out", dir.toString(),
                "--corpus-dir", PROVINCE_CORPUS.toString()), new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(dir.resolve("register.json"))).contains("\"learning_rate\":0.35");
    }

    @Test
    void takesTheRegistersWithOffsetsOfTheirOwnAndRefusesAnUnknownOne() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = cli.run(List.of("train", "register", "--register-offsets", "comment,citizen", "--out", dir.toString(),
                "--corpus-dir", PROVINCE_CORPUS.toString()), new ByteArrayInputStream(new byte[0]));
        assertThat(status).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--register-offsets takes news, official and comment separated by commas, or none; 'citizen'");
        assertThat(dir.resolve("register.bin")).doesNotExist();

        status = cli.run(List.of("train", "register", "--register-offsets", "news", "--epochs", "1", "--out", dir.toString(),
                "--corpus-dir", PROVINCE_CORPUS.toString()), new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readString(dir.resolve("register.json")))
                .contains("\"decision_offsets_per_register\":{\"asked_for\":[\"news\"],\"shared\":{");
    }
}

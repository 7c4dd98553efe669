package vn.loa.nlp.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.classify.ClassificationScore;
import vn.loa.nlp.io.JsonLine;
import vn.loa.nlp.keywords.KeywordExtractor;
import vn.loa.nlp.normalize.NormalizationScore;
import vn.loa.nlp.normalize.TextNormalizer;
import vn.loa.nlp.classify.ClassifierTrainer;
import vn.loa.nlp.classify.LabeledData;
import vn.loa.nlp.classify.LabeledText;
import vn.loa.nlp.classify.LinearClassifier;
import vn.loa.nlp.classify.Task;
import vn.loa.nlp.segment.SegmentationCorpus;
import vn.loa.nlp.segment.SegmentationScore;
import vn.loa.nlp.segment.SegmentedSentence;
import vn.loa.nlp.segment.SegmenterAccess;
import vn.loa.nlp.segment.SegmenterTrainer;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * {@code bin/loa nlp ...}: segment text, train models from {@code ../shared/data}, evaluate them.
 */
public final class NlpCli {

    private final PrintStream out;
    private final PrintStream err;

    NlpCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new NlpCli(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)).run(List.of(args), System.in));
    }

    int run(List<String> args, InputStream stdin) {
        if (args.isEmpty()) {
            usage();
            return 2;
        }
        try {
            return switch (args.get(0)) {
                case "segment" -> segment(args.subList(1, args.size()), stdin);
                case "analyze" -> analyze(args.subList(1, args.size()), stdin);
                case "keywords" -> keywords(args.subList(1, args.size()), stdin);
                case "train" -> train(args.subList(1, args.size()));
                case "eval" -> eval(args.subList(1, args.size()));
                case "help", "--help" -> {
                    usage();
                    yield 0;
                }
                default -> {
                    err.println("Unknown nlp command: " + args.get(0));
                    usage();
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    private void usage() {
        out.println("Usage: bin/loa nlp COMMAND");
        out.println("  analyze [FILE] [--jsonl] [--date yyyy-MM-dd]  one JSON object per input line (stdin without FILE)");
        out.println("  keywords [FILE] [--top N] [--min-documents M]  the terms that stand out in a batch of texts, as JSON");
        out.println("  segment [FILE]                              words joined by '_', one line per input line (stdin without FILE)");
        out.println("  train TASK [--data-dir DIR] [--out DIR] [--extra FILE]  train a model from ../shared/data (and extra");
        out.println("                                              rows such as exported corrections); TASK is segment,");
        out.println("                                              sentiment, feedback-topic, toxicity, news-topic or fake-news");
        out.println("  eval --task TASK --data FILE [--model F] [--strip-diacritics]  scores and speed as one JSON object");
    }

    private int segment(List<String> args, InputStream stdin) throws IOException {
        if (args.size() > 1) {
            throw new IllegalArgumentException("segment takes at most one file");
        }
        WordSegmenter segmenter = WordSegmenter.loadDefault();
        try (InputStream in = args.isEmpty() ? stdin : Files.newInputStream(Path.of(args.get(0)))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = reader.readLine()) != null) {
                writer.write(segmenter.segmentToUnderscored(Normalizer.normalize(line, Normalizer.Form.NFC)));
                writer.newLine();
            }
            writer.flush();
        }
        return 0;
    }

    private int analyze(List<String> args, InputStream stdin) throws IOException {
        String file = null;
        boolean jsonl = false;
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--jsonl")) {
                jsonl = true;
            } else if (arg.equals("--date") && i + 1 < args.size()) {
                day = parseDay(args.get(++i));
            } else if (!arg.startsWith("--") && file == null) {
                file = arg;
            } else {
                throw new IllegalArgumentException("analyze takes [FILE] [--jsonl] [--date yyyy-MM-dd], not '" + arg + "'");
            }
        }
        TextAnalyzer analyzer = TextAnalyzer.standard();
        long lines = 0;
        long problems = 0;
        try (InputStream in = file == null ? stdin : Files.newInputStream(Path.of(file))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                String text = line;
                LocalDate on = day;
                if (jsonl) {
                    try {
                        Map<String, Object> object = JsonLine.object(line);
                        if (!(object.get("text") instanceof String t)) {
                            throw new IllegalArgumentException("no \"text\" string");
                        }
                        text = t;
                        if (object.get("published_at") instanceof String published && published.length() >= 10) {
                            on = parseDay(published.substring(0, 10));
                        }
                    } catch (IllegalArgumentException e) {
                        problems++;
                        err.println((file == null ? "stdin" : file) + ":" + lines + ": " + e.getMessage());
                        Map<String, Object> error = new LinkedHashMap<>();
                        error.put("line", lines);
                        error.put("error", e.getMessage());
                        writer.write(Json.object(error));
                        writer.newLine();
                        continue;
                    }
                }
                writer.write(Json.object(AnalysisJson.of(analyzer.analyze(text, on))));
                writer.newLine();
            }
            writer.flush();
        }
        return problems == 0 ? 0 : 1;
    }

    private static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a yyyy-MM-dd date: '" + text + "'");
        }
    }

    private int train(List<String> args) throws IOException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("train takes a task: segment, sentiment, feedback-topic, toxicity, "
                    + "news-topic, fake-news");
        }
        if (args.get(0).equals("keywords")) {
            return trainKeywords(args.subList(1, args.size()));
        }
        if (!args.get(0).equals("segment")) {
            return trainClassifier(Task.of(args.get(0)), args.subList(1, args.size()));
        }
        Map<String, String> options = options(args.subList(1, args.size()), List.of("data-dir", "out", "seed", "epochs", "bits", "gold-repeats", "min-word-count"));
        Path data = Path.of(options.getOrDefault("data-dir", "../shared/data"));
        Path target = Path.of(options.getOrDefault("out", "nlp/src/main/resources/vn/loa/nlp/models"));
        SegmenterTrainer.Settings defaults = SegmenterTrainer.Settings.defaults();
        SegmenterTrainer.Settings settings = new SegmenterTrainer.Settings(
                intOption(options, "bits", defaults.bits()),
                intOption(options, "epochs", defaults.epochs()),
                Long.parseLong(options.getOrDefault("seed", Long.toString(defaults.seed()))),
                intOption(options, "gold-repeats", defaults.goldRepeats()),
                intOption(options, "min-word-count", defaults.minWordCount()));
        Path goldFile = data.resolve("ud-vietnamese-vtb/train.wseg.tsv");
        Path silverFile = data.resolve("silver-wseg/train.silver.wseg.tsv.gz");
        Path devFile = data.resolve("ud-vietnamese-vtb/dev.wseg.tsv");
        List<SegmentedSentence> gold = readOrFail(goldFile);
        List<SegmentedSentence> silver = readOrFail(silverFile);
        List<SegmentedSentence> dev = readOrFail(devFile);
        err.println("Training the segmenter on " + gold.size() + " gold and " + silver.size() + " silver sentences");
        long start = System.nanoTime();
        WordSegmenter segmenter = SegmenterTrainer.train(gold, silver, settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        SegmentationScore score = SegmentationScore.of(segmenter, dev);

        Files.createDirectories(target);
        Path model = target.resolve("segmenter.bin");
        try (OutputStream stream = Files.newOutputStream(model)) {
            segmenterModelWriter(segmenter, stream);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("model", "segmenter.bin");
        metadata.put("kind", "averaged perceptron over syllable gaps, hashed features, lexicon from the training data");
        metadata.put("trained_on", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        metadata.put("seed", settings.seed());
        metadata.put("epochs", settings.epochs());
        metadata.put("bits", settings.bits());
        metadata.put("gold_repeats", settings.goldRepeats());
        metadata.put("min_word_count", settings.minWordCount());
        metadata.put("data", List.of(fileInfo(data, goldFile, gold.size()), fileInfo(data, silverFile, silver.size())));
        Map<String, Object> devScores = new LinkedHashMap<>();
        devScores.put("file", fileInfo(data, devFile, dev.size()));
        devScores.put("precision", score.precision());
        devScores.put("recall", score.recall());
        devScores.put("f1", score.f1());
        metadata.put("dev", devScores);
        metadata.put("model_sha256", sha256(model));
        metadata.put("training_seconds", seconds);
        Files.writeString(target.resolve("segmenter.json"), Json.object(metadata) + "\n");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", "segment");
        summary.put("model", model.toString());
        summary.put("dev_precision", score.precision());
        summary.put("dev_recall", score.recall());
        summary.put("dev_f1", score.f1());
        out.println(Json.object(summary));
        return 0;
    }

    private static void segmenterModelWriter(WordSegmenter segmenter, OutputStream stream) throws IOException {
        SegmenterAccess.write(segmenter, stream);
    }

    private int eval(List<String> args) throws IOException {
        List<String> rest = new ArrayList<>(args);
        boolean strip = rest.remove("--strip-diacritics");
        Map<String, String> options = options(rest, List.of("task", "data", "model"));
        String task = options.get("task");
        if (task == null || options.get("data") == null) {
            throw new IllegalArgumentException("eval needs --task TASK and --data FILE");
        }
        Path file = Path.of(options.get("data"));
        if (task.equals("normalize")) {
            return evalNormalization(file);
        }
        if (!task.equals("segment")) {
            return evalClassifier(Task.of(task), file, options.get("model"));
        }
        SegmentationCorpus.Read read = SegmentationCorpus.read(file);
        for (SegmentationCorpus.Problem problem : read.problems()) {
            err.println(file + ":" + problem.line() + ": " + problem.reason());
        }
        WordSegmenter segmenter;
        if (options.containsKey("model")) {
            try (InputStream in = Files.newInputStream(Path.of(options.get("model")))) {
                segmenter = WordSegmenter.load(in);
            }
        } else {
            segmenter = WordSegmenter.loadDefault();
        }
        List<SegmentedSentence> sentences = read.sentences();
        if (strip) {
            sentences = sentences.stream().map(SegmentedSentence::withoutDiacritics).toList();
        }
        SegmentationScore.of(segmenter, sentences);
        SegmentationScore score = SegmentationScore.of(segmenter, sentences);
        long timedSyllables = score.syllables();
        long timedNanos = score.nanos();
        while (timedNanos < 2_000_000_000L && score.syllables() > 0) {
            SegmentationScore again = SegmentationScore.of(segmenter, sentences);
            timedSyllables += again.syllables();
            timedNanos += again.nanos();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task", "segment");
        result.put("data", file.toString());
        result.put("diacritics_stripped", strip);
        result.put("rows", score.sentences());
        result.put("syllables", score.syllables());
        result.put("precision", score.precision());
        result.put("recall", score.recall());
        result.put("f1", score.f1());
        result.put("syllables_per_second", timedNanos == 0 ? 0 : Math.round(timedSyllables * 1e9 / timedNanos));
        List<Map<String, Object>> problems = new ArrayList<>();
        for (SegmentationCorpus.Problem p : read.problems()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("line", p.line());
            problem.put("reason", p.reason());
            problems.add(problem);
        }
        result.put("malformed_lines", problems);
        out.println(Json.object(result));
        return 0;
    }

    private int trainKeywords(List<String> args) throws IOException {
        Map<String, String> options = options(args, List.of("data-dir", "out"));
        Path data = Path.of(options.getOrDefault("data-dir", "../shared/data"));
        Path target = Path.of(options.getOrDefault("out", "nlp/src/main/resources/vn/loa/nlp/models"));
        List<Path> files = List.of(data.resolve("vntc/train.jsonl.gz"), data.resolve("vihsd/train.jsonl"),
                data.resolve("uit-vsfc/train.jsonl"));
        List<String> corpus = new ArrayList<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Path file : files) {
            List<LabeledText> rows = readLabeled(file, file.toString().contains("uit-vsfc") ? Task.SENTIMENT : Task.TOXICITY,
                    file.toString().contains("vntc") ? "label" : null);
            rows.forEach(row -> corpus.add(row.text()));
            sources.add(fileInfo(data, file, rows.size()));
        }
        err.println("Building the keyword background from " + corpus.size() + " documents");
        long start = System.nanoTime();
        KeywordExtractor extractor = KeywordExtractor.train(WordSegmenter.loadDefault(), corpus, 3);
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(target);
        Path model = target.resolve("keywords-background.bin");
        try (OutputStream stream = Files.newOutputStream(model)) {
            extractor.write(stream);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("model", model.getFileName().toString());
        metadata.put("kind", "document frequencies of words and word pairs (stop words left out), seen in at least 3 documents");
        metadata.put("trained_on", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        metadata.put("data", sources);
        metadata.put("documents", extractor.backgroundDocuments());
        metadata.put("terms", extractor.backgroundTerms());
        metadata.put("model_sha256", sha256(model));
        metadata.put("training_seconds", seconds);
        Files.writeString(target.resolve("keywords-background.json"), Json.object(metadata) + "\n");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", "keywords");
        summary.put("model", model.toString());
        summary.put("documents", extractor.backgroundDocuments());
        summary.put("terms", extractor.backgroundTerms());
        out.println(Json.object(summary));
        return 0;
    }

    private int keywords(List<String> args, InputStream stdin) throws IOException {
        String file = null;
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--") && file == null && (rest.isEmpty() || !rest.get(rest.size() - 1).startsWith("--"))) {
                file = arg;
            } else {
                rest.add(arg);
            }
        }
        Map<String, String> options = options(rest, List.of("top", "min-documents"));
        int top = intOption(options, "top", 20);
        int minDocuments = intOption(options, "min-documents", 2);
        List<String> texts = new ArrayList<>();
        try (InputStream in = file == null ? stdin : Files.newInputStream(Path.of(file))) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    texts.add(line);
                }
            }
        }
        KeywordExtractor extractor = KeywordExtractor.standard(WordSegmenter.loadDefault());
        List<Map<String, Object>> keywords = new ArrayList<>();
        for (KeywordExtractor.Keyword keyword : extractor.extract(texts, top, minDocuments)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("term", keyword.term());
            json.put("documents", keyword.documents());
            json.put("score", keyword.score());
            keywords.add(json);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("texts", texts.size());
        result.put("keywords", keywords);
        out.println(Json.object(result));
        return 0;
    }

    private int trainClassifier(Task task, List<String> args) throws IOException {
        Map<String, String> options = options(args, List.of("data-dir", "out", "seed", "bits", "min-count",
                "max-syllables", "epochs", "class-weight-power", "character-grams", "trigrams", "keep-features", "extra"));
        Path data = Path.of(options.getOrDefault("data-dir", "../shared/data"));
        Path target = Path.of(options.getOrDefault("out", "nlp/src/main/resources/vn/loa/nlp/models"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        ClassifierTrainer.Settings settings = task.settings(seed,
                options.containsKey("bits") ? intOption(options, "bits", 0) : null,
                options.containsKey("min-count") ? intOption(options, "min-count", 0) : null,
                options.containsKey("max-syllables") ? intOption(options, "max-syllables", 0) : null,
                options.containsKey("epochs") ? intOption(options, "epochs", 0) : null,
                options.containsKey("class-weight-power") ? Double.valueOf(options.get("class-weight-power")) : null,
                options.containsKey("character-grams") ? Boolean.valueOf(options.get("character-grams")) : null,
                options.containsKey("trigrams") ? Boolean.valueOf(options.get("trigrams")) : null,
                options.containsKey("keep-features") ? intOption(options, "keep-features", 0) : null);
        Path trainFile = task.trainFile(data);
        Path devFile = task.devFile(data);
        List<LabeledText> train = new ArrayList<>(readLabeled(trainFile, task));
        List<LabeledText> dev = readLabeled(devFile, task);
        err.println("Training " + task.id() + " on " + train.size() + " rows of " + trainFile);
        // extra rows, such as officers' corrections (bin/loa corrections export), are added to the training data
        Path extraFile = options.containsKey("extra") ? Path.of(options.get("extra")) : null;
        List<LabeledText> extra = extraFile == null ? List.of() : readLabeled(extraFile, task);
        if (extraFile != null) {
            err.println("  and " + extra.size() + " extra rows of " + extraFile);
            train.addAll(extra);
        }
        long start = System.nanoTime();
        LinearClassifier model = ClassifierTrainer.train(task.id(), train, settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        ClassificationScore score = ClassificationScore.of(model, dev);

        Files.createDirectories(target);
        Path modelFile = target.resolve(task.id() + ".bin");
        try (OutputStream stream = Files.newOutputStream(modelFile)) {
            model.write(stream);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("model", modelFile.getFileName().toString());
        metadata.put("task", task.id());
        metadata.put("kind", "softmax regression (AdaGrad) over hashed syllable n-grams, diacritic-free n-grams"
                + (settings.features().characterGrams() ? " and character n-grams" : ""));
        metadata.put("trained_on", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        metadata.put("seed", seed);
        metadata.put("feature_bits", settings.features().bits());
        metadata.put("epochs_at_most", settings.epochs());
        metadata.put("min_count", settings.minCount());
        metadata.put("max_syllables", settings.features().maxSyllables());
        metadata.put("class_weight_power", settings.classWeightPower());
        metadata.put("trigrams", settings.features().trigrams());
        metadata.put("keep_features", settings.keepFeatures());
        metadata.put("labels", List.of(model.labels()));
        metadata.put("data", extraFile == null ? List.of(fileInfo(data, trainFile, train.size()))
                : List.of(fileInfo(data, trainFile, train.size() - extra.size()),
                        fileInfo(extraFile.toAbsolutePath().getParent(), extraFile.toAbsolutePath(), extra.size())));
        Map<String, Object> devScores = new LinkedHashMap<>();
        devScores.put("file", fileInfo(data, devFile, dev.size()));
        devScores.put("accuracy", score.accuracy());
        devScores.put("macro_f1", score.macroF1());
        devScores.put("per_class", score.perLabel());
        metadata.put("dev", devScores);
        metadata.put("model_sha256", sha256(modelFile));
        metadata.put("training_seconds", seconds);
        Files.writeString(target.resolve(task.id() + ".json"), Json.object(metadata) + "\n");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", task.id());
        summary.put("model", modelFile.toString());
        summary.put("dev_accuracy", score.accuracy());
        summary.put("dev_macro_f1", score.macroF1());
        out.println(Json.object(summary));
        return 0;
    }

    private int evalNormalization(Path file) throws IOException {
        List<NormalizationScore.Pair> pairs = new ArrayList<>();
        List<Map<String, Object>> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                Map<String, Object> object = JsonLine.object(lines.get(i));
                if (!(object.get("original") instanceof String original) || !(object.get("normalized") instanceof String gold)) {
                    throw new IllegalArgumentException("needs \"original\" and \"normalized\" strings");
                }
                pairs.add(new NormalizationScore.Pair(original, gold));
            } catch (IllegalArgumentException e) {
                err.println(file + ":" + (i + 1) + ": " + e.getMessage());
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("line", i + 1);
                problem.put("reason", e.getMessage());
                problems.add(problem);
            }
        }
        NormalizationScore score = NormalizationScore.of(TextNormalizer.standard(), pairs);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task", "normalize");
        result.put("data", file.toString());
        result.put("rows", score.pairs());
        result.put("syllable_error_rate_as_typed", score.errorRateAsTyped());
        result.put("syllable_error_rate_normalized", score.errorRateNormalized());
        result.put("exact_as_typed", score.exactAsTyped());
        result.put("exact_normalized", score.exactNormalized());
        result.put("malformed_lines", problems);
        out.println(Json.object(result));
        return 0;
    }

    private int evalClassifier(Task task, Path file, String modelPath) throws IOException {
        LabeledData.Read read = LabeledData.read(file, task.labelField());
        for (LabeledData.Problem problem : read.problems()) {
            err.println(file + ":" + problem.line() + ": " + problem.reason());
        }
        LinearClassifier model;
        if (modelPath != null) {
            try (InputStream in = Files.newInputStream(Path.of(modelPath))) {
                model = LinearClassifier.read(in);
            }
        } else {
            model = LinearClassifier.loadResource(task.resource());
        }
        ClassificationScore.of(model, read.rows().subList(0, Math.min(2000, read.rows().size())));
        ClassificationScore score = ClassificationScore.of(model, read.rows());
        long timedRows = score.rows();
        long timedNanos = score.nanos();
        while (timedNanos < 2_000_000_000L && score.rows() > 0) {
            ClassificationScore again = ClassificationScore.of(model, read.rows());
            timedRows += again.rows();
            timedNanos += again.nanos();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task", task.id());
        result.put("data", file.toString());
        result.put("rows", score.rows());
        result.put("accuracy", score.accuracy());
        result.put("macro_f1", score.macroF1());
        result.put("per_class", score.perLabel());
        List<List<Integer>> matrix = new ArrayList<>();
        for (int[] row : score.confusion()) {
            matrix.add(java.util.Arrays.stream(row).boxed().toList());
        }
        Map<String, Object> confusion = new LinkedHashMap<>();
        confusion.put("labels", List.of(score.labels()));
        confusion.put("rows_gold_columns_predicted", matrix);
        result.put("confusion_matrix", confusion);
        result.put("unknown_labels", score.unknownLabels());
        result.put("docs_per_second", timedNanos == 0 ? 0 : Math.round(timedRows * 1e9 / timedNanos));
        List<Map<String, Object>> problems = new ArrayList<>();
        for (LabeledData.Problem p : read.problems()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("line", p.line());
            problem.put("reason", p.reason());
            problems.add(problem);
        }
        result.put("malformed_lines", problems);
        out.println(Json.object(result));
        return 0;
    }

    private List<LabeledText> readLabeled(Path file, Task task) throws IOException {
        return readLabeled(file, task, null);
    }

    private List<LabeledText> readLabeled(Path file, Task task, String labelField) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("training data not found: " + file + " (use --data-dir)");
        }
        LabeledData.Read read = LabeledData.read(file, labelField != null ? labelField : task.labelField());
        for (LabeledData.Problem problem : read.problems()) {
            err.println(file + ":" + problem.line() + ": " + problem.reason());
        }
        return read.rows();
    }

    private List<SegmentedSentence> readOrFail(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("training data not found: " + file + " (use --data-dir)");
        }
        SegmentationCorpus.Read read = SegmentationCorpus.read(file);
        for (SegmentationCorpus.Problem problem : read.problems()) {
            err.println(file + ":" + problem.line() + ": " + problem.reason());
        }
        return read.sentences();
    }

    private static Map<String, Object> fileInfo(Path root, Path file, int rows) throws IOException {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("file", root.relativize(file).toString());
        info.put("sha256", sha256(file));
        info.put("sentences", rows);
        return info;
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> options(List<String> args, List<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            options.put(name, args.get(++i));
        }
        return options;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + value + "'");
        }
    }

    private static OutputStream nonClosing(OutputStream stream) {
        return new java.io.FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}

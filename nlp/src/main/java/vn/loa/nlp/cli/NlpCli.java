package vn.loa.nlp.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import vn.loa.nlp.analyze.Register;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.classify.Calibration;
import vn.loa.nlp.classify.ClassificationScore;
import vn.loa.nlp.io.JsonLine;
import vn.loa.nlp.keywords.KeywordExtractor;
import vn.loa.nlp.normalize.NormalizationScore;
import vn.loa.nlp.normalize.TextNormalizer;
import vn.loa.nlp.classify.ClassifierTrainer;
import vn.loa.nlp.classify.Features;
import vn.loa.nlp.classify.LabeledData;
import vn.loa.nlp.classify.LabeledText;
import vn.loa.nlp.classify.LinearClassifier;
import vn.loa.nlp.classify.Prediction;
import vn.loa.nlp.classify.SpanLexicon;
import vn.loa.nlp.classify.Task;
import vn.loa.nlp.segment.RawSentence;
import vn.loa.nlp.segment.SegmentationCorpus;
import vn.loa.nlp.segment.SegmentationScore;
import vn.loa.nlp.segment.SegmentedSentence;
import vn.loa.nlp.segment.SegmenterAccess;
import vn.loa.nlp.segment.SegmenterTrainer;
import vn.loa.nlp.segment.WordSegmenter;
import vn.loa.nlp.vectors.ClusterTrainer;

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
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Error: no such file: " + e.getFile());
            return 1;
        } catch (java.nio.file.AccessDeniedException e) {
            err.println("Error: not allowed to read or write " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    private void usage() {
        out.println("Usage: bin/loa nlp COMMAND");
        out.println("  analyze [FILE] [--jsonl] [--date yyyy-MM-dd] [--source news|social|citizens|feedback]  one JSON object per");
        out.println("                                              input line (stdin without FILE)");
        out.println("  keywords [FILE] [--top N] [--min-documents M]  the terms that stand out in a batch of texts, as JSON");
        out.println("  segment [FILE]                              words joined by '_', one line per input line (stdin without FILE)");
        out.println("  train TASK [--data-dir DIR] [--out DIR] [--extra FILE]  train a model from ../shared/data (and extra");
        out.println("                                              rows such as exported corrections); TASK is segment,");
        out.println("                                              sentiment, feedback-topic, toxicity, news-topic, fake-news,");
        out.println("                                              policy-domain or register; --cv K cross-validates on train");
        out.println("                                              (--predictions FILE: each held-out row's prediction, JSONL);");
        out.println("                                              --members M averages M models (1 to 10);");
        out.println("                                              --learning-rate R sets AdaGrad's step size;");
        out.println("                                              --register-offsets comment[,news,official]|none: decision");
        out.println("                                              offsets of their own for those registers' texts;");
        out.println("                                              --lexicon true|false: the offensive-words list;");
        out.println("                                              --repeats true|false: features for a word met 2, 4, 8 times;");
        out.println("                                              --spans true|false (toxicity; default true): a lexicon from");
        out.println("                                              ViHOS spans [--span-min-comments N] [--span-min-share R]");
        out.println("                                              [--span-keys exact|folded|both] [--span-loo true|false];");
        out.println("                                              segment with --cv K: --silver-stats true (the silver's counts");
        out.println("                                              as features, an experiment), --silver-sentences false");
        out.println("  eval --task TASK --data FILE [--model F] [--register R] [--strip-diacritics]  scores and speed as one");
        out.println("                                              JSON object (--task segment --raw: also from the raw text of");
        out.println("                                              a .conllu file); for a classifier, --register news|official|");
        out.println("                                              comment|none is the register of rows without one (default:");
        out.println("                                              comment for a model with per-register features, as training");
        out.println("                                              reads the shared data sets)");
    }

    private int segment(List<String> args, InputStream stdin) throws IOException {
        if (args.size() > 1) {
            throw new IllegalArgumentException("segment takes at most one file");
        }
        WordSegmenter segmenter = WordSegmenter.loadDefault();
        try (InputStream in = args.isEmpty() ? stdin : Files.newInputStream(Path.of(args.get(0)))) {
            Utf8LineReader reader = new Utf8LineReader(in, args.isEmpty() ? "stdin" : args.get(0));
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
        Register.Hint hint = Register.Hint.UNKNOWN;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--jsonl")) {
                jsonl = true;
            } else if (arg.equals("--date") && i + 1 < args.size()) {
                day = parseDay(args.get(++i));
            } else if (arg.equals("--source") && i + 1 < args.size()) {
                hint = sourceHint(args.get(++i));
            } else if (!arg.startsWith("--") && file == null) {
                file = arg;
            } else {
                throw new IllegalArgumentException("analyze takes [FILE] [--jsonl] [--date yyyy-MM-dd] "
                        + "[--source news|social|citizens|feedback], not '" + arg + "'");
            }
        }
        TextAnalyzer analyzer = TextAnalyzer.standard();
        long lines = 0;
        long problems = 0;
        try (InputStream in = file == null ? stdin : Files.newInputStream(Path.of(file))) {
            Utf8LineReader reader = new Utf8LineReader(in, file == null ? "stdin" : file);
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                String text = line;
                LocalDate on = day;
                Register.Hint lineHint = hint;
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
                        if (object.get("source") instanceof String source) {
                            lineHint = sourceHint(source);
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
                writer.write(Json.object(AnalysisJson.of(analyzer.analyze(text, on, lineHint))));
                writer.newLine();
            }
            writer.flush();
        }
        return problems == 0 ? 0 : 1;
    }

    private static Register.Hint sourceHint(String source) {
        return switch (source) {
            case "news" -> Register.Hint.NEWS;
            case "social" -> Register.Hint.SOCIAL;
            case "feedback" -> Register.Hint.FEEDBACK;
            case "citizens" -> Register.Hint.CITIZENS;
            case "unknown" -> Register.Hint.UNKNOWN;
            default -> throw new IllegalArgumentException("--source must be news, social, citizens, feedback or unknown, was '" + source + "'");
        };
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
        if (args.get(0).equals("clusters")) {
            return trainClusters(args.subList(1, args.size()));
        }
        if (!args.get(0).equals("segment")) {
            return trainClassifier(Task.of(args.get(0)), args.subList(1, args.size()));
        }
        Map<String, String> options = options(args.subList(1, args.size()), List.of("data-dir", "out", "seed", "epochs", "bits", "gold-repeats", "min-word-count",
                "convention-min-count", "cv", "silver-stats", "silver-sentences"));
        Path data = Path.of(options.getOrDefault("data-dir", "../shared/data"));
        Path target = Path.of(options.getOrDefault("out", "nlp/src/main/resources/vn/loa/nlp/models"));
        SegmenterTrainer.Settings defaults = SegmenterTrainer.Settings.defaults();
        SegmenterTrainer.Settings settings = new SegmenterTrainer.Settings(
                intOption(options, "bits", defaults.bits()),
                intOption(options, "epochs", defaults.epochs()),
                Long.parseLong(options.getOrDefault("seed", Long.toString(defaults.seed()))),
                intOption(options, "gold-repeats", defaults.goldRepeats()),
                intOption(options, "min-word-count", defaults.minWordCount()),
                intOption(options, "convention-min-count", defaults.conventionMinCount()),
                booleanOption(options, "silver-stats", defaults.silverStats()),
                booleanOption(options, "silver-sentences", defaults.silverSentences()));
        Path goldFile = data.resolve("ud-vietnamese-vtb/train.wseg.tsv");
        Path silverFile = data.resolve("silver-wseg/train.silver.wseg.tsv.gz");
        Path devFile = data.resolve("ud-vietnamese-vtb/dev.wseg.tsv");
        Path devText = data.resolve("ud-vietnamese-vtb/vi_vtb-ud-dev.conllu");
        List<SegmentedSentence> gold = readOrFail(goldFile);
        List<SegmentedSentence> silver = readOrFail(silverFile);
        if (settings.silverStats() && !options.containsKey("cv")) {
            // the statistics' tables are not part of the model format: an experiment measured by cross-validation only
            throw new IllegalArgumentException("--silver-stats true is for --cv only: such a model cannot be written");
        }
        if (options.containsKey("cv")) {
            return crossValidateSegmenter(gold, silver, settings, intOption(options, "cv", 5));
        }
        List<SegmentedSentence> dev = readOrFail(devFile);
        err.println("Training the segmenter on " + gold.size() + " gold and " + silver.size() + " silver sentences");
        long start = System.nanoTime();
        WordSegmenter segmenter = SegmenterTrainer.train(gold, silver, settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        SegmentationScore score = SegmentationScore.of(segmenter, dev);
        SegmentationScore rawScore = Files.exists(devText)
                ? SegmentationScore.ofRawText(segmenter, SegmentationCorpus.readRaw(devText).sentences()) : null;

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
        metadata.put("convention_min_count", settings.conventionMinCount());
        metadata.put("data", List.of(fileInfo(data, goldFile, gold.size()), fileInfo(data, silverFile, silver.size())));
        Map<String, Object> devScores = new LinkedHashMap<>();
        devScores.put("file", fileInfo(data, devFile, dev.size()));
        devScores.put("precision", score.precision());
        devScores.put("recall", score.recall());
        devScores.put("f1", score.f1());
        if (rawScore != null) {
            devScores.put("raw_text_file", fileInfo(data, devText, rawScore.sentences()));
            devScores.put("raw_text_f1", rawScore.f1());
        }
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
        if (rawScore != null) {
            summary.put("dev_raw_text_f1", rawScore.f1());
        }
        out.println(Json.object(summary));
        return 0;
    }

    /**
     * K-fold cross-validation of the segmenter on the gold training sentences (folds drawn from the
     * seed), the silver data in every fold's training: word F1 on each held-out fold and on all of them.
     */
    private int crossValidateSegmenter(List<SegmentedSentence> gold, List<SegmentedSentence> silver,
            SegmenterTrainer.Settings settings, int folds) {
        if (folds < 2 || folds > 20) {
            throw new IllegalArgumentException("--cv takes 2 to 20 folds, was " + folds);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(settings.seed()));
        int[] fold = new int[gold.size()];
        for (int i = 0; i < order.size(); i++) {
            fold[order.get(i)] = i % folds;
        }
        long goldWords = 0;
        long predictedWords = 0;
        long correctWords = 0;
        double sumF1 = 0;
        List<Map<String, Object>> perFold = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<SegmentedSentence> train = new ArrayList<>();
            List<SegmentedSentence> held = new ArrayList<>();
            for (int i = 0; i < gold.size(); i++) {
                (fold[i] == f ? held : train).add(gold.get(i));
            }
            long start = System.nanoTime();
            WordSegmenter segmenter = SegmenterTrainer.train(train, silver, settings);
            SegmentationScore score = SegmentationScore.of(segmenter, held);
            goldWords += score.goldWords();
            predictedWords += score.predictedWords();
            correctWords += score.correctWords();
            sumF1 += score.f1();
            err.println("fold " + f + ": F1 " + score.f1() + " (" + held.size() + " sentences, "
                    + Math.round((System.nanoTime() - start) / 1e9) + " s)");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("fold", f);
            result.put("f1", score.f1());
            perFold.add(result);
        }
        SegmentationScore all = new SegmentationScore(gold.size(), 0, goldWords, predictedWords, correctWords, 0);
        err.println("all folds: F1 " + all.f1() + ", mean of folds " + sumF1 / folds);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", "segment");
        summary.put("folds", folds);
        summary.put("settings", settings.toString());
        summary.put("f1", all.f1());
        summary.put("precision", all.precision());
        summary.put("recall", all.recall());
        summary.put("mean_fold_f1", sumF1 / folds);
        summary.put("per_fold", perFold);
        out.println(Json.object(summary));
        return 0;
    }

    private static void segmenterModelWriter(WordSegmenter segmenter, OutputStream stream) throws IOException {
        SegmenterAccess.write(segmenter, stream);
    }

    private int eval(List<String> args) throws IOException {
        List<String> rest = new ArrayList<>(args);
        boolean strip = rest.remove("--strip-diacritics");
        boolean raw = rest.remove("--raw");
        Map<String, String> options = options(rest, List.of("task", "data", "model", "register"));
        String task = options.get("task");
        if (task == null || options.get("data") == null) {
            throw new IllegalArgumentException("eval needs --task TASK and --data FILE");
        }
        Path file = Path.of(options.get("data"));
        if (task.equals("normalize")) {
            return evalNormalization(file);
        }
        if (raw && !task.equals("segment")) {
            throw new IllegalArgumentException("--raw is for --task segment");
        }
        if (!task.equals("segment")) {
            return evalClassifier(Task.of(task), file, options.get("model"), options.get("register"));
        }
        if (options.containsKey("register")) {
            throw new IllegalArgumentException("--register is for the classifiers, not --task " + task);
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
        List<SegmentedSentence> scored = sentences;
        TimedScore timed = timed(() -> SegmentationScore.of(segmenter, scored));
        SegmentationScore score = timed.score();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task", "segment");
        result.put("data", file.toString());
        result.put("diacritics_stripped", strip);
        result.put("rows", score.sentences());
        result.put("syllables", score.syllables());
        result.put("precision", score.precision());
        result.put("recall", score.recall());
        result.put("f1", score.f1());
        result.put("syllables_per_second", timed.syllablesPerSecond());
        result.put("malformed_lines", problems(read.problems()));
        if (raw) {
            result.put("raw_text", rawTextScore(file, segmenter, strip));
        }
        out.println(Json.object(result));
        return 0;
    }

    /** Text in, words out: the sentences' raw text through the syllable splitter and the segmenter, scored by character spans. */
    private Map<String, Object> rawTextScore(Path file, WordSegmenter segmenter, boolean strip) throws IOException {
        SegmentationCorpus.RawRead read = SegmentationCorpus.readRaw(file);
        for (SegmentationCorpus.Problem problem : read.problems()) {
            err.println(file + ":" + problem.line() + ": " + problem.reason());
        }
        List<RawSentence> sentences = read.sentences();
        if (strip) {
            sentences = sentences.stream().map(RawSentence::withoutDiacritics).toList();
        }
        List<RawSentence> scored = sentences;
        TimedScore timed = timed(() -> SegmentationScore.ofRawText(segmenter, scored));
        SegmentationScore score = timed.score();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", score.sentences());
        result.put("syllables", score.syllables());
        result.put("precision", score.precision());
        result.put("recall", score.recall());
        result.put("f1", score.f1());
        result.put("syllables_per_second", timed.syllablesPerSecond());
        result.put("malformed_sentences", problems(read.problems()));
        return result;
    }

    /** A segmentation score, and the speed of scoring the same sentences again for two seconds or more. */
    private record TimedScore(SegmentationScore score, long syllablesPerSecond) {
    }

    /** Scores once to warm up, once for the figures, then again until two seconds of scoring are timed. */
    private static TimedScore timed(Supplier<SegmentationScore> scoring) {
        scoring.get();
        SegmentationScore score = scoring.get();
        long syllables = score.syllables();
        long nanos = score.nanos();
        while (nanos < 2_000_000_000L && score.syllables() > 0) {
            SegmentationScore again = scoring.get();
            syllables += again.syllables();
            nanos += again.nanos();
        }
        return new TimedScore(score, nanos == 0 ? 0 : Math.round(syllables * 1e9 / nanos));
    }

    private static List<Map<String, Object>> problems(List<SegmentationCorpus.Problem> problems) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SegmentationCorpus.Problem p : problems) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("line", p.line());
            problem.put("reason", p.reason());
            list.add(problem);
        }
        return list;
    }

    private int trainClusters(List<String> args) throws IOException {
        Map<String, String> options = options(args, List.of("data-dir", "out", "classes", "epochs"));
        Path data = Path.of(options.getOrDefault("data-dir", "../shared/data"));
        Path target = Path.of(options.getOrDefault("out", "nlp/src/main/resources/vn/loa/nlp/models"));
        ClusterTrainer.Settings defaults = ClusterTrainer.Settings.defaults();
        ClusterTrainer.Settings settings = new ClusterTrainer.Settings(defaults.dimensions(), defaults.window(),
                defaults.negatives(), intOption(options, "epochs", defaults.epochs()), defaults.minCount(),
                intOption(options, "classes", defaults.classes()), defaults.seed());
        // unlabelled text only: labels are not read, so the dev and test splits stay unseen
        List<Path> files = List.of(data.resolve("vntc/train.jsonl.gz"), data.resolve("vihsd/train.jsonl"),
                data.resolve("vihos/train.jsonl"), data.resolve("uit-vsfc/train.jsonl"), data.resolve("uit-visfd/train.jsonl"));
        List<String> texts = new ArrayList<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Path file : files) {
            List<LabeledText> rows = readLabeled(file, "text", null);
            rows.forEach(row -> texts.add(row.text()));
            sources.add(fileInfo(data, file, rows.size()));
        }
        err.println("Learning syllable classes from " + texts.size() + " texts");
        long start = System.nanoTime();
        ClusterTrainer.Result result = ClusterTrainer.train(texts, settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(target);
        Path model = target.resolve("syllable-clusters.bin");
        try (OutputStream stream = Files.newOutputStream(model)) {
            result.clusters().write(stream);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("model", model.getFileName().toString());
        metadata.put("kind", "classes of syllables: skip-gram vectors with negative sampling, then spherical k-means");
        metadata.put("trained_on", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        metadata.put("seed", settings.seed());
        metadata.put("dimensions", settings.dimensions());
        metadata.put("window", settings.window());
        metadata.put("negatives", settings.negatives());
        metadata.put("epochs", settings.epochs());
        metadata.put("min_count", settings.minCount());
        metadata.put("classes", settings.classes());
        metadata.put("data", sources);
        metadata.put("syllables_read", result.syllablesRead());
        metadata.put("syllables_with_a_class", result.vocabulary());
        metadata.put("model_sha256", sha256(model));
        metadata.put("training_seconds", seconds);
        Files.writeString(target.resolve("syllable-clusters.json"), Json.object(metadata) + "\n");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", "clusters");
        summary.put("model", model.toString());
        summary.put("syllables_with_a_class", result.vocabulary());
        out.println(Json.object(summary));
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
            Utf8LineReader reader = new Utf8LineReader(in, file == null ? "stdin" : file);
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
        Map<String, String> options = options(args, List.of("data-dir", "corpus-dir", "out", "seed", "bits", "min-count",
                "max-syllables", "epochs", "class-weight-power", "character-grams", "trigrams", "keep-features", "extra",
                "cv", "province-repeats", "clusters", "silver", "offsets", "members", "learning-rate", "lexicon", "spans",
                "span-min-comments", "span-min-share", "span-keys", "span-loo", "news-clean", "registers", "repeats",
                "register-offsets", "predictions", "news-clean-words"));
        Path data = Path.of(options.getOrDefault("data-dir", "../shared/data"));
        Path corpus = Path.of(options.getOrDefault("corpus-dir", Task.PROVINCE_CORPUS));
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
                options.containsKey("keep-features") ? intOption(options, "keep-features", 0) : null,
                options.containsKey("clusters") ? Boolean.valueOf(options.get("clusters")) : null,
                options.containsKey("offsets") ? Boolean.valueOf(options.get("offsets")) : null);
        if (options.containsKey("members")) {
            settings = settings.withMembers(intOption(options, "members", 0));
        }
        Features f = settings.features();
        settings = settings.withFeatures(new Features(f.bits(), f.trigrams(), f.characterGrams(), f.maxSyllables(),
                booleanOption(options, "registers", f.registers()), f.clusters(),
                booleanOption(options, "lexicon", f.lexicon()), f.spans(), booleanOption(options, "repeats", f.repeats())));
        String sharedRegister = Task.sharedRegister(settings.features());
        if (options.containsKey("learning-rate")) {
            settings = settings.withLearningRate(doubleOption(options, "learning-rate"));
        }
        if (options.containsKey("register-offsets")) {
            settings = settings.withOffsetRegisters(registersOption(options.get("register-offsets")));
        }
        SpanSettings spanSettings = spanSettings(task, options);
        // the province corpus is small beside the shared sets: its rows may count several times
        int provinceRepeats = intOption(options, "province-repeats", task.province() && task.trainFile(data) != null ? 5 : 1);
        List<Map<String, Object>> sources = new ArrayList<>();
        List<LabeledText> train = new ArrayList<>();
        Path trainFile = task.trainFile(data);
        if (trainFile != null) {
            List<LabeledText> rows = readLabeled(trainFile, task.labelField(), sharedRegister);
            train.addAll(rows);
            sources.add(fileInfo(data, trainFile, rows.size()));
            err.println("Training " + task.id() + " on " + rows.size() + " rows of " + trainFile);
            if (spanSettings != null) {
                spanSettings = spanSettings.withComments(spanComments(data, rows, sources));
            }
        }
        if (task.province()) {
            Path provinceTrain = corpus.resolve("train.jsonl");
            List<LabeledText> rows = readLabeled(provinceTrain, task.labelField(), null);
            for (int r = 0; r < provinceRepeats; r++) {
                train.addAll(rows);
            }
            Map<String, Object> info = fileInfo(corpus, provinceTrain, rows.size());
            info.put("file", Task.PROVINCE_CORPUS + "/train.jsonl");
            info.put("repeats", provinceRepeats);
            sources.add(info);
            err.println("  and " + rows.size() + " rows of " + provinceTrain + (provinceRepeats > 1 ? " (each " + provinceRepeats + " times)" : ""));
        }
        // the silver set, labelled once: for training only, never scored
        List<LabeledText> silver = new ArrayList<>();
        Path silverFile = corpus.resolve("silver.jsonl");
        if (task.province() && Files.exists(silverFile) && !"false".equals(options.get("silver"))) {
            silver.addAll(readLabeled(silverFile, task.labelField(), null));
            Map<String, Object> info = fileInfo(corpus, silverFile, silver.size());
            info.put("file", Task.PROVINCE_CORPUS + "/silver.jsonl");
            info.put("labelled_once", true);
            sources.add(info);
            err.println("  and " + silver.size() + " silver rows of " + silverFile);
        }
        // news reports taken as clean (toxicity): the comments it learns from never show it a news report, and it read
        // long, formal news as hateful; never scored, like the silver rows
        int newsClean = intOption(options, "news-clean", task == Task.TOXICITY ? Task.TOXICITY_NEWS_CLEAN : 0);
        List<LabeledText> newsProbe = List.of();
        List<LabeledText> trainOnly = List.of();
        if (newsClean != 0) {
            if (task != Task.TOXICITY || newsClean < 0) {
                throw new IllegalArgumentException("--news-clean takes a number of news rows (0 or more), for toxicity only");
            }
            trainOnly = cleanNews(silverFile, newsClean, seed);
            Map<String, Object> info = fileInfo(corpus, silverFile, trainOnly.size());
            info.put("file", Task.PROVINCE_CORPUS + "/silver.jsonl");
            info.put("news_taken_as", TextAnalyzer.CLEAN);
            sources.add(info);
            err.println("  and " + trainOnly.size() + " news rows of " + silverFile + ", taken as clean");
        }
        // and the news reports that name one of the given words (by default "thôn", a hamlet): ViHSD's few comments with
        // it, or its form without diacritics (the slang "thốn"), are toxic, so a villager's post about the road to the
        // hamlet read as an insult (model card)
        String words = options.getOrDefault("news-clean-words",
                task == Task.TOXICITY ? String.join(",", Task.TOXICITY_NEWS_CLEAN_WORDS) : "none");
        if (!words.isBlank() && !"none".equals(words)) {
            if (task != Task.TOXICITY) {
                throw new IllegalArgumentException("--news-clean-words is for toxicity only");
            }
            Set<String> wanted = new LinkedHashSet<>();
            for (String word : words.split(",")) {
                String syllable = Normalizer.normalize(word.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
                if (syllable.isEmpty() || !syllable.codePoints().allMatch(Character::isLetter)) {
                    throw new IllegalArgumentException("--news-clean-words takes syllables separated by commas, or none; '"
                            + word.strip() + "' is not a syllable");
                }
                wanted.add(syllable);
            }
            List<LabeledText> named = news(silverFile).stream().filter(row -> namesAny(row.text(), wanted)).toList();
            List<LabeledText> all = new ArrayList<>(trainOnly);
            all.addAll(named);
            trainOnly = all.stream().distinct().toList();
            Map<String, Object> info = fileInfo(corpus, silverFile, named.size());
            info.put("file", Task.PROVINCE_CORPUS + "/silver.jsonl");
            info.put("news_naming", List.copyOf(wanted));
            info.put("news_taken_as", TextAnalyzer.CLEAN);
            sources.add(info);
            err.println("  and " + named.size() + " news rows of " + silverFile + " naming " + wanted + ", taken as clean");
        }
        if (task == Task.TOXICITY && Files.exists(corpus.resolve("train.jsonl"))) {
            // how often news reports never trained on are flagged: the province corpus's news (gold, not in the silver set)
            newsProbe = news(corpus.resolve("train.jsonl"));
        }
        // extra rows, such as officers' corrections (bin/loa corrections export), are added to the training data
        Path extraFile = options.containsKey("extra") ? Path.of(options.get("extra")) : null;
        List<LabeledText> extra = extraFile == null ? List.of() : readLabeled(extraFile, task.labelField(), null);
        if (extraFile != null) {
            err.println("  and " + extra.size() + " extra rows of " + extraFile);
            train.addAll(extra);
            Map<String, Object> info = fileInfo(extraFile.toAbsolutePath().getParent(), extraFile.toAbsolutePath(), extra.size());
            info.put("corrections", true);
            sources.add(info);
        }
        if (options.containsKey("cv")) {
            Path predictions = options.containsKey("predictions") ? Path.of(options.get("predictions")) : null;
            return crossValidate(task, train, silver, trainOnly, settings, intOption(options, "cv", 5), spanSettings,
                    newsProbe, predictions);
        }
        train.addAll(silver);
        SpanLexicon spanLexicon = null;
        if (spanSettings != null) {
            // from every marked comment that is a training text; each of them trains on the lexicon without its own marks
            spanLexicon = SpanLexicon.build(spanSettings.comments(), spanSettings.minComments(), spanSettings.minShare(),
                    spanSettings.keys(), spanSettings.leaveOneOut());
            settings = settings.withFeatures(settings.features().withSpans(spanLexicon));
            err.println("span lexicon of " + spanLexicon.size() + " entries from " + spanSettings.comments().size()
                    + " marked comments");
        }
        long start = System.nanoTime();
        LinearClassifier trained = ClassifierTrainer.train(task.id(), train, trainOnly, settings);
        double seconds = (System.nanoTime() - start) / 1e9;

        Files.createDirectories(target);
        Path modelFile = target.resolve(task.id() + ".bin");
        try (OutputStream stream = Files.newOutputStream(modelFile)) {
            trained.write(stream);
        }
        // scored as shipped: the file read back (weights quantised, the span lexicon as every new text sees it)
        LinearClassifier model;
        try (InputStream stream = Files.newInputStream(modelFile)) {
            model = LinearClassifier.read(stream);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("model", modelFile.getFileName().toString());
        metadata.put("task", task.id());
        metadata.put("kind", "softmax regression (AdaGrad) over hashed syllable n-grams, diacritic-free n-grams"
                + (settings.features().characterGrams() ? " and character n-grams" : "")
                + (settings.features().repeats() ? ", each also for being met at least 2, 4 and 8 times" : "")
                + (settings.features().lexicon() ? ", with the groups of an offensive-words list" : "")
                + (spanLexicon != null ? ", with a lexicon of the words ViHOS marks offensive in the training comments" : "")
                + (settings.features().registers() ? ", each also per register (news, official, comment)" : "")
                + (settings.members() > 1 ? "; the weights of " + settings.members()
                        + " models, each holding out its own tenth of the rows, averaged" : ""));
        metadata.put("trained_on", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        metadata.put("seed", seed);
        metadata.put("feature_bits", settings.features().bits());
        metadata.put("epochs_at_most", settings.epochs());
        metadata.put("learning_rate", settings.learningRate());
        metadata.put("min_count", settings.minCount());
        metadata.put("max_syllables", settings.features().maxSyllables());
        metadata.put("class_weight_power", settings.classWeightPower());
        metadata.put("trigrams", settings.features().trigrams());
        metadata.put("repeats", settings.features().repeats());
        metadata.put("registers", settings.features().registers());
        metadata.put("offensive_words_list", settings.features().lexicon());
        if (spanLexicon != null) {
            Map<String, Object> spans = new LinkedHashMap<>();
            spans.put("marked_comments", spanSettings.comments().size());
            spans.put("entries", spanLexicon.size());
            spans.put("min_comments", spanSettings.minComments());
            spans.put("min_share", spanSettings.minShare());
            spans.put("keys", spanSettings.keys().name().toLowerCase(Locale.ROOT));
            spans.put("leave_one_out", spanSettings.leaveOneOut());
            metadata.put("span_lexicon", spans);
        }
        metadata.put("keep_features", settings.keepFeatures());
        metadata.put("decision_offsets_tuned", settings.tuneOffsets());
        if (!settings.offsetRegisters().isEmpty()) {
            Map<String, Object> perRegister = new LinkedHashMap<>();
            perRegister.put("asked_for", List.copyOf(settings.offsetRegisters()));
            perRegister.put("shared", offsetsByLabel(model.labels(), model.offsets()));
            Map<String, Object> own = new LinkedHashMap<>();
            model.registerOffsets().forEach((register, values) -> own.put(register, offsetsByLabel(model.labels(), values)));
            perRegister.put("own", own);
            metadata.put("decision_offsets_per_register", perRegister);
        }
        metadata.put("members_averaged", settings.members());
        metadata.put("labels", List.of(model.labels()));
        metadata.put("data", sources);
        metadata.put("rows_from_corrections", extra.size());
        metadata.put("unclear_below", Prediction.UNCLEAR_BELOW);
        List<Map<String, Object>> devScores = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", task.id());
        summary.put("model", modelFile.toString());
        Path devFile = task.devFile(data);
        if (devFile != null) {
            List<LabeledText> dev = readLabeled(devFile, task.labelField(), sharedRegister);
            devScores.add(devScore(fileInfo(data, devFile, dev.size()), model, dev));
            ClassificationScore score = ClassificationScore.of(model, dev);
            summary.put("dev_accuracy", score.accuracy());
            summary.put("dev_macro_f1", score.macroF1());
        }
        if (task.province()) {
            Path provinceDev = corpus.resolve("dev.jsonl");
            List<LabeledText> dev = readLabeled(provinceDev, task.labelField(), null);
            Map<String, Object> info = fileInfo(corpus, provinceDev, dev.size());
            info.put("file", Task.PROVINCE_CORPUS + "/dev.jsonl");
            devScores.add(devScore(info, model, dev));
            ClassificationScore score = ClassificationScore.of(model, dev);
            summary.put("province_dev_accuracy", score.accuracy());
            summary.put("province_dev_macro_f1", score.macroF1());
        }
        if (!newsProbe.isEmpty()) {
            // news reports are not comments: how often the model flags the province corpus's news (none is trained on)
            Map<String, Object> flagged = new LinkedHashMap<>();
            flagged.put("province_train_news", newsProbe.size());
            flagged.put("province_train_news_flagged", flaggedShare(model, newsProbe));
            if (Files.exists(corpus.resolve("dev.jsonl"))) {
                List<LabeledText> devNews = news(corpus.resolve("dev.jsonl"));
                flagged.put("province_dev_news", devNews.size());
                flagged.put("province_dev_news_flagged", flaggedShare(model, devNews));
            }
            metadata.put("news_flagged", flagged);
            summary.put("news_flagged", flagged);
        }
        metadata.put("dev", devScores.size() == 1 ? devScores.get(0) : devScores);
        metadata.put("model_sha256", sha256(modelFile));
        metadata.put("training_seconds", seconds);
        Files.writeString(target.resolve(task.id() + ".json"), Json.object(metadata) + "\n");
        out.println(Json.object(summary));
        return 0;
    }

    private static Map<String, Object> devScore(Map<String, Object> file, LinearClassifier model, List<LabeledText> dev) {
        ClassificationScore score = ClassificationScore.of(model, dev);
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("file", file);
        scores.put("accuracy", score.accuracy());
        scores.put("macro_f1", score.macroF1());
        scores.put("per_class", score.perLabel());
        scores.put("calibration", Calibration.of(model, dev).asMap());
        Map<String, Object> registers = perRegister(model, dev);
        if (!registers.isEmpty()) {
            scores.put("per_register", registers);
        }
        return scores;
    }

    /** Scores per register, for rows that have one; empty if none has. */
    private static Map<String, Object> perRegister(LinearClassifier model, List<LabeledText> rows) {
        Map<String, List<LabeledText>> byRegister = new TreeMap<>();
        for (LabeledText row : rows) {
            if (row.register() != null) {
                byRegister.computeIfAbsent(row.register(), r -> new ArrayList<>()).add(row);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        byRegister.forEach((register, part) -> {
            ClassificationScore score = ClassificationScore.of(model, part);
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("rows", score.rows());
            scores.put("accuracy", score.accuracy());
            scores.put("macro_f1", score.macroF1());
            scores.put("per_class", score.perLabel());
            scores.put("calibration", Calibration.of(model, part).asMap());
            result.put(register, scores);
        });
        return result;
    }

    /**
     * K-fold cross-validation on the training rows only (folds drawn from the seed): the figure to
     * choose settings by, so that the dev split is read once, at the end.
     */
    /** The held-out rows of one fold with the fold's prediction: text, register, gold label, every label's probability. */
    private static void writePredictions(PrintWriter target, int fold, LinearClassifier model, List<LabeledText> test) {
        for (LabeledText row : test) {
            Prediction prediction = model.predict(row.text(), row.register());
            Map<String, Object> probabilities = new LinkedHashMap<>();
            for (int i = 0; i < prediction.labels().length; i++) {
                probabilities.put(prediction.labels()[i], prediction.probabilities()[i]);
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("fold", fold);
            line.put("text", row.text());
            line.put("register", row.register());
            line.put("label", row.label());
            line.put("predicted", prediction.label());
            line.put("probabilities", probabilities);
            target.println(Json.object(line));
        }
    }

    private int crossValidate(Task task, List<LabeledText> rows, List<LabeledText> alwaysTrain,
            List<LabeledText> trainOnly, ClassifierTrainer.Settings settings, int folds, SpanSettings spans,
            List<LabeledText> newsProbe, Path predictions) throws IOException {
        if (folds < 2 || folds > 20) {
            throw new IllegalArgumentException("--cv takes 2 to 20 folds, was " + folds);
        }
        // repeated rows (province repeats) stay in one fold together, so no row is scored on its own copy
        List<String> distinct = rows.stream().map(r -> r.text() + "\u0000" + r.register()).distinct().sorted().toList();
        Map<String, Integer> fold = new HashMap<>();
        Random random = new Random(settings.seed());
        List<String> shuffled = new ArrayList<>(distinct);
        Collections.shuffle(shuffled, random);
        for (int i = 0; i < shuffled.size(); i++) {
            fold.put(shuffled.get(i), i % folds);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        double sumF1 = 0;
        double sumAccuracy = 0;
        double sumFlagged = 0;
        double sumCalibrationError = 0;
        int calibratedFolds = 0;
        Map<String, double[]> registerSums = new TreeMap<>();
        // every held-out row's prediction, one JSON object a line, for an experiment to build on (a stacked model)
        PrintWriter predicted = predictions == null ? null
                : new PrintWriter(Files.newBufferedWriter(predictions, StandardCharsets.UTF_8));
        for (int f = 0; f < folds; f++) {
            List<LabeledText> train = new ArrayList<>(alwaysTrain);
            List<LabeledText> test = new ArrayList<>();
            Set<String> tested = new HashSet<>();
            for (LabeledText row : rows) {
                String key = row.text() + "\u0000" + row.register();
                if (fold.get(key) == f) {
                    if (tested.add(key)) {
                        test.add(row);
                    }
                } else {
                    train.add(row);
                }
            }
            ClassifierTrainer.Settings foldSettings = settings;
            SpanLexicon lexicon = null;
            int spanComments = 0;
            if (spans != null) {
                // the span lexicon of this fold: from the marked comments of its training part only
                Set<String> heldOut = new HashSet<>();
                test.forEach(row -> heldOut.add(SpanLexicon.normalise(row.text())));
                Set<String> learnt = new HashSet<>();
                train.forEach(row -> learnt.add(SpanLexicon.normalise(row.text())));
                List<SpanLexicon.Comment> own = spans.comments().stream()
                        .filter(c -> learnt.contains(c.normalised()) && !heldOut.contains(c.normalised())).toList();
                spanComments = own.size();
                lexicon = SpanLexicon.build(own, spans.minComments(), spans.minShare(), spans.keys(), spans.leaveOneOut());
                foldSettings = settings.withFeatures(settings.features().withSpans(lexicon));
                err.println("fold " + f + ": span lexicon of " + lexicon.size() + " entries from " + own.size()
                        + " marked comments; first entries: " + lexicon.entries().stream().limit(20)
                                .map(e -> e.text() + (e.folded() ? " (folded)" : "") + " " + e.markedIn() + "/" + e.heldIn())
                                .toList());
            }
            LinearClassifier model = ClassifierTrainer.train(task.id(), train, trainOnly, foldSettings);
            ClassificationScore score = ClassificationScore.of(model, test);
            Calibration calibration = Calibration.of(model, test);
            if (predicted != null) {
                writePredictions(predicted, f, model, test);
            }
            sumF1 += score.macroF1();
            sumAccuracy += score.accuracy();
            if (!Double.isNaN(calibration.expectedCalibrationError())) {
                sumCalibrationError += calibration.expectedCalibrationError();
                calibratedFolds++;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("fold", f);
            result.put("rows", score.rows());
            result.put("accuracy", score.accuracy());
            result.put("macro_f1", score.macroF1());
            result.put("calibration", calibration.asMap());
            if (lexicon != null) {
                result.put("span_comments", spanComments);
                result.put("span_entries", lexicon.size());
            }
            if (!newsProbe.isEmpty()) {
                double flagged = flaggedShare(model, newsProbe);
                sumFlagged += flagged;
                result.put("news_flagged", flagged);
            }
            Map<String, Object> registers = perRegister(model, test);
            if (!registers.isEmpty()) {
                result.put("per_register", registers);
                registers.forEach((register, value) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> s = (Map<String, Object>) value;
                    double[] sums = registerSums.computeIfAbsent(register, r -> new double[4]);
                    sums[0] += (Double) s.get("accuracy");
                    sums[1] += (Double) s.get("macro_f1");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = (Map<String, Object>) s.get("calibration");
                    // a fold whose rows of this register all have labels the model does not know has no such figure
                    if (c.get("expected_calibration_error") instanceof Double error) {
                        sums[2] += error;
                        sums[3]++;
                    }
                });
            }
            results.add(result);
            err.println("fold " + f + ": accuracy " + score.accuracy() + ", macro-F1 " + score.macroF1());
        }
        if (predicted != null) {
            predicted.close();
            if (predicted.checkError()) {
                throw new IOException("could not write the predictions to " + predictions);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("task", task.id());
        summary.put("folds", folds);
        summary.put("rows", distinct.size());
        summary.put("mean_accuracy", sumAccuracy / folds);
        summary.put("mean_macro_f1", sumF1 / folds);
        summary.put("mean_expected_calibration_error", sumCalibrationError / calibratedFolds);
        if (!newsProbe.isEmpty()) {
            summary.put("news_probe_rows", newsProbe.size());
            summary.put("mean_news_flagged", sumFlagged / folds);
        }
        Map<String, Object> registerMeans = new LinkedHashMap<>();
        registerSums.forEach((register, sums) -> registerMeans.put(register, Map.of("mean_accuracy", sums[0] / folds,
                "mean_macro_f1", sums[1] / folds, "mean_expected_calibration_error", sums[2] / sums[3])));
        if (!registerMeans.isEmpty()) {
            summary.put("per_register", registerMeans);
        }
        summary.put("per_fold", results);
        out.println(Json.object(summary));
        return 0;
    }

    /** {@code count} news rows of the silver set (VNTC sentences and openings), drawn by the seed, labelled CLEAN. */
    private List<LabeledText> cleanNews(Path silverFile, int count, long seed) throws IOException {
        List<LabeledText> news = new ArrayList<>(news(silverFile));
        if (news.size() < count) {
            throw new IllegalArgumentException("--news-clean " + count + ": the silver set has " + news.size() + " news rows");
        }
        Collections.shuffle(news, new Random(seed));
        return List.copyOf(news.subList(0, count));
    }

    /** Whether a text has one of the syllables (lower case, NFC) as a whole syllable, in any case. */
    static boolean namesAny(String text, Set<String> syllables) {
        for (String syllable : Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .split("[^\\p{L}\\p{M}]+")) {
            if (syllables.contains(syllable)) {
                return true;
            }
        }
        return false;
    }

    /** The news rows of a province corpus file, labelled CLEAN (edited reports; see the model card). */
    private List<LabeledText> news(Path file) throws IOException {
        return readLabeled(file, "register", null).stream().filter(row -> "news".equals(row.label()))
                .map(row -> new LabeledText(row.text(), TextAnalyzer.CLEAN, "news")).toList();
    }

    /** The share of rows the model labels other than CLEAN (0 of none). */
    private static double flaggedShare(LinearClassifier model, List<LabeledText> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        long flagged = rows.stream().filter(row -> !TextAnalyzer.CLEAN.equals(model.predict(row.text()).label())).count();
        return (double) flagged / rows.size();
    }

    /**
     * The span lexicon's settings (--spans true, for toxicity and --cv only), or null without one.
     *
     * @param comments the marked comments (ViHOS) whose text is a training text, set once read
     */
    private record SpanSettings(int minComments, double minShare, SpanLexicon.Keys keys, boolean leaveOneOut,
            List<SpanLexicon.Comment> comments) {

        SpanSettings withComments(List<SpanLexicon.Comment> newComments) {
            return new SpanSettings(minComments, minShare, keys, leaveOneOut, newComments);
        }
    }

    private static SpanSettings spanSettings(Task task, Map<String, String> options) {
        if (!booleanOption(options, "spans", task.spans())) {
            if (options.containsKey("span-min-comments") || options.containsKey("span-min-share")
                    || options.containsKey("span-keys") || options.containsKey("span-loo")) {
                throw new IllegalArgumentException("--span-min-comments, --span-min-share, --span-keys and --span-loo need"
                        + " --spans true");
            }
            return null;
        }
        if (!task.spans()) {
            throw new IllegalArgumentException("--spans true is for toxicity only (ViHOS marks ViHSD's comments)");
        }
        // the defaults scored best in cross-validation: entries marked in 2+ comments and in half of those that hold
        // them, matched as written and without diacritics, each training comment seeing the lexicon without its own marks
        return new SpanSettings(intOption(options, "span-min-comments", 2),
                options.containsKey("span-min-share") ? doubleOption(options, "span-min-share") : 0.5,
                SpanLexicon.Keys.of(options.getOrDefault("span-keys", "both")), booleanOption(options, "span-loo", true),
                List.of());
    }

    /**
     * The marked comments of ViHOS (train and dev files) whose normalised text is that of a training row; no other
     * comment is kept (the rest may be ViHSD's dev or test comments).
     */
    private List<SpanLexicon.Comment> spanComments(Path data, List<LabeledText> trainRows, List<Map<String, Object>> sources)
            throws IOException {
        Set<String> training = new HashSet<>();
        trainRows.forEach(row -> training.add(SpanLexicon.normalise(row.text())));
        List<SpanLexicon.Comment> comments = new ArrayList<>();
        for (String name : List.of("train.jsonl", "dev.jsonl")) {
            Path file = data.resolve("vihos").resolve(name);
            int kept = 0;
            int read = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                read++;
                Map<String, Object> object = JsonLine.object(line);
                if (!(object.get("text") instanceof String text) || !training.contains(SpanLexicon.normalise(text))) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Number> marked = (List<Number>) object.get("span_char_indices");
                comments.add(SpanLexicon.Comment.of(text, marked == null ? List.of() : marked));
                kept++;
            }
            err.println("  span lexicon: " + kept + " of " + read + " comments of " + file + " are training texts");
            Map<String, Object> info = fileInfo(data, file, read);
            info.put("rows_used", kept);
            sources.add(info);
        }
        return comments;
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

    private int evalClassifier(Task task, Path file, String modelPath, String registerOption) throws IOException {
        if (registerOption != null && !registerOption.equals("none") && !LabeledData.REGISTERS.contains(registerOption)) {
            throw new IllegalArgumentException("--register must be news, official, comment or none, was '"
                    + registerOption + "'");
        }
        LinearClassifier model;
        if (modelPath != null) {
            try (InputStream in = Files.newInputStream(Path.of(modelPath))) {
                model = LinearClassifier.read(in);
            }
        } else {
            model = LinearClassifier.loadResource(task.resource());
        }
        if (registerOption != null && !model.features().registers()) {
            err.println("--register changes nothing here: this " + task.id() + " model does not read the register");
        }
        // a row without a register is read as training reads the shared data sets' rows (students' feedback and
        // social-media comments: comments, for a model with per-register features), so that eval on a shared dev
        // file gives the figure training printed; such rows are not counted in per_register, which is the file's own
        String missing = registerOption == null ? Task.sharedRegister(model.features())
                : registerOption.equals("none") ? null : registerOption;
        LabeledData.Read read = LabeledData.read(file, task.labelField());
        for (LabeledData.Problem problem : read.problems()) {
            err.println(file + ":" + problem.line() + ": " + problem.reason());
        }
        List<LabeledText> rows = new ArrayList<>(read.rows().size());
        int withoutRegister = 0;
        for (LabeledText row : read.rows()) {
            if (row.register() == null) {
                withoutRegister++;
                rows.add(new LabeledText(row.text(), row.label(), missing));
            } else {
                rows.add(row);
            }
        }
        ClassificationScore.of(model, rows.subList(0, Math.min(2000, rows.size())));
        ClassificationScore score = ClassificationScore.of(model, rows);
        long timedRows = score.rows();
        long timedNanos = score.nanos();
        while (timedNanos < 2_000_000_000L && score.rows() > 0) {
            ClassificationScore again = ClassificationScore.of(model, rows);
            timedRows += again.rows();
            timedNanos += again.nanos();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("task", task.id());
        result.put("data", file.toString());
        result.put("rows_without_register", withoutRegister);
        result.put("register_when_missing", missing);
        result.put("rows", score.rows());
        result.put("accuracy", score.accuracy());
        result.put("macro_f1", score.macroF1());
        result.put("per_class", score.perLabel());
        result.put("calibration", Calibration.of(model, rows).asMap());
        Map<String, Object> registers = perRegister(model, read.rows());
        if (!registers.isEmpty()) {
            result.put("per_register", registers);
        }
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

    private List<LabeledText> readLabeled(Path file, String labelField, String defaultRegister) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("training data not found: " + file + " (use --data-dir or --corpus-dir)");
        }
        LabeledData.Read read = LabeledData.read(file, labelField, defaultRegister);
        for (LabeledData.Problem problem : read.problems()) {
            err.println(file + ":" + problem.line() + ": " + problem.reason());
        }
        return read.rows();
    }

    private List<LabeledText> readLabeled(Path file, Task task, String labelField) throws IOException {
        return readLabeled(file, labelField != null ? labelField : task.labelField(), null);
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

    /**
     * The registers of {@code --register-offsets}: a comma-separated list of news, official and comment, or none.
     */
    private static Set<String> registersOption(String value) {
        if (value.equals("none")) {
            return Set.of();
        }
        Set<String> registers = new TreeSet<>();
        for (String part : value.split(",", -1)) {
            String register = part.strip();
            if (!List.of("news", "official", "comment").contains(register)) {
                throw new IllegalArgumentException("--register-offsets takes news, official and comment separated by"
                        + " commas, or none; '" + register + "' is none of them");
            }
            registers.add(register);
        }
        return registers;
    }

    private static Map<String, Object> offsetsByLabel(String[] labels, double[] offsets) {
        Map<String, Object> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            byLabel.put(labels[i], Math.round(offsets[i] * 1000) / 1000.0);
        }
        return byLabel;
    }

    /** A true-or-false option, or the fallback when it is not given. */
    private static boolean booleanOption(Map<String, String> options, String name, boolean fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (!List.of("true", "false").contains(value)) {
            throw new IllegalArgumentException("--" + name + " must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
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

    private static double doubleOption(Map<String, String> options, String name) {
        String value = options.get(name);
        try {
            double parsed = Double.parseDouble(value);
            if (!(parsed > 0) || Double.isInfinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a positive number, was '" + value + "'");
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

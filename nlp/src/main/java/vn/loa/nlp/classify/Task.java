package vn.loa.nlp.classify;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The classification tasks Loa trains, with their data in {@code ../shared/data} and their settings.
 */
public enum Task {

    /**
     * Tone: negative, neutral, positive; of students' feedback (UIT-VSFC) and of the province's own
     * kind of text (the province corpus: news and comments), with features per register.
     */
    SENTIMENT("sentiment", "uit-vsfc", "train.jsonl", "dev.jsonl", "sentiment",
            new Features(22, false, false, 200, true), 12, 0.2, 1.0, 1, 0, true, false, 5),
    /** What student feedback is about (UIT-VSFC). */
    FEEDBACK_TOPIC("feedback-topic", "uit-vsfc", "train.jsonl", "dev.jsonl", "topic",
            new Features(20, true, true, 200), 12, 0.2, 0.5, 1, 0, false),
    /** Clean, offensive or hateful comments (ViHSD). */
    TOXICITY("toxicity", "vihsd", "train.jsonl", "dev.jsonl", "label",
            new Features(21, true, true, 200, false, false, true), 12, 0.2, 0.25, 1, 0, false, true, 5),
    /** Topic of a news article (VNTC, 10 topics), reading how often each word comes back. */
    NEWS_TOPIC("news-topic", "vntc", "train.jsonl.gz", "dev.jsonl.gz", "label",
            new Features(21, false, false, 1200).withRepeats(true), 4, 0.2, 0.0, 5, 300_000, false, true, 10),
    /** Risk that a news text is fake (VFND: 180 training rows, a smoke test at best). */
    FAKE_NEWS("fake-news", "vfnd", "train.jsonl", "dev.jsonl", "label",
            new Features(18, false, false, 600), 12, 0.2, 0.0, 1, 0, false),
    /**
     * The area of public policy a text is about, tied to the agencies that own it (health, education,
     * land and environment, ...; the province corpus).
     */
    POLICY_DOMAIN("policy-domain", null, null, null, "domain",
            new Features(22, false, false, 200, true), 12, 0.2, 0.5, 1, 0, true, false),
    /** Whether a text reads as a news report or as a citizen's comment (the province corpus, by source). */
    REGISTER("register", null, null, null, "register",
            new Features(18, false, true, 200, false), 8, 0.2, 0.5, 1, 0, true);

    /**
     * How many news rows of the silver set, drawn by the seed, the toxicity model learns as clean by default
     * (--news-clean): none; 2,000 of them cost the comments 0.3 point, where those that name a hamlet cost nothing
     * (below, model card).
     */
    public static final int TOXICITY_NEWS_CLEAN = 0;

    /**
     * The words whose news rows of the silver set the toxicity model learns as clean by default (--news-clean-words):
     * "thôn" (a hamlet). ViHSD has it six times, three in hateful comments, and its form without diacritics mostly as
     * the slang "thốn", so the model read a post about the road to the hamlet as an insult; with these 326 news rows, 1
     * in 284 such posts is flagged instead of 44, at no cost to ViHSD's comments over five seeds (model card).
     */
    public static final List<String> TOXICITY_NEWS_CLEAN_WORDS = List.of("thôn");

    /** The province corpus's folder, relative to the repository's root. */
    public static final String PROVINCE_CORPUS = "corpus/province";

    private final String id;
    private final String folder;
    private final String trainFile;
    private final String devFile;
    private final String labelField;
    private final Features features;
    private final int epochs;
    private final double learningRate;
    private final double classWeightPower;
    private final int minCount;
    private final int keepFeatures;
    private final boolean province;
    private final boolean tuneOffsets;
    /** How many models, each holding out its own slice, are averaged into the shipped one. */
    private final int members;

    Task(String id, String folder, String trainFile, String devFile, String labelField, Features features, int epochs,
            double learningRate, double classWeightPower, int minCount, int keepFeatures, boolean province) {
        this(id, folder, trainFile, devFile, labelField, features, epochs, learningRate, classWeightPower, minCount,
                keepFeatures, province, true);
    }

    Task(String id, String folder, String trainFile, String devFile, String labelField, Features features, int epochs,
            double learningRate, double classWeightPower, int minCount, int keepFeatures, boolean province,
            boolean tuneOffsets) {
        this(id, folder, trainFile, devFile, labelField, features, epochs, learningRate, classWeightPower, minCount,
                keepFeatures, province, tuneOffsets, 1);
    }

    Task(String id, String folder, String trainFile, String devFile, String labelField, Features features, int epochs,
            double learningRate, double classWeightPower, int minCount, int keepFeatures, boolean province,
            boolean tuneOffsets, int members) {
        this.members = members;
        this.province = province;
        this.tuneOffsets = tuneOffsets;
        this.id = id;
        this.folder = folder;
        this.trainFile = trainFile;
        this.devFile = devFile;
        this.labelField = labelField;
        this.features = features;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.classWeightPower = classWeightPower;
        this.minCount = minCount;
        this.keepFeatures = keepFeatures;
    }

    /** The task's name on the command line, e.g. {@code news-topic}. */
    public String id() {
        return id;
    }

    /** The JSON field that holds the label. */
    public String labelField() {
        return labelField;
    }

    /** The training file in {@code ../shared/data}, or null if the task learns from the province corpus only. */
    public Path trainFile(Path data) {
        return folder == null ? null : data.resolve(folder).resolve(trainFile);
    }

    /** The dev file in {@code ../shared/data}, or null if the task learns from the province corpus only. */
    public Path devFile(Path data) {
        return folder == null ? null : data.resolve(folder).resolve(devFile);
    }

    /**
     * Whether the task's features include a lexicon of the words ViHOS marks offensive in its training comments
     * ({@link SpanLexicon}, built when the model is trained): toxicity, whose comments ViHOS marks.
     */
    public boolean spans() {
        return this == TOXICITY;
    }

    /** Whether the task also learns from the province corpus (and is scored on its dev split). */
    public boolean province() {
        return province;
    }

    /**
     * The register of the rows of the shared data set (students' feedback and social media are comments) when the
     * features are per register, or null.
     */
    public static String sharedRegister(Features features) {
        return features.registers() ? "comment" : null;
    }

    /** The classpath resource of the shipped model. */
    public String resource() {
        return "/vn/loa/nlp/models/" + id + ".bin";
    }

    public ClassifierTrainer.Settings settings(long seed) {
        return new ClassifierTrainer.Settings(features, epochs, learningRate, classWeightPower, minCount, 0.1, keepFeatures, seed,
                tuneOffsets, members, offsetRegisters());
    }

    /**
     * The registers whose texts get decision offsets of their own: citizens' comments for sentiment, where neutral
     * is one comment in twenty and the most probable label missed most of them (chosen by cross-validation on
     * train, docs/model-card.md); none for the other tasks.
     */
    public Set<String> offsetRegisters() {
        return this == SENTIMENT ? Set.of("comment") : Set.of();
    }

    /** The settings with some values changed (for tuning on dev); null keeps a value. */
    public ClassifierTrainer.Settings settings(long seed, Integer bits, Integer newMinCount, Integer maxSyllables,
            Integer newEpochs, Double newClassWeightPower, Boolean characterGrams, Boolean trigrams, Integer newKeepFeatures) {
        return settings(seed, bits, newMinCount, maxSyllables, newEpochs, newClassWeightPower, characterGrams, trigrams,
                newKeepFeatures, null, null);
    }

    /** The settings with some values changed (for tuning by cross-validation); null keeps a value. */
    public ClassifierTrainer.Settings settings(long seed, Integer bits, Integer newMinCount, Integer maxSyllables,
            Integer newEpochs, Double newClassWeightPower, Boolean characterGrams, Boolean trigrams, Integer newKeepFeatures,
            Boolean clusters, Boolean offsets) {
        Features f = new Features(bits == null ? features.bits() : bits,
                trigrams == null ? features.trigrams() : trigrams,
                characterGrams == null ? features.characterGrams() : characterGrams,
                maxSyllables == null ? features.maxSyllables() : maxSyllables, features.registers(),
                clusters == null ? features.clusters() : clusters, features.lexicon()).withRepeats(features.repeats());
        return new ClassifierTrainer.Settings(f, newEpochs == null ? epochs : newEpochs, learningRate,
                newClassWeightPower == null ? classWeightPower : newClassWeightPower,
                newMinCount == null ? minCount : newMinCount, 0.1, newKeepFeatures == null ? keepFeatures : newKeepFeatures, seed,
                offsets == null ? tuneOffsets : offsets, members, offsetRegisters());
    }

    /** The task with that command-line name. */
    public static Task of(String id) {
        for (Task task : values()) {
            if (task.id.equals(id)) {
                return task;
            }
        }
        throw new IllegalArgumentException("unknown task '" + id + "'; tasks: segment, sentiment, feedback-topic, "
                + "toxicity, news-topic, fake-news, policy-domain, register");
    }
}

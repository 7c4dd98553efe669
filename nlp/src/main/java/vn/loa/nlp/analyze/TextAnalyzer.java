package vn.loa.nlp.analyze;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import vn.loa.nlp.Fingerprint;
import vn.loa.nlp.classify.LinearClassifier;
import vn.loa.nlp.classify.Prediction;
import vn.loa.nlp.classify.Task;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.nlp.normalize.TextNormalizer;
import vn.loa.nlp.normalize.Token;
import vn.loa.nlp.normalize.TokenType;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * The whole language pipeline over one text: normalise, segment, classify (sentiment, topic,
 * toxicity), find places and agencies, fingerprint. Every stage is loaded once and shared; the
 * analyzer is immutable and thread-safe.
 */
public final class TextAnalyzer {

    /** The toxicity label of a text that is neither offensive nor hateful. */
    public static final String CLEAN = "CLEAN";

    private final TextNormalizer normalizer;
    private final WordSegmenter segmenter;
    private final LinearClassifier sentiment;
    private final LinearClassifier topic;
    private final LinearClassifier domain;
    private final LinearClassifier register;
    private final LinearClassifier toxicity;
    private final Gazetteer places;
    private final Gazetteer agencies;
    /** Whether sentiment reads the toxicity model's features (besides its per-register copies): one extraction for both. */
    private final boolean sentimentSharesToxicity;
    /** Whether the policy domain reads the sentiment model's features: one extraction for both. */
    private final boolean domainSharesSentiment;
    /**
     * The toxicity of what a news site or an agency's web site publishes (the {@link Register.Hint#NEWS} hint):
     * edited text, clean by rule, and the model is not asked. It learnt from comments only and reads long formal
     * reports as hateful (7.6% of the province corpus's news, none of them toxic when read by hand; see the model
     * card); a reader's comment under an article is not published by the site and keeps the model's reading (its
     * source gives it the social hint).
     */
    private final Prediction published;

    /** Assembles an analyzer from its stages; none may be null. */
    public TextAnalyzer(TextNormalizer normalizer, WordSegmenter segmenter, LinearClassifier sentiment,
            LinearClassifier topic, LinearClassifier domain, LinearClassifier register, LinearClassifier toxicity,
            Gazetteer places, Gazetteer agencies) {
        this.normalizer = require(normalizer, "normalizer");
        this.segmenter = require(segmenter, "segmenter");
        this.sentiment = require(sentiment, "sentiment");
        this.topic = require(topic, "topic");
        this.domain = require(domain, "policy domain");
        this.register = require(register, "register");
        this.toxicity = require(toxicity, "toxicity");
        this.places = require(places, "places");
        this.agencies = require(agencies, "agencies");
        this.sentimentSharesToxicity = sentiment.features().shared().equals(toxicity.features());
        this.domainSharesSentiment = domain.features().equals(sentiment.features());
        this.published = clean(toxicity.labels());
    }

    private static Prediction clean(String[] labels) {
        double[] probabilities = new double[labels.length];
        int at = Arrays.asList(labels).indexOf(CLEAN);
        if (at < 0) {
            throw new IllegalArgumentException("the toxicity model has no " + CLEAN + " label");
        }
        probabilities[at] = 1;
        return new Prediction(CLEAN, labels, probabilities);
    }

    /** The analyzer with every model and list shipped in the jar. */
    public static TextAnalyzer standard() {
        return new TextAnalyzer(TextNormalizer.standard(), WordSegmenter.loadDefault(),
                LinearClassifier.loadResource(Task.SENTIMENT.resource()),
                LinearClassifier.loadResource(Task.NEWS_TOPIC.resource()),
                LinearClassifier.loadResource(Task.POLICY_DOMAIN.resource()),
                LinearClassifier.loadResource(Task.REGISTER.resource()),
                LinearClassifier.loadResource(Task.TOXICITY.resource()), Gazetteer.places(), Gazetteer.agencies());
    }

    /** The word segmenter it uses. */
    public WordSegmenter segmenter() {
        return segmenter;
    }

    /** The places it finds. */
    public Gazetteer places() {
        return places;
    }

    /** The agencies it finds. */
    public Gazetteer agencies() {
        return agencies;
    }

    /** A text in NFC with its normalised tokens: the first step of an analysis, and enough to recognise a copy. */
    public record Normalized(String text, List<Token> tokens, String normalized) {

        /** The syllables of the text (its word tokens; a teencode token that stands for several counts once). */
        public int syllables() {
            int count = 0;
            for (Token token : tokens) {
                if (token.type() == TokenType.WORD) {
                    count++;
                }
            }
            return count;
        }
    }

    /** Normalises a text: NFC, then tokens with their normal forms. */
    public Normalized normalize(String raw) {
        String text = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        List<Token> tokens = normalizer.tokens(text);
        StringBuilder normalized = new StringBuilder(text.length());
        for (Token token : tokens) {
            if (!normalized.isEmpty()) {
                normalized.append(' ');
            }
            normalized.append(token.normal());
        }
        return new Normalized(text, tokens, normalized.toString());
    }

    /** Analyses a text of an unknown source as of a day (the day decides which of two same-named places is meant). */
    public Analysis analyze(String raw, LocalDate on) {
        return analyze(normalize(raw), on, Register.Hint.UNKNOWN, true);
    }

    /** Analyses a text as of a day, with what its source says of its register. */
    public Analysis analyze(String raw, LocalDate on, Register.Hint hint) {
        return analyze(normalize(raw), on, hint, true);
    }

    /**
     * Analyses a normalised text without segmenting it into words ({@link Analysis#words()} is
     * empty): for ingest, which stores the labels and the normal form, not the words, and saves a
     * quarter of the work.
     */
    public Analysis analyzeUnsegmented(Normalized text, LocalDate on, Register.Hint hint) {
        return analyze(text, on, hint, false);
    }

    /**
     * The version of the models that label texts, and of the gazetteers that find the places and agencies a text
     * names ({@link Gazetteer#version()}): the same models and gazetteers give the same version.
     */
    public String modelVersion() {
        return MODEL_VERSION;
    }

    /**
     * The rules the analyzer applies besides its models, named so that a change of them changes the version and
     * {@code bin/loa reanalyze} labels the stored posts again: change the text whenever a rule changes.
     */
    private static final String RULES = "toxicity of what news sites publish: clean by rule (04/12/2026); "
            + "fingerprints of syllables and pairs of syllables (06/12/2026); "
            + "a news topic below one half stored as unclear, as sentiment is (07/12/2026)";

    private static final String MODEL_VERSION = modelVersionOfResources();

    private static String modelVersionOfResources() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(RULES.getBytes(StandardCharsets.UTF_8));
            digest.update(Gazetteer.version().getBytes(StandardCharsets.UTF_8));
            for (Task task : List.of(Task.SENTIMENT, Task.NEWS_TOPIC, Task.POLICY_DOMAIN, Task.REGISTER, Task.TOXICITY)) {
                try (InputStream in = TextAnalyzer.class.getResourceAsStream(task.resource())) {
                    if (in != null) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the shipped models", e);
        }
    }

    private Analysis analyze(Normalized normal, LocalDate on, Register.Hint hint, boolean segment) {
        String text = normal.text();
        boolean readToxicity = hint != Register.Hint.NEWS;
        int[] shared = readToxicity || sentimentSharesToxicity ? toxicity.features().of(text) : null;
        Prediction toxicityPrediction = readToxicity ? toxicity.predictFeatures(shared) : published;
        double news = hint == Register.Hint.NEWS || hint == Register.Hint.FEEDBACK || hint == Register.Hint.CITIZENS ? 0
                : register.predict(text).asMap().getOrDefault(Register.NEWS.id(), 0.0);
        Register textRegister = Register.decide(hint, text, news);
        int[] sentimentFeatures = sentiment.features().augment(
                sentimentSharesToxicity ? shared : sentiment.features().shared().of(text), textRegister.id());
        Prediction sentimentPrediction = sentiment.predictFeatures(sentimentFeatures, textRegister.id());
        Prediction domainPrediction = domainSharesSentiment
                ? domain.predictFeatures(sentimentFeatures, textRegister.id())
                : domain.predict(text, textRegister.id());
        return new Analysis(text, normal.tokens(), normal.normalized(), segment ? segmenter.segment(text) : List.of(),
                textRegister, sentimentPrediction, topic.predict(text), domainPrediction, toxicityPrediction,
                places.find(text, on, hint == Register.Hint.FEEDBACK), agencies.find(text, on), Fingerprint.of(text));
    }

    private static <T> T require(T stage, String name) {
        if (stage == null) {
            throw new IllegalArgumentException("the analyzer needs its " + name + " stage");
        }
        return stage;
    }
}

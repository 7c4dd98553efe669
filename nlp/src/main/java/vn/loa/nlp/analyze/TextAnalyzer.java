package vn.loa.nlp.analyze;

import java.text.Normalizer;
import java.time.LocalDate;
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

    private final TextNormalizer normalizer;
    private final WordSegmenter segmenter;
    private final LinearClassifier sentiment;
    private final LinearClassifier topic;
    private final LinearClassifier toxicity;
    private final Gazetteer places;
    private final Gazetteer agencies;
    /** Sentiment and toxicity scored in one pass over one table, when they read the same features. */
    private final LinearClassifier.Fused commentModels;

    /** Assembles an analyzer from its stages; none may be null. */
    public TextAnalyzer(TextNormalizer normalizer, WordSegmenter segmenter, LinearClassifier sentiment,
            LinearClassifier topic, LinearClassifier toxicity, Gazetteer places, Gazetteer agencies) {
        this.normalizer = require(normalizer, "normalizer");
        this.segmenter = require(segmenter, "segmenter");
        this.sentiment = require(sentiment, "sentiment");
        this.topic = require(topic, "topic");
        this.toxicity = require(toxicity, "toxicity");
        this.places = require(places, "places");
        this.agencies = require(agencies, "agencies");
        this.commentModels = sentiment.features().equals(toxicity.features()) ? LinearClassifier.fuse(sentiment, toxicity) : null;
    }

    /** The analyzer with every model and list shipped in the jar. */
    public static TextAnalyzer standard() {
        return new TextAnalyzer(TextNormalizer.standard(), WordSegmenter.loadDefault(),
                LinearClassifier.loadResource(Task.SENTIMENT.resource()),
                LinearClassifier.loadResource(Task.NEWS_TOPIC.resource()),
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

    /** Analyses a text as of a day (the day decides which of two same-named places is meant). */
    public Analysis analyze(String raw, LocalDate on) {
        return analyze(normalize(raw), on, true);
    }

    /**
     * Analyses a normalised text without segmenting it into words ({@link Analysis#words()} is
     * empty): for ingest, which stores the labels and the normal form, not the words, and saves a
     * quarter of the work.
     */
    public Analysis analyzeUnsegmented(Normalized text, LocalDate on) {
        return analyze(text, on, false);
    }

    private Analysis analyze(Normalized normal, LocalDate on, boolean segment) {
        String text = normal.text();
        int[] commentFeatures = sentiment.features().of(text);
        Prediction sentimentPrediction;
        Prediction toxicityPrediction;
        if (commentModels != null) {
            double[][] scores = commentModels.scores(commentFeatures);
            sentimentPrediction = sentiment.predictScores(scores[0]);
            toxicityPrediction = toxicity.predictScores(scores[1]);
        } else {
            sentimentPrediction = sentiment.predictFeatures(commentFeatures);
            toxicityPrediction = toxicity.predict(text);
        }
        return new Analysis(text, normal.tokens(), normal.normalized(), segment ? segmenter.segment(text) : List.of(),
                sentimentPrediction, topic.predict(text), toxicityPrediction,
                places.find(text, on), agencies.find(text, on), Fingerprint.of(text));
    }

    private static <T> T require(T stage, String name) {
        if (stage == null) {
            throw new IllegalArgumentException("the analyzer needs its " + name + " stage");
        }
        return stage;
    }
}

package vn.loa.nlp.analyze;

import java.text.Normalizer;
import java.time.LocalDate;
import vn.loa.nlp.Fingerprint;
import vn.loa.nlp.classify.LinearClassifier;
import vn.loa.nlp.classify.Task;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.nlp.normalize.TextNormalizer;
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

    /** Analyses a text as of a day (the day decides which of two same-named places is meant). */
    public Analysis analyze(String raw, LocalDate on) {
        String text = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
        var tokens = normalizer.tokens(text);
        StringBuilder normalized = new StringBuilder(text.length());
        for (var token : tokens) {
            if (!normalized.isEmpty()) {
                normalized.append(' ');
            }
            normalized.append(token.normal());
        }
        int[] commentFeatures = sentiment.features().of(text);
        var toxicityPrediction = toxicity.features().equals(sentiment.features())
                ? toxicity.predictFeatures(commentFeatures) : toxicity.predict(text);
        return new Analysis(text, tokens, normalized.toString(), segmenter.segment(text),
                sentiment.predictFeatures(commentFeatures), topic.predict(text), toxicityPrediction,
                places.find(text, on), agencies.find(text, on), Fingerprint.of(text));
    }

    private static <T> T require(T stage, String name) {
        if (stage == null) {
            throw new IllegalArgumentException("the analyzer needs its " + name + " stage");
        }
        return stage;
    }
}

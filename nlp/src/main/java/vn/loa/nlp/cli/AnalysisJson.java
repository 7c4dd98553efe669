package vn.loa.nlp.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.nlp.Fingerprint;
import vn.loa.nlp.analyze.Analysis;
import vn.loa.nlp.classify.Prediction;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.nlp.segment.WordSegmenter;

/** The JSON object {@code bin/loa nlp analyze} prints for one text (documented in the README). */
final class AnalysisJson {

    private AnalysisJson() {
    }

    static Map<String, Object> of(Analysis analysis) {
        Map<String, Object> json = new LinkedHashMap<>();
        String text = analysis.text();
        json.put("text", text);
        json.put("normalized", analysis.normalized());
        StringBuilder segmented = new StringBuilder();
        List<List<Integer>> offsets = new ArrayList<>();
        for (WordSegmenter.Word word : analysis.words()) {
            if (!segmented.isEmpty()) {
                segmented.append(' ');
            }
            for (int i = word.start(); i < word.end(); i++) {
                char c = text.charAt(i);
                segmented.append(Character.isWhitespace(c) ? '_' : c);
            }
            offsets.add(List.of(word.start(), word.end()));
        }
        json.put("words", segmented.toString());
        json.put("word_offsets", offsets);
        json.put("register", analysis.register().id());
        json.put("sentiment", orUnclear(analysis.sentiment()));
        json.put("topic", orUnclear(analysis.topic()));
        json.put("domain", prediction(analysis.domain()));
        json.put("toxicity", prediction(analysis.toxicity()));
        json.put("places", matches(text, analysis.places()));
        json.put("agencies", matches(text, analysis.agencies()));
        json.put("fingerprint", Fingerprint.hex(analysis.fingerprint()));
        return json;
    }

    /** A prediction whose answer is {@code unclear} below one half, as Loa stores it, with the model's best guess beside. */
    private static Map<String, Object> orUnclear(Prediction prediction) {
        Map<String, Object> json = prediction(prediction);
        if (prediction.unclear()) {
            // the model's best guess is kept beside the answer, for those who want to see it
            json.put("label", Prediction.UNCLEAR);
            json.put("best_guess", prediction.label());
        }
        return json;
    }

    private static Map<String, Object> prediction(Prediction prediction) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", prediction.label());
        json.put("probabilities", prediction.asMap());
        return json;
    }

    private static List<Map<String, Object>> matches(String text, List<Gazetteer.Match> matches) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Gazetteer.Match match : matches) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("text", text.substring(match.start(), match.end()));
            json.put("start", match.start());
            json.put("end", match.end());
            json.put("id", match.entry().id());
            json.put("kind", match.entry().kind());
            json.put("name", match.entry().name());
            if (!match.entry().successors().isEmpty()) {
                json.put("successors", match.entry().successors());
            }
            list.add(json);
        }
        return list;
    }
}

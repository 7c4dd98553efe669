package vn.loa.nlp.analyze;

import java.util.List;
import vn.loa.nlp.classify.Prediction;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.nlp.normalize.Token;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * Everything Loa understands about one text.
 *
 * @param text the text as given (NFC)
 * @param tokens typed, normalised tokens with offsets in {@code text}
 * @param normalized the normal forms joined by spaces
 * @param words the words, with offsets in {@code text}
 * @param register news, official statement or comment
 * @param sentiment negative, neutral or positive, read in the text's register (see {@link Prediction#unclear()})
 * @param topic the news topic
 * @param domain the policy domain (health, education, ...)
 * @param toxicity CLEAN, OFFENSIVE or HATE
 * @param places places named, with offsets
 * @param agencies agencies named, with offsets
 * @param fingerprint the near-duplicate fingerprint
 */
public record Analysis(String text, List<Token> tokens, String normalized, List<WordSegmenter.Word> words,
        Register register, Prediction sentiment, Prediction topic, Prediction domain, Prediction toxicity,
        List<Gazetteer.Match> places, List<Gazetteer.Match> agencies, long fingerprint) {
}

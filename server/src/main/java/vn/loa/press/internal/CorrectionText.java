package vn.loa.press.internal;

import java.util.HashSet;
import java.util.Set;
import vn.loa.nlp.Syllables;
import vn.loa.nlp.segment.SyllableSplitter;

/**
 * The distinctive word pairs of a text: each pair of neighbouring syllables, accents and case folded, so that a
 * correction typed "hoà" is found in an article that prints "hòa". Pairs rather than single syllables, because a
 * Vietnamese syllable alone ("bệnh", "viện") is too common to tell one article from another.
 */
final class CorrectionText {

    /** The share of the request's pairs a post must carry. */
    static final double CONTAINMENT = 0.5;
    /** The fewest shared pairs that count, whatever the request's length. */
    static final int MIN_SHARED = 6;

    private CorrectionText() {
    }

    /** The text's distinct pairs of neighbouring syllables (punctuation breaks no pair; it is skipped). */
    static Set<Long> pairs(String text) {
        Set<Long> pairs = new HashSet<>();
        if (text == null) {
            return pairs;
        }
        SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
        long previous = 0;
        boolean started = false;
        for (int i = 0; i < split.count(); i++) {
            int start = split.starts()[i];
            if (!Character.isLetterOrDigit(text.codePointAt(start))) {
                continue;
            }
            long key = Syllables.foldedKey(text, start, split.ends()[i]);
            if (started) {
                pairs.add(Syllables.combine(previous, key));
            }
            previous = key;
            started = true;
        }
        return pairs;
    }

    /** Whether a post carrying {@code post} pairs carries the request whose pairs are {@code request}. */
    static boolean carries(Set<Long> request, Set<Long> post) {
        if (request.isEmpty()) {
            return false;
        }
        long shared = request.stream().filter(post::contains).count();
        return shared >= Math.min(request.size(), MIN_SHARED) && shared >= Math.ceil(CONTAINMENT * request.size());
    }
}

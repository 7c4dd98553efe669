package vn.loa.nlp;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Remembers the results of a pure function of a word, up to a number of words: the same few
 * thousand syllables make most of any Vietnamese text, and a look-up costs less than normalising
 * one again. Thread-safe; once full it computes without remembering.
 */
public final class Memo {

    private final ConcurrentHashMap<String, String> known = new ConcurrentHashMap<>();
    private final int capacity;
    private final UnaryOperator<String> function;

    /** A memo of at most {@code capacity} results of {@code function}. */
    public Memo(int capacity, UnaryOperator<String> function) {
        this.capacity = capacity;
        this.function = function;
    }

    /** The function's result for a word. */
    public String apply(String word) {
        String result = known.get(word);
        if (result == null) {
            result = function.apply(word);
            if (known.size() < capacity) {
                known.put(word, result);
            }
        }
        return result;
    }
}

package vn.loa.nlp.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import vn.loa.nlp.Syllables;

/**
 * Adds, at the same position as each term, the forms that let a search typed with or without diacritics find it.
 *
 * <p>In text that is indexed ({@link Mode#INDEX}), a term with diacritics is followed by the same term without them
 * ("bệnh_viện", then "benh_vien"), which a query typed without diacritics finds; a term written without them ("benh",
 * as a comment typed on a phone has it) is followed by the same term marked {@value #BARE} ("=benh"), which says the
 * writer left the diacritics out; only in a text typed without them, though: in a text written with diacritics
 * ({@link VietnameseTokenizer#writtenWithDiacritics()}) a word without any, "tai" in "thiên tai", is that word. In a query ({@link Mode#QUERY}), a word typed with diacritics ("ngộ") is followed
 * by its bare form ("=ngo"): it finds the text that has the word as typed, and the text written without diacritics,
 * but not a word with other diacritics ("ngô", "ngõ"). A word typed without diacritics is left alone and finds every
 * form. Only terms that could carry a diacritic (a vowel, or d for đ) get a bare form.
 */
public final class AccentFoldingFilter extends TokenFilter {

    /** Which side of the search a stream is on. */
    public enum Mode {
        /** Text to be indexed. */
        INDEX,
        /** The text of a query, to be matched against text indexed in {@link #INDEX} mode. */
        QUERY
    }

    /** The type of a folded term. */
    public static final String FOLDED = "<FOLDED>";
    /** What begins the term that stands for a word written without diacritics. */
    public static final String BARE = "=";

    private final Mode mode;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private State pending;
    private String pendingTerm;
    private boolean typedWithoutDiacritics = true;

    /** A filter for text to be indexed. */
    public AccentFoldingFilter(TokenStream input) {
        this(input, Mode.INDEX);
    }

    public AccentFoldingFilter(TokenStream input, Mode mode) {
        super(input);
        this.mode = mode;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            term.setEmpty().append(pendingTerm);
            position.setPositionIncrement(0);
            type.setType(FOLDED);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String folded = fold(term);
        boolean marked = !folded.contentEquals(term);
        String extra = null;
        if (marked) {
            extra = mode == Mode.INDEX ? folded : BARE + folded;
        } else if (mode == Mode.INDEX && typedWithoutDiacritics && couldBeMarked(folded)) {
            extra = BARE + folded;
        }
        if (extra != null) {
            pending = captureState();
            pendingTerm = extra;
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        typedWithoutDiacritics = !(input instanceof VietnameseTokenizer tokenizer) || !tokenizer.writtenWithDiacritics();
    }

    /** Whether a term without diacritics has a letter that could have carried one (a vowel, or d for đ). */
    static boolean couldBeMarked(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            switch (folded.charAt(i)) {
                case 'a', 'e', 'i', 'o', 'u', 'y', 'd' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    static String fold(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(Syllables.fold(c));
            }
        }
        return out.toString();
    }
}

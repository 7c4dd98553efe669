package vn.loa.nlp.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import vn.loa.nlp.Syllables;

/**
 * Adds, at the same position as each term, the forms that let a search typed with or without diacritics find it.
 *
 * <p>In text that is indexed ({@link Mode#INDEX}), a term with diacritics is followed by the same term without them,
 * marked {@value #FOLDED_MARK} ("bệnh_viện", then "~benh_vien"), which a query typed without diacritics finds; a term
 * written without them ("benh", as a comment typed on a phone has it) is followed by the same term marked
 * {@value #BARE} ("=benh"), which says the writer left the diacritics out; only in a text typed without them, though:
 * in a text written with diacritics ({@link VietnameseTokenizer#writtenWithDiacritics()}) a word without any, "tai" in
 * "thiên tai", is that word.
 *
 * <p>In a query ({@link Mode#QUERY}), a word typed with diacritics ("ngộ") is followed by its bare form ("=ngo"): it
 * finds the text that has the word as typed, and the text written without diacritics, but not a word with other
 * diacritics ("ngô", "ngõ"). A word typed without diacritics ("ngo") is followed by its folded form ("~ngo") and finds
 * every form; except a name written without diacritics, as "Nha Trang" is: it finds the name as written (and a text
 * typed without any), not "Nhà Trắng". Only terms that could carry a diacritic (a vowel, or d for đ) get another form.
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
    /** What begins the term that stands for a word written with diacritics, once they are taken off. */
    public static final String FOLDED_MARK = "~";

    private final Mode mode;
    /** The terms of names written without diacritics ("nha_trang"), matched as written in a query. */
    private final Set<String> namesAsWritten;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private State pending;
    private String pendingTerm;
    private boolean typedWithoutDiacritics = true;
    /** A query's tokens, read ahead to find its names, and the next one to give; null until read. */
    private List<State> queued;
    private int next;
    /** The character spans of the query's names written without diacritics, as [start, end). */
    private final List<int[]> nameSpans = new ArrayList<>();

    /** A filter for text to be indexed. */
    public AccentFoldingFilter(TokenStream input) {
        this(input, Mode.INDEX);
    }

    public AccentFoldingFilter(TokenStream input, Mode mode) {
        this(input, mode, Set.of());
    }

    /**
     * A filter whose queries find the given names only as written: the terms of names written without diacritics
     * ("nha_trang"), whose folded form would also find other words ("Nhà Trắng"); ignored in {@link Mode#INDEX}.
     */
    public AccentFoldingFilter(TokenStream input, Mode mode, Set<String> namesAsWritten) {
        super(input);
        this.mode = mode;
        this.namesAsWritten = Set.copyOf(namesAsWritten);
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
        if (!nextToken()) {
            return false;
        }
        String folded = fold(term);
        boolean marked = !folded.contentEquals(term);
        String extra = null;
        if (marked) {
            extra = mode == Mode.INDEX ? FOLDED_MARK + folded : BARE + folded;
        } else if (couldBeMarked(folded)) {
            if (mode == Mode.INDEX) {
                extra = typedWithoutDiacritics ? BARE + folded : null;
            } else if (!withinName(offset.startOffset(), offset.endOffset())) {
                extra = FOLDED_MARK + folded;
            }
        }
        if (extra != null) {
            pending = captureState();
            pendingTerm = extra;
        }
        return true;
    }

    /** The next token of the input; in a query with names to look for, read ahead from the whole query. */
    private boolean nextToken() throws IOException {
        if (mode == Mode.INDEX || namesAsWritten.isEmpty()) {
            return input.incrementToken();
        }
        if (queued == null) {
            queued = new ArrayList<>();
            while (input.incrementToken()) {
                queued.add(captureState());
                if (namesAsWritten.contains(term.toString())) {
                    nameSpans.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
            }
        }
        if (next >= queued.size()) {
            return false;
        }
        restoreState(queued.get(next++));
        return true;
    }

    private boolean withinName(int start, int end) {
        for (int[] span : nameSpans) {
            if (start >= span[0] && end <= span[1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        queued = null;
        next = 0;
        nameSpans.clear();
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

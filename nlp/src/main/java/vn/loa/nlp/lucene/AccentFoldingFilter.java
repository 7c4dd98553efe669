package vn.loa.nlp.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import vn.loa.nlp.Syllables;

/**
 * After each term with diacritics, adds the same term without them at the same position
 * ("bệnh_viện", then "benh_vien"), so that a search typed either way finds the text.
 */
public final class AccentFoldingFilter extends TokenFilter {

    /** The type of a folded term. */
    public static final String FOLDED = "<FOLDED>";

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private State pending;
    private String pendingFolded;

    public AccentFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(pending);
            pending = null;
            term.setEmpty().append(pendingFolded);
            position.setPositionIncrement(0);
            type.setType(FOLDED);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String folded = fold(term);
        if (!folded.contentEquals(term)) {
            pending = captureState();
            pendingFolded = folded;
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
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

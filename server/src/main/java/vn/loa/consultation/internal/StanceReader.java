package vn.loa.consultation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import vn.loa.nlp.AccentFolding;
import vn.loa.nlp.normalize.TextNormalizer;

/**
 * Reads the stance of a comment toward the draft it comments on: positive (agrees), negative (objects) or neutral.
 * A stance is not a tone: "Phân loại rác là văn minh, ủng hộ" supports the draft whatever a sentiment model makes of
 * it, and "Tôi không đồng ý mức phạt" objects to it. So the reader first looks for what the comment says of the
 * draft: an expression of support ("đồng ý", "ủng hộ", "tán thành", "hoan nghênh", ...) or of objection ("phản đối",
 * "không hợp lý", "vô lý", "không nên", "đề nghị bỏ", ...), in the comment as normalised by the language engine
 * (teencode expanded), and folded when the comment is typed without diacritics (so "ung ho", "dong y" read as "ủng hộ",
 * "đồng ý", while in a comment written with them "bổ sung" is not "bỏ"). A support expression after a
 * negation in its clause ("không đồng ý", "chưa thống nhất với") is an objection; an objection after one ("không có
 * gì phản đối") is support. When a comment holds both, the later one wins ("Ủng hộ thu gom buổi tối nhưng ... không
 * nên kéo tới 23h" objects). A comment with no such expression that asks a question or makes a proposal ("đề nghị",
 * "nên", "cần", ...) is neutral; any other falls back to the sentiment the caller gives (its tone). Measured on the
 * demo consultation in docs/model-card.md. Pure, immutable and thread-safe.
 */
final class StanceReader {

    static final String POSITIVE = "positive";
    static final String NEGATIVE = "negative";
    static final String NEUTRAL = "neutral";

    /** Expressions of support, as written with diacritics. */
    private static final List<String> SUPPORT = List.of("đồng ý", "đồng tình", "ủng hộ", "hoan nghênh", "nhất trí",
            "tán thành", "tán đồng", "thống nhất với", "thống nhất chủ trương", "cơ bản thống nhất", "dự thảo tốt",
            "là tốt", "là hợp lý", "là văn minh", "thì ok", "rất ok", "hay quá", "nên làm lâu rồi", "làm được",
            "sẵn sàng");

    /** Expressions of objection, as written with diacritics. */
    private static final List<String> OBJECTION = List.of("phản đối", "bất hợp lý", "vô lý", "không nên",
            "không hợp lý", "chưa hợp lý", "không khả thi", "chưa khả thi", "không công bằng", "chưa sát thực tế",
            "không phù hợp", "chưa phù hợp", "đi ngược", "thụt lùi", "cứng nhắc", "đề nghị bỏ", "nên bỏ", "đề nghị lùi",
            "lùi lại", "đề nghị xem lại", "quá gấp", "gấp quá", "quá sớm", "quá muộn", "trễ quá", "quá cao", "nặng quá",
            "quá nặng", "chưa đúng tinh thần", "không đồng ý", "không đồng tình", "không ủng hộ", "không tán thành",
            "không nhất trí", "là cao", "không cần thiết", "đề nghị thay đổi", "đề nghị sửa");

    /** Words that make a proposal: a comment that proposes or asks, and says nothing of the draft, takes no stance. */
    private static final List<String> PROPOSAL = List.of("đề nghị", "kiến nghị", "xin", "mong", "nên", "cần");

    /** Words that turn the expression after them (in the same clause, within a few words) around. */
    private static final List<String> NEGATION = List.of("không", "chưa", "chẳng", "chả");

    /** Words and punctuation that end a clause: a negation does not reach past them. */
    private static final Set<String> CLAUSE_END = Set.of(".", ",", ";", ":", "!", "?", "nhưng", "nhung", "-", "(", ")");

    private final TextNormalizer normalizer;
    /** The expressions and negations as the normaliser writes them, and folded for a text typed without diacritics. */
    private final Lexicon written;
    private final Lexicon folded;

    private record Lexicon(List<String[]> support, List<String[]> objection, List<String[]> proposal,
            Set<String> negation, String not, String must) {
    }

    StanceReader(TextNormalizer normalizer) {
        if (normalizer == null) {
            throw new IllegalArgumentException("the stance reader needs a normaliser");
        }
        this.normalizer = normalizer;
        this.written = lexicon(false);
        this.folded = lexicon(true);
    }

    private Lexicon lexicon(boolean fold) {
        java.util.function.Function<String, String> form = w -> fold ? AccentFolding.fold(normalizer.normalize(w))
                : normalizer.normalize(w);
        return new Lexicon(phrases(SUPPORT, form), phrases(OBJECTION, form), phrases(PROPOSAL, form),
                Set.copyOf(NEGATION.stream().map(form).toList()), form.apply("không"), form.apply("phải"));
    }

    /**
     * The stance of a comment toward the draft.
     *
     * @param text what the contributor wrote; must not be null
     * @param sentiment the sentiment to fall back on when the comment says nothing of the draft; called only then
     * @return {@link #POSITIVE}, {@link #NEGATIVE}, {@link #NEUTRAL}, or what {@code sentiment} gave
     */
    String read(String text, Supplier<String> sentiment) {
        boolean marked = AccentFolding.writtenWithDiacritics(text);
        Lexicon lexicon = marked ? written : folded;
        String normal = normalizer.normalize(text);
        String[] words = (marked ? normal : AccentFolding.fold(normal)).split(" ");
        String last = null;
        boolean proposes = false;
        for (int i = 0; i < words.length; i++) {
            String[] objection = match(lexicon.objection(), words, i);
            String[] support = objection == null ? match(lexicon.support(), words, i) : null;
            if (objection != null && removesBySupplement(objection, words, i)) {
                objection = null;
                support = match(lexicon.support(), words, i);
            }
            String[] found = objection != null ? objection : support;
            proposes |= match(lexicon.proposal(), words, i) != null;
            if (found == null) {
                continue;
            }
            boolean objects = objection != null;
            // "không đồng ý" is itself an objection; "không có gì phản đối", "chưa thống nhất với" turn around
            if (!found[0].equals(lexicon.not()) && negated(lexicon, words, i)) {
                objects = !objects;
            }
            last = objects ? NEGATIVE : POSITIVE;
            i += found.length - 1;
        }
        if (last != null) {
            return last;
        }
        if (proposes || text.contains("?")) {
            return NEUTRAL;
        }
        return sentiment.get();
    }

    /** "de nghi bo sung" typed without diacritics asks to add ("bổ sung"), not to remove ("bỏ"). */
    private static boolean removesBySupplement(String[] objection, String[] words, int at) {
        int next = at + objection.length;
        return objection[objection.length - 1].equals("bo") && next < words.length && words[next].equals("sung");
    }

    private static String[] match(List<String[]> phrases, String[] words, int at) {
        for (String[] phrase : phrases) {
            if (at + phrase.length <= words.length
                    && Arrays.equals(phrase, Arrays.copyOfRange(words, at, at + phrase.length))) {
                return phrase;
            }
        }
        return null;
    }

    /** Whether a negation stands before the word at {@code at} in its clause: "không đồng ý", "không có gì phản đối". */
    private static boolean negated(Lexicon lexicon, String[] words, int at) {
        for (int j = at - 1; j >= 0 && j >= at - 4; j--) {
            if (CLAUSE_END.contains(words[j])) {
                return false;
            }
            if (lexicon.negation().contains(words[j])) {
                // "không phải" ("chứ không phải phạt người ...") names what is not meant, it does not negate
                return !words[j + 1].equals(lexicon.must());
            }
        }
        return false;
    }

    private static List<String[]> phrases(List<String> phrases, java.util.function.Function<String, String> form) {
        List<String[]> split = new ArrayList<>();
        for (String phrase : phrases) {
            split.add(form.apply(phrase).split(" "));
        }
        // the longest first, so that "khong dong y" is read before "dong y"
        split.sort(Comparator.comparingInt((String[] p) -> p.length).reversed());
        return List.copyOf(split);
    }
}

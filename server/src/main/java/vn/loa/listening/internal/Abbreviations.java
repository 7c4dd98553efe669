package vn.loa.listening.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.loa.nlp.AccentFolding;
import vn.loa.nlp.normalize.ToneMarks;

/**
 * The administrative abbreviations that officials and citizens write interchangeably with their full forms ("BHYT"
 * and "bảo hiểm y tế"), so that a search for either form finds both. Only abbreviations with one meaning in what
 * people write to a provincial government are listed: "BV" (bệnh viện, bảo vệ, ...) is not. The list is expanded at
 * query time; the index is not touched.
 */
final class Abbreviations {

    /**
     * An abbreviation and its full forms, lower case with diacritics.
     *
     * @param shortForm the abbreviation as it is written ("BHYT"); must not be blank
     * @param fullForms what it stands for ("bảo hiểm y tế"), each a few syllables; must not be empty
     */
    record Abbreviation(String shortForm, List<String> fullForms) {
        Abbreviation {
            if (shortForm == null || shortForm.isBlank() || fullForms == null || fullForms.isEmpty()) {
                throw new IllegalArgumentException("an abbreviation needs a short form and a full form: " + shortForm);
            }
            fullForms = List.copyOf(fullForms);
        }
    }

    /** Every abbreviation a search expands, in one place; the README's search section lists them. */
    static final List<Abbreviation> ALL = List.of(
            new Abbreviation("BHYT", List.of("bảo hiểm y tế")),
            new Abbreviation("BHXH", List.of("bảo hiểm xã hội")),
            new Abbreviation("UBND", List.of("ủy ban nhân dân")),
            new Abbreviation("HĐND", List.of("hội đồng nhân dân")),
            new Abbreviation("CSGT", List.of("cảnh sát giao thông")),
            new Abbreviation("THPT", List.of("trung học phổ thông")),
            new Abbreviation("GPLX", List.of("giấy phép lái xe")),
            new Abbreviation("CCCD", List.of("căn cước công dân")),
            new Abbreviation("TTHC", List.of("thủ tục hành chính")),
            new Abbreviation("KCB", List.of("khám chữa bệnh", "khám bệnh, chữa bệnh")));

    /**
     * One form of an abbreviation found in a query.
     *
     * @param abbreviation the abbreviation found
     * @param typed the query's words that are that form, as typed
     * @param asShortForm whether they are the short form ("BHYT") rather than a full form
     */
    record Found(Abbreviation abbreviation, String typed, boolean asShortForm) {

        /** The other forms, which a search for the typed one finds too: the short form, or every full form. */
        List<String> otherForms() {
            List<String> others = new ArrayList<>();
            if (!asShortForm) {
                others.add(abbreviation.shortForm());
            }
            for (String full : abbreviation.fullForms()) {
                if (asShortForm || !sameSyllables(words(typed), words(full))) {
                    others.add(full);
                }
            }
            return others;
        }
    }

    /**
     * The words of a query split into the abbreviations found, in either form, and the rest.
     *
     * @param found the forms found, in the order typed
     * @param rest the other words, in the order typed, separated by a space
     */
    record Expansion(List<Found> found, String rest) {
    }

    private Abbreviations() {
    }

    /**
     * Finds the abbreviations in a query's words, whether typed as the short form (in any case: "bhyt", and "HDND" for
     * "HĐND") or as a full form, with its diacritics ("bảo hiểm y tế", "uỷ ban nhân dân") or without any ("bao hiem y
     * te"); a full form typed with other diacritics is another word and is not expanded.
     */
    static Expansion expand(String text) {
        String[] tokens = text == null ? new String[0] : text.strip().split("\\s+");
        List<Found> found = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        int i = 0;
        while (i < tokens.length) {
            int taken = 0;
            for (Abbreviation abbreviation : ALL) {
                if (sameShortForm(tokens[i], abbreviation.shortForm())) {
                    found.add(new Found(abbreviation, tokens[i], true));
                    taken = 1;
                    break;
                }
                for (String full : abbreviation.fullForms()) {
                    List<String> syllables = words(full);
                    if (i + syllables.size() <= tokens.length
                            && sameSyllables(List.of(tokens).subList(i, i + syllables.size()), syllables)) {
                        found.add(new Found(abbreviation, String.join(" ", List.of(tokens).subList(i, i + syllables.size())),
                                false));
                        taken = syllables.size();
                        break;
                    }
                }
                if (taken > 0) {
                    break;
                }
            }
            if (taken == 0) {
                if (!tokens[i].isEmpty()) {
                    rest.add(tokens[i]);
                }
                taken = 1;
            }
            i += taken;
        }
        return new Expansion(List.copyOf(found), String.join(" ", rest));
    }

    private static boolean sameShortForm(String typed, String shortForm) {
        String word = bare(typed);
        return !word.isEmpty() && AccentFolding.fold(word).equals(AccentFolding.fold(shortForm));
    }

    /**
     * Whether typed syllables are those of a full form: each as written there (tone-mark placement and case aside), or
     * without diacritics.
     */
    private static boolean sameSyllables(List<String> typed, List<String> full) {
        if (typed.size() != full.size()) {
            return false;
        }
        for (int i = 0; i < typed.size(); i++) {
            String word = ToneMarks.canonical(bare(typed.get(i)).toLowerCase(Locale.ROOT));
            String expected = ToneMarks.canonical(bare(full.get(i)).toLowerCase(Locale.ROOT));
            String folded = AccentFolding.fold(word);
            if (word.isEmpty() || !word.equals(expected) && !(folded.equals(word) && folded.equals(AccentFolding.fold(expected)))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }

    /** A typed word without the punctuation around it ("(BHYT),"), in NFC. */
    private static String bare(String word) {
        String text = Normalizer.normalize(word, Normalizer.Form.NFC);
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}

package vn.loa.consultation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.loa.nlp.analyze.Analysis;
import vn.loa.nlp.analyze.TextAnalyzer;

/**
 * What moderation looks at in a comment before it is shown: toxic words, links and phone numbers (personal data or
 * spam). Also the comment's stance toward the draft for the officers ({@link StanceReader}; its tone only when it says
 * nothing of the draft).
 *
 * <p>Toxicity is the language engine's (the one listening uses), trained on social-media comments: on comments about a
 * draft it leans to "hateful" for plain complaints, so a comment is held as toxic only when the engine's offensive or
 * hateful label is very sure ({@value #SURE}), or fairly sure ({@value #FAIRLY_SURE}) and the comment has a word of
 * Loa's own short list of insults ({@code consultation/offensive-words.txt}). On the demo's 200 comments this holds
 * the four insulting ones and none of the others.
 */
@Component
class Moderation {

    static final Pattern LINK = Pattern.compile(
            "(?i)(https?://|www\\.)\\S+|\\b[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(com|vn|net|org|info|xyz|io|me|link)(/\\S*)?\\b");
    static final Pattern PHONE = Pattern.compile("(?<![\\d])(\\+84|84|0)([\\s.-]?\\d){8,10}(?![\\d])");

    static final double SURE = 0.91;
    static final double FAIRLY_SURE = 0.5;

    private final TextAnalyzer analyzer;
    private final List<Pattern> insults;
    private final StanceReader stance = new StanceReader(vn.loa.nlp.normalize.TextNormalizer.standard());

    Moderation(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        try (var in = Moderation.class.getResourceAsStream("/consultation/offensive-words.txt")) {
            this.insults = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(w -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                    .toList();
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("consultation/offensive-words.txt is missing", e);
        }
    }

    /** The verdict on a text: why it is held (empty when it may be shown) and its stance toward the draft. */
    record Verdict(List<String> heldFor, String sentiment) {

        String heldForText() {
            return heldFor.isEmpty() ? null : String.join(",", heldFor);
        }
    }

    Verdict check(String text, LocalDate on) {
        List<String> held = new ArrayList<>();
        Analysis analysis = analyzer.analyze(text, on);
        var toxicity = analysis.toxicity();
        double sure = 0;
        for (int i = 0; i < toxicity.labels().length; i++) {
            if (!TextAnalyzer.CLEAN.equals(toxicity.label()) && toxicity.labels()[i].equals(toxicity.label())) {
                sure = toxicity.probabilities()[i];
            }
        }
        String normal = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        if (sure >= SURE || sure >= FAIRLY_SURE && insults.stream().anyMatch(p -> p.matcher(normal).find())) {
            held.add("TOXIC");
        }
        if (LINK.matcher(text).find()) {
            held.add("LINK");
        }
        if (PHONE.matcher(text).find()) {
            held.add("PHONE");
        }
        return new Verdict(held, stance.read(text, () -> analysis.sentiment().label()));
    }
}

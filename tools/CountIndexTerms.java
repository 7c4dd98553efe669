import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import vn.loa.nlp.lucene.AccentFoldingFilter;
import vn.loa.nlp.lucene.VietnameseAnalyzer;

/**
 * Counts the terms the search index's analyzer writes for the "text" of each line of a JSON Lines file, and how many
 * of them mark a word written without diacritics ("=ngo"): what that mark costs the index. Run from the repository
 * after a build, with the nlp jar and Lucene on the class path:
 *
 * <pre>
 * java -cp nlp/target/loa-nlp-0.1.0-SNAPSHOT.jar:$HOME/.m2/repository/org/apache/lucene/lucene-core/10.3.2/lucene-core-10.3.2.jar \
 *     tools/CountIndexTerms.java FILE.jsonl
 * </pre>
 */
public class CountIndexTerms {

    public static void main(String[] args) throws Exception {
        VietnameseAnalyzer analyzer = VietnameseAnalyzer.standard();
        Pattern field = Pattern.compile("\"text\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
        long texts = 0;
        long terms = 0;
        long bare = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            Matcher text = field.matcher(line);
            if (!text.find()) {
                continue;
            }
            texts++;
            try (TokenStream stream = analyzer.tokenStream("text", text.group(1))) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    terms++;
                    if (term.toString().startsWith(AccentFoldingFilter.BARE)) {
                        bare++;
                    }
                }
                stream.end();
            }
        }
        System.out.printf("%d texts, %d terms, of which %d mark a word written without diacritics: %.1f %% more terms "
                + "than without the mark%n", texts, terms, bare, 100.0 * bare / (terms - bare));
    }
}

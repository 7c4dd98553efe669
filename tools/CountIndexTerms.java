import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * J=$HOME/.m2/repository/com/fasterxml/jackson/core
 * java -cp nlp/target/loa-nlp-0.1.0-SNAPSHOT.jar:$HOME/.m2/repository/org/apache/lucene/lucene-core/10.3.2/lucene-core-10.3.2.jar:$J/jackson-databind/2.22.3/jackson-databind-2.22.3.jar:$J/jackson-core/2.22.3/jackson-core-2.22.3.jar:$J/jackson-annotations/2.22/jackson-annotations-2.22.jar \
 *     tools/CountIndexTerms.java FILE.jsonl
 * </pre>
 */
public class CountIndexTerms {

    public static void main(String[] args) throws Exception {
        VietnameseAnalyzer analyzer = VietnameseAnalyzer.standard();
        ObjectMapper json = new ObjectMapper();
        long texts = 0;
        long terms = 0;
        long bare = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            com.fasterxml.jackson.databind.JsonNode text = line.isBlank() ? null : json.readTree(line).get("text");
            if (text == null || text.isNull()) {
                continue;
            }
            texts++;
            try (TokenStream stream = analyzer.tokenStream("text", text.asText())) {
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

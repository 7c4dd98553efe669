import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import vn.loa.nlp.gazetteer.Gazetteer;

/**
 * Lists the places below a province that the gazetteer tags in the "text" of each line of a JSON Lines file (gzipped
 * or not), one line per tag with its context, so that a reader can judge each; the count per place goes to standard
 * error. How the gazetteer's rules were measured (docs/architecture.md, gazetteers). Run from the repository after a
 * build, with the nlp classes and Jackson on the class path:
 *
 * <pre>
 * J=$HOME/.m2/repository/com/fasterxml/jackson/core
 * java -cp nlp/target/classes:$J/jackson-databind/2.22.3/jackson-databind-2.22.3.jar:$J/jackson-core/2.22.3/jackson-core-2.22.3.jar:$J/jackson-annotations/2.22/jackson-annotations-2.22.jar \
 *     tools/ListPlaceTags.java ../shared/data/vntc/dev.jsonl.gz
 * </pre>
 */
public class ListPlaceTags {

    public static void main(String[] args) throws Exception {
        Gazetteer places = Gazetteer.places();
        ObjectMapper json = new ObjectMapper();
        LocalDate day = LocalDate.of(2026, 12, 1);
        Map<String, Integer> counts = new TreeMap<>();
        int tags = 0;
        for (String file : args) {
            InputStream raw = Files.newInputStream(Path.of(file));
            InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    JsonNode row = json.readTree(line);
                    String text = row.path("text").asText();
                    for (Gazetteer.Match match : places.find(text, day)) {
                        if (match.entry().kind().equals("PROVINCE")) {
                            continue;
                        }
                        tags++;
                        counts.merge(match.entry().name(), 1, Integer::sum);
                        String before = text.substring(Math.max(0, match.start() - 40), match.start());
                        String after = text.substring(match.end(), Math.min(text.length(), match.end() + 40));
                        System.out.println((match.entry().name() + "\t" + before + "[[" + text.substring(match.start(),
                                match.end()) + "]]" + after).replaceAll("\\s+", " "));
                    }
                }
            }
        }
        System.err.println(tags + " tags: " + counts);
    }
}

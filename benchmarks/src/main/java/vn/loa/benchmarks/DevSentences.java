package vn.loa.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real sentences for the benchmarks: the raw text of UD Vietnamese VTB dev, from ../shared/data. */
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

    /** The text column of ud-vietnamese-vtb/dev.wseg.tsv (syllables separated by spaces). */
    static List<String> udDevText() throws IOException {
        List<String> lines = Files.readAllLines(sharedData().resolve("ud-vietnamese-vtb/dev.wseg.tsv"), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(line -> line.substring(0, line.indexOf('\t'))).toList();
    }
}

package vn.loa.listening.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.platform.CliCommand;
import vn.loa.platform.CliText;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;

/** {@code bin/loa import FILE}: imports a JSONL or CSV file of posts and prints the summary as JSON. */
@Component
class ImportCommand implements CliCommand {

    private final PostImporter importer;
    private final ObjectMapper json;
    private final CliText text;

    ImportCommand(PostImporter importer, ObjectMapper json, CliText text) {
        this.importer = importer;
        this.json = json;
        this.text = text;
    }

    @Override
    public String name() {
        return "import";
    }


    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException(args.stream().filter(a -> a.startsWith("--")).findFirst()
                    .map(option -> text.get("cli.unknown-option", option, "import FILE"))
                    .orElse(text.get("cli.usage-of", "import FILE")));
        }
        Path file = Path.of(args.get(0));
        try (InputStream in = Files.newInputStream(file)) {
            ImportSummary summary = importer.importFile(file.getFileName().toString(), in,
                    new Actor("cli:" + System.getProperty("user.name", "unknown"), null), null);
            for (ImportSummary.QuarantinedLine line : summary.quarantined()) {
                err.println(file + ":" + line.line() + ": " + line.reason());
            }
            out.println(json.writeValueAsString(summary));
            // a file of which no line could be read failed, as a script should see; lines quarantined beside stored ones
            // are the ordinary case of a connector's file, told above
            return summary.stored() == 0 && summary.duplicates() == 0 && !summary.quarantined().isEmpty() ? 1 : 0;
        } catch (NoSuchFileException e) {
            err.println(text.get("cli.error", text.get("cli.no-such-file", file)));
            return 2;
        } catch (InvalidInput e) {
            err.println(text.get("cli.error", file + ": " + text.of(e)));
            return 2;
        } catch (IOException e) {
            err.println(text.get("cli.error", text.get("cli.cannot-read", file, String.valueOf(e.getMessage()))));
            return 2;
        }
    }
}

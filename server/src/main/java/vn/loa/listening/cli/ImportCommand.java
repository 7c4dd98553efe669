package vn.loa.listening.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.platform.CliCommand;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;

/** {@code bin/loa import FILE}: imports a JSONL or CSV file of posts and prints the summary as JSON. */
@Component
class ImportCommand implements CliCommand {

    private final PostImporter importer;
    private final ObjectMapper json;
    private final MessageSource messages;

    ImportCommand(PostImporter importer, ObjectMapper json, MessageSource messages) {
        this.importer = importer;
        this.json = json;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String description() {
        return "import posts from a JSONL or CSV file (fields in the README); prints read, stored, duplicates, quarantined";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException(args.stream().filter(a -> a.startsWith("--")).findFirst()
                    .map(option -> "import takes no option '" + option + "'; usage: import FILE").orElse("usage: import FILE"));
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
            err.println("Error: no such file: " + file);
            return 2;
        } catch (InvalidInput e) {
            err.println("Error: " + file + ": " + messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH));
            return 2;
        } catch (IOException e) {
            err.println("Error: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
    }
}

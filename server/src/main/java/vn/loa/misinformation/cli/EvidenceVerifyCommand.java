package vn.loa.misinformation.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.loa.misinformation.Evidence;
import vn.loa.platform.CliCommand;
import vn.loa.platform.CliText;
import vn.loa.shared.InvalidInput;

/**
 * {@code bin/loa evidence verify PACKAGE.zip}: checks an evidence package against itself and against the
 * hashes Loa recorded; exit code 1 names every item that does not match.
 */
@Component
class EvidenceVerifyCommand implements CliCommand {

    private final Evidence evidence;
    private final CliText text;

    EvidenceVerifyCommand(Evidence evidence, CliText text) {
        this.evidence = evidence;
        this.text = text;
    }

    @Override
    public String name() {
        return "evidence verify";
    }


    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println(text.get("cli.usage-of", "evidence verify PACKAGE.zip"));
            return 2;
        }
        Path file = Path.of(args.get(0));
        try (InputStream in = Files.newInputStream(file)) {
            Evidence.Verification result = evidence.verify(in);
            if (result.intact()) {
                out.println(text.get("cli.evidence.intact", String.valueOf(result.caseId()), result.items(),
                        result.attachments(), result.notes(), result.manifestSha256()));
                return 0;
            }
            err.println(text.get("cli.evidence.broken", String.valueOf(result.caseId()), result.problems().size()));
            result.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        } catch (NoSuchFileException e) {
            err.println(text.get("cli.no-such-file", file));
            return 2;
        } catch (InvalidInput e) {
            err.println(text.get("cli.evidence.not-a-package", file));
            return 2;
        } catch (IOException e) {
            err.println(text.get("cli.cannot-read", file, String.valueOf(e.getMessage())));
            return 2;
        }
    }
}

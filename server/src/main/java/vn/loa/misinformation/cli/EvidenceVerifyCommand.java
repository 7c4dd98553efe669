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
import vn.loa.shared.InvalidInput;

/**
 * {@code bin/loa evidence verify PACKAGE.zip}: checks an evidence package against itself and against the
 * hashes Loa recorded; exit code 1 names every item that does not match.
 */
@Component
class EvidenceVerifyCommand implements CliCommand {

    private final Evidence evidence;

    EvidenceVerifyCommand(Evidence evidence) {
        this.evidence = evidence;
    }

    @Override
    public String name() {
        return "evidence verify";
    }

    @Override
    public String description() {
        return "check an evidence package (ZIP): every file against its SHA-256 and against what Loa recorded";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: bin/loa evidence verify PACKAGE.zip");
            return 2;
        }
        Path file = Path.of(args.get(0));
        try (InputStream in = Files.newInputStream(file)) {
            Evidence.Verification result = evidence.verify(in);
            if (result.intact()) {
                out.println("OK: evidence package of case " + result.caseId() + " intact, " + result.items()
                        + " posts, " + result.attachments() + " attached files and " + result.notes()
                        + " verification notes checked; manifest SHA-256 " + result.manifestSha256());
                return 0;
            }
            err.println("BROKEN: evidence package of case " + result.caseId() + ", " + result.problems().size()
                    + " problem(s):");
            result.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        } catch (NoSuchFileException e) {
            err.println("no such file: " + file);
            return 2;
        } catch (InvalidInput e) {
            err.println(file + " is not a Loa evidence package");
            return 2;
        } catch (IOException e) {
            err.println("could not read " + file + ": " + e.getMessage());
            return 2;
        }
    }
}

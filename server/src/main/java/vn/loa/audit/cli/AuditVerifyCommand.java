package vn.loa.audit.cli;

import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.loa.audit.AuditTrail;
import vn.loa.audit.ChainVerification;
import vn.loa.platform.CliCommand;
import vn.loa.platform.CliText;

/** {@code bin/loa audit verify}: checks the hash chain; exit code 1 names the first broken record. */
@Component
class AuditVerifyCommand implements CliCommand {

    private final AuditTrail trail;
    private final CliText text;

    AuditVerifyCommand(AuditTrail trail, CliText text) {
        this.trail = trail;
        this.text = text;
    }

    @Override
    public String name() {
        return "audit verify";
    }


    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException(text.get("cli.audit.no-arguments", String.join(" ", args)));
        }
        ChainVerification result = trail.verify();
        if (result.intact()) {
            out.println(text.get("cli.audit.intact", result.recordsChecked()));
            return 0;
        }
        err.println(text.get("cli.audit.broken", String.valueOf(result.firstBrokenRecord().orElseThrow()),
                text.get(result.reasonKey())));
        return 1;
    }
}

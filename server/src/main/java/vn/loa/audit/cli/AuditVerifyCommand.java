package vn.loa.audit.cli;

import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.loa.audit.AuditTrail;
import vn.loa.audit.ChainVerification;
import vn.loa.platform.CliCommand;

/** {@code bin/loa audit verify}: checks the hash chain; exit code 1 names the first broken record. */
@Component
class AuditVerifyCommand implements CliCommand {

    private final AuditTrail trail;

    AuditVerifyCommand(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public String name() {
        return "audit verify";
    }

    @Override
    public String description() {
        return "check the audit trail's hash chain and name the first broken record";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("audit verify takes no arguments, got: " + String.join(" ", args));
        }
        ChainVerification result = trail.verify();
        if (result.intact()) {
            out.println("OK: audit chain intact, " + result.recordsChecked() + " records checked");
            return 0;
        }
        err.println("BROKEN: audit record " + result.firstBrokenRecord().orElseThrow() + ": " + result.reason());
        return 1;
    }
}

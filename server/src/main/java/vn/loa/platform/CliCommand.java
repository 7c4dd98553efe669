package vn.loa.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A task run from the launcher, such as {@code bin/loa audit verify}. Implementations are beans of
 * the module that owns the task; its name is also in {@link CliText#COMMANDS}, and its line of
 * {@code bin/loa help} in the message bundles ({@code cli.help.} and the name, spaces as hyphens), so that
 * help is answered without starting Loa.
 */
public interface CliCommand {

    /** The words that select this command, for example {@code "audit verify"}. */
    String name();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name; never null
     * @param out where results go
     * @param err where errors go
     * @return the process exit code: 0 for success
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}

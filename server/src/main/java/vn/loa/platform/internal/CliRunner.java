package vn.loa.platform.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.loa.platform.CliCommand;
import vn.loa.platform.CliText;

/**
 * Runs the command named by {@code loa.cli.command} (set by the launcher) and keeps its exit code.
 */
@Component
@ConditionalOnProperty("loa.cli.command")
class CliRunner implements ApplicationRunner, ExitCodeGenerator {

    private final List<CliCommand> commands;
    private final CliText text;
    private int exitCode = 0;

    CliRunner(List<CliCommand> commands, CliText text) {
        this.commands = commands.stream().sorted(Comparator.comparing(CliCommand::name)).toList();
        this.text = text;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> words = CliText.commandWords(Arrays.asList(arguments.getSourceArgs()));
        if (CliText.asksForHelp(words)) {
            text.printHelp(words, System.out);
            return;
        }
        CliCommand best = null;
        int bestLength = 0;
        for (CliCommand command : commands) {
            List<String> name = List.of(command.name().split(" "));
            if (words.size() >= name.size() && words.subList(0, name.size()).equals(name) && name.size() > bestLength) {
                best = command;
                bestLength = name.size();
            }
        }
        if (best == null) {
            System.err.println(text.get("cli.unknown-command", String.join(" ", words)));
            text.printHelp(List.of(), System.err);
            exitCode = 2;
            return;
        }
        try {
            exitCode = best.run(words.subList(bestLength, words.size()), System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println(text.get("cli.error", e.getMessage()));
            exitCode = 2;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

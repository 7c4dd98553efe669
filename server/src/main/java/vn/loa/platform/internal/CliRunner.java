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

/**
 * Runs the command named by {@code loa.cli.command} (set by the launcher) and keeps its exit code.
 */
@Component
@ConditionalOnProperty("loa.cli.command")
class CliRunner implements ApplicationRunner, ExitCodeGenerator {

    private final List<CliCommand> commands;
    private int exitCode = 0;

    CliRunner(List<CliCommand> commands) {
        this.commands = commands.stream().sorted(Comparator.comparing(CliCommand::name)).toList();
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> words = Arrays.stream(arguments.getSourceArgs()).filter(arg -> !isSetting(arg)).toList();
        if (words.isEmpty() || words.get(0).equals("help") || words.get(0).equals("--help")) {
            printHelp();
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
            System.err.println("Unknown command: " + String.join(" ", words));
            printHelp();
            exitCode = 2;
            return;
        }
        try {
            exitCode = best.run(words.subList(bestLength, words.size()), System.out, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            exitCode = 2;
        }
    }

    /** Settings such as {@code --spring.datasource.url=...} configure Loa; they are not the command's. */
    private static boolean isSetting(String arg) {
        return arg.startsWith("--") && arg.contains("=")
                && SETTING_PREFIXES.stream().anyMatch(prefix -> arg.startsWith("--" + prefix));
    }

    private static final List<String> SETTING_PREFIXES = List.of("loa.", "spring.", "server.", "logging.", "management.");

    private void printHelp() {
        System.out.println("Usage: bin/loa COMMAND [OPTIONS]");
        System.out.println("  server                 start the web application");
        for (CliCommand command : commands) {
            System.out.printf("  %-22s %s%n", command.name(), command.description());
        }
        // the language engine's commands run without Spring or a database; they list themselves
        System.out.printf("  %-22s %s%n", "nlp COMMAND", "the language engine: segment, analyze, keywords, train, eval"
                + " (bin/loa nlp help lists their options)");
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

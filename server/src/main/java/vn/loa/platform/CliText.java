package vn.loa.platform;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;

/**
 * What the command line says, in the operator's language, from the same message bundles as the pages
 * ({@code cli.*} keys). The language is Vietnamese unless the environment asks for English: {@code LOA_LANG}
 * ({@code vi} or {@code en}) first, then the system's locale ({@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG}:
 * {@code en_US.UTF-8} is English; {@code C}, {@code POSIX} or nothing say no language and leave Vietnamese).
 */
public final class CliText {

    /** The commands run inside Loa (with its database), as {@code bin/loa help} lists them; each has its bean. */
    public static final List<String> COMMANDS = List.of("admin create-user", "admin import-agencies", "audit verify",
            "backup", "corrections", "evidence verify", "generate-posts", "import", "reanalyze", "restore");


    private final MessageSource messages;
    private final Locale locale;

    public CliText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The bundles read without Spring, for what the launcher answers before starting Loa (help). */
    public static CliText standalone(Map<String, String> environment) {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return new CliText(bundles, locale(environment));
    }

    /** The operator's language from the environment given (see the class's comment). */
    public static Locale locale(Map<String, String> environment) {
        for (String name : List.of("LOA_LANG", "LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = environment.getOrDefault(name, "").trim().toLowerCase(Locale.ROOT);
            if (value.startsWith("en")) {
                return Locale.ENGLISH;
            }
            if (value.startsWith("vi")) {
                return Languages.VIETNAMESE;
            }
        }
        return Languages.VIETNAMESE;
    }

    /** {@code LOA_LANG} when it is set to neither {@code vi} nor {@code en}, which the launcher refuses; else null. */
    public static String unknownLanguage(Map<String, String> environment) {
        String value = environment.getOrDefault("LOA_LANG", "").trim();
        String lower = value.toLowerCase(Locale.ROOT);
        return value.isEmpty() || lower.startsWith("vi") || lower.startsWith("en") ? null : value;
    }

    public Locale locale() {
        return locale;
    }

    /** The message of {@code key} with its arguments ({@code MessageFormat}, as in the bundles). */
    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The message of a refused input, as a page would show it. */
    public String of(InvalidInput problem) {
        return messages.getMessage(problem.messageKey(), problem.arguments(), locale);
    }

    /** The words of a command line, without the settings that configure Loa ({@code --spring.datasource.url=...}). */
    public static List<String> commandWords(List<String> arguments) {
        return arguments.stream().filter(arg -> !isSetting(arg)).toList();
    }

    private static boolean isSetting(String arg) {
        return arg.startsWith("--") && arg.contains("=")
                && SETTING_PREFIXES.stream().anyMatch(prefix -> arg.startsWith("--" + prefix));
    }

    private static final List<String> SETTING_PREFIXES = List.of("loa.", "spring.", "server.", "logging.", "management.");

    /** The command of {@link #COMMANDS} the words start with (the longest), or null. */
    public static String commandOf(List<String> words) {
        String best = null;
        for (String command : COMMANDS) {
            List<String> name = List.of(command.split(" "));
            if (words.size() >= name.size() && words.subList(0, name.size()).equals(name)
                    && (best == null || name.size() > best.split(" ").length)) {
                best = command;
            }
        }
        return best;
    }

    /** Whether the words ask for help rather than run something: none, {@code help}, or {@code --help}/{@code -h}. */
    public static boolean asksForHelp(List<String> words) {
        return words.isEmpty() || words.get(0).equals("help") || words.contains("--help") || words.contains("-h");
    }

    /** What {@code bin/loa help} prints: every command and its line; with a command's words, that command only. */
    public void printHelp(List<String> words, PrintStream out) {
        String asked = commandOf(words.isEmpty() || !words.get(0).equals("help") ? words : words.subList(1, words.size()));
        if (asked != null) {
            out.printf("%s%n  %s%n", get("cli.usage-of", asked), help(asked));
            return;
        }
        out.println(get("cli.usage"));
        out.printf("  %-22s %s%n", "server", get("cli.help.server"));
        for (String command : COMMANDS) {
            out.printf("  %-22s %s%n", command, help(command));
        }
        // the language engine's commands run without Spring or a database; they list themselves
        out.printf("  %-22s %s%n", "nlp COMMAND", get("cli.help.nlp"));
        out.println(get("cli.language"));
    }

    /** The line {@code bin/loa help} shows for a command, from its key ({@code cli.help.} and the name). */
    public String help(String command) {
        return get("cli.help." + command.replace(' ', '-'));
    }
}

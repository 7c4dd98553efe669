package vn.loa.identity.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyDirectory.ImportSummary;
import vn.loa.identity.Role;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.identity.Users.NewUser;
import vn.loa.platform.CliCommand;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;

/** {@code bin/loa admin ...}: tasks for the people who install Loa. */
@Configuration(proxyBeanMethods = false)
class AdminCommands {

    @Bean
    CliCommand createUserCommand(Users users, AgencyDirectory agencies, MessageSource messages) {
        return new CliCommand() {
            public String name() {
                return "admin create-user";
            }

            public String description() {
                return "create a user (the first administrator): --username U --full-name N --email E "
                        + "[--role ADMIN] [--agency CODE]; the password is read from LOA_PASSWORD or standard input";
            }

            public int run(List<String> args, PrintStream out, PrintStream err) {
                Map<String, String> options = options(args, Set.of("username", "full-name", "email", "role", "agency"));
                String password = System.getenv("LOA_PASSWORD");
                if (password == null) {
                    password = readPassword();
                }
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (String role : options.getOrDefault("role", "ADMIN").split(",")) {
                    try {
                        roles.add(Role.valueOf(role.trim().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--role: unknown role '" + role + "'; one of "
                                + List.of(Role.values()));
                    }
                }
                AgencyId agency = null;
                if (options.containsKey("agency")) {
                    agency = agencies.findByCode(options.get("agency"), LocalDate.now()).map(Agency::id)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "--agency: no agency with code '" + options.get("agency") + "' exists today"));
                }
                try {
                    UserAccount created = users.create(new NewUser(options.get("username"), options.get("full-name"),
                            options.get("email"), password, roles, agency), operator());
                    out.println("Created user " + created.username() + " (" + created.roles() + ")");
                    return 0;
                } catch (InvalidInput e) {
                    for (InvalidInput problem : e.all()) {
                        err.println("Error: " + cliName(problem.field()) + ": "
                                + messages.getMessage(problem.messageKey(), problem.arguments(), Locale.ENGLISH));
                    }
                    return 2;
                }
            }
        };
    }

    @Bean
    CliCommand importAgenciesCommand(AgencyDirectory agencies, MessageSource messages) {
        return new CliCommand() {
            public String name() {
                return "admin import-agencies";
            }

            public String description() {
                return "import agencies from UNITS.csv [SUCCESSIONS.csv] (formats in docs/operations.md)";
            }

            public int run(List<String> args, PrintStream out, PrintStream err) {
                if (args.isEmpty() || args.size() > 2) {
                    throw new IllegalArgumentException("usage: admin import-agencies UNITS.csv [SUCCESSIONS.csv]");
                }
                try (InputStream units = Files.newInputStream(Path.of(args.get(0)));
                        InputStream successions = args.size() == 2 ? Files.newInputStream(Path.of(args.get(1))) : null) {
                    ImportSummary summary = agencies.importCsv(Path.of(args.get(0)).getFileName().toString(), units,
                            successions, operator());
                    out.println("Read " + summary.read() + " units, created " + summary.created() + ", applied "
                            + summary.successions() + " successions");
                    return 0;
                } catch (InvalidInput e) {
                    err.println("Error: " + messages.getMessage(e.messageKey(), e.arguments(), Locale.ENGLISH));
                    return 2;
                } catch (IOException e) {
                    err.println("Error: cannot read " + e.getMessage());
                    return 2;
                }
            }
        };
    }

    /** Where on the command line the value of a field came from. */
    private static String cliName(String field) {
        return switch (field) {
            case "fullName" -> "--full-name";
            case "roles" -> "--role";
            case "password" -> "the password (LOA_PASSWORD or standard input)";
            default -> "--" + field;
        };
    }

    private static String readPassword() {
        if (System.console() != null) {
            char[] typed = System.console().readPassword("Password: ");
            return typed == null ? "" : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }

    static Map<String, String> options(List<String> args, Set<String> known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
            }
            options.put(name, value);
        }
        return options;
    }

    /** The operator at the command line, as the audit trail records them (an import from the command line alike). */
    private static Actor operator() {
        return new Actor("cli:" + System.getProperty("user.name", "unknown"), null);
    }
}

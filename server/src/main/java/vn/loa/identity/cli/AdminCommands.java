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
import vn.loa.platform.CliText;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;

/** {@code bin/loa admin ...}: tasks for the people who install Loa. */
@Configuration(proxyBeanMethods = false)
class AdminCommands {

    @Bean
    CliCommand createUserCommand(Users users, AgencyDirectory agencies, CliText text) {
        return new CliCommand() {
            public String name() {
                return "admin create-user";
            }

            public int run(List<String> args, PrintStream out, PrintStream err) {
                Map<String, String> options = options(args, Set.of("username", "full-name", "email", "role", "agency"), text);
                String password = System.getenv("LOA_PASSWORD");
                if (password == null) {
                    password = readPassword();
                }
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (String role : options.getOrDefault("role", "ADMIN").split(",")) {
                    try {
                        roles.add(Role.valueOf(role.trim().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(text.get("cli.admin.unknown-role", role,
                                List.of(Role.values()).toString()));
                    }
                }
                AgencyId agency = null;
                if (options.containsKey("agency")) {
                    // the agency as it is today in Vietnam, whatever the zone the command runs in
                    agency = agencies.findByCode(options.get("agency"), LocalDate.now(vn.loa.shared.LocalTime.ZONE))
                            .map(Agency::id)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    text.get("cli.admin.unknown-agency", options.get("agency"))));
                }
                try {
                    UserAccount created = users.create(new NewUser(options.get("username"), options.get("full-name"),
                            options.get("email"), password, roles, agency), operator());
                    out.println(text.get("cli.admin.created", created.username(), created.roles().toString()));
                    return 0;
                } catch (InvalidInput e) {
                    for (InvalidInput problem : e.all()) {
                        err.println(text.get("cli.error", cliName(problem.field(), text) + ": " + text.of(problem)));
                    }
                    return 2;
                }
            }
        };
    }

    @Bean
    CliCommand importAgenciesCommand(AgencyDirectory agencies, CliText text) {
        return new CliCommand() {
            public String name() {
                return "admin import-agencies";
            }

            public int run(List<String> args, PrintStream out, PrintStream err) {
                if (args.isEmpty() || args.size() > 2) {
                    throw new IllegalArgumentException(text.get("cli.usage-of", "admin import-agencies UNITS.csv [SUCCESSIONS.csv]"));
                }
                try (InputStream units = Files.newInputStream(Path.of(args.get(0)));
                        InputStream successions = args.size() == 2 ? Files.newInputStream(Path.of(args.get(1))) : null) {
                    ImportSummary summary = agencies.importCsv(Path.of(args.get(0)).getFileName().toString(), units,
                            successions, operator());
                    out.println(text.get("cli.admin.agencies-imported", summary.read(), summary.created(),
                            summary.successions()));
                    return 0;
                } catch (InvalidInput e) {
                    // a unit that cannot end yet: the reason, then how many of each kind of work are open
                    for (InvalidInput problem : e.all()) {
                        err.println(text.get("cli.error", text.of(problem)));
                    }
                    return 2;
                } catch (java.nio.file.NoSuchFileException e) {
                    err.println(text.get("cli.error", text.get("cli.no-such-file", e.getFile())));
                    return 2;
                } catch (IOException e) {
                    err.println(text.get("cli.error", text.get("cli.cannot-read", "", String.valueOf(e.getMessage()))));
                    return 2;
                }
            }
        };
    }

    /** Where on the command line the value of a field came from. */
    private static String cliName(String field, CliText text) {
        return switch (field) {
            case "fullName" -> "--full-name";
            case "roles" -> "--role";
            case "password" -> text.get("cli.admin.password");
            default -> "--" + field;
        };
    }

    private static String readPassword() {
        if (System.console() != null) {
            char[] typed = System.console().readPassword("Mật khẩu / Password: ");
            return typed == null ? "" : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }

    static Map<String, String> options(List<String> args, Set<String> known, CliText text) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException(text.get("cli.unexpected-argument", arg));
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
                throw new IllegalArgumentException(text.get("cli.needs-value", "--" + name));
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException(text.get("cli.unknown-option-known", "--" + name,
                        known.stream().sorted().map(option -> "--" + option).toList().toString()));
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

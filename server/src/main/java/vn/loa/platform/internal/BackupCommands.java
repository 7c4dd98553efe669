package vn.loa.platform.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.loa.platform.CliCommand;
import vn.loa.platform.CliText;
import vn.loa.shared.Actor;
import vn.loa.shared.DatabaseRestored;
import vn.loa.shared.LocalTime;

/**
 * {@code bin/loa backup [--out FILE]} and {@code bin/loa restore FILE --replace}: a copy of the database taken while Loa
 * runs, and the database replaced by one, with no PostgreSQL client installed ({@link DatabaseBackups} says what the
 * file holds). Both connect as the schema's owner (the role that migrates), which reads and writes every table.
 */
final class BackupCommands {

    /** The name this process's connections give PostgreSQL, so that a restore can tell them from a running server's. */
    static final String APPLICATION_NAME = "Loa " + ProcessHandle.current().pid();

    private BackupCommands() {
    }

    static Connection owner(Environment environment) throws SQLException {
        String url = environment.getProperty("spring.flyway.url", environment.getProperty("spring.datasource.url", ""));
        Properties properties = new Properties();
        properties.setProperty("user", environment.getProperty("spring.flyway.user",
                environment.getProperty("spring.datasource.username", "")));
        properties.setProperty("password", environment.getProperty("spring.flyway.password",
                environment.getProperty("spring.datasource.password", "")));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return DriverManager.getConnection(url, properties);
    }

    @Component
    static class Backup implements CliCommand {

        private final Environment environment;
        private final CliText text;
        private final Clock clock;

        Backup(Environment environment, CliText text, Clock clock) {
            this.environment = environment;
            this.text = text;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "backup";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            Instant now = clock.instant();
            Path file = null;
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--out") && i + 1 < args.size()) {
                    file = Path.of(args.get(++i));
                } else if (args.get(i).startsWith("--out=") && args.get(i).length() > 6) {
                    file = Path.of(args.get(i).substring(6));
                } else {
                    throw new IllegalArgumentException(text.get("cli.usage-of", "backup [--out FILE.zip]"));
                }
            }
            String name = "loa-backup-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(LocalTime.ZONE).format(now)
                    + ".zip";
            // by default, and inside a folder named by --out, the file takes the default name in that folder; the
            // launcher runs Loa in its own folder and says where the command was typed
            Path here = Path.of(System.getenv().getOrDefault("LOA_CALLER_DIR", "."));
            file = (file == null ? here.resolve(name) : Files.isDirectory(file) ? file.resolve(name) : file).toAbsolutePath();
            if (Files.exists(file)) {
                err.println(text.get("cli.error", text.get("cli.backup.exists", file)));
                return 2;
            }
            if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
                err.println(text.get("cli.error", text.get("cli.backup.no-folder", file.getParent())));
                return 2;
            }
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (Connection connection = owner(environment)) {
                DatabaseBackups.Manifest manifest;
                try (OutputStream stream = Files.newOutputStream(partial)) {
                    manifest = DatabaseBackups.backup(connection, stream, now);
                }
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                out.println(text.get("cli.backup.done", file, manifest.tables().size(), manifest.rows(),
                        manifest.schemaVersion(), LocalTime.format(now), DatabaseBackups.sha256(file)));
                return 0;
            } catch (IOException e) {
                err.println(text.get("cli.error", text.get("cli.backup.cannot-write", file, e.getMessage())));
                return 1;
            } catch (SQLException e) {
                err.println(text.get("cli.error", text.get("cli.backup.database", e.getMessage())));
                return 1;
            } finally {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the partial file is named as such
                }
            }
        }
    }

    @Component
    static class Restore implements CliCommand {

        /**
         * Empties the search index's folder: it is derived from the posts, and those it holds may be ones the backup does
         * not have, or have other labels. No server runs (the restore made sure), so no process has it open; the
         * server's next start finds it empty and builds it again from the restored posts.
         */
        private void forgetSearchIndex() throws IOException {
            String folder = environment.getProperty("loa.listening.index-dir");
            if (folder != null && !folder.isBlank() && Files.isDirectory(Path.of(folder))) {
                try (var files = Files.list(Path.of(folder))) {
                    for (Path path : files.toList()) {
                        org.springframework.util.FileSystemUtils.deleteRecursively(path);
                    }
                }
            }
        }

        private final Environment environment;
        private final CliText text;
        private final ApplicationEventPublisher events;

        Restore(Environment environment, CliText text, ApplicationEventPublisher events) {
            this.environment = environment;
            this.text = text;
            this.events = events;
        }

        @Override
        public String name() {
            return "restore";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            Path file = null;
            boolean replace = false;
            for (String arg : args) {
                if (arg.equals("--replace")) {
                    replace = true;
                } else if (file == null && !arg.startsWith("-")) {
                    file = Path.of(arg);
                } else {
                    throw new IllegalArgumentException(text.get("cli.usage-of", "restore FILE.zip --replace"));
                }
            }
            if (file == null) {
                throw new IllegalArgumentException(text.get("cli.usage-of", "restore FILE.zip --replace"));
            }
            if (!Files.isRegularFile(file)) {
                err.println(text.get("cli.error", text.get("cli.restore.no-file", file)));
                return 2;
            }
            try {
                DatabaseBackups.Manifest manifest = DatabaseBackups.check(file);
                Instant takenAt = Instant.parse(manifest.takenAt());
                out.println(text.get("cli.restore.holds", file, LocalTime.format(takenAt), manifest.tables().size(),
                        manifest.rows(), manifest.schemaVersion()));
                if (!replace) {
                    // not an error: what the file holds, and what to type to restore it
                    err.println(text.get("cli.restore.confirm"));
                    return 2;
                }
                String sha256 = DatabaseBackups.sha256(file);
                try (Connection connection = owner(environment)) {
                    DatabaseBackups.restore(connection, file, manifest, BackupCommands.APPLICATION_NAME);
                }
                forgetSearchIndex();
                Actor by = new Actor("cli:" + System.getProperty("user.name", "unknown"), null);
                events.publishEvent(new DatabaseRestored(by, file.getFileName().toString(), sha256, takenAt, manifest.rows()));
                out.println(text.get("cli.restore.done", manifest.rows(), manifest.tables().size()));
                return 0;
            } catch (DatabaseBackups.Refused e) {
                err.println(text.get("cli.error", text.get(e.key(), e.arguments())));
                return 1;
            } catch (java.time.format.DateTimeParseException e) {
                err.println(text.get("cli.error", text.get("cli.restore.not-a-backup", file)));
                return 1;
            } catch (IOException e) {
                err.println(text.get("cli.error", text.get("cli.restore.cannot-read", file, e.getMessage())));
                return 1;
            } catch (SQLException e) {
                err.println(text.get("cli.error", text.get("cli.restore.failed", e.getMessage())));
                return 1;
            }
        }
    }
}

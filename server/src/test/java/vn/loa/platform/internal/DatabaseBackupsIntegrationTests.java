package vn.loa.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup taken from the running test database, restored into a second database of the same schema (migrated by
 * Flyway as Loa migrates its own), gives back every table row for row and every sequence; a damaged file, a backup of
 * another schema version or a database still in use are refused before anything changes.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseBackupsIntegrationTests {

    private static final String TARGET = "loa_restore_check";

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    private String targetUrl;

    @BeforeAll
    void createTheTargetDatabase() throws SQLException {
        String url = environment.getProperty("spring.flyway.url");
        String base = url.substring(0, url.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + TARGET + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + TARGET + " OWNER postgres ENCODING 'UTF8'");
        }
        targetUrl = base + TARGET;
        Flyway.configure().dataSource(targetUrl, "postgres", "").locations("classpath:db/migration")
                .placeholders(Map.of("approle", environment.getProperty("spring.flyway.placeholders.approle")))
                .load().migrate();
    }

    @AfterAll
    void dropTheTargetDatabase() throws SQLException {
        String base = targetUrl.substring(0, targetUrl.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + TARGET + " WITH (FORCE)");
        }
    }

    @Test
    void aBackupRestoredIntoAnotherDatabaseGivesBackEveryRowAndSequence() throws Exception {
        // a row with what CSV must carry exactly (quotes, a comma, a line break, Vietnamese), taken out again afterwards
        try (Connection owner = BackupCommands.owner(environment); Statement statement = owner.createStatement()) {
            statement.execute("""
                    INSERT INTO calendar_work_week (agency_code, days, set_by, set_at)
                    VALUES ('kiem-tra-sao-luu', E'Dòng một, "trích dẫn"\nDòng hai; ''', '', now())""");
        }
        Path file = folder.resolve("backup.zip");
        DatabaseBackups.Manifest manifest;
        Map<String, String> original;
        Map<String, String> originalSequences;
        try (Connection source = BackupCommands.owner(environment); OutputStream out = Files.newOutputStream(file)) {
            original = contents(source);
            originalSequences = sequences(source);
            manifest = DatabaseBackups.backup(source, out, Instant.parse("2026-12-07T21:00:00Z"));
            // the application's own background work may write while the backup is taken: a table that changed between
            // the two readings is compared by the rows the backup says it read, the others row for row
            Map<String, String> after = contents(source);
            original.keySet().removeIf(table -> !original.get(table).equals(after.get(table)));
        } finally {
            try (Connection owner = BackupCommands.owner(environment); Statement statement = owner.createStatement()) {
                statement.execute("DELETE FROM calendar_work_week WHERE agency_code = 'kiem-tra-sao-luu'");
            }
        }
        assertThat(manifest.tables()).extracting(DatabaseBackups.Table::name).contains("post", "audit_record", "agency",
                "information_request", "calendar_work_week").doesNotContain("flyway_schema_history");
        assertThat(manifest.rows()).isGreaterThan(100);

        try (Connection target = target()) {
            try (Statement statement = target.createStatement()) {
                statement.execute("INSERT INTO calendar_work_week (agency_code, days, set_by, set_at) VALUES ('only-here', 'x', 'y', now())");
            }
            DatabaseBackups.restore(target, file, "the test");
            assertThat(single(target, "SELECT days FROM calendar_work_week WHERE agency_code = 'kiem-tra-sao-luu'"))
                    .isEqualTo("Dòng một, \"trích dẫn\"\nDòng hai; '");
            assertThat(single(target, "SELECT set_by FROM calendar_work_week WHERE agency_code = 'kiem-tra-sao-luu'")).isEmpty();
            assertThat(single(target, "SELECT count(*) FROM calendar_work_week WHERE agency_code = 'only-here'")).isEqualTo("0");
            Map<String, String> restored = contents(target);
            assertThat(original).hasSizeGreaterThan(manifest.tables().size() - 3);
            original.forEach((table, digest) -> assertThat(restored.get(table)).as(table).isEqualTo(digest));
            for (DatabaseBackups.Table table : manifest.tables()) {
                assertThat(restored.get(table.name())).as(table.name()).startsWith(table.rows() + ":");
            }
            assertThat(restored.keySet()).containsExactlyInAnyOrderElementsOf(
                    manifest.tables().stream().map(DatabaseBackups.Table::name).toList());
            // sequences are read after the tables, so never behind them; the target has exactly the backup's
            Map<String, String> sequencesNow = sequences(target);
            for (DatabaseBackups.Sequence sequence : manifest.sequences()) {
                assertThat(sequencesNow.get(sequence.name())).as(sequence.name()).isEqualTo(String.valueOf(sequence.lastValue()));
                String before = originalSequences.get(sequence.name());
                if (!before.equals("null")) {
                    assertThat(sequence.lastValue()).as(sequence.name()).isGreaterThanOrEqualTo(Long.parseLong(before));
                }
            }
            assertThat(sequencesNow.keySet()).isEqualTo(originalSequences.keySet());
        }
    }

    @Test
    void aDamagedBackupAnotherVersionOrADatabaseInUseChangeNothing() throws Exception {
        Path file = folder.resolve("good.zip");
        try (Connection source = BackupCommands.owner(environment); OutputStream out = Files.newOutputStream(file)) {
            DatabaseBackups.backup(source, out, Instant.now());
        }
        try (Connection target = target()) {
            try (Statement statement = target.createStatement()) {
                statement.execute("DELETE FROM calendar_work_week WHERE agency_code = 'marker'");
                statement.execute("INSERT INTO calendar_work_week (agency_code, days, set_by, set_at) VALUES ('marker', 'x', 'y', now())");
            }
            Map<String, String> before = contents(target);

            Path damaged = rewrite(file, folder.resolve("damaged.zip"), "tables/agency.csv",
                    text -> text.replaceFirst("\n", "\n1,"));
            assertThatThrownBy(() -> DatabaseBackups.restore(target, damaged, "the test"))
                    .isInstanceOfSatisfying(DatabaseBackups.Refused.class,
                            e -> assertThat(e.key()).isEqualTo("cli.restore.entry-damaged"));

            // a file whose checksums hold but whose rows PostgreSQL refuses half-way: the tables emptied before come back
            Path broken = rewrite(file, folder.resolve("broken-inside.zip"), "tables/calendar_work_week.csv",
                    text -> text + "kiem-tra,x,y,không phải thời điểm\n");
            String brokenSum = sha256(broken, "tables/calendar_work_week.csv");
            String goodSum = sha256(file, "tables/calendar_work_week.csv");
            Path resealed = rewrite(broken, folder.resolve("resealed.zip"), "manifest.json", text -> text.replace(goodSum, brokenSum));
            assertThatThrownBy(() -> DatabaseBackups.restore(target, resealed, "the test"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("timestamp");
            assertThat(contents(target)).isEqualTo(before);

            // a table left out of the manifest and the file (a backup cut short, or edited): it would be emptied
            Path cut = rewrite(file, folder.resolve("cut.zip"), "manifest.json", text -> {
                tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
                tools.jackson.databind.JsonNode manifest = json.readTree(text);
                tools.jackson.databind.node.ArrayNode tables = (tools.jackson.databind.node.ArrayNode) manifest.get("tables");
                for (int i = tables.size() - 1; i >= 0; i--) {
                    if (tables.get(i).get("name").asString().equals("alert")) {
                        tables.remove(i);
                    }
                }
                return json.writeValueAsString(manifest);
            });
            assertThatThrownBy(() -> DatabaseBackups.restore(target, cut, "the test"))
                    .isInstanceOfSatisfying(DatabaseBackups.Refused.class, e -> {
                        assertThat(e.key()).isEqualTo("cli.restore.table-missing");
                        assertThat(e.arguments()).containsExactly("alert");
                    });
            assertThat(contents(target)).isEqualTo(before);

            Path older = rewrite(file, folder.resolve("older.zip"), "manifest.json",
                    text -> text.replaceFirst("\"schemaVersion\"\\s*:\\s*\"[^\"]+\"", "\"schemaVersion\" : \"1\""));
            assertThatThrownBy(() -> DatabaseBackups.restore(target, older, "the test"))
                    .isInstanceOfSatisfying(DatabaseBackups.Refused.class,
                            e -> assertThat(e.key()).isEqualTo("cli.restore.other-version"));

            Path notOne = folder.resolve("not-a-backup.zip");
            Files.writeString(notOne, "một tệp văn bản, không phải ZIP");
            assertThatThrownBy(() -> DatabaseBackups.restore(target, notOne, "the test"))
                    .isInstanceOfSatisfying(DatabaseBackups.Refused.class,
                            e -> assertThat(e.key()).isEqualTo("cli.restore.not-a-backup"));

            Properties server = new Properties();
            server.setProperty("user", "postgres");
            server.setProperty("password", "");
            server.setProperty("ApplicationName", "Loa 1");
            try (Connection running = DriverManager.getConnection(targetUrl, server)) {
                assertThatThrownBy(() -> DatabaseBackups.restore(target, file, "the test"))
                        .isInstanceOfSatisfying(DatabaseBackups.Refused.class, e -> {
                            assertThat(e.key()).isEqualTo("cli.restore.in-use");
                            assertThat(e.arguments()).containsExactly(1L);
                        });
            }
            assertThat(contents(target)).isEqualTo(before);
        }
    }

    @Test
    void theCommandsRefuseToOverwriteAFileAndAskBeforeReplacing() throws Exception {
        vn.loa.platform.CliText text = new vn.loa.platform.CliText(messages(), java.util.Locale.ENGLISH);
        BackupCommands.Backup backup = new BackupCommands.Backup(environment, text, java.time.Clock.systemUTC());
        Path file = folder.resolve("by-command.zip");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(backup.run(List.of("--out", file.toString()), print(out), print(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Backed up ").contains(file.toString(), "SHA-256: ");
        assertThat(Files.list(folder)).noneMatch(p -> p.getFileName().toString().endsWith(".partial"));

        err.reset();
        long size = Files.size(file);
        assertThat(backup.run(List.of("--out", file.toString()), print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists");
        assertThat(Files.size(file)).isEqualTo(size);

        // a folder that does not exist is named as such; a folder that does takes the file under its default name
        err.reset();
        Path nowhere = folder.resolve("khong-co").resolve("sao-luu.zip");
        assertThat(backup.run(List.of("--out", nowhere.toString()), print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no folder " + nowhere.getParent());
        Path into = Files.createDirectory(folder.resolve("thu-muc"));
        out.reset();
        assertThat(backup.run(List.of("--out", into.toString()), print(out), print(err))).isZero();
        try (var made = Files.list(into)) {
            assertThat(made.map(p -> p.getFileName().toString()).toList()).singleElement()
                    .satisfies(name -> assertThat(name).matches("loa-backup-\\d{8}-\\d{4}\\.zip"));
        }

        BackupCommands.Restore restore = new BackupCommands.Restore(environment, text, event -> {
            throw new AssertionError("nothing may be restored without --replace");
        });
        out.reset();
        err.reset();
        assertThat(restore.run(List.of(file.toString()), print(out), print(err))).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Backup ").contains(" tables, ");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--replace").startsWith("Nothing restored yet")
                .doesNotContain("Error");
        // another process (a running server) is connected: a real restore is refused, nothing changes
        err.reset();
        long audit = jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();
        Properties server = new Properties();
        server.setProperty("user", "postgres");
        server.setProperty("password", "");
        server.setProperty("ApplicationName", "Loa 1");
        try (Connection running = DriverManager.getConnection(environment.getProperty("spring.datasource.url"), server)) {
            assertThat(restore.run(List.of(file.toString(), "--replace"), print(out), print(err))).isEqualTo(1);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stop it before restoring");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single()).isEqualTo(audit);
    }

    private org.springframework.context.MessageSource messages() {
        org.springframework.context.support.ResourceBundleMessageSource bundles =
                new org.springframework.context.support.ResourceBundleMessageSource();
        bundles.setBasename("messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private Connection target() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "");
        properties.setProperty("ApplicationName", "the test");
        return DriverManager.getConnection(targetUrl, properties);
    }

    /** Each table's rows, as one digest of their text in order. */
    private static Map<String, String> contents(Connection connection) throws SQLException {
        Map<String, String> digests = new TreeMap<>();
        List<String> tables = new java.util.ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            digests.put(table, single(connection, "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \""
                    + table + "\" t"));
        }
        return digests;
    }

    private static Map<String, String> sequences(Connection connection) throws SQLException {
        Map<String, String> values = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()")) {
            while (rs.next()) {
                values.put(rs.getString(1), String.valueOf(rs.getObject(2)));
            }
        }
        return values;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String sha256(Path zipFile, String name) throws Exception {
        try (ZipFile zip = new ZipFile(zipFile.toFile()); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }

    /** A copy of a backup with one entry's text changed. */
    private static Path rewrite(Path from, Path to, String name, java.util.function.UnaryOperator<String> change)
            throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    out.write(entry.getName().equals(name)
                            ? change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8) : bytes);
                }
                out.closeEntry();
            }
        }
        return to;
    }
}

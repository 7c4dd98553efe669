package vn.loa.platform.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * An online copy of Loa's database that needs no PostgreSQL client ({@code bin/loa backup}, {@code bin/loa restore}):
 * the embedded PostgreSQL 17 has no {@code pg_dump} beside it, and Debian's is too old for it. A backup is a ZIP file
 * holding every table of the schema as CSV with a header ({@code tables/NAME.csv}, as PostgreSQL's {@code COPY} writes
 * it: a NULL is an empty field, an empty text is {@code ""}), read in one read-only transaction at repeatable read, so
 * that the tables agree with each other while Loa goes on working; and {@code manifest.json}: the format, the schema
 * version (the last migration), when it was taken, and each table's rows and SHA-256, and each sequence's value.
 * <p>
 * A restore replaces everything in a database of the same schema version, in one transaction: every entry is checked
 * against its SHA-256 before anything is touched, then every table is emptied and filled from the backup with the
 * triggers off (the audit trail's guards refuse to delete or rewrite its records, and a restore brings back the
 * backup's records as they were), the row counts are checked against the manifest and the sequences set; any failure
 * rolls the whole restore back and leaves the database as it was.
 */
final class DatabaseBackups {

    static final String FORMAT = "loa-backup-1";
    private static final String MANIFEST = "manifest.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One table in a backup. */
    record Table(String name, long rows, String sha256) {
    }

    /** One sequence in a backup; {@code lastValue} null when it was never used. */
    record Sequence(String name, Long lastValue) {
    }

    /** What a backup holds. */
    record Manifest(String format, String schemaVersion, String takenAt, String installation, List<Table> tables,
            List<Sequence> sequences) {

        long rows() {
            return tables.stream().mapToLong(Table::rows).sum();
        }
    }

    /** A backup or restore refused for a reason the operator can act on; the message key and its arguments. */
    static final class Refused extends RuntimeException {

        private final String key;
        private final transient Object[] arguments;

        Refused(String key, Object... arguments) {
            super(key);
            this.key = key;
            this.arguments = arguments;
        }

        String key() {
            return key;
        }

        Object[] arguments() {
            return arguments;
        }
    }

    private DatabaseBackups() {
    }

    /** Writes a consistent copy of the database the connection reads to {@code out} (a ZIP); the connection's state is restored. */
    static Manifest backup(Connection connection, OutputStream out, Instant now) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
            String version = schemaVersion(connection);
            String installation = single(connection, "SELECT id::text FROM installation");
            List<Table> tables = new ArrayList<>();
            for (String table : tables(connection)) {
                zip.putNextEntry(new ZipEntry("tables/" + table + ".csv"));
                MessageDigest digest = sha256();
                long rows = copy.copyOut("COPY " + quote(table) + " TO STDOUT (FORMAT csv, HEADER true)",
                        new DigestOutputStream(new KeepOpen(zip), digest));
                zip.closeEntry();
                tables.add(new Table(table, rows, HexFormat.of().formatHex(digest.digest())));
            }
            List<Sequence> sequences = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema()
                            ORDER BY sequencename""")) {
                while (rs.next()) {
                    long value = rs.getLong(2);
                    Long lastValue = rs.wasNull() ? null : value;
                    sequences.add(new Sequence(rs.getString(1), lastValue));
                }
            }
            Manifest manifest = new Manifest(FORMAT, version, now.toString(), installation, tables, sequences);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            return manifest;
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Reads a backup's manifest and checks every entry against it, touching no database. */
    static Manifest check(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            Manifest manifest = manifest(zip, file);
            for (Table table : manifest.tables()) {
                ZipEntry entry = zip.getEntry("tables/" + table.name() + ".csv");
                if (entry == null) {
                    throw new Refused("cli.restore.entry-missing", file, table.name());
                }
                MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256())) {
                    throw new Refused("cli.restore.entry-damaged", file, table.name());
                }
            }
            return manifest;
        }
    }

    /**
     * Replaces every table of the connection's database by the backup's, in one transaction that commits only if every
     * table and sequence came back whole; {@code ownApplication} names this process's own connections, which may stay
     * open, while any other client connected to the database (a running Loa server) refuses the restore.
     */
    static Manifest restore(Connection connection, Path file, String ownApplication) throws SQLException, IOException {
        return restore(connection, file, check(file), ownApplication);
    }

    /** How long a restore waits for connections of clients that have just ended to go, before it is refused. */
    static final Duration OTHERS_MAY_END_WITHIN = Duration.ofSeconds(10);

    private static long otherConnections(Connection connection, String ownApplication) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND backend_type = 'client backend' AND coalesce(application_name, '') <> ?""")) {
            statement.setString(1, ownApplication);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** As {@link #restore(Connection, Path, String)}, for a file {@link #check} has just read: it is not read twice. */
    static Manifest restore(Connection connection, Path file, Manifest manifest, String ownApplication)
            throws SQLException, IOException {
        String version = schemaVersion(connection);
        if (!version.equals(manifest.schemaVersion())) {
            throw new Refused("cli.restore.other-version", manifest.schemaVersion(), version);
        }
        long others = otherConnections(connection, ownApplication);
        // a client that has just closed its connection (a command that ended a moment ago) leaves a backend that is
        // still ending: it is given a few seconds to go, a running server's connections stay
        Instant waitUntil = Instant.now().plus(OTHERS_MAY_END_WITHIN);
        while (others > 0 && Instant.now().isBefore(waitUntil)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            others = otherConnections(connection, ownApplication);
        }
        if (others > 0) {
            throw new Refused("cli.restore.in-use", others);
        }
        List<String> present = tables(connection);
        for (Table table : manifest.tables()) {
            if (!present.contains(table.name())) {
                throw new Refused("cli.restore.unknown-table", table.name());
            }
        }
        // a backup of the same schema holds every table: one left out would be emptied and stay empty
        List<String> covered = manifest.tables().stream().map(Table::name).toList();
        List<String> left = present.stream().filter(table -> !covered.contains(table)).toList();
        if (!left.isEmpty()) {
            throw new Refused("cli.restore.table-missing", String.join(", ", left));
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (ZipFile zip = open(file); Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = replica");
            statement.execute("SET LOCAL lock_timeout = '15s'");
            if (!present.isEmpty()) {
                statement.execute("TRUNCATE " + String.join(", ", present.stream().map(DatabaseBackups::quote).toList()));
            }
            CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
            for (Table table : manifest.tables()) {
                ZipEntry entry = zip.getEntry("tables/" + table.name() + ".csv");
                String columns;
                try (InputStream in = zip.getInputStream(entry)) {
                    columns = header(in, table.name());
                }
                long rows;
                try (InputStream in = zip.getInputStream(entry)) {
                    rows = copy.copyIn("COPY " + quote(table.name()) + " (" + columns + ") FROM STDIN (FORMAT csv, HEADER true)", in);
                }
                if (rows != table.rows()) {
                    throw new Refused("cli.restore.rows-differ", table.name(), rows, table.rows());
                }
            }
            for (Sequence sequence : manifest.sequences()) {
                if (sequence.lastValue() == null) {
                    statement.execute("ALTER SEQUENCE " + quote(sequence.name()) + " RESTART");
                } else {
                    try (PreparedStatement set = connection.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                        set.setString(1, quote(sequence.name()));
                        set.setLong(2, sequence.lastValue());
                        set.execute();
                    }
                }
            }
            connection.commit();
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The SHA-256 of a whole file, in hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(java.nio.file.Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (java.util.zip.ZipException e) {
            throw new Refused("cli.restore.not-a-backup", file);
        }
    }

    private static Manifest manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new Refused("cli.restore.not-a-backup", file);
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = JSON.readValue(in, Manifest.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new Refused("cli.restore.not-a-backup", file);
        }
        if (!FORMAT.equals(manifest.format()) || manifest.tables() == null || manifest.sequences() == null
                || manifest.schemaVersion() == null) {
            throw new Refused("cli.restore.not-a-backup", file);
        }
        for (Table table : manifest.tables()) {
            if (table.name() == null || !table.name().matches("[a-z_][a-z0-9_]*")) {
                throw new Refused("cli.restore.not-a-backup", file);
            }
        }
        for (Sequence sequence : manifest.sequences()) {
            if (sequence.name() == null || !sequence.name().matches("[a-z_][a-z0-9_]*")) {
                throw new Refused("cli.restore.not-a-backup", file);
            }
        }
        return manifest;
    }

    /** The column list of a table's CSV header, each name checked and quoted. */
    private static String header(InputStream in, String table) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        List<String> columns = new ArrayList<>();
        for (String column : line.toString(StandardCharsets.UTF_8).split(",", -1)) {
            String name = column.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
            if (!name.matches("[a-z_][a-z0-9_]*")) {
                throw new Refused("cli.restore.entry-damaged", table, table);
            }
            columns.add(quote(name));
        }
        return String.join(", ", columns);
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'
                        ORDER BY c.relname""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        return single(connection, """
                SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
                ORDER BY installed_rank DESC LIMIT 1""");
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets {@code COPY} write into the ZIP's current entry without closing the ZIP. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

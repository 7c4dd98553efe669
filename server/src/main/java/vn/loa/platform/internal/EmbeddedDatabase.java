package vn.loa.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;

/**
 * Loa's own PostgreSQL 17, kept under a data directory that survives restarts. One per data
 * directory and JVM. If another Loa process already runs the directory's postmaster, this one
 * attaches to it; if a postmaster was orphaned by a killed Loa (SIGKILL), it is stopped first.
 */
final class EmbeddedDatabase {

    static final String OWNER_ROLE = "postgres";
    static final String APP_ROLE = "loa_app";
    static final String DATABASE = "loa";

    /** zonky's lock file, held by the JVM that started the postmaster for as long as it lives. */
    private static final String ZONKY_LOCK = "epg-lock";

    private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

    private final int port;

    private EmbeddedDatabase(int port) {
        this.port = port;
    }

    static EmbeddedDatabase startOrAttach(String dataDir, boolean ephemeral, Log log) {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(dir, d -> open(d, ephemeral, log));
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    private static EmbeddedDatabase open(Path dir, boolean ephemeral, Log log) {
        try {
            Files.createDirectories(dir);
            Optional<Integer> livePort = portOfLiveOwner(dir);
            if (livePort.isPresent()) {
                log.info("Embedded PostgreSQL in " + dir + " is run by another Loa process; attaching on port " + livePort.get());
                return new EmbeddedDatabase(livePort.get());
            }
            stopOrphanedPostmaster(dir, log);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(ephemeral)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC")
                    // the builder's default is off for the whole server: a commit acknowledged to a user could
                    // be lost in a crash. Only an import's batches (made durable by its last commit) and the
                    // application of roll-ups (replayed from rollup_pending) ask for less, each in its transaction
                    .setServerConfig("synchronous_commit", "on")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .start();
            stopAtShutdown(postgres);
            EmbeddedDatabase database = new EmbeddedDatabase(postgres.getPort());
            database.prepare();
            log.info("Embedded PostgreSQL started in " + dir + " on port " + postgres.getPort());
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /**
     * Stops the postmaster after every application context has closed (Spring Boot runs its shutdown
     * handlers last), so that no connection pool is left waiting for a database that is gone. A plain
     * JVM hook is the fallback when Spring's handlers do not run.
     */
    private static void stopAtShutdown(EmbeddedPostgres postgres) {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runnable stop = () -> {
            try {
                postgres.close();
            } catch (IOException e) {
                // the process is ending; nothing more can be done
            } finally {
                stopped.countDown();
            }
        };
        org.springframework.boot.SpringApplication.getShutdownHandlers().add(stop);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (!stopped.await(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    stop.run();
                }
            } catch (InterruptedException e) {
                stop.run();
            }
        }, "loa-embedded-postgres-stop"));
    }

    /** Returns the port of a postmaster owned by a live Loa process, if another process holds the lock. */
    private static Optional<Integer> portOfLiveOwner(Path dir) throws IOException {
        Path lock = dir.resolve(ZONKY_LOCK);
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(lock) || !Files.exists(pidFile)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE);
                FileLock held = channel.tryLock()) {
            if (held != null) {
                return Optional.empty();
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // held by this very JVM: attach as well
        }
        return postmaster(pidFile).map(Postmaster::port);
    }

    private static void stopOrphanedPostmaster(Path dir, Log log) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Postmaster> postmaster = postmaster(pidFile);
        Optional<ProcessHandle> process = postmaster.flatMap(p -> ProcessHandle.of(p.pid()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (process.isEmpty()) {
            return;
        }
        log.warn("Stopping an orphaned embedded PostgreSQL (pid " + process.get().pid()
                + ") left by a Loa process that did not shut down cleanly");
        process.get().destroy();
        try {
            process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
        for (int i = 0; i < 100 && Files.exists(pidFile) && process.get().isAlive(); i++) {
            sleep();
        }
    }

    private static Optional<Postmaster> postmaster(Path pidFile) throws IOException {
        List<String> lines;
        try (RandomAccessFile file = new RandomAccessFile(pidFile.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.min(file.length(), 4096)];
            file.readFully(bytes);
            lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Postmaster(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Creates the application role and the database on first start; both survive restarts. */
    private void prepare() {
        String adminUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, OWNER_ROLE, "");
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE");
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE + " ENCODING 'UTF8'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Postmaster(long pid, int port) {
    }
}

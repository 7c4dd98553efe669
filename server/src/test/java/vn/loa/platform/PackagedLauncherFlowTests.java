package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Runs the packaged jar through {@code bin/loa} as an operator would: start, create a user from the
 * command line, kill the server with SIGKILL, start again, stop normally, start again, and check
 * that users and audit records survive; then change an audit row in the database and see
 * {@code bin/loa audit verify} name it. Run by failsafe after {@code package}.
 */
class PackagedLauncherFlowTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("bin/loa");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Path dataDir;
    private Process server;
    private int port;

    @BeforeEach
    void freshDataDirectory() throws IOException {
        dataDir = Path.of("target", "launcher-flow", "postgres").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dataDir.getParent());
        Files.createDirectories(dataDir.getParent());
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void usersAndAuditRecordsSurviveANormalStopAndASigkillAndTamperingIsReported() throws Exception {
        startServer();
        assertThat(get("/login").body()).contains("Đăng nhập").contains("id=\"demo-accounts\"").contains("coordinator");
        // a first start says where to open Loa and who can sign in, and nothing a user cannot act on
        Path log = dataDir.getParent().resolve("server.log");
        Instant named = Instant.now().plusSeconds(60);
        while (!Files.readString(log).contains("Demo accounts (password loa-demo): admin, leader")
                && Instant.now().isBefore(named)) {
            Thread.sleep(500);
        }
        assertThat(Files.readString(log)).contains("Loa is ready: open http://localhost:" + port + "/ in a browser")
                .contains("Demo accounts (password loa-demo): admin, leader, coordinator")
                .contains("Building the search index").doesNotContain("belongs to another database")
                .doesNotContain("WARNING:").doesNotContain("Vector API");

        Result created = loa(Map.of("LOA_PASSWORD", "song-sot-123"), "admin", "create-user", "--username", "survivor",
                "--full-name", "Người Còn Lại", "--email", "survivor@example.gov.vn", "--role", "COORDINATOR");
        assertThat(created.exitCode()).as(created.output()).isZero();
        assertThat(signIn("survivor", "song-sot-123")).isTrue();

        server.destroyForcibly();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).as("the killed server's postmaster is orphaned").isTrue();

        startServer();
        assertThat(signIn("survivor", "song-sot-123")).as("after SIGKILL").isTrue();
        assertThat(signIn("admin", "loa-demo")).as("demo account after SIGKILL").isTrue();
        Result verified = loa(Map.of(), "audit", "verify");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("OK: audit chain intact");
        // an operator whose environment asks for nothing, or for Vietnamese, reads Vietnamese
        Result inVietnamese = loa(Map.of("LOA_LANG", "vi"), "audit", "verify");
        assertThat(inVietnamese.exitCode()).as(inVietnamese.output()).isZero();
        assertThat(inVietnamese.output()).contains("OK: chuỗi nhật ký kiểm toán nguyên vẹn, đã kiểm tra");

        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        startServer();
        assertThat(signIn("survivor", "song-sot-123")).as("after a normal stop").isTrue();

        int dbPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim());
        long tampered;
        try (Connection owner = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/loa", "postgres", "");
                Statement statement = owner.createStatement()) {
            var rs = statement.executeQuery("SELECT min(id) FROM audit_record WHERE action = 'user.created' AND details LIKE '%survivor%'");
            rs.next();
            tampered = rs.getLong(1);
            statement.execute("SET session_replication_role = replica");
            assertThat(statement.executeUpdate("UPDATE audit_record SET actor = 'someone-else' WHERE id = " + tampered)).isEqualTo(1);
        }
        Result broken = loa(Map.of(), "audit", "verify");
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output()).contains("BROKEN: audit record " + tampered + ":");
    }

    /**
     * A backup taken while the server runs, and restored with the server stopped, brings back what was there when it was
     * taken and nothing after; a restore is refused while the server runs, and the audit chain holds after it.
     */
    @Test
    void aBackupTakenWhileLoaRunsIsRestoredWithTheServerStopped() throws Exception {
        startServer();
        Result before = loa(Map.of("LOA_PASSWORD", "mat-khau-mot-1"), "admin", "create-user", "--username", "truoc",
                "--full-name", "Trước Sao Lưu", "--email", "truoc@example.gov.vn", "--role", "COORDINATOR");
        assertThat(before.exitCode()).as(before.output()).isZero();
        Path backup = dataDir.getParent().resolve("sao-luu.zip");
        Result taken = loa(Map.of("LOA_LANG", "en"), "backup", "--out", backup.toString());
        assertThat(taken.exitCode()).as(taken.output()).isZero();
        assertThat(taken.output()).contains("Backed up ", " to " + backup, "SHA-256: ");
        Result after = loa(Map.of("LOA_PASSWORD", "mat-khau-hai-22"), "admin", "create-user", "--username", "sau",
                "--full-name", "Sau Sao Lưu", "--email", "sau@example.gov.vn", "--role", "COORDINATOR");
        assertThat(after.exitCode()).as(after.output()).isZero();

        Result whileRunning = loa(Map.of("LOA_LANG", "en"), "restore", backup.toString(), "--replace");
        assertThat(whileRunning.exitCode()).as(whileRunning.output()).isEqualTo(1);
        assertThat(whileRunning.output()).contains("stop it before restoring");
        assertThat(signIn("sau", "mat-khau-hai-22")).as("nothing changed by a refused restore").isTrue();

        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Result asked = loa(Map.of("LOA_LANG", "vi"), "restore", backup.toString());
        assertThat(asked.exitCode()).as(asked.output()).isEqualTo(2);
        assertThat(asked.output()).contains("Chưa khôi phục gì", "--replace").doesNotContain("Lỗi");
        Result restored = loa(Map.of("LOA_LANG", "vi"), "restore", backup.toString(), "--replace");
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("Đã khôi phục ");
        // the search index held the posts as they were before the restore: emptied, it is built again at the next start
        Path log = dataDir.getParent().resolve("server.log");
        long built = Files.readString(log).split("Building the search index", -1).length - 1;
        assertThat(built).as("the first start built the index").isEqualTo(1);

        startServer();
        Instant rebuilt = Instant.now().plusSeconds(60);
        while (Files.readString(log).split("Building the search index", -1).length - 1 < 2 && Instant.now().isBefore(rebuilt)) {
            Thread.sleep(500);
        }
        assertThat(Files.readString(log).split("Building the search index", -1).length - 1).isEqualTo(2);
        // a backup without --out is written where the command was typed, not in Loa's own folder
        Result here = loaIn(dataDir.getParent(), Map.of("LOA_LANG", "en"), "backup");
        assertThat(here.exitCode()).as(here.output()).isZero();
        try (var files = Files.list(dataDir.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.matches("loa-backup-\\d{8}-\\d{4}\\.zip"));
        }

        assertThat(signIn("truoc", "mat-khau-mot-1")).as("made before the backup").isTrue();
        assertThat(signIn("sau", "mat-khau-hai-22")).as("made after the backup").isFalse();
        Result verified = loa(Map.of("LOA_LANG", "en"), "audit", "verify");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("OK: audit chain intact");
    }

    /**
     * An import killed with SIGKILL half-way is run again and completes; then the server and its
     * database are killed too, and every post whose import was acknowledged is still there, once.
     */
    @Test
    void aFileNamedOnTheCommandLineIsFoundWhereTheCommandWasTyped() throws Exception {
        Path caller = dataDir.getParent().resolve("caller");
        Files.createDirectories(caller);
        Files.writeString(caller.resolve("cau.txt"), "Bệnh viện Khánh Hòa quá tải\n");
        Result segmented = loaIn(caller, Map.of(), "nlp", "segment", "cau.txt");
        assertThat(segmented.exitCode()).as(segmented.output()).isZero();
        assertThat(segmented.output()).contains("Bệnh_viện Khánh_Hòa quá_tải");
    }

    /** Help, a mistyped command and a wrong language are answered at once: no Spring, no database made. */
    @Test
    void helpIsAnsweredInTheOperatorsLanguageWithoutStartingADatabase() throws Exception {
        Result english = loa(Map.of(), "help");
        assertThat(english.exitCode()).as(english.output()).isZero();
        assertThat(english.output()).contains("Usage: bin/loa COMMAND", "audit verify", "admin create-user",
                "reanalyze", "nlp COMMAND").doesNotContain("cli.help");
        Result none = loa(Map.of("LOA_LANG", "vi"));
        assertThat(none.exitCode()).as(none.output()).isZero();
        assertThat(none.output()).contains("Cách dùng: bin/loa LỆNH", "kiểm tra chuỗi mã băm của nhật ký kiểm toán");
        Result one = loa(Map.of("LOA_LANG", "vi"), "import", "--help");
        assertThat(one.exitCode()).as(one.output()).isZero();
        assertThat(one.output()).contains("Cách dùng: bin/loa import", "nhập bài đăng").doesNotContain("audit verify");
        Result mistyped = loa(Map.of(), "audit", "verfy");
        assertThat(mistyped.exitCode()).as(mistyped.output()).isEqualTo(2);
        assertThat(mistyped.output()).contains("Unknown command: audit verfy", "audit verify");
        Result wrongLanguage = loa(Map.of("LOA_LANG", "fr"), "help");
        assertThat(wrongLanguage.exitCode()).as(wrongLanguage.output()).isEqualTo(2);
        assertThat(wrongLanguage.output()).contains("LOA_LANG", "'fr'");
        assertThat(dataDir).as("no database was made for help").doesNotExist();
    }

    @Test
    void anImportKilledHalfWayResumesAndNothingAcknowledgedIsLost() throws Exception {
        startServer();
        Path file = dataDir.getParent().resolve("posts.jsonl");
        Result generated = loa(Map.of(), "generate-posts", "--count", "20000", "--out", file.toString(), "--seed", "11");
        assertThat(generated.exitCode()).as(generated.output()).isZero();

        List<String> command = List.of(LAUNCHER.toString(), "import", file.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.getParent().resolve("import.log").toFile()));
        builder.environment().put("LOA_EMBEDDED_DATABASE_DATA_DIR", dataDir.toString());
        Process killed = builder.start();
        long partial = 0;
        long importId = 0;
        Instant deadline = Instant.now().plusSeconds(120);
        while (partial < 2000 && Instant.now().isBefore(deadline) && killed.isAlive()) {
            Thread.sleep(200);
            try (Connection owner = owner(); Statement statement = owner.createStatement()) {
                var rs = statement.executeQuery("SELECT max(id) FROM post_import WHERE file_name = 'posts.jsonl'");
                rs.next();
                importId = rs.getLong(1);
                rs = statement.executeQuery("SELECT count(*) FROM post WHERE import_id = " + importId);
                rs.next();
                partial = rs.getLong(1);
            }
        }
        assertThat(killed.isAlive()).as("the import is still running when it is killed").isTrue();
        killed.destroyForcibly();
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            var rs = statement.executeQuery("SELECT count(*), (SELECT finished_at FROM post_import WHERE id = " + importId
                    + ") FROM post WHERE import_id = " + importId);
            rs.next();
            partial = rs.getLong(1);
            assertThat(rs.getTimestamp(2)).as("the killed import never finished").isNull();
        }
        assertThat(partial).isBetween(2000L, 19_999L);

        Result resumed = loa(Map.of(), "import", file.toString());
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
        long stored = Long.parseLong(field(resumed.output(), "stored"));
        assertThat(field(resumed.output(), "read")).isEqualTo("20000");

        // the server and its PostgreSQL die without warning; what the import acknowledged is kept
        server.destroyForcibly();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        startServer();
        long total;
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            var rs = statement.executeQuery("SELECT count(*) FROM post p JOIN post_source s ON s.id = p.source_id "
                    + "WHERE s.code LIKE 'load-%'");
            rs.next();
            total = rs.getLong(1);
        }
        assertThat(total).isEqualTo(partial + stored);
        Result again = loa(Map.of(), "import", file.toString());
        assertThat(field(again.output(), "stored")).as(again.output()).isEqualTo("0");
    }

    private Connection owner() throws Exception {
        int dbPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/loa", "postgres", "");
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private void startServer() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "server", "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.getParent().resolve("server.log").toFile()));
        builder.environment().put("LOA_EMBEDDED_DATABASE_DATA_DIR", dataDir.toString());
        server = builder.start();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            assertThat(server.isAlive()).as("server exited; see " + dataDir.getParent().resolve("server.log")).isTrue();
            try {
                if (get("/actuator/health").body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server did not report UP within 120 s");
    }

    private boolean signIn(String username, String password) throws Exception {
        HttpResponse<String> page = get("/login");
        String cookie = sessionCookie(page);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        return response.statusCode() == 302 && location.endsWith(":" + port + "/");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LOA_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Result(int exitCode, String output) {
    }

    private Result loa(Map<String, String> env, String... args) throws Exception {
        return loaIn(null, env, args);
    }

    /** The launcher run from a folder of the caller's (null: the test's own). */
    private Result loaIn(Path folder, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (folder != null) {
            builder.directory(folder.toFile());
        }
        builder.environment().put("LOA_EMBEDDED_DATABASE_DATA_DIR", dataDir.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}

package vn.loa.listening.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.loa.platform.CliCommand;

/** {@code bin/loa import FILE} as a script sees it: its exit code and what it says. */
@SpringBootTest
class ImportCommandIntegrationTests {

    @Autowired
    List<CliCommand> commands;

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        CliCommand command = commands.stream().filter(c -> c.name().equals("import")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFileOfWhichNoLineCouldBeReadExitsWithOneAndAFileWithSomeBadLinesWithZero() throws Exception {
        long marker = System.nanoTime();
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"source\":\"cli-exit\",\"platform\":\"myspace\",\"external_id\":\"a" + marker + "\","
                + "\"published_at\":\"2026-12-01T08:00:00+07:00\",\"text\":\"Đường tỉnh lộ sạt lở\"}\nnot json\n");
        Run failed = run(bad.toString());
        assertThat(failed.status()).as(failed.err()).isEqualTo(1);
        assertThat(failed.out()).contains("\"stored\":0");
        assertThat(failed.err()).contains(bad + ":1: ", bad + ":2: ");

        Path mixed = dir.resolve("mixed.jsonl");
        Files.writeString(mixed, "{\"source\":\"cli-exit\",\"platform\":\"forum\",\"external_id\":\"b" + marker + "\","
                + "\"published_at\":\"2026-12-01T08:00:00+07:00\",\"text\":\"Đường tỉnh lộ qua xã " + marker + " sạt lở\"}\n"
                + "not json\n");
        Run partly = run(mixed.toString());
        assertThat(partly.status()).as(partly.err()).isZero();
        assertThat(partly.out()).contains("\"stored\":1");
    }

    @Test
    void anOptionItDoesNotTakeIsNamed() {
        assertThatThrownBy(() -> run("posts.jsonl", "--dry-run")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the command takes no option '--dry-run'; usage: bin/loa import FILE");
    }
}

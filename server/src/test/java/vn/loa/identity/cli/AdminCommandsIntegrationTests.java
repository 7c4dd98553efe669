package vn.loa.identity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.loa.identity.Users;
import vn.loa.platform.CliCommand;

@SpringBootTest
class AdminCommandsIntegrationTests {

    @Autowired
    List<CliCommand> commands;

    @Autowired
    Users users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private record Run(int status, String out, String err) {
    }

    /** Runs {@code bin/loa admin create-user}, typing the password on standard input (LOA_PASSWORD is not set). */
    private Run createUser(String username, String password) {
        CliCommand create = commands.stream().filter(c -> c.name().equals("admin create-user")).findFirst()
                .orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            int status = create.run(List.of("--username", username, "--full-name", "Quản trị viên Thử",
                    "--email", username + "@example.gov.vn"), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void createUserRefusesAPasswordThatIsEasyToGuessSayingWhy() {
        assertThat(System.getenv("LOA_PASSWORD")).as("the test types the password").isNull();
        String username = "quantri-cli-" + ProcessHandle.current().pid();
        Run refused = createUser(username, "admin123");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("Error: the password (LOA_PASSWORD or standard input): ",
                "one of the most common ones");
        refused = createUser(username, username + "-2025");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("must not contain the user name");
        assertThat(users.findByUsername(username)).isEmpty();

        Run created = createUser(username, "ba-con-meo-tren-mai-nha");
        assertThat(created.status()).as(created.err()).isZero();
        assertThat(created.out()).contains("Created user " + username);
        // the audit trail names the operator at the command line, as for an import, not "system"
        assertThat(jdbc.sql("SELECT actor FROM audit_record WHERE action = 'user.created' AND target_id = ?")
                .param(String.valueOf(users.findByUsername(username).orElseThrow().id())).query(String.class).single())
                .isEqualTo("cli:" + System.getProperty("user.name", "unknown"));
    }
}

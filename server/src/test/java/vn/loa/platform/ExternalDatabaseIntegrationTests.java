package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.LoaApplication;
import vn.loa.identity.Users;

/**
 * With the standard datasource settings Loa uses that server: it starts no embedded PostgreSQL,
 * creates no demo accounts, migrates as the owner role and runs as a separate application role.
 */
class ExternalDatabaseIntegrationTests {

    @Test
    void usesTheConfiguredServerWithTwoRolesAndNoDemoAccounts() throws Exception {
        Path embeddedDir = Files.createTempDirectory("loa-unused-embedded").resolve("postgres");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            try (Connection admin = external.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
                sql.execute("CREATE ROLE loa_owner LOGIN PASSWORD 'owner-secret'");
                sql.execute("CREATE ROLE loa_runtime LOGIN PASSWORD 'app-secret'");
                sql.execute("CREATE DATABASE loa_prod OWNER loa_owner");
            }
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/loa_prod";
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoaApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.datasource.url=" + url, "spring.datasource.username=loa_runtime",
                            "spring.datasource.password=app-secret", "spring.flyway.user=loa_owner",
                            "spring.flyway.password=owner-secret",
                            "loa.embedded-database.data-dir=" + embeddedDir)
                    .run()) {
                JdbcClient jdbc = context.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("loa_runtime");
                assertThat(context.getBean(DatabaseMode.class).embedded()).isFalse();
                assertThat(context.getBean(Users.class).findByUsername("admin")).as("no demo accounts").isEmpty();
                assertThat(jdbc.sql("SELECT count(*) FROM agency").query(Long.class).single())
                        .as("the province's agencies are seeded").isPositive();
                assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_record").update())
                        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
                assertThat(Files.exists(embeddedDir)).as("no embedded PostgreSQL was started").isFalse();
            }
        }
    }
}

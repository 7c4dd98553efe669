package vn.loa.platform.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL before the application context when no datasource is configured,
 * and points the datasource (application role) and Flyway (owner role) at it.
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "loaEmbeddedDatabase";

    private final Log log;

    EmbeddedDatabaseEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties = new HashMap<>();
        // each process's connections carry its name, so that a restore can tell a running server's from its own
        if (!environment.containsProperty("spring.datasource.hikari.data-source-properties.ApplicationName")) {
            properties.put("spring.datasource.hikari.data-source-properties.ApplicationName", BackupCommands.APPLICATION_NAME);
        }
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            properties.put("loa.database.embedded", "false");
            String appRole = environment.getProperty("loa.database.app-role",
                    environment.getProperty("spring.datasource.username", "loa"));
            properties.put("spring.flyway.placeholders.approle", appRole);
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties));
            return;
        }
        String dataDir = environment.getProperty("loa.embedded-database.data-dir", "data/postgres");
        boolean ephemeral = environment.getProperty("loa.embedded-database.ephemeral", Boolean.class, false);
        EmbeddedDatabase database = EmbeddedDatabase.startOrAttach(dataDir, ephemeral, log);
        String url = database.jdbcUrl();
        properties.put("loa.database.embedded", "true");
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", EmbeddedDatabase.APP_ROLE);
        properties.put("spring.datasource.password", "");
        // Flyway opens its own connection, which does not take Hikari's properties: it is named in the address
        properties.put("spring.flyway.url", url + "?ApplicationName="
                + java.net.URLEncoder.encode(BackupCommands.APPLICATION_NAME, java.nio.charset.StandardCharsets.UTF_8));
        properties.put("spring.flyway.user", EmbeddedDatabase.OWNER_ROLE);
        properties.put("spring.flyway.password", "");
        properties.put("spring.flyway.placeholders.approle", EmbeddedDatabase.APP_ROLE);
        if (!environment.containsProperty("loa.listening.index-dir")) {
            java.nio.file.Path parent = java.nio.file.Path.of(dataDir).toAbsolutePath().getParent();
            properties.put("loa.listening.index-dir", (parent == null ? java.nio.file.Path.of("index") : parent.resolve("index")).toString());
        }
        if (!environment.containsProperty("loa.demo.enabled")) {
            properties.put("loa.demo.enabled", "true");
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package vn.loa.platform.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SettingsCheckUnitTests {

    private static StandardEnvironment environment(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.properties", settings));
        return environment;
    }

    @Test
    void refusesAMisspeltSettingNamingItAndItsSource() {
        StandardEnvironment environment = environment(Map.of("loa.identiy.lockout", "5m"));
        assertThatThrownBy(() -> new SettingsCheck().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'loa.identiy.lockout' (from application.properties)");
    }

    @Test
    void acceptsKnownSettingsInAnyRelaxedSpelling() {
        StandardEnvironment environment = environment(Map.of("loa.identity.lockout", "5m",
                "loa.identity.maxFailedSignIns", "3", "loa.embedded-database.data-dir", "x", "spring.whatever", "y"));
        assertThatCode(() -> new SettingsCheck().postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }
}

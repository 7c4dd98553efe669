package vn.loa.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.loa.identity.AgencyNames;
import vn.loa.platform.DisplayNames;
import vn.loa.platform.NameSource;
import vn.loa.shared.LocalTime;

/** Names people by their login ids and agencies by their codes and ids, from the accounts and the agency directory. */
@Configuration(proxyBeanMethods = false)
class DirectoryNames {

    @Bean
    NameSource personNames(JdbcClient jdbc, MessageSource messages) {
        return source(DisplayNames.PERSON, (username, locale) -> switch (username) {
            case "system" -> Optional.of(messages.getMessage("names.system", null, locale));
            case "citizen" -> Optional.of(messages.getMessage("names.citizen", null, locale));
            // a request a citizen sent through the public portal is recorded by the portal
            case "portal" -> Optional.of(messages.getMessage("names.portal", null, locale));
            default -> username.startsWith("token:")
                    ? Optional.of(messages.getMessage("names.token", new Object[] {username.substring("token:".length())}, locale))
                    : jdbc.sql("SELECT full_name FROM app_user WHERE username = ?").param(username).query(String.class).optional();
        });
    }

    /** Agencies by code as of today: a unit that has ended is named with what took over from it. */
    @Bean
    NameSource agencyNamesByCode(AgencyNames names, Clock clock) {
        return source(DisplayNames.AGENCY, (code, locale) -> names.find(code, LocalDate.now(clock.withZone(LocalTime.ZONE)), locale));
    }

    @Bean
    NameSource agencyNamesById(JdbcClient jdbc) {
        return source(DisplayNames.AGENCY_ID, (id, locale) -> !id.matches("\\d{1,18}") ? Optional.empty()
                : jdbc.sql("SELECT name_vi, name_en FROM agency WHERE id = ?").param(Long.parseLong(id))
                        .query((rs, n) -> name(rs.getString(1), rs.getString(2), locale)).optional());
    }

    private static String name(String vietnamese, String english, Locale locale) {
        return "en".equals(locale.getLanguage()) && english != null && !english.isBlank() ? english : vietnamese;
    }

    private static NameSource source(String kind, java.util.function.BiFunction<String, Locale, Optional<String>> lookUp) {
        return new NameSource() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Optional<String> name(String id, Locale locale) {
                return lookUp.apply(id, locale);
            }
        };
    }
}

package vn.loa.listening.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of alerts ({@code loa.alerts.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param mailFrom the sender of alert e-mails
 * @param baseUrl Loa's address as recipients reach it, for links in e-mails
 * @param digestHour the hour (Vietnam time, 0 to 23) after which the daily digest goes to leaders
 */
@ConfigurationProperties("loa.alerts")
record AlertSettings(@DefaultValue("loa@localhost") String mailFrom, @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("7") int digestHour) {
}

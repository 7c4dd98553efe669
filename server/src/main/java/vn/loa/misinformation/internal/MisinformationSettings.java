package vn.loa.misinformation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the desk ({@code loa.misinformation.*}) besides deadlines.
 *
 * @param attachmentMaxSize the largest file an officer may attach
 * @param reportsPerAddress citizens' reports accepted from one network address per hour
 * @param reportsPerHour citizens' reports accepted from everyone per hour (a flood stops here)
 * @param mailFrom the sender of notification e-mails
 */
@ConfigurationProperties("loa.misinformation")
record MisinformationSettings(@DefaultValue("10MB") DataSize attachmentMaxSize, @DefaultValue("5") int reportsPerAddress,
        @DefaultValue("200") int reportsPerHour, @DefaultValue("loa@localhost") String mailFrom) {

    MisinformationSettings {
        if (attachmentMaxSize.toBytes() < 1 || attachmentMaxSize.toMegabytes() > 100) {
            throw new IllegalArgumentException("loa.misinformation.attachment-max-size must be between 1 byte and 100MB, was "
                    + attachmentMaxSize);
        }
        if (reportsPerAddress < 1 || reportsPerHour < reportsPerAddress) {
            throw new IllegalArgumentException("loa.misinformation.reports-per-address (" + reportsPerAddress
                    + ") must be at least 1 and at most reports-per-hour (" + reportsPerHour + ")");
        }
    }
}

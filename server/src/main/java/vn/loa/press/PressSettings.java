package vn.loa.press;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the press desk ({@code loa.press.*}).
 *
 * @param managementAgency the code of the province's press management agency, to which the spokesperson notice is
 *        addressed (after the 2025 reorganisation, the Department of Culture, Sports and Tourism); not blank
 * @param remindHours an open enquiry is reminded of when it is due within this many hours; 1 to 240
 */
@ConfigurationProperties("loa.press")
public record PressSettings(@DefaultValue("SVHTTDL") String managementAgency, @DefaultValue("24") int remindHours) {

    public PressSettings {
        if (managementAgency == null || managementAgency.isBlank()) {
            throw new IllegalArgumentException("loa.press.management-agency must not be blank");
        }
        if (remindHours < 1 || remindHours > 240) {
            throw new IllegalArgumentException("loa.press.remind-hours must be 1 to 240, was " + remindHours);
        }
    }
}

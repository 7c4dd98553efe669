package vn.loa.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The province Loa serves ({@code loa.province.*}), named in the banner of every page, on the public pages
 * and in their feed.
 *
 * @param name the province's name as it is written after "tỉnh", e.g. {@code Khánh Hòa}; 1 to 100 characters
 */
@ConfigurationProperties("loa.province")
public record ProvinceSettings(@DefaultValue("Khánh Hòa") String name) {

    public ProvinceSettings {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("loa.province.name must be 1 to 100 characters, was '" + name + "'");
        }
        name = name.strip();
    }
}

package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProvinceSettingsUnitTests {

    @Test
    void keepsTheNameWithoutSurroundingSpaces() {
        assertThat(new ProvinceSettings("  Khánh Hòa ").name()).isEqualTo("Khánh Hòa");
    }

    @Test
    void refusesABlankOrOverlongNameNamingTheSetting() {
        assertThatThrownBy(() -> new ProvinceSettings(" ")).hasMessageContaining("loa.province.name");
        assertThatThrownBy(() -> new ProvinceSettings("x".repeat(101))).hasMessageContaining("loa.province.name");
    }
}

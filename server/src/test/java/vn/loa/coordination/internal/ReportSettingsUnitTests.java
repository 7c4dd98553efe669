package vn.loa.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The periodic reports' settings refuse a blank issuer and a symbol that could not stand in a document's number. */
class ReportSettingsUnitTests {

    @Test
    void refusesABlankIssuerAndASymbolThatIsNotOne() {
        assertThat(new ReportSettings(" 56 ", " BC-UBND ")).isEqualTo(new ReportSettings("56", "BC-UBND"));
        assertThatThrownBy(() -> new ReportSettings(" ", "BC-UBND")).hasMessageContaining("issuer");
        assertThatThrownBy(() -> new ReportSettings("56", "BC/UBND")).hasMessageContaining("'BC/UBND'");
        assertThatThrownBy(() -> new ReportSettings("56", "")).hasMessageContaining("symbol");
    }
}

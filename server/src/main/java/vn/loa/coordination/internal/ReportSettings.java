package vn.loa.coordination.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the periodic reports ({@code loa.coordination.reports.*}).
 *
 * @param issuer the code of the agency that issues them; the agency valid on the day is taken (default 56, the
 *     provincial People's Committee of Khánh Hòa since 01/07/2025); not blank
 * @param symbol the symbol of their number ("07/BC-UBND"); 1 to 30 characters, letters, digits and hyphens
 */
@ConfigurationProperties("loa.coordination.reports")
record ReportSettings(@DefaultValue("56") String issuer, @DefaultValue("BC-UBND") String symbol) {

    ReportSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("loa.coordination.reports.issuer must not be blank");
        }
        if (symbol == null || !symbol.strip().matches("[\\p{L}\\p{N}-]{1,30}")) {
            throw new IllegalArgumentException("loa.coordination.reports.symbol must be 1 to 30 letters, digits and hyphens, was '"
                    + symbol + "'");
        }
        issuer = issuer.strip();
        symbol = symbol.strip();
    }
}

package vn.loa.identity;

import java.time.LocalDate;
import vn.loa.shared.AgencyId;

/**
 * An organisational unit, valid from one date to another (both inclusive; no end while it exists).
 *
 * @param id the unit's id
 * @param code its official or Loa code; not unique over time, unique among units valid on one day
 * @param kind what kind of unit it is
 * @param parent the unit above it, may be null
 * @param nameVi its Vietnamese name
 * @param nameEn its English name, may be null
 * @param validFrom the first day it is valid
 * @param validTo the last day it is valid, null while it exists
 * @param source where the record comes from, may be null
 */
public record Agency(AgencyId id, String code, AgencyKind kind, AgencyId parent, String nameVi, String nameEn,
        LocalDate validFrom, LocalDate validTo, String source) {

    /** Whether the unit exists on the given day. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The name in the given language ("en" gives the English name where there is one). */
    public String name(String language) {
        return "en".equals(language) && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
    }
}

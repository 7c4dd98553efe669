package vn.loa.resources;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A training a staff member completed; hours and certificate may be null. */
public record Training(long id, long staffId, String course, String provider, LocalDate completedOn, BigDecimal hours,
        String certificate) {
}

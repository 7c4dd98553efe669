package vn.loa.identity;

import java.time.LocalDate;
import java.util.List;

/**
 * What an agency code stands for on a day: the unit it names, and, when that unit no longer exists on the
 * day, the units that took over from it.
 *
 * @param named the unit the code names: the one valid on the day, or the last one before it
 * @param day the day asked about
 * @param successors the units valid on the day that took over from {@code named}; empty while it is valid
 */
public record AgencyOnDay(Agency named, LocalDate day, List<Agency> successors) {

    public AgencyOnDay {
        successors = List.copyOf(successors);
    }

    /** Whether the named unit exists on the day. */
    public boolean inForce() {
        return named.validOn(day);
    }

    /** Whether the named unit had ended before the day. */
    public boolean ended() {
        return named.validTo() != null && named.validTo().isBefore(day);
    }

    /** The units answering for the code on the day: the named unit while it is valid, else its successors. */
    public List<Agency> responsible() {
        return inForce() ? List.of(named) : successors;
    }
}

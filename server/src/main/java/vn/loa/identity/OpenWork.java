package vn.loa.identity;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Work of one kind that an agency still owes on a legal or set deadline (information requests, press enquiries,
 * coordination tasks). The deadlines keep running whatever happens to the agency, so the directory refuses to end an
 * agency while any of it is open and nobody takes it over. Each module that holds such work implements it as a bean;
 * a module whose work passes to a successor on its own does so on the successor's first day, and at once when an
 * {@link IdentityEvent.AgencySucceeded} comes on or after that day.
 */
public interface OpenWork {

    /**
     * How many items of one kind an agency holds open.
     *
     * @param messageKey the message-bundle key that says how many are open and where to transfer them; its one
     *        argument is the count
     * @param count how many are open, never negative
     */
    record Count(String messageKey, long count) {

        public Count {
            Objects.requireNonNull(messageKey, "messageKey must not be null");
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
        }
    }

    /**
     * Counts the items of this kind that the agency holds open and that nobody would answer once it ended on
     * {@code lastDay}. The agency (as recorded, before it ends) and the last day must not be null; {@code successors}
     * says how many units are recorded to take over from it, never negative. Work that passes to a sole successor on
     * its own need not be counted when there is one; with several (a split) nobody can tell which of them answers an
     * item, so it is counted, with a message that says to transfer each item at its desk.
     */
    Count of(Agency agency, LocalDate lastDay, int successors);

    /**
     * The first moment after the agency's last day as recorded, in the province's time (far in the future while it has
     * none): a code names one unit on a day, so an ended unit whose code was taken over holds only what came before.
     */
    static java.time.OffsetDateTime recordsBefore(Agency agency) {
        return (agency.validTo() == null ? LocalDate.of(9999, 1, 1) : agency.validTo().plusDays(1))
                .atStartOfDay(vn.loa.shared.LocalTime.ZONE).toOffsetDateTime();
    }
}

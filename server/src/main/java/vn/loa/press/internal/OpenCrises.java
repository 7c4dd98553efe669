package vn.loa.press.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.OpenWork;

/**
 * The crises of an agency not closed: the clock of the first statement (Decree 09/2017, Art. 6) and the follow-up
 * keep running, so the agency is not ended while one is open, unless one successor is recorded: they pass to it on its
 * first day ({@code Crises.transferFromEndedAgencies}). A split's are counted, to be closed at the desk.
 */
@Component
class OpenCrises implements OpenWork {

    private final JdbcClient jdbc;

    OpenCrises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Count of(Agency agency, LocalDate lastDay, int successors) {
        if (successors == 1) {
            return new Count("press.crisis.open-work", 0);
        }
        OffsetDateTime until = OpenWork.recordsBefore(agency);
        long count = jdbc.sql("""
                SELECT count(*) FROM press_crisis WHERE agency_code = ? AND status = 'OPEN' AND opened_at < ?
                """).params(agency.code(), until).query(Long.class).single();
        return new Count(successors > 1 ? "press.crisis.open-work-split" : "press.crisis.open-work", count);
    }
}

package vn.loa.coordination.internal;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.OpenWork;

/**
 * The tasks an agency leads and still owes (a one-off task not reported done, a recurring one not ended). A dissolved
 * agency's tasks pass to its successors ({@code Tasks.transferFromEndedAgencies}), so they hold the agency back only
 * while no successor is recorded.
 */
@Component
class OpenTasks implements OpenWork {

    private final JdbcClient jdbc;

    OpenTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Count of(Agency agency, LocalDate lastDay, int successors) {
        if (successors > 0) {
            return new Count("coordination.open-work", 0);
        }
        long count = jdbc.sql("""
                SELECT count(*) FROM coord_task t WHERE t.lead_agency_id = ? AND t.state = 'OPEN'
                  AND CASE WHEN t.recurrence = 'ONCE'
                      THEN NOT EXISTS (SELECT 1 FROM coord_occurrence o WHERE o.task_id = t.id AND o.done_on IS NOT NULL)
                      ELSE t.ends_on IS NULL OR t.ends_on > ? END
                """).params(agency.id().value(), Date.valueOf(lastDay)).query(Long.class).single();
        return new Count("coordination.open-work", count);
    }
}

package vn.loa.misinformation.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.OpenWork;
import vn.loa.misinformation.CaseStatus;

/**
 * The misinformation cases an agency answers for and has not closed: each runs to its deadline, so the agency is not
 * ended until each is assigned to another agency, unless one successor is recorded: they pass to it on its first day
 * ({@code Cases.transferFromEndedAgencies}). A split's are counted, to be assigned at the desk.
 */
@Component
class OpenCases implements OpenWork {

    private final JdbcClient jdbc;

    OpenCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Count of(Agency agency, LocalDate lastDay, int successors) {
        if (successors == 1) {
            return new Count("case.open-work", 0);
        }
        String[] closed = CaseStatus.CLOSED.stream().map(Enum::name).toArray(String[]::new);
        OffsetDateTime until = OpenWork.recordsBefore(agency);
        long count = jdbc.sql("""
                SELECT count(*) FROM misinformation_case WHERE agency_code = ? AND status <> ALL (?) AND opened_at < ?
                """).params(agency.code(), closed, until).query(Long.class).single();
        return new Count(successors > 1 ? "case.open-work-split" : "case.open-work", count);
    }
}

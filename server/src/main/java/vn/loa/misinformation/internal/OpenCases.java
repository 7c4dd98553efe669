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
 * ended until each is assigned to another agency (a successor does not take them over on its own).
 */
@Component
class OpenCases implements OpenWork {

    private final JdbcClient jdbc;

    OpenCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Count of(Agency agency, LocalDate lastDay, int successors) {
        String[] closed = CaseStatus.CLOSED.stream().map(Enum::name).toArray(String[]::new);
        OffsetDateTime until = OpenWork.recordsBefore(agency);
        long count = jdbc.sql("""
                SELECT count(*) FROM misinformation_case WHERE agency_code = ? AND status <> ALL (?) AND opened_at < ?
                """).params(agency.code(), closed, until).query(Long.class).single();
        return new Count("case.open-work", count);
    }
}

package vn.loa.press.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.OpenWork;
import vn.loa.press.EnquiryStatus;

/**
 * The press enquiries an agency has not answered: their clock keeps running, so the agency is not ended until each is
 * transferred to the agency that will answer it, unless one successor is recorded: they pass to it on its first day
 * ({@code Enquiries.transferFromEndedAgencies}). A split's are counted, to be transferred at the desk.
 */
@Component
class OpenEnquiries implements OpenWork {

    private final JdbcClient jdbc;

    OpenEnquiries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Count of(Agency agency, LocalDate lastDay, int successors) {
        if (successors == 1) {
            return new Count("press.open-work", 0);
        }
        String[] open = Arrays.stream(EnquiryStatus.values()).filter(EnquiryStatus::open).map(Enum::name)
                .toArray(String[]::new);
        OffsetDateTime until = OpenWork.recordsBefore(agency);
        long count = jdbc.sql("""
                SELECT count(*) FROM press_enquiry WHERE agency_code = ? AND status = ANY (?) AND received_at < ?
                """).params(agency.code(), open, until).query(Long.class).single();
        return new Count(successors > 1 ? "press.open-work-split" : "press.open-work", count);
    }
}

package vn.loa.coordination.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.coordination.PeriodicReports;
import vn.loa.coordination.ReportPeriod;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.shared.LocalTime;

/**
 * Demo mode only, once: last month's report, generated from the demo data, its proposals written
 * and issued (numbered and sealed) by the demo coordinator; and a draft of the current quarter.
 */
@Component
@Order(54)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoReports implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final PeriodicReports reports;
    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoReports(JdbcClient jdbc, PeriodicReports reports, Users users, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM coord_report").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        Optional<SignedInUser> coordinator = users.findByUsername("coordinator").filter(UserAccount::enabled)
                .map(a -> new SignedInUser(a.id(), a.username(), a.fullName(), a.agency(),
                        a.agency() == null ? null : agencies.find(a.agency()).map(x -> x.code()).orElse(null), a.roles()));
        if (coordinator.isEmpty()) {
            return;
        }
        SignedInUser by = coordinator.get();
        int quarter = (today.getMonthValue() + 2) / 3;
        // last month's report issued (the demo's posts cover the last weeks, so a past quarter would say little),
        // this quarter's drafted
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        PeriodicReports.Report last = reports.generate(ReportPeriod.of("MONTHLY", lastMonth.getYear(),
                lastMonth.getMonthValue(), today), by);
        last = reports.edit(last.id(), Map.of("proposals", "Đề nghị Bộ Văn hóa, Thể thao và Du lịch tiếp tục hướng dẫn "
                + "việc kết nối dữ liệu phản ánh của người dân giữa các nền tảng; đề nghị các sở, ngành bố trí người phát ngôn "
                + "dự phòng và cập nhật danh sách trên Cổng thông tin điện tử của tỉnh. (dữ liệu trình diễn)"), last.version(), by);
        reports.issue(last.id(), false, by);
        reports.generate(ReportPeriod.of("QUARTERLY", today.getYear(), quarter, today), by);
    }
}

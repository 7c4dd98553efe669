package vn.loa.transparency.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.shared.LocalTime;
import vn.loa.transparency.Channel;
import vn.loa.transparency.DisclosureCatalogue;
import vn.loa.transparency.DisclosureCategory;
import vn.loa.transparency.InformationRequest;
import vn.loa.transparency.InformationRequests;
import vn.loa.transparency.RefusalGround;
import vn.loa.transparency.RequestAction;

/**
 * Demo mode only, once: information requests to the Department of Health in every state the desk meets (one
 * received today, one by post a week ago and overdue, one answered and published in the register, one refused), and
 * a few items of its disclosure catalogue, so that the desk, the home page and the portal are not empty on the first
 * visit. The people are made up; their address says it is demo data.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoRequests implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final InformationRequests requests;
    private final DisclosureCatalogue catalogue;
    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoRequests(JdbcClient jdbc, InformationRequests requests, DisclosureCatalogue catalogue, Users users, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.catalogue = catalogue;
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM information_request").query(Long.class).single() > 0) {
            return;
        }
        Optional<SignedInUser> officer = user("officer");
        if (officer.isEmpty() || agencies.findByCode("SYT", LocalDate.now(LocalTime.ZONE)).isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(LocalTime.ZONE)).withNano(0);
        // sent from the portal, as a citizen would: each has its follow-up code, mailed to the requester (the demo's
        // outbox keeps the mail, so a visitor can follow the request on the portal as its requester would)
        requests.submitFromPortal(submission(Channel.ELECTRONIC, now.minusHours(2), "Trần Văn An",
                "Danh sách các trạm y tế xã, phường có bác sĩ làm việc thường xuyên trong năm 2026", "Tìm nơi khám gần nhà"),
                null);
        // a week ago by post: overdue unless answered
        requests.submit(submission(Channel.POST, now.minusDays(9).withHour(9), "Lê Thị Bình",
                "Kết quả thanh tra việc đấu thầu mua thuốc của bệnh viện tỉnh năm 2025", "Theo dõi chi tiêu công"), officer.get());
        InformationRequest answered = requests.submitFromPortal(submission(Channel.ELECTRONIC, now.minusDays(3),
                "Phạm Minh Châu",
                "Lịch tiêm chủng mở rộng tháng này tại các trạm y tế phường Nha Trang; tôi là Phạm Minh Châu, 0905 000 001",
                "Đưa con đi tiêm"), null).request();
        requests.act(answered.id(), new InformationRequests.Transition(RequestAction.PROVIDE, null, null, null, null,
                "(Dữ liệu trình diễn) Các trạm y tế phường tiêm chủng mở rộng vào ngày 25 hằng tháng, từ 7 giờ 30; mang theo sổ "
                        + "tiêm chủng của trẻ.", false, 0L, "LINK", true, true, null, null), officer.get());
        // the officer confirms every piece of personal data Loa suggests
        requests.publish(answered.id(), requests.redactionSuggestions(answered.id(), officer.get()).stream()
                .map(InformationRequests.PersonalDatum::text).toList(), officer.get());
        InformationRequest refused = requests.submitFromPortal(submission(Channel.ELECTRONIC, now.minusDays(2),
                "Đỗ Quang Dũng", "Hồ sơ bệnh án của một người hàng xóm đang điều trị tại bệnh viện tỉnh",
                "Tìm hiểu"), null).request();
        requests.act(refused.id(), new InformationRequests.Transition(RequestAction.REFUSE,
                "Hồ sơ bệnh án là bí mật đời tư của người bệnh; người yêu cầu không phải người bệnh hay người đại diện.", null,
                RefusalGround.NOT_ACCESSIBLE, null, null, null, null, null, null, null, null, null), officer.get());

        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        DisclosureCatalogue.Item plan = catalogue.add(new DisclosureCatalogue.NewItem("SYT",
                "Kế hoạch phòng, chống dịch bệnh truyền nhiễm năm 2026 (dữ liệu trình diễn)", DisclosureCategory.STRATEGIES_AND_PLANS,
                today.minusMonths(2), null), officer.get());
        catalogue.published(plan.id(), new DisclosureCatalogue.Publication(today.minusMonths(2).plusDays(3),
                "Cổng thông tin điện tử Sở Y tế", null, today.plusMonths(4)), officer.get());
        catalogue.add(new DisclosureCatalogue.NewItem("SYT", "Dự toán ngân sách năm 2026 của Sở Y tế (dữ liệu trình diễn)",
                DisclosureCategory.BUDGETS, today.minusDays(5), null),
                officer.get());
        catalogue.add(new DisclosureCatalogue.NewItem("SYT", "Thủ tục cấp chứng chỉ hành nghề khám bệnh, chữa bệnh (dữ liệu trình diễn)",
                DisclosureCategory.ADMINISTRATIVE_PROCEDURES, today.plusDays(20), null), officer.get());
    }

    private static InformationRequests.Submission submission(Channel channel, OffsetDateTime received, String name,
            String description, String purpose) {
        return new InformationRequests.Submission(channel, received, "SYT", new InformationRequests.Requester(name,
                "000000000000", "nguoi-dan@example.vn", null, "Khánh Hòa (dữ liệu trình diễn)"), description, purpose,
                "bản điện tử", false, null, null);
    }

    private Optional<SignedInUser> user(String username) {
        return users.findByUsername(username).filter(UserAccount::enabled).map(account -> new SignedInUser(account.id(),
                account.username(), account.fullName(), account.agency(),
                account.agency() == null ? null : agencies.find(account.agency()).map(a -> a.code()).orElse(null),
                account.roles()));
    }
}

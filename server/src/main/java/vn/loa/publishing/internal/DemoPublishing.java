package vn.loa.publishing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import vn.loa.publishing.Broadcasts;
import vn.loa.publishing.Channel;
import vn.loa.shared.LocalTime;

/**
 * Demo network: loudspeaker stations (06:00 and 17:00 daily, some also 11:00) and a few billboards in a handful of the
 * province's communes, among them former Ninh Thuận communes where many Raglai and Chăm people live (Bác Ái Tây, Bác Ái,
 * Bác Ái Đông, Phước Hà, Phan Rang, Ninh Hải) and some of the old Khánh Hòa (Khánh Sơn, Nha Trang). Station names are
 * made up.
 */
@Component
@Order(48)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoPublishing implements ApplicationRunner {

    private record Demo(String commune, Channel kind, String name, String slots) {
    }

    private static final List<Demo> STATIONS = List.of(
            new Demo("22786", Channel.LOUDSPEAKER, "Đài truyền thanh xã Bác Ái Tây", "06:00,17:00"),
            new Demo("22795", Channel.LOUDSPEAKER, "Đài truyền thanh xã Bác Ái", "06:00,17:00"),
            new Demo("22801", Channel.LOUDSPEAKER, "Đài truyền thanh xã Bác Ái Đông", "06:00,17:00"),
            new Demo("22900", Channel.LOUDSPEAKER, "Đài truyền thanh xã Phước Hà", "06:00,17:00"),
            new Demo("22759", Channel.LOUDSPEAKER, "Đài truyền thanh phường Phan Rang", "06:00,11:00,17:00"),
            new Demo("22759", Channel.BILLBOARD, "Bảng điện tử Quảng trường 16/4", ""),
            new Demo("22852", Channel.LOUDSPEAKER, "Đài truyền thanh xã Ninh Hải", "06:00,17:00"),
            new Demo("22714", Channel.LOUDSPEAKER, "Đài truyền thanh xã Khánh Sơn", "06:00,17:00"),
            new Demo("22366", Channel.BILLBOARD, "Bảng điện tử đường Trần Phú", ""));

    private final JdbcClient jdbc;
    private final Broadcasts broadcasts;
    private final vn.loa.publishing.Publishing publishing;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoPublishing(JdbcClient jdbc, Broadcasts broadcasts, vn.loa.publishing.Publishing publishing,
            org.springframework.transaction.PlatformTransactionManager transactions, Users users,
            AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.broadcasts = broadcasts;
        this.publishing = publishing;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM pub_station").query(Long.class).single() > 0) {
            return;
        }
        Optional<SignedInUser> coordinator = users.findByUsername("coordinator").filter(UserAccount::enabled)
                .map(a -> new SignedInUser(a.id(), a.username(), a.fullName(), a.agency(), a.agency() == null ? null
                        : agencies.find(a.agency()).map(x -> x.code()).orElse(null), a.roles()));
        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        if (coordinator.isEmpty()) {
            return;
        }
        for (Demo d : STATIONS) {
            if (agencies.findByCode(d.commune(), today).isPresent()) {
                broadcasts.addStation(new Broadcasts.NewStation(d.commune(), d.kind(), d.name(), d.slots(),
                        LocalDate.of(2025, 7, 1)), coordinator.get());
            }
        }
        publishDemo(today);
    }

    /**
     * A message of the Department of Health on the portal and as a loudspeaker bulletin for two communes, so that the
     * pages show something; the campaigns module's demo ties messages to a campaign.
     */
    private void publishDemo(LocalDate today) {
        var health = agencies.findByCode("SYT", today);
        if (health.isEmpty() || agencies.findByCode("22786", today).isEmpty()
                || agencies.findByCode("22759", today).isEmpty()) {
            return;
        }
        String title = "Tiêm vắc-xin sởi miễn phí cho trẻ từ 1 đến 5 tuổi";
        String text = "Trạm y tế các xã, phường tổ chức tiêm vắc-xin sởi miễn phí cho trẻ từ 1 đến 5 tuổi trong tháng "
                + "này. Phụ huynh mang theo sổ tiêm chủng đến trạm y tế gần nhất.";
        vn.loa.shared.Actor by = new vn.loa.shared.Actor("officer", "SYT");
        transactions.executeWithoutResult(status -> {
            publishing.enqueue(new vn.loa.publishing.Publication("demo:publishing-portal", null, "Tiêm chủng mở rộng",
                    health.get().id(), Channel.PORTAL, "vi", title, "<p>" + text + "</p>", List.of(), List.of(),
                    List.of(), clock.instant(), false), by);
            publishing.enqueue(new vn.loa.publishing.Publication("demo:publishing-loudspeaker", null,
                    "Tiêm chủng mở rộng", health.get().id(), Channel.LOUDSPEAKER, "vi", title, "Kính thưa bà con. "
                    + text + " Xin cảm ơn bà con đã lắng nghe.", List.of("22786", "22759"), List.of(), List.of(),
                    clock.instant(), false), by);
        });
    }
}

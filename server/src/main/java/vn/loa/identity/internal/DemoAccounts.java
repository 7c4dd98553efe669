package vn.loa.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.Users;
import vn.loa.identity.Users.NewUser;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.LocalTime;

/**
 * The demo accounts, all with the password {@code loa-demo}, each at an agency valid today. Created only on the embedded database
 * ({@code loa.demo.enabled}, set by the embedded database unless told otherwise), never on an external one.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "loa-demo";

    private record Demo(String username, String fullName, Role role, String agencyCode) {
    }

    // the province as it is today: Khánh Hòa after the July 2025 merger, with no district level; the user names
    // stay as they were ("district" now works at the commune that took over from Ninh Hải district)
    private static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "Quản trị hệ thống", Role.ADMIN, "SKHCN"),
            new Demo("leader", "Lãnh đạo UBND tỉnh", Role.LEADER, "56"),
            new Demo("coordinator", "Điều phối viên Sở Văn hóa, Thể thao và Du lịch", Role.COORDINATOR, "SVHTTDL"),
            new Demo("officer", "Cán bộ Sở Y tế", Role.OFFICER, "SYT"),
            new Demo("district", "Cán bộ UBND xã Ninh Hải", Role.OFFICER, "22852"),
            new Demo("spokesperson", "Người phát ngôn Sở Y tế", Role.SPOKESPERSON, "SYT"),
            new Demo("press", "Phóng viên Báo và Phát thanh, Truyền hình Khánh Hòa", Role.PRESS, "BPTTH"));

    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoAccounts(Users users, AgencyDirectory agencies, Clock clock) {
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        for (Demo demo : ACCOUNTS) {
            if (users.findByUsername(demo.username()).isPresent()) {
                continue;
            }
            AgencyId agency = agencies.findByCode(demo.agencyCode(), today).map(Agency::id).orElse(null);
            users.create(new NewUser(demo.username(), demo.fullName(), demo.username() + "@demo.loa.local", PASSWORD,
                    Set.of(demo.role()), agency), Actor.SYSTEM);
        }
    }
}

package vn.loa.identity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyContacts;
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

    static final String PASSWORD = DemoAccount.PASSWORD;

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    private final AgencyContacts contacts;
    private final JdbcAgencySigners signers;

    DemoAccounts(Users users, AgencyDirectory agencies, AgencyContacts contacts, JdbcAgencySigners signers, Clock clock) {
        this.signers = signers;
        this.users = users;
        this.agencies = agencies;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        for (DemoAccount demo : DemoAccount.ALL) {
            if (users.findByUsername(demo.username()).isPresent()) {
                continue;
            }
            AgencyId agency = agencies.findByCode(demo.agencyCode(), today).map(Agency::id).orElse(null);
            users.createDemoAccount(new NewUser(demo.username(), demo.fullName(), demo.username() + "@demo.loa.local",
                    PASSWORD, Set.of(demo.role()), agency));
        }
        // the Department of Health's desk answers the demo's information requests: its contact for citizens, marked as
        // the demo's own (not the department's real office)
        agencies.findByCode("SYT", today).filter(health -> contacts.of(health.id()).isEmpty())
                .ifPresent(health -> contacts.save(health.id(), new AgencyContacts.Contact(
                        "Trụ sở Sở Y tế (địa chỉ mẫu của bản trình diễn), tỉnh Khánh Hòa", "0258 000 0000",
                        "syt@demo.loa.local", "Thứ Hai đến Thứ Sáu, 7:30–11:30 và 13:30–17:00"), Actor.SYSTEM));
        // and the province's People's Committee's, through which a citizen reaches a unit that entered none of its own
        agencies.validOn(today).stream().filter(a -> a.kind() == vn.loa.identity.AgencyKind.PROVINCE)
                .filter(province -> contacts.of(province.id()).isEmpty()).findFirst()
                .ifPresent(province -> contacts.save(province.id(), new AgencyContacts.Contact(
                        "Bộ phận tiếp nhận và trả kết quả của tỉnh (địa chỉ mẫu của bản trình diễn), tỉnh Khánh Hòa",
                        "0258 000 0001", "tiepnhan@demo.loa.local", "Thứ Hai đến Thứ Sáu, 7:30–11:30 và 13:30–17:00"),
                        Actor.SYSTEM));
        // who signs the demo agencies' documents: names made up for the demo, the first of each its default signer
        agencies.validOn(today).stream().filter(a -> a.kind() == vn.loa.identity.AgencyKind.PROVINCE).findFirst()
                .ifPresent(province -> signers(province, "Nguyễn Văn An", "Chủ tịch", "Trần Thị Bình", "Phó Chủ tịch"));
        agencies.findByCode("SYT", today).ifPresent(health -> signers(health, "Lê Văn Cường", "Giám đốc", "Phạm Thị Dung",
                "Phó Giám đốc"));
        agencies.findByCode("22852", today).ifPresent(commune -> signers(commune, "Hoàng Văn Em", "Chủ tịch"));
        agencies.findByCode("22759", today).ifPresent(ward -> signers(ward, "Võ Thị Giang", "Chủ tịch"));
    }

    /** Demo signers (name, title, name, title...) for a unit that has none yet. */
    private void signers(Agency unit, String... namesAndTitles) {
        if (!signers.of(unit.id()).isEmpty()) {
            return;
        }
        for (int i = 0; i + 1 < namesAndTitles.length; i += 2) {
            signers.record(unit, namesAndTitles[i], namesAndTitles[i + 1], i == 0, Actor.SYSTEM);
        }
    }

    /** Says, once the server is ready, which accounts a first visitor can sign in with. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void sayWhoCanSignIn() {
        log.info("Demo accounts (password " + PASSWORD + "): " + String.join(", ",
                DemoAccount.ALL.stream().map(DemoAccount::username).toList()));
    }
}

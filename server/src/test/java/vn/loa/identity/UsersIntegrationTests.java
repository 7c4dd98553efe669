package vn.loa.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.loa.TestClock;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.identity.IdentityEvent.SignInFailed;
import vn.loa.identity.IdentityEvent.UserCreated;
import vn.loa.identity.IdentityEvent.UserLockedOut;
import vn.loa.identity.Users.NewUser;
import vn.loa.identity.Users.UserChanges;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

@SpringBootTest
@Import(TestClock.Config.class)
@ExtendWith(PublishedEventsExtension.class)
class UsersIntegrationTests {

    private static final Actor ADMIN = new Actor("admin", "STTTT");

    @Autowired
    Users users;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    IdentitySettings settings;

    private AgencyId health() {
        return agencies.findByCode("SYT", LocalDate.now(LocalTime.ZONE)).orElseThrow().id();
    }

    @Test
    void createsAnOfficerOfOneAgencyAndAuditsIt(PublishedEvents events) {
        String username = IdentityTestData.freshUsername("officer");
        UserAccount created = users.create(IdentityTestData.newUser(username, Role.OFFICER, health()), ADMIN);

        assertThat(created.roles()).containsExactly(Role.OFFICER);
        assertThat(created.agency()).isEqualTo(health());
        assertThat(events.ofType(UserCreated.class).matching(e -> e.username().equals(username))).hasSize(1);
        AuditRecord newest = audit.newest(1, null).get(0);
        assertThat(newest.action()).isEqualTo("user.created");
        assertThat(newest.actor()).isEqualTo("admin");
        assertThat(newest.details()).contains(username).doesNotContain("mat-khau");
    }

    @Test
    void storesPasswordsAsArgon2idHashes() {
        String username = IdentityTestData.freshUsername("hash");
        UserAccount created = users.create(IdentityTestData.newUser(username, Role.LEADER, null), ADMIN);
        assertThat(users.passwordHash(created.id()).orElseThrow()).startsWith("{argon2}$argon2id$");
    }

    @Test
    void refusesATakenUsernameAndSavesNothing() {
        String username = IdentityTestData.freshUsername("twice");
        users.create(IdentityTestData.newUser(username, Role.LEADER, null), ADMIN);
        long before = countUsers();

        assertThatThrownBy(() -> users.create(IdentityTestData.newUser(username.toUpperCase(), Role.LEADER, null), ADMIN))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("username");
                    assertThat(e.messageKey()).isEqualTo("user.error.username-taken");
                });
        assertThat(countUsers()).isEqualTo(before);
    }

    @Test
    void refusesAnInvalidEmailAndSavesNothing() {
        long before = countUsers();
        for (String email : List.of("khong-co-a-cong", "a@b", "two@@example.vn", "spaces in@example.vn")) {
            NewUser user = new NewUser(IdentityTestData.freshUsername("mail"), "Trần Thị B", email, "mat-khau-dai-1",
                    Set.of(Role.LEADER), null);
            assertThatThrownBy(() -> users.create(user, ADMIN)).as(email)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("email"));
        }
        assertThat(countUsers()).isEqualTo(before);
    }

    @Test
    void theDemosPasswordIsForTheDemosAccountsOnly() {
        String username = IdentityTestData.freshUsername("demo");
        NewUser demo = new NewUser(username, "Tài khoản mẫu", username + "@demo.loa.local",
                vn.loa.identity.internal.DemoAccount.PASSWORD, Set.of(Role.LEADER), null);
        assertThatThrownBy(() -> users.create(demo, ADMIN))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("password");
                    assertThat(e.messageKey()).isEqualTo("user.error.password-common");
                });
        assertThatThrownBy(() -> users.createDemoAccount(new NewUser(username, "Tài khoản mẫu",
                username + "@demo.loa.local", "12345678", Set.of(Role.LEADER), null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(users.findByUsername(username)).isEmpty();
        assertThat(users.createDemoAccount(demo).username()).isEqualTo(username);
    }

    @Test
    void aChangedPasswordFollowsTheSameRulesAsANewOne() {
        String username = IdentityTestData.freshUsername("doimk");
        UserAccount user = users.create(IdentityTestData.newUser(username, Role.LEADER, null), ADMIN);
        Actor self = new Actor(username, null);
        assertThatThrownBy(() -> users.changePassword(user.id(), "mat-khau-dai-1", "12345678", self))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("newPassword");
                    assertThat(e.messageKey()).isEqualTo("user.error.password-sequence");
                });
        assertThatThrownBy(() -> users.changePassword(user.id(), "mat-khau-dai-1", "Mới-" + username, self))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.password-username"));
        users.changePassword(user.id(), "mat-khau-dai-1", "mat-khau-rieng-cua-toi", self);
        // a reset draws a password that passes them too
        String temporary = users.resetPassword(user.id(), ADMIN);
        assertThat(new PasswordRules().weakness(temporary, username)).isEmpty();
    }

    @Test
    void aPressAccountIsAJournalistsOnlyAndOfAPressAgency() {
        AgencyId paper = agencies.findByCode("BPTTH", LocalDate.now(LocalTime.ZONE)).orElseThrow().id();
        NewUser both = new NewUser(IdentityTestData.freshUsername("pvcanbo"), "Nguyễn Văn Thử", "pv@example.gov.vn",
                "mat-khau-dai-1", java.util.Set.of(Role.PRESS, Role.OFFICER), paper);
        assertThatThrownBy(() -> users.create(both, ADMIN)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.messageKey()).isEqualTo("user.error.press-alone"));
        NewUser atADepartment = IdentityTestData.newUser(IdentityTestData.freshUsername("pvsyt"), Role.PRESS, health());
        assertThatThrownBy(() -> users.create(atADepartment, ADMIN)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.messageKey()).isEqualTo("user.error.press-agency"));
        assertThat(users.create(IdentityTestData.newUser(IdentityTestData.freshUsername("pvbao"), Role.PRESS, paper), ADMIN)
                .roles()).containsExactly(Role.PRESS);
    }

    @Test
    void anOfficerNeedsAnAgency() {
        NewUser user = IdentityTestData.newUser(IdentityTestData.freshUsername("noagency"), Role.OFFICER, null);
        assertThatThrownBy(() -> users.create(user, ADMIN))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("agency"));
    }

    @Test
    void locksAnAccountAfterTheConfiguredFailuresAndUnlocksWhenTheLockoutEnds(PublishedEvents events) {
        String username = IdentityTestData.freshUsername("locked");
        users.create(IdentityTestData.newUser(username, Role.LEADER, null), ADMIN);

        for (int i = 1; i < settings.maxFailedSignIns(); i++) {
            assertThat(users.recordFailedSignIn(username, "bad-credentials", "127.0.0.1")).isFalse();
        }
        assertThat(users.findByUsername(username).orElseThrow().lockedAt(clock.instant())).isFalse();
        assertThat(users.recordFailedSignIn(username, "bad-credentials", "127.0.0.1")).isTrue();
        assertThat(users.findByUsername(username).orElseThrow().lockedAt(clock.instant())).isTrue();
        assertThat(events.ofType(UserLockedOut.class).matching(e -> e.username().equals(username))).hasSize(1);

        // wrong passwords while locked do not make the lock longer
        java.time.Instant until = users.findByUsername(username).orElseThrow().lockedUntil();
        clock.advance(Duration.ofMinutes(1));
        assertThat(users.recordFailedSignIn(username, "bad-credentials", "127.0.0.1")).isFalse();
        assertThat(users.findByUsername(username).orElseThrow().lockedUntil()).isEqualTo(until);
        assertThat(events.ofType(UserLockedOut.class).matching(e -> e.username().equals(username))).hasSize(1);
        List<String> reasons = new java.util.ArrayList<>(
                java.util.Collections.nCopies(settings.maxFailedSignIns(), "wrong-password"));
        reasons.add("wrong-password-locked");
        assertThat(events.ofType(SignInFailed.class).matching(e -> e.attemptedUsername().equals(username)))
                .extracting(SignInFailed::reason).containsExactlyElementsOf(reasons);

        clock.advance(settings.lockout());
        assertThat(users.findByUsername(username).orElseThrow().lockedAt(clock.instant())).isFalse();
        assertThat(users.recordFailedSignIn(username, "bad-credentials", "127.0.0.1"))
                .as("the count starts again after a lock-out ends").isFalse();
    }

    @Test
    void anAdministratorCannotDisableThemselvesOrDropTheirOwnAdminRole() {
        String username = IdentityTestData.freshUsername("self");
        UserAccount admin = users.create(IdentityTestData.newUser(username, Role.ADMIN, null), ADMIN);
        Actor self = new Actor(username, null);

        assertThatThrownBy(() -> users.disable(admin.id(), self)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> users.update(admin.id(),
                new UserChanges(admin.fullName(), admin.email(), Set.of(Role.LEADER), null), self))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void disablingAndEnablingAreAudited() {
        String username = IdentityTestData.freshUsername("toggle");
        UserAccount user = users.create(IdentityTestData.newUser(username, Role.LEADER, null), ADMIN);
        users.disable(user.id(), ADMIN);
        assertThat(users.find(user.id()).orElseThrow().enabled()).isFalse();
        assertThat(audit.newest(1, null).get(0).action()).isEqualTo("user.disabled");
        users.enable(user.id(), ADMIN);
        assertThat(users.find(user.id()).orElseThrow().enabled()).isTrue();
        assertThat(audit.newest(1, null).get(0).action()).isEqualTo("user.enabled");
    }

    private long countUsers() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }
}

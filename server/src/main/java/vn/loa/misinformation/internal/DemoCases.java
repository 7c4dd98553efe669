package vn.loa.misinformation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import vn.loa.misinformation.Case;
import vn.loa.misinformation.Cases;
import vn.loa.platform.DemoReplay;

/**
 * Demo mode only, once: two cases worked through the desk by the demo accounts, so that the desk and
 * the public site are not empty on the first visit: the demo's largest story about the Department of
 * Health, answered with a clarification and published; and a case just received, waiting for triage. The answered
 * case is recorded over the day before the demo is loaded, step by step as a desk would work it (opened, triaged and
 * assigned within the hour, answered the next morning), so that the desk's median time reads as a day's work, not as
 * "under a minute".
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoCases implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoCases(JdbcClient jdbc, Cases cases, Users users, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM misinformation_case").query(Long.class).single() > 0) {
            return;
        }
        Optional<SignedInUser> coordinator = user("coordinator");
        Optional<SignedInUser> officer = user("officer");
        Optional<SignedInUser> spokesperson = user("spokesperson");
        if (coordinator.isEmpty() || officer.isEmpty() || spokesperson.isEmpty()) {
            return;
        }
        Optional<Long> story = jdbc.sql("""
                SELECT p.story_id FROM post p JOIN post_source s ON s.id = p.source_id
                 WHERE s.code LIKE 'demo-%' AND p.story_id IS NOT NULL AND 'SYT' = ANY (p.agencies)
                 GROUP BY p.story_id ORDER BY count(*) DESC, p.story_id LIMIT 1
                """).query(Long.class).optional();
        if (story.isPresent()) {
            // opened an hour after the story's first post, or 26 hours ago if that was earlier; answered 20 hours later
            Instant now = clock.instant();
            Instant first = jdbc.sql("SELECT min(published_at) FROM post WHERE story_id = ?").param(story.get())
                    .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(now);
            Instant opened = max(first.plus(Duration.ofHours(1)), now.minus(Duration.ofHours(26)));
            if (opened.isAfter(now.minus(Duration.ofHours(22)))) {
                opened = now.minus(Duration.ofHours(22));
            }
            Instant start = opened;
            long id = DemoReplay.at(start, () -> cases.open(new Cases.NewCase(
                    "Bệnh viện không trả hồ sơ bệnh án cho người bệnh khi xuất viện", "GRIEVANCE", "MEDIUM", List.of(),
                    story.get(), null, "SYT"), coordinator.get())).id();
            DemoReplay.at(start.plus(Duration.ofMinutes(25)), () -> cases.act(id, transition("TRIAGE"), coordinator.get()));
            DemoReplay.at(start.plus(Duration.ofMinutes(40)), () -> cases.act(id,
                    new Cases.Transition("ASSIGN", null, null, "SYT", "officer", null, null, null, null), coordinator.get()));
            DemoReplay.at(start.plus(Duration.ofMinutes(95)), () -> cases.act(id, transition("START_VERIFICATION"),
                    officer.get()));
            DemoReplay.at(start.plus(Duration.ofHours(4)), () -> cases.addNote(id, new Cases.NoteForm("Đối chiếu quy định về "
                    + "hồ sơ bệnh án và việc cấp giấy ra viện, tóm tắt hồ sơ bệnh án cho người bệnh.",
                    "Phòng Nghiệp vụ Y, Sở Y tế", ""), officer.get()));
            DemoReplay.at(start.plus(Duration.ofHours(18)), () -> cases.act(id, new Cases.Transition("SUBMIT_ANSWER", null,
                    null, null, null, "CLARIFICATION",
                    "(Dữ liệu trình diễn) Khi ra viện, người bệnh được cấp giấy ra viện và, khi có yêu cầu, bản tóm tắt hồ sơ "
                            + "bệnh án cùng các kết quả cận lâm sàng; bản gốc hồ sơ bệnh án do bệnh viện lưu trữ. Người bệnh "
                            + "chưa được cấp có thể liên hệ đường dây nóng của Sở Y tế.", null, null), officer.get()));
            DemoReplay.at(start.plus(Duration.ofHours(20)), () -> cases.act(id, transition("APPROVE"), spokesperson.get()));
        }
        cases.open(new Cases.NewCase("Tin nhắn mạo danh Sở Y tế yêu cầu người dân chuyển tiền để nhận hỗ trợ bảo hiểm y tế",
                "FALSE_INFORMATION", "HIGH", List.of(), null, null, null), coordinator.get());
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Cases.Transition transition(String action) {
        return new Cases.Transition(action, null, null, null, null, null, null, null, null);
    }

    private Optional<SignedInUser> user(String username) {
        return users.findByUsername(username).filter(UserAccount::enabled).map(account -> new SignedInUser(account.id(),
                account.username(), account.fullName(), account.agency(),
                account.agency() == null ? null : agencies.find(account.agency()).map(a -> a.code()).orElse(null),
                account.roles()));
    }
}

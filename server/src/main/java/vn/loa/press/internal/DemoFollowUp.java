package vn.loa.press.internal;

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
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.press.Crises;
import vn.loa.press.CrisisSource;
import vn.loa.press.MediaDirectory;
import vn.loa.press.Obligation;
import vn.loa.press.Obligations;
import vn.loa.press.StatementChannel;
import vn.loa.press.StatementForm;
import vn.loa.press.Statements;
import vn.loa.shared.LocalTime;

/**
 * Demo mode only, once, after the desk's own demo data: the Department of Health's own rule of a press conference every
 * quarter, which it did not hold last quarter (the compliance view shows it missing) while the provincial People's
 * Committee did; a conference planned next week; a crisis waiting for its first statement; a correction request
 * watched in the news.
 */
@Component
@Order(46)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoFollowUp implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Obligations obligations;
    private final Crises crises;
    private final Statements statements;
    private final MediaDirectory media;
    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoFollowUp(JdbcClient jdbc, Obligations obligations, Crises crises, Statements statements, MediaDirectory media,
            Users users, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.obligations = obligations;
        this.crises = crises;
        this.statements = statements;
        this.media = media;
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM press_conference").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        Optional<SignedInUser> admin = user("admin");
        Optional<SignedInUser> coordinator = user("coordinator");
        Optional<SignedInUser> officer = user("officer");
        Optional<SignedInUser> spokesperson = user("spokesperson");
        Optional<Agency> province = agencies.validOn(today).stream().filter(a -> a.kind() == AgencyKind.PROVINCE).findFirst();
        if (admin.isEmpty() || coordinator.isEmpty() || province.isEmpty() || agencies.findByCode("SYT", today).isEmpty()) {
            return;
        }
        obligations.enterRule(new Obligations.Rule(null, "SYT", null, Obligation.PRESS_CONFERENCE, 3,
                LocalDate.of(2025, 7, 1), null, false,
                "Quy chế phát ngôn và cung cấp thông tin cho báo chí của Sở Y tế: họp báo mỗi quý (dữ liệu trình diễn)"),
                admin.get());
        List<Long> invited = media.outlets(today).stream().map(MediaDirectory.Outlet::id).toList();
        LocalDate lastQuarter = JdbcObligations.periodStart(today, 3).minusMonths(3);
        Obligations.Conference held = obligations.schedule(new Obligations.Plan(province.get().code(),
                "Họp báo định kỳ của UBND tỉnh (dữ liệu trình diễn)",
                lastQuarter.plusMonths(1).plusDays(9).atTime(15, 0).atZone(LocalTime.ZONE).toInstant(),
                "Hội trường UBND tỉnh", "1. Tình hình kinh tế - xã hội trong quý.\n2. Trả lời câu hỏi của báo chí.",
                invited, null), coordinator.get());
        obligations.recordHeld(held.id(), new Obligations.Held("Báo cáo tình hình kinh tế - xã hội quý (12 trang)",
                "Chủ trì họp báo phát biểu khai mạc và thông tin về tình hình kinh tế - xã hội trong quý.",
                List.of(new Obligations.Question("Báo và PT-TH Khánh Hòa", "Tiến độ giải ngân vốn đầu tư công?",
                        "Đến cuối quý đã giải ngân 68% kế hoạch vốn."),
                        new Obligations.Question("Báo Tuổi Trẻ", "Giải pháp giảm quá tải bệnh viện tỉnh?", null))),
                coordinator.get());
        obligations.schedule(new Obligations.Plan("SYT", "Họp báo về phòng chống sốt xuất huyết (dữ liệu trình diễn)",
                today.plusDays(7).atTime(9, 0).atZone(LocalTime.ZONE).toInstant(), "Sở Y tế",
                "Tình hình dịch sốt xuất huyết và các biện pháp phòng chống.", invited, null), coordinator.get());
        crises.open(new Crises.Opening(CrisisSource.MANUAL, null, "SYT",
                "Nghi ngộ độc thực phẩm tại bếp ăn tập thể khu công nghiệp (dữ liệu trình diễn)",
                "Khoảng 40 công nhân nhập viện sau bữa trưa; các bệnh viện đang tiếp nhận điều trị."), coordinator.get());
        if (officer.isPresent() && spokesperson.isPresent() && !media.outlets(today).isEmpty()) {
            long outlet = media.outlets(today).getFirst().id();
            var request = statements.draft(new Statements.Draft("SYT", StatementForm.CORRECTION_REQUEST,
                    StatementChannel.LETTER, "Đề nghị cải chính thông tin về số giường bệnh (dữ liệu trình diễn)",
                    "Bệnh viện Đa khoa tỉnh hiện có 1.200 giường bệnh kế hoạch và 1.450 giường thực kê, không phải 800 giường"
                            + " như bài báo đã nêu.", outlet, null), officer.get());
            statements.publish(request.id(), spokesperson.get());
        }
    }

    private Optional<SignedInUser> user(String username) {
        return users.findByUsername(username).filter(UserAccount::enabled).map(account -> new SignedInUser(account.id(),
                account.username(), account.fullName(), account.agency(),
                account.agency() == null ? null : agencies.find(account.agency()).map(a -> a.code()).orElse(null),
                account.roles()));
    }
}

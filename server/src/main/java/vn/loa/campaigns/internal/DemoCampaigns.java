package vn.loa.campaigns.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.campaigns.Audience;
import vn.loa.campaigns.Campaign;
import vn.loa.campaigns.Campaigns;
import vn.loa.campaigns.Message;
import vn.loa.campaigns.MessageAction;
import vn.loa.campaigns.Messages;
import vn.loa.campaigns.Plan;
import vn.loa.campaigns.Version;
import vn.loa.campaigns.VersionKind;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.platform.DemoReplay;
import vn.loa.publishing.Channel;
import vn.loa.shared.LocalTime;

/**
 * Demo mode only, once: the Department of Health's communication plan for 2026 with the campaign "Bảo hiểm y tế cho
 * người cao tuổi" in four communes (two Chăm, one Raglai), both recorded a week before the campaign began
 * ({@link DemoReplay}), one message written by the demo {@code officer} with its
 * portal, SMS, loudspeaker and billboard versions, submitted for review (the {@code spokesperson} or the
 * {@code leader} approves it), and its loudspeaker bulletin's Chăm translation assigned to the commune officer
 * {@code district}. The text is made up for the demonstration.
 */
@Component
@Order(46)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoCampaigns implements ApplicationRunner {

    private static final List<String> COMMUNES = List.of("22852", "22873", "22891", "22795", "22759");

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Messages messages;
    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoCampaigns(JdbcClient jdbc, Campaigns campaigns, Messages messages, Users users, AgencyDirectory agencies,
            Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.messages = messages;
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM campaign_plan").query(Long.class).single() > 0) {
            return;
        }
        Optional<SignedInUser> officer = user("officer");
        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        if (officer.isEmpty() || agencies.findByCode("SYT", today).isEmpty()) {
            return;
        }
        // planned a week before it began (DemoReplay: recorded at that time, as its first message is on its first day)
        Instant planned = start(today).minusDays(7).atTime(9, 0).atZone(LocalTime.ZONE).toInstant();
        Plan plan = DemoReplay.at(planned, () -> campaigns.createPlan("SYT", start(today).getYear(),
                "Kế hoạch truyền thông chính sách y tế năm " + start(today).getYear(), officer.get()));
        List<String> communes = COMMUNES.stream().filter(code -> agencies.findByCode(code, today)
                .filter(a -> a.kind() == AgencyKind.COMMUNE).isPresent()).toList();
        Campaign campaign = DemoReplay.at(planned, () -> campaigns.create(plan.id(), new Campaigns.Draft(
                "Bảo hiểm y tế cho người cao tuổi",
                "Hỗ trợ mua thẻ bảo hiểm y tế cho người cao tuổi",
                "Đến hết quý I/2027, ít nhất 95% người từ đủ 60 tuổi trên địa bàn tỉnh có thẻ bảo hiểm y tế; người cao tuổi"
                        + " ở xã vùng đồng bào Chăm, Raglai biết nơi đăng ký và mức hỗ trợ.",
                "Người từ đủ 60 tuổi được hỗ trợ tiền mua thẻ bảo hiểm y tế.\nĐăng ký tại trạm y tế hoặc UBND xã, phường.\n"
                        + "Có thẻ bảo hiểm y tế, khám chữa bệnh đúng tuyến được thanh toán theo quy định.",
                List.of(Audience.ELDERLY, Audience.ETHNIC_MINORITIES, Audience.REMOTE_COMMUNES, Audience.CHOSEN_COMMUNES),
                communes, List.of(Channel.PORTAL, Channel.SMS, Channel.LOUDSPEAKER, Channel.BILLBOARD),
                List.of("SYT"), start(today), start(today).plusMonths(4),
                "Kinh phí truyền thông giáo dục sức khỏe năm 2026 (dữ liệu trình diễn)", 150_000_000L,
                List.of("bảo hiểm y tế", "BHYT", "thẻ bảo hiểm y tế", "người cao tuổi")), officer.get()));
        Message message = messages.write(campaign.id(), "Người cao tuổi được hỗ trợ mua thẻ bảo hiểm y tế",
                "Từ ngày 01/01/2027, người từ đủ 60 tuổi chưa có thẻ bảo hiểm y tế được ngân sách tỉnh hỗ trợ một phần tiền"
                        + " mua thẻ. Người dân mang căn cước đến trạm y tế hoặc bộ phận một cửa của UBND xã, phường để đăng"
                        + " ký. Có thẻ bảo hiểm y tế, người cao tuổi được khám chữa bệnh và cấp thuốc theo quy định."
                        + " (Dữ liệu trình diễn)",
                null, officer.get());
        messages.saveVersion(message.id(), VersionKind.PORTAL_ARTICLE, "Người cao tuổi được hỗ trợ mua thẻ bảo hiểm y tế",
                "<p>Từ ngày <strong>01/01/2027</strong>, người từ đủ 60 tuổi chưa có thẻ bảo hiểm y tế được ngân sách tỉnh"
                        + " hỗ trợ một phần tiền mua thẻ.</p><p>Người dân mang căn cước đến <strong>trạm y tế</strong> hoặc bộ"
                        + " phận một cửa của UBND xã, phường để đăng ký.</p><p><em>Dữ liệu trình diễn.</em></p>",
                null, null, officer.get());
        messages.saveVersion(message.id(), VersionKind.SMS, null,
                "So Y te Khanh Hoa: Nguoi tu du 60 tuoi chua co the BHYT duoc ho tro tien mua the tu 01/01/2027. Dang ky tai"
                        + " tram y te xa, phuong.", null, null, officer.get());
        Version loudspeaker = messages.saveVersion(message.id(), VersionKind.LOUDSPEAKER, "Bản tin bảo hiểm y tế",
                "Kính thưa bà con! Sở Y tế thông báo: từ ngày mùng một tháng một năm hai nghìn không trăm hai mươi bảy,"
                        + " ông bà từ sáu mươi tuổi trở lên chưa có thẻ bảo hiểm y tế sẽ được tỉnh hỗ trợ tiền mua thẻ."
                        + " Bà con mang theo căn cước, đến trạm y tế xã để được hướng dẫn đăng ký. Có thẻ bảo hiểm y tế,"
                        + " ông bà đi khám bệnh, lấy thuốc được thanh toán theo quy định. Xin bà con chú ý lắng nghe và báo"
                        + " cho ông bà, cha mẹ trong nhà cùng biết.", null, null, officer.get());
        messages.saveVersion(message.id(), VersionKind.BILLBOARD, null,
                "BẢO HIỂM Y TẾ\nCHO NGƯỜI TỪ 60 TUỔI\nHỖ TRỢ TỪ 01/01/2027\nĐĂNG KÝ TẠI TRẠM Y TẾ", null, null, officer.get());
        if (users.findByUsername("district").filter(UserAccount::enabled).isPresent()) {
            messages.assignTranslation(loudspeaker.id(), "cjm", "district", officer.get());
        }
        messages.act(message.id(), MessageAction.SUBMIT, null, null, officer.get());
    }

    /** The demo campaign began ten days before the demo was loaded, so that its effect has days to show. */
    static LocalDate start(LocalDate today) {
        return today.minusDays(10);
    }

    private Optional<SignedInUser> user(String username) {
        return users.findByUsername(username).filter(UserAccount::enabled).map(account -> new SignedInUser(account.id(),
                account.username(), account.fullName(), account.agency(),
                account.agency() == null ? null : agencies.find(account.agency()).map(a -> a.code()).orElse(null),
                account.roles()));
    }
}

package vn.loa.press.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
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
import vn.loa.press.ContactPreference;
import vn.loa.press.Enquiries;
import vn.loa.press.EnquiryKind;
import vn.loa.press.MediaDirectory;
import vn.loa.press.OutletKind;
import vn.loa.press.SpeakerCapacity;
import vn.loa.press.Spokespersons;
import vn.loa.press.Statement;
import vn.loa.press.StatementChannel;
import vn.loa.press.StatementForm;
import vn.loa.press.Statements;
import vn.loa.shared.LocalTime;

/**
 * Demo mode only, once: who speaks for the provincial People's Committee and its departments (all but the Provincial
 * Inspectorate, which the desk flags), the Department of Health's spokesperson being the demo account
 * {@code spokesperson}; the chairmen of the demo's communes and wards, Phan Rang's being the demo account
 * {@code chu-tich-phan-rang}; a few press agencies and the journalist behind the demo account {@code press}; the questions
 * that journalist sent the Department of Health about overcrowded hospitals and Bác Ái Tây, whose chairman has no
 * account, about water; and one press release on the portal. The people
 * are made up; their e-mail addresses say it is demo data.
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoPress implements ApplicationRunner {

    /** Agency, capacity, name, title, Loa account. */
    private record Speaker(String agency, SpeakerCapacity capacity, String name, String title, String username) {
    }

    private static final List<Speaker> SPEAKERS = List.of(
            new Speaker("56", SpeakerCapacity.SPOKESPERSON, "Nguyễn Thành Long", "Chánh Văn phòng UBND tỉnh", null),
            new Speaker("VPUBND", SpeakerCapacity.HEAD, "Đoàn Văn Thắng", "Chánh Văn phòng", null),
            new Speaker("SNV", SpeakerCapacity.HEAD, "Lê Văn Hòa", "Giám đốc", null),
            new Speaker("STP", SpeakerCapacity.SPOKESPERSON, "Phạm Thị Thu", "Phó Giám đốc", null),
            new Speaker("STC", SpeakerCapacity.SPOKESPERSON, "Trần Quốc Bảo", "Phó Giám đốc", null),
            new Speaker("SCT", SpeakerCapacity.HEAD, "Võ Minh Tâm", "Giám đốc", null),
            new Speaker("SNNMT", SpeakerCapacity.SPOKESPERSON, "Đặng Văn Khoa", "Phó Giám đốc", null),
            new Speaker("SXD", SpeakerCapacity.HEAD, "Huỳnh Tấn Phát", "Giám đốc", null),
            new Speaker("SKHCN", SpeakerCapacity.SPOKESPERSON, "Ngô Thị Lan", "Phó Giám đốc", null),
            new Speaker("SGDDT", SpeakerCapacity.SPOKESPERSON, "Bùi Thanh Hải", "Phó Giám đốc", null),
            new Speaker("SYT", SpeakerCapacity.HEAD, "Phan Văn Thịnh", "Giám đốc", null),
            new Speaker("SYT", SpeakerCapacity.SPOKESPERSON, "Trần Minh Đức", "Phó Giám đốc", "spokesperson"),
            new Speaker("SVHTTDL", SpeakerCapacity.SPOKESPERSON, "Lý Thị Ngọc", "Phó Giám đốc", null),
            new Speaker("SDTTG", SpeakerCapacity.HEAD, "Châu Văn Sơn", "Giám đốc", null),
            // communes and wards: the chairman speaks by law; Phan Rang's has an account, Bác Ái Tây's and Ninh Hải's not
            new Speaker("22759", SpeakerCapacity.HEAD, "Lưu Quang Vinh", "Chủ tịch UBND phường Phan Rang", "chu-tich-phan-rang"),
            new Speaker("22786", SpeakerCapacity.HEAD, "Cao Thị Hoa", "Chủ tịch UBND xã Bác Ái Tây", null),
            new Speaker("22852", SpeakerCapacity.HEAD, "Trương Văn Lộc", "Chủ tịch UBND xã Ninh Hải", null));

    private final JdbcClient jdbc;
    private final Spokespersons registry;
    private final MediaDirectory media;
    private final Enquiries enquiries;
    private final Statements statements;
    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoPress(JdbcClient jdbc, Spokespersons registry, MediaDirectory media, Enquiries enquiries, Statements statements,
            Users users, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.media = media;
        this.enquiries = enquiries;
        this.statements = statements;
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM press_spokesperson").query(Long.class).single() > 0) {
            return;
        }
        Optional<SignedInUser> coordinator = user("coordinator");
        Optional<SignedInUser> officer = user("officer");
        Optional<SignedInUser> spokesperson = user("spokesperson");
        Optional<SignedInUser> press = user("press");
        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        if (coordinator.isEmpty() || agencies.findByCode("SYT", today).isEmpty()) {
            return;
        }
        LocalDate from = LocalDate.of(2025, 7, 1);
        int n = 0;
        for (Speaker s : SPEAKERS) {
            if (agencies.findByCode(s.agency(), today).isPresent()) {
                n++;
                registry.appoint(new Spokespersons.Appointment(s.agency(), s.capacity(), null, s.name(), s.title(),
                        "0258 3820 " + (100 + n), "phatngon." + s.agency().toLowerCase(Locale.ROOT) + "@demo.loa.local",
                        s.username() != null && users.findByUsername(s.username()).isPresent() ? s.username() : null, from,
                        null), coordinator.get());
            }
        }
        MediaDirectory.Outlet province = media.addOutlet(new MediaDirectory.Outlet(null,
                "Báo và Phát thanh, Truyền hình Khánh Hòa", OutletKind.BROADCASTER, "BPTTH", "toasoan.bptth@demo.loa.local",
                from, null), coordinator.get());
        MediaDirectory.Outlet daily = media.addOutlet(new MediaDirectory.Outlet(null, "Báo Tuổi Trẻ (văn phòng miền Trung)",
                OutletKind.NEWSPAPER, null, "mientrung.tuoitre@demo.loa.local", from, null), coordinator.get());
        media.addOutlet(new MediaDirectory.Outlet(null, "Thông tấn xã Việt Nam (cơ quan thường trú)", OutletKind.NEWS_AGENCY,
                null, "thuongtru.ttxvn@demo.loa.local", from, null), coordinator.get());
        if (press.isPresent()) {
            media.addJournalist(new MediaDirectory.Journalist(null, province.id(), null, press.get().fullName(), "press",
                    "press@demo.loa.local", "0905 111 222", List.of("y tế", "xã hội"), ContactPreference.LOA, true, from, null),
                    coordinator.get());
        }
        media.addJournalist(new MediaDirectory.Journalist(null, daily.id(), null, "Hồ Thị Mai Anh", null,
                "maianh.phongvien@demo.loa.local", "0914 333 444", List.of("giáo dục", "giao thông"), ContactPreference.EMAIL,
                true, from, null), coordinator.get());
        if (press.isPresent()) {
            enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, null, null, null, null, null,
                    "Tình trạng quá tải tại bệnh viện tuyến tỉnh",
                    "Phóng viên ghi nhận nhiều bệnh nhân phải nằm ghép giường tại Bệnh viện Đa khoa tỉnh trong tuần này."
                            + " Xin Sở Y tế cho biết nguyên nhân quá tải, số giường hiện có và các giải pháp giảm quá tải trong"
                            + " thời gian tới. (Dữ liệu trình diễn)", null), press.get());
        }
        if (press.isPresent() && agencies.findByCode("22786", today).isPresent()) {
            // a question to a commune where nobody holds the spokesperson role: the desk and the coordinator's home page
            // flag it, and a coordinator may approve in the commune's place
            enquiries.submit(new Enquiries.Question("22786", EnquiryKind.ROUTINE, null, null, null, null, null,
                    "Nước sinh hoạt tại các thôn vùng cao",
                    "Người dân một số thôn phản ánh thiếu nước sinh hoạt trong mùa khô. Xin UBND xã cho biết kế hoạch cấp"
                            + " nước và thời gian thực hiện. (Dữ liệu trình diễn)", null), press.get());
        }
        if (officer.isPresent() && spokesperson.isPresent()) {
            Statement release = statements.draft(new Statements.Draft("SYT", StatementForm.PRESS_RELEASE, StatementChannel.PORTAL,
                    "Sở Y tế khuyến cáo phòng chống sốt xuất huyết mùa mưa (dữ liệu trình diễn)",
                    "Sở Y tế khuyến cáo người dân chủ động diệt lăng quăng, bọ gậy, ngủ màn kể cả ban ngày và đến cơ sở y tế"
                            + " khi sốt cao liên tục. Các trạm y tế xã, phường tiếp nhận khám miễn phí trong tháng cao điểm.",
                    null, null), officer.get());
            statements.publish(release.id(), spokesperson.get());
        }
    }

    private Optional<SignedInUser> user(String username) {
        return users.findByUsername(username).filter(UserAccount::enabled).map(account -> new SignedInUser(account.id(),
                account.username(), account.fullName(), account.agency(),
                account.agency() == null ? null : agencies.find(account.agency()).map(a -> a.code()).orElse(null),
                account.roles()));
    }
}

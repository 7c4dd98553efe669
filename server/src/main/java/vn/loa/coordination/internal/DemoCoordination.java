package vn.loa.coordination.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.coordination.Difficulties;
import vn.loa.coordination.Directive;
import vn.loa.coordination.Directives;
import vn.loa.coordination.Recurrence;
import vn.loa.coordination.Task;
import vn.loa.coordination.Tasks;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.shared.LocalTime;

/**
 * The demo's directive: the Ninh Thuận People's Committee's official letter of May 2023 on strengthening policy
 * communication after Directive 07/CT-TTg (its number and date are placeholders, its text written for the demo: see
 * {@code coordination/demo/README.md}), broken into tasks for the 2023 departments, districts and press agencies; the
 * tasks passed to the 2025 successors by the succession of 01/07/2025; past periods mostly done on time, some late, the
 * current ones in progress, one overdue for the demo commune (22852) escalated, a progress report and a difficulty of
 * that commune still waiting for an answer.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoCoordination implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCoordination.class);
    static final String NUMBER = "1790/UBND-VXNV";
    static final LocalDate ISSUED = LocalDate.of(2023, 5, 26);
    private static final LocalDate SUCCESSION = LocalDate.of(2025, 7, 1);

    private final JdbcClient jdbc;
    private final Directives directives;
    private final Tasks tasks;
    private final Difficulties difficulties;
    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoCoordination(JdbcClient jdbc, Directives directives, Tasks tasks, Difficulties difficulties, Users users,
            AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.directives = directives;
        this.tasks = tasks;
        this.difficulties = difficulties;
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    private Optional<SignedInUser> user(String username) {
        return users.findByUsername(username).filter(UserAccount::enabled)
                .map(a -> new SignedInUser(a.id(), a.username(), a.fullName(), a.agency(),
                        a.agency() == null ? null : agencies.find(a.agency()).map(x -> x.code()).orElse(null), a.roles()));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM coord_directive WHERE number = ?").param(NUMBER).query(Long.class).single() > 0
                || agencies.findByCode("STTTT", ISSUED).isEmpty() || agencies.findByCode("58", ISSUED).isEmpty()) {
            return;
        }
        Optional<SignedInUser> coordinator = user("coordinator");
        if (coordinator.isEmpty()) {
            return;
        }
        SignedInUser by = coordinator.get();
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        Directive d = directives.create(new Directives.NewDirective("Công văn", NUMBER, ISSUED, "58",
                "Phó Chủ tịch Ủy ban nhân dân tỉnh (người ký giả định)",
                "V/v tăng cường công tác truyền thông chính sách theo Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng"
                        + " Chính phủ",
                "Dữ liệu trình diễn: số, ngày của công văn là giả định và nội dung do Loa viết lại theo các mục của công văn"
                        + " tháng 5/2023 của UBND tỉnh Ninh Thuận; không phải văn bản thật.",
                body(), null, null), by);
        long id = d.id();
        // the 2023 text sends reports through a department that has since ended: a task passed on in 2025 still reads
        // it, so it is named as history, with its last day as the directory records it
        Agency information = agencies.findByCode("STTTT", ISSUED).orElseThrow();
        String until = information.validTo() == null ? "" : "đến " + LocalTime.format(information.validTo());
        // clause 1: the Department of Information and Communications watches public opinion and reports each quarter
        add(id, by, "1", "Theo dõi, phân tích, dự báo dư luận xã hội và các vấn đề người dân quan tâm; cảnh báo sớm thông"
                + " tin tiêu cực, sai sự thật", "Bản tin tổng hợp dư luận hằng tuần gửi lãnh đạo tỉnh", List.of("STTTT"),
                List.of("CAT"), Recurrence.ONCE, null, null, false);
        add(id, by, "1", "Báo cáo UBND tỉnh kết quả công tác truyền thông chính sách hằng quý",
                "Báo cáo quý gửi UBND tỉnh", List.of("STTTT"), List.of(), Recurrence.QUARTERLY, 15, null, true);
        List<String> departments = List.of("SYT", "SGDDT", "STNMT", "SLDTBXH", "SVHTTDL");
        add(id, by, "1", "Phân công người phát ngôn, cán bộ đầu mối truyền thông chính sách; gửi danh sách về "
                + information.nameVi() + (until.isEmpty() ? "" : " (" + until + ")"),
                "Quyết định phân công người phát ngôn, cán bộ đầu mối", departments, List.of(),
                Recurrence.ONCE, LocalDate.of(2023, 6, 30), null, null, false);
        add(id, by, "1, 3", "Xây dựng kế hoạch truyền thông chính sách hằng năm của ngành",
                "Kế hoạch truyền thông chính sách năm được phê duyệt", departments, List.of("STTTT"), Recurrence.YEARLY, 31, 1,
                false);
        add(id, by, "1", "Cung cấp thông tin, trả lời báo chí về chính sách của ngành hằng tháng",
                "Thông cáo, tin bài cung cấp cho báo chí; danh mục câu hỏi đã trả lời", departments, List.of("BNT", "PTTH"),
                Recurrence.MONTHLY, 28, null, false);
        List<String> districts = List.of("582", "584", "585", "586", "587", "588", "589");
        add(id, by, "1", "Tuyên truyền chính sách trên hệ thống truyền thanh cơ sở, chú trọng vùng đồng bào Chăm, Raglai",
                "Chương trình phát thanh cơ sở bằng tiếng Việt và tiếng dân tộc", districts, List.of("STTTT"), Recurrence.ONCE,
                null, null, false);
        // the closing paragraph, which has no number: no clause
        add(id, by, null, "Báo cáo kết quả thực hiện và khó khăn, vướng mắc về UBND tỉnh (qua "
                + information.nameVi() + (until.isEmpty() ? "" : ", " + until) + ") hằng tháng",
                "Báo cáo tháng", districts, List.of(), Recurrence.MONTHLY, 25, null, true);
        add(id, by, "1", "Duy trì chuyên trang, chuyên mục tuyên truyền chính sách của tỉnh",
                "Tin, bài, chương trình trên chuyên mục hằng tháng", List.of("BNT", "PTTH"), List.of("STTTT"),
                Recurrence.MONTHLY, 25, null, false);
        // what the 2023 units did before the 2025 reorganisation (departments merged, districts abolished, the
        // newspaper and the radio merged), then the tasks passed to the successors, then what those did since
        history(id, SUCCESSION.isBefore(today) ? SUCCESSION : today);
        tasks.transferFromEndedAgencies();
        history(id, today);
        Optional<SignedInUser> district = user("district");
        try {
            if (district.isPresent()) {
                follow(id, district.get());
            }
            tasks.remind();
        } catch (RuntimeException e) {
            log.warn("The demo directive's follow-up could not be loaded: {}", e.toString());
        }
        log.info("Demo directive {} loaded with {} tasks", NUMBER,
                jdbc.sql("SELECT count(*) FROM coord_task WHERE directive_id = ?").param(id).query(Long.class).single());
    }

    private void add(long directive, SignedInUser by, String clause, String title, String result, List<String> leads,
            List<String> supports, Recurrence recurrence, Integer dueDayOrNull, Integer dueMonth, boolean isReport) {
        add(directive, by, clause, title, result, leads, supports, recurrence, null, dueDayOrNull, dueMonth, isReport);
    }

    private void add(long directive, SignedInUser by, String clause, String title, String result, List<String> leads,
            List<String> supports, Recurrence recurrence, LocalDate dueOn, Integer dueDay, Integer dueMonth,
            boolean isReport) {
        tasks.add(directive, new Tasks.NewTask(clause, title, result, leads, supports, recurrence, dueOn,
                recurrence == Recurrence.ONCE ? null : dueDay, dueMonth, ISSUED, null, isReport, true), by);
    }

    /**
     * Periods due before {@code until} done: mostly on time (a few days before the due date), one in nine late; the
     * demo commune's latest past-due monthly report left undone, so that it is overdue.
     */
    private void history(long directive, LocalDate until) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        Long overdue = jdbc.sql("""
                SELECT o.id FROM coord_occurrence o JOIN coord_task t ON t.id = o.task_id JOIN agency a ON a.id = t.lead_agency_id
                WHERE t.directive_id = ? AND a.code = '22852' AND t.is_report AND t.state = 'OPEN' AND o.due_on < ?
                ORDER BY o.due_on DESC, o.id LIMIT 1""").params(directive, Date.valueOf(today)).query(Long.class)
                .optional().orElse(-1L);
        jdbc.sql("""
                UPDATE coord_occurrence o SET done_by = 'system',
                    done_on = LEAST(?, CASE WHEN o.id % 9 = 0 THEN o.due_on + (1 + o.id % 5)::int
                                            ELSE o.due_on - (o.id % 6)::int END)
                FROM coord_task t WHERE t.id = o.task_id AND t.directive_id = ? AND o.done_on IS NULL
                  AND o.due_on IS NOT NULL AND o.due_on < ? AND o.id <> ?""")
                .params(Date.valueOf(today), directive, Date.valueOf(until), overdue).update();
    }

    /** The demo commune reports progress on its current monthly report and sends a difficulty. */
    private void follow(long directive, SignedInUser district) {
        List<Task> own = tasks.list(new Tasks.TaskFilter(null, null, directive, null, true),
                new vn.loa.shared.PageRequest(1, 50), district).items().stream()
                .filter(t -> t.leadCode().equals(district.agencyCode())).toList();
        Task report = own.stream().filter(Task::isReport).findFirst().orElse(null);
        Task loudspeakers = own.stream().filter(t -> !t.isReport()).findFirst().orElse(null);
        if (loudspeakers != null) {
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("cụm loa hoạt động", 14.0);
            figures.put("giờ phát sóng trong tháng", 62.0);
            figures.put("bản tin tiếng Chăm", 8.0);
            tasks.report(loudspeakers.id(), new Tasks.NewProgress(null, "Hệ thống truyền thanh xã phát bản tin chính sách"
                    + " sáng và chiều; 2 cụm loa ở thôn xa bị hỏng đang chờ sửa chữa.", 70, figures, false, new ArrayList<>()),
                    district);
        }
        difficulties.submit(new Difficulties.NewDifficulty("DIFFICULTY",
                "Thiếu kinh phí sửa chữa cụm loa truyền thanh ở thôn xa",
                "Sau khi sắp xếp đơn vị hành chính, xã tiếp nhận hệ thống truyền thanh của hai huyện cũ; 2 cụm loa ở thôn xa"
                        + " hỏng, xã chưa có kinh phí sửa chữa. Đề nghị tỉnh hỗ trợ kinh phí hoặc hướng dẫn nguồn kinh phí.",
                loudspeakers == null ? (report == null ? null : report.id()) : loudspeakers.id(), null, List.of()), district);
    }

    private static String body() {
        return """
                Thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông \
                chính sách, Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố, Báo Ninh \
                Thuận, Đài Phát thanh và Truyền hình Ninh Thuận:
                1. Tăng cường công tác truyền thông chính sách chủ động, kịp thời, có số liệu; phân tích, dự báo dư luận xã \
                hội và các vấn đề người dân quan tâm; ứng dụng công nghệ số phát hiện, dự báo xu hướng thông tin tích cực, \
                tiêu cực; phối hợp giữa các cơ quan; cung cấp thông tin theo Luật Tiếp cận thông tin và Nghị định \
                09/2017/NĐ-CP; sử dụng phương tiện truyền thông mới và truyền thống, chú trọng vùng sâu, vùng xa, đồng bào \
                Chăm, Raglai.
                2. Đấu tranh với thông tin sai sự thật, xấu độc trên không gian mạng; chuyển cơ quan công an xử lý vi phạm.
                3. Bố trí cán bộ có năng lực, bồi dưỡng kỹ năng truyền thông chính sách.
                4. Bố trí kinh phí thực hiện.
                5. Xử lý nghiêm thông tin sai sự thật theo quy định.
                Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về Ủy ban nhân dân tỉnh \
                (qua Sở Văn hóa, Thể thao và Du lịch) để xem xét, giải quyết.
                (Văn bản viết lại cho dữ liệu trình diễn; số, ngày là giả định.)""";
    }
}

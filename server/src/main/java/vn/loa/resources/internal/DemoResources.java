package vn.loa.resources.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.resources.ContractStatus;
import vn.loa.resources.Duty;
import vn.loa.resources.PressContract;
import vn.loa.resources.RequirementKind;
import vn.loa.resources.Resources;
import vn.loa.resources.Staff;
import vn.loa.shared.LocalTime;

/**
 * Demo mode only, once: what the demo directive of May 2023 asks of departments, communes and press agencies (with no
 * directive when the coordination demo is not there), staff and training for a few 2025 agencies with gaps left on
 * purpose, this year's budget lines (one funding the demo campaign) and a commissioning contract with the provincial
 * newspaper, radio and television. Every name is made up (see {@code resources/demo/README.md}).
 */
@Component
@Order(52)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoResources implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Resources resources;
    private final AgencyDirectory agencies;
    private final Clock clock;

    DemoResources(JdbcClient jdbc, Resources resources, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT (SELECT count(*) FROM res_requirement) + (SELECT count(*) FROM res_staff)").query(Long.class)
                .single() > 0) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        Optional<Agency> culture = agencies.findByCode("SVHTTDL", today);
        if (culture.isEmpty()) {
            return;
        }
        SignedInUser coordinator = new SignedInUser(null, "coordinator", "Điều phối viên", culture.get().id(), "SVHTTDL",
                Set.of(Role.COORDINATOR));
        // the seed letter of May 2023 as the coordination demo loads it, found by its month (its number is a
        // placeholder), else the oldest directive there is
        Long directive = jdbc.sql("SELECT id FROM coord_directive ORDER BY (issued_on BETWEEN DATE '2023-05-01' AND"
                + " DATE '2023-05-31') DESC, issued_on, id LIMIT 1").query(Long.class).optional().orElse(null);
        require(directive, "1", AgencyKind.DEPARTMENT, RequirementKind.SPOKESPERSON, 1, coordinator);
        require(directive, "3", AgencyKind.DEPARTMENT, RequirementKind.COMMUNICATION_OFFICERS, 2, coordinator);
        require(directive, "3", AgencyKind.DEPARTMENT, RequirementKind.TRAINED_OFFICERS, 1, coordinator);
        require(directive, "4", AgencyKind.DEPARTMENT, RequirementKind.BUDGET_LINE, 1, coordinator);
        require(directive, "3", AgencyKind.COMMUNE, RequirementKind.COMMUNICATION_OFFICERS, 1, coordinator);
        require(directive, "3", AgencyKind.COMMUNE, RequirementKind.TRAINED_OFFICERS, 1, coordinator);
        require(directive, "3", AgencyKind.PRESS, RequirementKind.TRAINED_OFFICERS, 2, coordinator);
        // clause 4 asks the districts (today the communes) and the press agencies to fund the work too
        require(directive, "4", AgencyKind.COMMUNE, RequirementKind.BUDGET_LINE, 1, coordinator);
        require(directive, "4", AgencyKind.PRESS, RequirementKind.BUDGET_LINE, 1, coordinator);

        int year = today.getYear();
        Long campaign = jdbc.sql("SELECT id FROM campaign ORDER BY id LIMIT 1").query(Long.class).optional().orElse(null);
        LocalDate start = LocalDate.of(year, 1, 1);

        // the Department of Health: all it is asked
        agency("SYT", today).ifPresent(a -> {
            Staff lead = staff(a, "Lê Thị Minh Châu", "Phó Giám đốc", Duty.LEADER_IN_CHARGE, false, start.minusYears(2), coordinator);
            Staff one = staff(a, "Phạm Quốc Hưng", "Chuyên viên Văn phòng Sở", Duty.COMMUNICATION_OFFICER, true,
                    start.minusYears(1), coordinator);
            Staff two = staff(a, "Đặng Thu Trang", "Chuyên viên Phòng Nghiệp vụ Y", Duty.COMMUNICATION_OFFICER, false,
                    start.minusYears(1), coordinator);
            train(one, "Bồi dưỡng kỹ năng truyền thông chính sách", "Học viện Báo chí và Tuyên truyền", today.minusMonths(5),
                    "40", coordinator);
            train(two, "Kỹ năng xử lý thông tin sai lệch trên không gian mạng", "Sở Văn hóa, Thể thao và Du lịch",
                    today.minusMonths(9), "16", coordinator);
            train(lead, "Phát ngôn và cung cấp thông tin cho báo chí", "Bộ Thông tin và Truyền thông",
                    today.minusMonths(30), "24", coordinator);
            resources.addBudgetLine(new Resources.BudgetForm(a.id().value(), year, "Truyền thông chiến dịch bảo hiểm y tế"
                    + " cho người cao tuổi", "Ngân sách tỉnh", 450_000_000L, 320_000_000L, 185_500_000L, campaign, null),
                    coordinator);
        });
        // the Department of Culture, Sports and Tourism: orders programmes from the newspaper, radio and television
        Optional<Agency> press = agency("BPTTH", today);
        agency("SVHTTDL", today).ifPresent(a -> {
            Staff one = staff(a, "Nguyễn Hoàng Phúc", "Trưởng phòng Thông tin - Báo chí", Duty.COMMUNICATION_OFFICER, true,
                    start.minusYears(3), coordinator);
            staff(a, "Trương Mỹ Duyên", "Chuyên viên", Duty.COMMUNICATION_OFFICER, true, start.minusYears(1), coordinator);
            staff(a, "Võ Thành Nhân", "Chuyên viên", Duty.COMMUNICATION_OFFICER, false, today.minusMonths(2), coordinator);
            train(one, "Ứng dụng công nghệ số trong truyền thông chính sách", "Cục Báo chí", today.minusMonths(14), "32",
                    coordinator);
            Long contract = press.map(p -> resources.addContract(new Resources.ContractForm(a.id().value(),
                    p.id().value(), "15/" + year + "/HĐĐH", start.plusDays(40), "Đặt hàng tuyên truyền chính sách"
                            + " trên sóng phát thanh, truyền hình và báo in năm " + year,
                    "24 phóng sự truyền hình, 48 tin bài báo in, 12 chuyên mục phát thanh", 1_250_000_000L,
                    start.plusDays(45), LocalDate.of(year, 12, 31), campaign, ContractStatus.ACTIVE), coordinator))
                    .map(PressContract::id).orElse(null);
            resources.addBudgetLine(new Resources.BudgetForm(a.id().value(), year, "Đặt hàng báo chí tuyên truyền chính sách",
                    "Ngân sách tỉnh", 1_400_000_000L, 1_250_000_000L, 612_000_000L, null, contract), coordinator);
            resources.addBudgetLine(new Resources.BudgetForm(a.id().value(), year, "Bồi dưỡng kỹ năng truyền thông cho"
                    + " cán bộ cấp xã", "Ngân sách tỉnh", 180_000_000L, 60_000_000L, 0L, null, null), coordinator);
        });
        // the Department of Education and Training: one officer, untrained, no budget line
        agency("SGDDT", today).ifPresent(a -> staff(a, "Hồ Ngọc Lan", "Chuyên viên Văn phòng Sở", Duty.COMMUNICATION_OFFICER,
                false, start.minusYears(1), coordinator));
        // communes: Ninh Hải and Phan Rang have what they are asked; Bác Ái Tây (22786) has no one on purpose
        agency("22852", today).ifPresent(a -> {
            Staff one = staff(a, "Chamaléa Thị Hoa", "Công chức Văn hóa - Xã hội", Duty.COMMUNICATION_OFFICER, false,
                    LocalDate.of(2025, 7, 1), coordinator);
            train(one, "Tập huấn vận hành đài truyền thanh cơ sở", "Sở Văn hóa, Thể thao và Du lịch", today.minusMonths(3),
                    "8", coordinator);
        });
        agency("22759", today).ifPresent(a -> {
            Staff one = staff(a, "Bùi Văn Tài", "Công chức Văn hóa - Xã hội", Duty.COMMUNICATION_OFFICER, true,
                    LocalDate.of(2025, 7, 1), coordinator);
            staff(a, "Lưu Thị Kiều", "Công chức Văn phòng - Thống kê", Duty.COMMUNICATION_OFFICER, false,
                    LocalDate.of(2025, 7, 1), coordinator);
            train(one, "Kỹ năng viết tin bài cho cổng thông tin điện tử", "Báo và Phát thanh, Truyền hình Khánh Hòa",
                    today.minusMonths(7), "12", coordinator);
            resources.addBudgetLine(new Resources.BudgetForm(a.id().value(), year, "Tuyên truyền trên hệ thống truyền thanh"
                    + " cơ sở", "Ngân sách phường", 95_000_000L, 40_000_000L, 38_750_000L, campaign, null), coordinator);
        });
        // the newspaper, radio and television: two reporters on policy, one trained
        press.ifPresent(a -> {
            Staff one = staff(a, "Phan Minh Khoa", "Phóng viên", Duty.COMMUNICATION_OFFICER, true, start.minusYears(4),
                    coordinator);
            staff(a, "Đỗ Hải Yến", "Biên tập viên", Duty.COMMUNICATION_OFFICER, true, start.minusYears(2), coordinator);
            train(one, "Báo chí chính sách và kiểm chứng thông tin", "Hội Nhà báo tỉnh", today.minusMonths(11), "24",
                    coordinator);
        });
    }

    private Optional<Agency> agency(String code, LocalDate today) {
        return agencies.findByCode(code, today);
    }

    private void require(Long directive, String clause, AgencyKind agencyKind, RequirementKind kind, int minimum,
            SignedInUser by) {
        // the letter asks for staff, training and funding without numbers: the minimums are the department's own
        resources.addRequirement(new Resources.RequirementForm(directive, clause, agencyKind, kind, minimum,
                "Mức tối thiểu do Sở đặt để theo dõi; văn bản không nêu con số"), by);
    }

    private Staff staff(Agency agency, String name, String position, Duty duty, boolean fullTime, LocalDate from,
            SignedInUser by) {
        return resources.addStaff(new Resources.StaffForm(agency.id().value(), name, position, duty, fullTime,
                "0258 38" + String.format("%05d", Math.abs(name.hashCode()) % 100000), null, from, null), by);
    }

    private void train(Staff staff, String course, String provider, LocalDate on, String hours, SignedInUser by) {
        resources.addTraining(new Resources.TrainingForm(staff.id(), course, provider, on, new BigDecimal(hours), null), by);
    }
}

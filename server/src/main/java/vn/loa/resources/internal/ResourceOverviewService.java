package vn.loa.resources.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;
import vn.loa.press.SpeakerCapacity;
import vn.loa.press.Spokesperson;
import vn.loa.press.Spokespersons;
import vn.loa.resources.Requirement;
import vn.loa.resources.RequirementKind;
import vn.loa.resources.ResourceOverviews;
import vn.loa.resources.Resources;
import vn.loa.shared.AgencyId;
import vn.loa.shared.LocalTime;

/**
 * The overview with a fixed number of queries whatever the number of agencies: the agencies valid today, the press
 * desk's registry, one grouped read each of staff, budget lines and contracts, and the requirements.
 */
@Service
class ResourceOverviewService implements ResourceOverviews {

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final Spokespersons spokespersons;
    private final Resources resources;
    private final MessageSource messages;
    private final Clock clock;

    ResourceOverviewService(JdbcClient jdbc, AgencyDirectory agencies, Spokespersons spokespersons, Resources resources,
            MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.spokespersons = spokespersons;
        this.resources = resources;
        this.messages = messages;
        this.clock = clock;
    }

    private record StaffCount(int officers, int trained) {
    }

    private record Money(int count, long planned, long committed, long spent) {
    }

    @Override
    public Overview overview(int year, AgencyKind kind, SignedInUser user) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        List<Agency> shown = agencies.validOn(today).stream()
                .filter(a -> kind == null || a.kind() == kind)
                .filter(a -> ResourceAccess.maySee(a.id().value(), user))
                .sorted(Comparator.comparing((Agency a) -> a.kind().ordinal()).thenComparing(Agency::nameVi))
                .toList();
        // The press desk's registry is the one truth about spokespersons: a head speaks for the agency by default
        // (Decree 09/2017, Art. 2), a named spokesperson for it; a person authorised for one matter does not count.
        Set<String> speaking = spokespersons.validOn(today).stream()
                .filter(s -> s.capacity() == SpeakerCapacity.HEAD || s.capacity() == SpeakerCapacity.SPOKESPERSON)
                .map(Spokesperson::agencyCode).collect(Collectors.toSet());
        Map<Long, StaffCount> staff = new HashMap<>();
        jdbc.sql("SELECT s.agency_id, count(*) FILTER (WHERE s.duty = 'COMMUNICATION_OFFICER') AS officers,"
                + " count(*) FILTER (WHERE EXISTS (SELECT 1 FROM res_training t WHERE t.staff_id = s.id"
                + " AND t.completed_on > :since AND t.completed_on <= :today)) AS trained"
                + " FROM res_staff s WHERE s.from_on <= :today AND (s.to_on IS NULL OR s.to_on >= :today) GROUP BY s.agency_id")
                .param("today", today).param("since", today.minusMonths(TRAINING_MONTHS))
                .query((ResultSet rs) -> {
                    staff.put(rs.getLong("agency_id"), new StaffCount(rs.getInt("officers"), rs.getInt("trained")));
                });
        Map<Long, Money> budget = budgetByAgency(year);
        Map<Long, Money> contracts = new HashMap<>();
        jdbc.sql("SELECT agency_id, count(*) AS n, coalesce(sum(value_vnd), 0) AS total FROM res_press_contract"
                + " WHERE status <> 'CANCELLED' AND starts_on <= :last AND ends_on >= :first GROUP BY agency_id")
                .param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
                .query((ResultSet rs) -> {
                    contracts.put(rs.getLong("agency_id"), new Money(rs.getInt("n"), rs.getLong("total"), 0, 0));
                });
        List<Requirement> requirements = resources.requirements();
        List<Line> lines = new ArrayList<>();
        for (Agency agency : shown) {
            long id = agency.id().value();
            StaffCount count = staff.getOrDefault(id, new StaffCount(0, 0));
            Money money = budget.getOrDefault(id, new Money(0, 0, 0, 0));
            Money contract = contracts.getOrDefault(id, new Money(0, 0, 0, 0));
            boolean speaks = speaking.contains(agency.code());
            List<Requirement> asked = requirements.stream().filter(r -> r.agencyKind() == agency.kind()).toList();
            List<Gap> gaps = new ArrayList<>();
            for (Requirement r : asked) {
                int have = switch (r.kind()) {
                    case SPOKESPERSON -> speaks ? 1 : 0;
                    case COMMUNICATION_OFFICERS -> count.officers();
                    case TRAINED_OFFICERS -> count.trained();
                    case BUDGET_LINE -> money.count();
                };
                int need = r.kind() == RequirementKind.SPOKESPERSON ? Math.min(1, r.minimum()) : r.minimum();
                if (have < need) {
                    gaps.add(new Gap(r.kind(), have, need, r.directiveNumber(), r.clause()));
                }
            }
            lines.add(new Line(id, agency.code(), agency.nameVi(), agency.kind(), speaks,
                    asked.stream().anyMatch(r -> r.kind() == RequirementKind.SPOKESPERSON && r.minimum() > 0),
                    count.officers(), most(asked, RequirementKind.COMMUNICATION_OFFICERS), count.trained(),
                    most(asked, RequirementKind.TRAINED_OFFICERS), money.count(), most(asked, RequirementKind.BUDGET_LINE),
                    money.planned(), money.committed(), money.spent(), contract.count(), contract.planned(),
                    List.copyOf(gaps)));
        }
        Totals totals = new Totals(lines.size(), (int) lines.stream().filter(Line::spokesperson).count(),
                lines.stream().mapToInt(Line::officers).sum(), lines.stream().mapToInt(Line::trained).sum(),
                lines.stream().mapToLong(Line::plannedVnd).sum(), lines.stream().mapToLong(Line::committedVnd).sum(),
                lines.stream().mapToLong(Line::spentVnd).sum(), lines.stream().mapToInt(Line::contracts).sum(),
                lines.stream().mapToLong(Line::contractsVnd).sum(),
                (int) lines.stream().filter(l -> !l.gaps().isEmpty()).count());
        return new Overview(year, today, kind, List.copyOf(lines), totals, requirements);
    }

    private static int most(List<Requirement> asked, RequirementKind kind) {
        return asked.stream().filter(r -> r.kind() == kind).mapToInt(Requirement::minimum).max().orElse(0);
    }

    private Map<Long, Money> budgetByAgency(int year) {
        Map<Long, Money> budget = new HashMap<>();
        jdbc.sql("SELECT agency_id, count(*) AS n, sum(planned_vnd) AS planned, sum(committed_vnd) AS committed,"
                + " sum(spent_vnd) AS spent FROM res_budget_line WHERE year = :year GROUP BY agency_id")
                .param("year", year)
                .query((ResultSet rs) -> {
                    budget.put(rs.getLong("agency_id"), new Money(rs.getInt("n"), rs.getLong("planned"),
                            rs.getLong("committed"), rs.getLong("spent")));
                });
        return budget;
    }

    @Override
    public List<AgencyBudget> budget(int year, SignedInUser user) {
        Map<Long, Money> budget = budgetByAgency(year);
        List<AgencyBudget> lines = new ArrayList<>();
        for (Map.Entry<Long, Money> e : budget.entrySet()) {
            if (!ResourceAccess.maySee(e.getKey(), user)) {
                continue;
            }
            Agency agency = agencies.find(new AgencyId(e.getKey())).orElseThrow();
            Money m = e.getValue();
            lines.add(new AgencyBudget(e.getKey(), agency.code(), agency.nameVi(), m.count(), m.planned(), m.committed(),
                    m.spent()));
        }
        lines.sort(Comparator.comparing(AgencyBudget::agencyName));
        return List.copyOf(lines);
    }

    @Override
    public byte[] spreadsheet(int year, AgencyKind kind, SignedInUser user, Locale locale) {
        Overview overview = overview(year, kind, user);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(text("resources.sheet", locale, String.valueOf(year)));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(text("resources.sheet.heading", locale, String.valueOf(year),
                    LocalTime.format(overview.day())));
            title.getCell(0).setCellStyle(bold);
            // the money columns' unit, where a Vietnamese table says it: under the title, "Đơn vị tính: đồng"
            sheet.createRow(1).createCell(0).setCellValue(text("resources.sheet.unit", locale));
            List<String> columns = List.of("resources.agency", "resources.kind", "resources.spokesperson",
                    "resources.officers", "resources.officers-asked", "resources.trained", "resources.trained-asked",
                    "resources.planned", "resources.committed", "resources.spent", "resources.contracts",
                    "resources.contracts-value", "resources.missing");
            Row header = sheet.createRow(2);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(text(columns.get(i), locale));
                header.getCell(i).setCellStyle(bold);
            }
            int r = 3;
            for (Line line : overview.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.agencyName());
                row.createCell(1).setCellValue(text("kind." + line.kind(), locale));
                row.createCell(2).setCellValue(text(line.spokesperson() ? "resources.yes" : "resources.no", locale));
                row.createCell(3).setCellValue(line.officers());
                row.createCell(4).setCellValue(line.officersAsked());
                row.createCell(5).setCellValue(line.trained());
                row.createCell(6).setCellValue(line.trainedAsked());
                amount(row, 7, line.plannedVnd(), money);
                amount(row, 8, line.committedVnd(), money);
                amount(row, 9, line.spentVnd(), money);
                row.createCell(10).setCellValue(line.contracts());
                amount(row, 11, line.contractsVnd(), money);
                row.createCell(12).setCellValue(line.gaps().stream().map(g -> gap(g, locale))
                        .collect(Collectors.joining("; ")));
            }
            Totals totals = overview.totals();
            Row sum = sheet.createRow(r);
            sum.createCell(0).setCellValue(text("resources.totals", locale));
            sum.getCell(0).setCellStyle(bold);
            sum.createCell(2).setCellValue(totals.withSpokesperson());
            sum.createCell(3).setCellValue(totals.officers());
            sum.createCell(5).setCellValue(totals.trained());
            amount(sum, 7, totals.plannedVnd(), money);
            amount(sum, 8, totals.committedVnd(), money);
            amount(sum, 9, totals.spentVnd(), money);
            sum.createCell(10).setCellValue(totals.contracts());
            amount(sum, 11, totals.contractsVnd(), money);
            for (int i = 0; i < columns.size(); i++) {
                sheet.setColumnWidth(i, i == 0 ? 48 * 256 : i == 12 ? 90 * 256 : 18 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gap in words: "Cán bộ truyền thông: có 1, yêu cầu 2 (Văn bản 1234/UBND-VXNV, mục 3)". */
    String gap(Gap gap, Locale locale) {
        String where = gap.directiveNumber() == null ? ""
                : " " + text("resources.gap.where", locale, gap.directiveNumber(), gap.clause() == null ? "" : gap.clause());
        return text("resources.gap", locale, text("resources.requirement." + gap.kind(), locale), gap.have(), gap.asked())
                + where;
    }

    private static void amount(Row row, int column, long value, CellStyle style) {
        row.createCell(column).setCellValue((double) value);
        row.getCell(column).setCellStyle(style);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

}

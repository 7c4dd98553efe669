package vn.loa.press.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.AgencyNames;
import vn.loa.identity.IssuingBody;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.AgencySigners;
import vn.loa.platform.OfficialLetter;
import vn.loa.platform.ProvinceSettings;
import vn.loa.press.ComplianceReports;
import vn.loa.press.ComplianceStatus;
import vn.loa.press.Obligation;
import vn.loa.press.Obligations;
import vn.loa.press.PressSettings;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;

/** The compliance documents, made with Apache POI; the official report through the platform's letter. */
@Service
class PoiComplianceReports implements ComplianceReports {

    private final Obligations obligations;
    private final AgencyNames names;
    private final AgencyDirectory agencies;
    private final ProvinceSettings province;
    private final MessageSource messages;
    private final Clock clock;
    private final String managementAgency;

    private final AgencySigners signers;

    PoiComplianceReports(Obligations obligations, AgencyNames names, AgencyDirectory agencies, ProvinceSettings province,
            MessageSource messages, Clock clock, PressSettings settings, AgencySigners signers) {
        this.signers = signers;
        this.obligations = obligations;
        this.names = names;
        this.agencies = agencies;
        this.province = province;
        this.messages = messages;
        this.clock = clock;
        this.managementAgency = settings.managementAgency();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The quarter's press questions, as the compliance page counts them: late ones include late withdrawals by staff. */
    private void enquirySheet(XSSFWorkbook workbook, CellStyle bold, Obligations.PeriodFigures f, Locale locale) {
        Sheet sheet = workbook.createSheet(text("press.compliance.enquiries", locale));
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue(text("press.compliance.enquiries", locale));
        header.getCell(0).setCellStyle(bold);
        List<Map.Entry<String, Long>> rows = List.of(Map.entry("press.compliance.enquiries.received", f.enquiries()),
                Map.entry("press.compliance.enquiries.answered", f.answered()),
                Map.entry("press.compliance.enquiries.in-time", f.answeredInTime()),
                Map.entry("press.compliance.enquiries.late", f.late()),
                Map.entry("press.compliance.enquiries.withdrawn-by-agency", f.withdrawnByAgency()));
        int r = 1;
        for (Map.Entry<String, Long> entry : rows) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(text(entry.getKey(), locale));
            row.createCell(1).setCellValue(entry.getValue());
        }
        sheet.setColumnWidth(0, 60 * 256);
    }

    @Override
    public Report spreadsheet(int year, int quarter, SignedInUser user, Locale locale) {
        Obligations.Compliance compliance = obligations.compliance(year, quarter, user);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(text("press.compliance.sheet", locale, quarter, String.valueOf(year)));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            // the period's days are date cells, so that the columns sort and filter as dates in Excel
            CellStyle day = workbook.createCellStyle();
            day.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(text("press.compliance.heading", locale, quarter, String.valueOf(year)));
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(2);
            List<String> columns = List.of("press.agency", "press.obligation", "press.compliance.period-from",
                    "press.compliance.period-to", "press.compliance.done", "press.status", "press.source");
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(text(columns.get(i), locale));
                header.getCell(i).setCellStyle(bold);
            }
            int r = 3;
            for (Obligations.Line line : compliance.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(names.name(line.agencyCode(), compliance.to(), locale));
                row.createCell(1).setCellValue(text("press.obligation." + line.obligation(), locale));
                row.createCell(2).setCellValue(line.periodStart());
                row.getCell(2).setCellStyle(day);
                row.createCell(3).setCellValue(line.periodEnd());
                row.getCell(3).setCellStyle(day);
                row.createCell(4).setCellValue(line.done());
                row.createCell(5).setCellValue(text("press.compliance-status." + line.status(), locale));
                row.createCell(6).setCellValue(line.source());
            }
            for (int i = 0; i < columns.size(); i++) {
                sheet.setColumnWidth(i, i == 6 ? 80 * 256 : 24 * 256);
            }
            enquirySheet(workbook, bold, obligations.figures(compliance.from(), compliance.to(), user), locale);
            workbook.write(out);
            return new Report("tuan-thu-nd09-" + year + "-q" + quarter + ".xlsx", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Report document(int year, int quarter, SignedInUser user) {
        Obligations.Compliance compliance = obligations.compliance(year, quarter, user);
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        Agency provincial = agencies.validOn(today).stream().filter(a -> a.kind() == AgencyKind.PROVINCE).findFirst()
                .orElse(null);
        String provinceName = provincial == null ? "Ủy ban nhân dân tỉnh " + province.name() : provincial.nameVi();
        // the province's report covers every agency: only who sees every agency may issue it; an agency's staff see
        // their own agency's lines, so their report is their agency's, to the province, not the province's with the
        // other agencies left out (and "every agency met its obligations" concluded from their own lines alone)
        Agency own = PressAccess.seesProvinceWide(user) || user.agencyCode() == null ? null
                : agencies.findByCode(user.agencyCode(), today).orElse(null);
        String issuerName = own == null ? provinceName : IssuingBody.name(own);
        String parent = own == null || own.parent() == null || IssuingBody.standsAlone(own) ? null
                : agencies.find(own.parent()).map(Agency::nameVi).orElse(null);
        // the province's report, from its People's Committee whatever the directory holds for it
        IssuingBody body = own == null ? IssuingBody.peoplesCommittee() : IssuingBody.of(own);
        OfficialLetter letter = new OfficialLetter(parent, issuerName, body.symbol("BC"),
                IssuingBody.place(own, province.name()), today)
                .title("Báo cáo", "Kết quả thực hiện việc cung cấp thông tin định kỳ cho báo chí quý " + roman(quarter)
                        + " năm " + year)
                .body("Căn cứ Nghị định số 09/2017/NĐ-CP ngày 09 tháng 02 năm 2017 của Chính phủ quy định chi tiết việc phát"
                        + " ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà nước, " + issuerName
                        + " báo cáo kết quả thực hiện nghĩa vụ cung cấp thông tin định kỳ và họp báo"
                        + (own == null ? "" : " của " + issuerName) + " từ ngày "
                        + LocalTime.format(compliance.from()) + " đến ngày " + LocalTime.format(compliance.to()) + " như sau:");
        String current = null;
        int n = 0;
        for (Obligations.Line line : compliance.lines()) {
            if (own == null && !line.agencyCode().equals(current)) {
                current = line.agencyCode();
                letter.body(++n + ". " + names.name(current, compliance.to(), Languages.VIETNAMESE));
            }
            letter.body("- " + (line.obligation() == Obligation.PRESS_CONFERENCE ? "Họp báo" : "Cung cấp thông tin định kỳ")
                    + " từ ngày " + LocalTime.format(line.periodStart()) + " đến ngày " + LocalTime.format(line.periodEnd())
                    + ": " + switch (line.status()) {
                        case MET -> "đã thực hiện (" + line.done() + " lần)";
                        case MISSING -> "không thực hiện";
                        case PENDING -> "chưa đến hạn, chưa thực hiện";
                    } + ".");
        }
        letter.body(conclusion(own == null ? null : issuerName, compliance.lines()));
        // no issue step: the report is made when downloaded, signed by the issuer's default signer as it stands then
        Agency issuing = own == null ? provincial : own;
        AgencySigners.Signer signer = issuing == null ? null : signers.byDefault(issuing.id()).orElse(null);
        String signatory = signer == null ? body.signatory() : body.signedBy(signer.title());
        String signerName = signer == null ? null : signer.fullName();
        if (own == null) {
            letter.close(List.of("Bộ Văn hóa, Thể thao và Du lịch (Cục Báo chí)", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
                    signatory, signerName);
        } else {
            String management = agencies.findByCode(managementAgency, today).map(Agency::nameVi).orElse(managementAgency);
            letter.close(own.code().equals(managementAgency) ? List.of(provinceName + " (b/c)")
                    : List.of(provinceName + " (b/c)", management), signatory, signerName);
        }
        return new Report("bao-cao-nd09-" + year + "-q" + quarter
                + (own == null ? "" : "-" + own.code().toLowerCase(Locale.ROOT)) + ".docx", letter.bytes());
    }

    /**
     * The report's last sentence, on the lines it lists: for the province ({@code agency} null) or for one agency. What is
     * not due yet is neither met nor missed: a quarter still running is not said to have been met.
     */
    private static String conclusion(String agency, List<Obligations.Line> lines) {
        long missing = lines.stream().filter(l -> l.status() == ComplianceStatus.MISSING).count();
        long pending = lines.stream().filter(l -> l.status() == ComplianceStatus.PENDING).count();
        if (lines.isEmpty()) {
            return "Trong kỳ báo cáo, " + (agency == null ? "" : agency + " ")
                    + "không có nghĩa vụ cung cấp thông tin định kỳ hoặc họp báo được theo dõi.";
        }
        if (missing > 0) {
            return agency == null ? "Có " + missing + " nghĩa vụ không được thực hiện trong kỳ báo cáo; đề nghị các cơ quan"
                    + " liên quan khắc phục." : agency + " có " + missing + " nghĩa vụ không thực hiện trong kỳ báo cáo.";
        }
        if (pending == lines.size()) {
            return "Trong kỳ báo cáo, chưa có nghĩa vụ nào " + (agency == null ? "" : "của " + agency + " ") + "đến hạn.";
        }
        String who = agency == null ? "Các cơ quan" : agency;
        return pending == 0 ? who + " đã thực hiện đầy đủ nghĩa vụ trong kỳ báo cáo."
                : who + " đã thực hiện đầy đủ các nghĩa vụ đã đến hạn; " + pending + " nghĩa vụ chưa đến hạn.";
    }

    private static String roman(int quarter) {
        return switch (quarter) {
            case 1 -> "I";
            case 2 -> "II";
            case 3 -> "III";
            default -> "IV";
        };
    }
}

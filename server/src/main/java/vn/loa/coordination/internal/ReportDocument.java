package vn.loa.coordination.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.loa.coordination.PeriodicReports;
import vn.loa.coordination.ReportFigures;
import vn.loa.coordination.ReportFigures.Count;
import vn.loa.identity.AgencySigners;
import vn.loa.identity.IssuingBody;
import vn.loa.platform.OfficialLetter;
import vn.loa.platform.ProvinceSettings;
import vn.loa.shared.LocalTime;

/**
 * A periodic report as a DOCX in the Decree 30/2020 format ({@link OfficialLetter}): the issuing People's Committee and
 * the number (blank in a draft), place and date, "BÁO CÁO" and its summary, the sections as the officers wrote them,
 * each followed by its table of figures and, for listening and tasks, its charts; page numbers from page 2; recipients
 * and the signature block.
 */
@Component
class ReportDocument {

    static final List<String> RECIPIENTS = List.of("Bộ Văn hóa, Thể thao và Du lịch (b/c)", "Thường trực Tỉnh ủy (b/c)",
            "Thường trực HĐND tỉnh (b/c)", "Chủ tịch, các PCT UBND tỉnh", "Sở Văn hóa, Thể thao và Du lịch",
            "Các sở, ban, ngành; UBND các xã, phường");

    private final ReportCharts charts;
    private final ReportText text;
    private final ProvinceSettings province;

    ReportDocument(ReportCharts charts, ReportText text, ProvinceSettings province) {
        this.charts = charts;
        this.text = text;
        this.province = province;
    }

    /**
     * When the figures were computed ("lúc 04:12 ngày 08/12/2026", Vietnam's time), which an issued report's are at
     * issue; figures stored before the time was kept say nothing.
     */
    private static String computed(ReportFigures f) {
        if (f.computedAt() == null) {
            return "";
        }
        var at = f.computedAt().atZone(LocalTime.ZONE);
        return " lúc " + java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(at) + " ngày "
                + LocalTime.format(at.toLocalDate());
    }

    /**
     * The report as a DOCX, signed by {@code signer} (its name under the signature, its title after the People's
     * Committee's authority, Decree 30/2020) or, with none (a draft, or a body with no signers recorded), for the
     * chairperson by a vice-chair, the name left for the one who signs.
     */
    byte[] render(PeriodicReports.Report r, LocalDate day, AgencySigners.Signer signer) {
        ReportFigures f = r.figures();
        String summary = r.title().replaceFirst("^Báo cáo ", "");
        summary = Character.toUpperCase(summary.charAt(0)) + summary.substring(1);
        OfficialLetter letter = new OfficialLetter(null, r.issuerName(), r.symbol(), r.number(), province.name(), day)
                .title("Báo cáo", summary)
                .body("Thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về tăng cường công tác truyền thông "
                        + "chính sách, " + r.issuerName() + " báo cáo kết quả công tác truyền thông chính sách từ ngày "
                        + LocalTime.format(r.periodStart()) + " đến ngày " + LocalTime.format(f.asOf())
                        + " (số liệu tổng hợp từ hệ thống Loa" + computed(f) + ") như sau:");
        for (String key : PeriodicReports.SECTIONS) {
            letter.heading(ReportText.heading(key));
            String body = r.sections().getOrDefault(key, "");
            if (!body.isBlank()) {
                letter.body(body);
            }
            table(letter, key, f);
            if (key.equals("listening")) {
                picture(letter, "sentiment", f, "Biểu đồ 1. Tỷ lệ sắc thái "
                        + (f.listening().opinion().isEmpty() ? "tin, bài" : "ý kiến người dân"));
                picture(letter, "topics", f, "Biểu đồ 2. Các lĩnh vực chính sách được nhắc đến nhiều nhất");
            } else if (key.equals("tasks")) {
                picture(letter, "tasks", f, "Biểu đồ 3. Nhiệm vụ theo tình trạng thực hiện");
            }
        }
        if (r.auditRecordId() != null) {
            // the seal travels with the document: whoever holds it can ask whether the audit trail still has this record
            letter.body("Báo cáo được niêm phong với nhật ký hệ thống Loa tại bản ghi số " + r.auditRecordId()
                    + ", mã băm SHA-256: " + r.auditHash() + ".");
        }
        if (signer == null) {
            return letter.close(RECIPIENTS, "TM. Ủy ban nhân dân\nKT. Chủ tịch\nPhó Chủ tịch").bytes();
        }
        return letter.close(RECIPIENTS, IssuingBody.peoplesCommittee().signedBy(signer.title()), signer.fullName()).bytes();
    }

    private void picture(OfficialLetter letter, String name, ReportFigures f, String caption) {
        letter.picture(charts.chart(name, f), name + ".png", ReportCharts.WIDTH, ReportCharts.HEIGHT, 150, caption);
    }

    /** The four rows of a tone: negative, neutral, positive and unclear, each with its share of {@code posts}. */
    private static void tone(List<List<String>> rows, String of, long posts, long negative, long neutral, long positive) {
        long unclear = posts - negative - neutral - positive;
        rows.add(row("Tiêu cực" + of, ReportText.n(negative) + " (" + ReportText.percent(negative, posts) + ")"));
        rows.add(row("Trung tính" + of, ReportText.n(neutral) + " (" + ReportText.percent(neutral, posts) + ")"));
        rows.add(row("Tích cực" + of, ReportText.n(positive) + " (" + ReportText.percent(positive, posts) + ")"));
        rows.add(row("Chưa rõ" + of, ReportText.n(unclear) + " (" + ReportText.percent(unclear, posts) + ")"));
    }

    private void table(OfficialLetter letter, String key, ReportFigures f) {
        List<List<String>> rows = new ArrayList<>();
        switch (key) {
            case "listening" -> {
                ReportFigures.Listening l = f.listening();
                rows.add(row("Tổng số tin, bài trên các nguồn được theo dõi", ReportText.n(l.posts())));
                if (l.aboutProvince() != null) {
                    rows.add(row("- Trong đó: tin, bài về tỉnh", ReportText.n(l.aboutProvince())));
                }
                for (Count c : l.registers()) {
                    rows.add(row("- " + text.name("register." + c.key(), c.key()), ReportText.n(c.value())));
                }
                if (l.tones().isEmpty()) {
                    // figures stored before the tone of each register was kept
                    tone(rows, "", l.posts(), l.negative(), l.neutral(), l.positive());
                } else {
                    // citizens' opinion apart from the tone of news, as the text and the dashboard say them
                    for (ReportFigures.Tone t : l.tones()) {
                        tone(rows, " (" + text.name("register." + t.register(), t.register()).toLowerCase(java.util.Locale.ROOT)
                                + ")", t.posts(), t.negative(), t.neutral(), t.positive());
                    }
                }
                for (Count c : l.domains()) {
                    rows.add(row("Lĩnh vực: " + text.name("domain." + c.key(), c.key()), ReportText.n(c.value())));
                }
            }
            case "misinformation" -> {
                rows.add(row("Vụ việc tiếp nhận", ReportText.n(f.desk().opened())));
                rows.add(row("Vụ việc kết thúc xử lý", ReportText.n(f.desk().closed())));
                rows.add(row("Đang xử lý cuối kỳ", ReportText.n(f.desk().openAtEnd())));
                rows.add(row("Đã công bố phản bác, đính chính", ReportText.n(f.desk().answered())));
                rows.add(row("Thời gian trung vị đến khi công bố (giờ)",
                        f.desk().medianHoursToAnswer() == null ? "-" : ReportText.decimal(f.desk().medianHoursToAnswer())));
                rows.add(row("Chuyển cơ quan công an", ReportText.n(f.desk().referred())));
            }
            case "transparency" -> {
                rows.add(row("Yêu cầu tiếp nhận", ReportText.n(f.transparency().received())));
                rows.add(row("Đã trả lời", ReportText.n(f.transparency().answered())));
                rows.add(row("Trả lời đúng hạn", ReportText.n(f.transparency().answeredOnTime())));
                rows.add(row("Đang giải quyết", ReportText.n(f.transparency().open())));
                rows.add(row("Quá hạn", ReportText.n(f.transparency().overdue())));
                if (f.transparency().withdrawnLate() != null) {
                    rows.add(row("Rút hoặc chuyển khi đã quá hạn", ReportText.n(f.transparency().withdrawnLate())));
                }
            }
            case "press" -> {
                rows.add(row("Đề nghị của báo chí", ReportText.n(f.press().enquiries())));
                rows.add(row("Đã trả lời (trong thời hạn)", ReportText.n(f.press().answered()) + " ("
                        + ReportText.n(f.press().answeredInTime()) + ")"));
                if (f.press().late() != null) {
                    rows.add(row("Trễ hạn", ReportText.n(f.press().late())));
                }
                if (f.press().withdrawnByAgency() != null) {
                    rows.add(row("Cơ quan ghi nhận rút (có lý do)", ReportText.n(f.press().withdrawnByAgency())));
                }
                rows.add(row("Thông cáo, thông tin cho báo chí", ReportText.n(f.press().statements())));
                rows.add(row("Họp báo", ReportText.n(f.press().conferences())));
                rows.add(row("Khủng hoảng truyền thông", ReportText.n(f.press().crises())));
            }
            case "campaigns" -> {
                rows.add(row("Chiến dịch triển khai", ReportText.n(f.reach().campaigns())));
                rows.add(row("Tin, bài phát hành", ReportText.n(f.reach().publications())));
                for (Count c : f.reach().deliveries()) {
                    rows.add(row("Lượt gửi: " + text.name("publishing.channel." + c.key(), c.key()), ReportText.n(c.value())));
                }
                rows.add(row("Bản tin truyền thanh cơ sở được xác nhận", ReportText.n(f.reach().broadcastsConfirmed())));
            }
            case "consultation" -> {
                rows.add(row("Dự thảo lấy ý kiến", ReportText.n(f.consultations().opened())));
                rows.add(row("Kết thúc lấy ý kiến", ReportText.n(f.consultations().closed())));
                rows.add(row("Ý kiến góp ý", ReportText.n(f.consultations().contributions())));
            }
            case "tasks" -> {
                for (Count c : f.tasks().openTasks()) {
                    rows.add(row("Nhiệm vụ " + ReportCharts.statusName(c.key()).toLowerCase(java.util.Locale.ROOT)
                            + " (đến ngày " + vn.loa.shared.LocalTime.format(f.asOf()) + ")", ReportText.n(c.value())));
                }
                for (Count c : f.tasks().byClass()) {
                    rows.add(row("Lượt thực hiện " + ReportCharts.statusName(c.key()).toLowerCase(java.util.Locale.ROOT),
                            ReportText.n(c.value())));
                }
                rows.add(row("Khó khăn, đề xuất tiếp nhận", ReportText.n(f.tasks().difficultiesReceived())));
                rows.add(row("Khó khăn, đề xuất đã trả lời", ReportText.n(f.tasks().difficultiesAnswered())));
                if (!f.tasks().byAgencyKind().isEmpty()) {
                    letter.table(List.of("Chỉ tiêu", "Số liệu"), rows, 0.65, 0.35);
                    List<List<String>> kinds = new ArrayList<>();
                    f.tasks().byAgencyKind().forEach((kind, counts) -> {
                        List<String> cells = new ArrayList<>(List.of(kindName(kind)));
                        counts.forEach(c -> cells.add(ReportText.n(c.value())));
                        kinds.add(cells);
                    });
                    // occurrences, as the rows "Lượt thực hiện ..." above count them, not tasks: said in the header, so
                    // that the columns are not read against the rows "Nhiệm vụ ..." they do not add up to
                    letter.table(List.of("Loại cơ quan chủ trì", "Lượt hoàn thành đúng hạn", "Lượt hoàn thành quá hạn",
                            "Lượt đang thực hiện trong hạn", "Lượt quá hạn chưa hoàn thành"), kinds, 0.28, 0.18, 0.18, 0.18,
                            0.18);
                    return;
                }
            }
            default -> {
                return;
            }
        }
        letter.table(List.of("Chỉ tiêu", "Số liệu"), rows, 0.65, 0.35);
    }

    static String kindName(String kind) {
        return switch (kind) {
            case "PROVINCE" -> "Cấp tỉnh";
            case "DEPARTMENT" -> "Sở, ban, ngành";
            case "DISTRICT" -> "Cấp huyện (trước 01/7/2025)";
            case "COMMUNE" -> "Xã, phường";
            case "PRESS" -> "Cơ quan báo chí";
            case "POLICE" -> "Công an";
            default -> "Khác";
        };
    }

    private static List<String> row(String name, String value) {
        return List.of(name, value);
    }
}

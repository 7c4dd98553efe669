package vn.loa.coordination.internal;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.loa.coordination.PeriodicReports;
import vn.loa.coordination.ReportFigures;
import vn.loa.coordination.ReportPeriod;
import vn.loa.coordination.TaskStatusClass;
import vn.loa.shared.LocalTime;

/**
 * The sections of a report drafted from its figures, in Vietnamese (the report is an official document in Vietnamese
 * whatever the page's language): a paragraph per group of figures, numbers with Vietnamese separators ("3.085",
 * "12,5%"). The same figures always give the same text, so that a text still as drafted can be told from an edited one.
 */
@Component
class ReportText {

    static final Locale VI = Locale.forLanguageTag("vi-VN");

    private final MessageSource messages;

    ReportText(MessageSource messages) {
        this.messages = messages;
    }

    /** The headings of the sections, numbered as in the document. */
    static final List<String> HEADINGS = List.of("I. THÔNG TIN TRÊN MẠNG VÀ DƯ LUẬN XÃ HỘI",
            "II. XỬ LÝ THÔNG TIN SAI SỰ THẬT", "III. CUNG CẤP THÔNG TIN CHO CÔNG DÂN", "IV. PHÁT NGÔN VÀ CUNG CẤP THÔNG TIN CHO BÁO CHÍ",
            "V. CHIẾN DỊCH TRUYỀN THÔNG VÀ MỨC ĐỘ TIẾP CẬN", "VI. LẤY Ý KIẾN DỰ THẢO VĂN BẢN",
            "VII. THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO", "VIII. ĐỀ XUẤT, KIẾN NGHỊ");

    static String heading(String section) {
        return HEADINGS.get(PeriodicReports.SECTIONS.indexOf(section));
    }

    LinkedHashMap<String, String> draft(ReportFigures f, ReportPeriod period) {
        LinkedHashMap<String, String> sections = new LinkedHashMap<>();
        for (String key : PeriodicReports.SECTIONS) {
            sections.put(key, section(key, f, period));
        }
        return sections;
    }

    String section(String key, ReportFigures f, ReportPeriod period) {
        // a period not over when the figures were taken (a quick report, a draft) says so: "Từ đầu quý đến ngày …"
        String within = period.within(f.asOf());
        return switch (key) {
            case "listening" -> listening(f.listening(), within);
            case "misinformation" -> within + ", bộ phận xử lý thông tin sai sự thật tiếp nhận " + n(f.desk().opened())
                    + " vụ việc, kết thúc xử lý " + n(f.desk().closed()) + " vụ việc (trong đó chuyển cơ quan công an "
                    + n(f.desk().referred()) + " vụ việc); " + period.atEnd(f.asOf()) + " còn " + n(f.desk().openAtEnd()) + " vụ việc đang xử lý. "
                    + (f.desk().medianHoursToAnswer() == null ? "Trong kỳ chưa có vụ việc được công bố thông tin phản bác, đính chính."
                            : "Đã công bố thông tin phản bác, đính chính đối với " + n(f.desk().answered())
                                    + " vụ việc; thời gian trung vị từ khi tiếp nhận đến khi công bố là "
                                    + decimal(f.desk().medianHoursToAnswer()) + " giờ.");
            case "transparency" -> within + ", các cơ quan, đơn vị tiếp nhận " + n(f.transparency().received())
                    + " yêu cầu cung cấp thông tin của công dân; đã trả lời " + n(f.transparency().answered())
                    + " yêu cầu (đúng thời hạn " + n(f.transparency().answeredOnTime()) + " yêu cầu); đang giải quyết "
                    + n(f.transparency().open()) + " yêu cầu, trong đó " + n(f.transparency().overdue()) + " yêu cầu quá hạn"
                    + (f.transparency().withdrawnLate() == null || f.transparency().withdrawnLate() == 0 ? "."
                            : "; " + n(f.transparency().withdrawnLate()) + " yêu cầu được rút hoặc chuyển cơ quan khác khi đã quá hạn giải quyết.");
            case "press" -> within + ", các cơ quan, đơn vị tiếp nhận " + n(f.press().enquiries())
                    + " đề nghị cung cấp thông tin của cơ quan báo chí" + (f.press().enquiries() == 0 ? "" : ", đã trả lời "
                    + n(f.press().answered()) + " đề nghị (trong thời hạn " + n(f.press().answeredInTime()) + " đề nghị)"
                    + (f.press().late() == null || f.press().late() == 0 ? ""
                            : ", " + n(f.press().late()) + " đề nghị trễ hạn (trả lời sau thời hạn, quá hạn chưa trả lời"
                                    + " hoặc cơ quan rút khi đã quá hạn)")
                    + (f.press().withdrawnByAgency() == null || f.press().withdrawnByAgency() == 0 ? ""
                            : ", ghi nhận rút " + n(f.press().withdrawnByAgency()) + " đề nghị (có nêu lý do)"))
                    + "; " + (f.press().statements() == 0 ? "chưa phát ngôn, cung cấp thông tin cho báo chí"
                            : "phát ngôn, cung cấp " + n(f.press().statements()) + " thông cáo, thông tin cho báo chí (không kể yêu cầu cải chính gửi cơ quan báo chí)")
                    + "; " + (f.press().conferences() == 0 ? "chưa tổ chức họp báo"
                            : "tổ chức " + n(f.press().conferences()) + " cuộc họp báo")
                    + (f.press().crises() > 0 ? "; kích hoạt quy trình phát ngôn trong khủng hoảng đối với "
                            + n(f.press().crises()) + " sự việc." : ".");
            case "campaigns" -> reach(f.reach(), within);
            case "consultation" -> f.consultations().opened() == 0 && f.consultations().closed() == 0
                    && f.consultations().contributions() == 0 ? within + ", không có dự thảo văn bản nào được lấy ý kiến trên"
                    + " Cổng thông tin điện tử." : within + ", tổ chức lấy ý kiến " + n(f.consultations().opened())
                    + " dự thảo văn bản trên Cổng thông tin điện tử" + (f.consultations().closed() == 0 ? ""
                            : ", kết thúc lấy ý kiến " + n(f.consultations().closed()) + " dự thảo")
                    + "; tiếp nhận " + n(f.consultations().contributions()) + " ý kiến góp ý của người dân, tổ chức.";
            case "tasks" -> tasks(f.tasks(), f);
            case "proposals" -> "(Cán bộ tổng hợp bổ sung các đề xuất, kiến nghị của tỉnh.)";
            default -> throw new IllegalArgumentException("no section " + key);
        };
    }

    private String listening(ReportFigures.Listening l, String within) {
        // every post of the sources followed, of which those about the province: national news is not the province's
        StringBuilder text = new StringBuilder(within + ", hệ thống ghi nhận " + n(l.posts()) + " tin, bài trên các nguồn"
                + " được theo dõi");
        if (!l.registers().isEmpty()) {
            text.append(" (").append(l.registers().stream().map(c -> name("register." + c.key(), c.key()) + ": " + n(c.value()))
                    .collect(Collectors.joining("; "))).append(")");
        }
        if (l.aboutProvince() != null) {
            text.append(", trong đó ").append(n(l.aboutProvince())).append(" tin, bài về tỉnh (đăng trên nguồn của tỉnh,"
                    + " nhắc địa danh hoặc cơ quan của tỉnh)");
        }
        text.append('.');
        if (!l.tones().isEmpty()) {
            // citizens' opinion apart from the tone of news: a day of accident reports is not public anger
            text.append(" Sắc thái ").append(l.tones().stream().map(t -> "của " + name("register." + t.register(),
                    t.register()).toLowerCase(Locale.ROOT) + ": tiêu cực " + percent(t.negative(), t.posts()) + ", trung tính "
                    + percent(t.neutral(), t.posts()) + ", tích cực " + percent(t.positive(), t.posts()) + ", chưa rõ "
                    + percent(t.posts() - t.negative() - t.neutral() - t.positive(), t.posts()))
                    .collect(Collectors.joining("; sắc thái "))).append('.');
        } else if (l.posts() > 0) {
            text.append(" Sắc thái: tiêu cực ").append(percent(l.negative(), l.posts())).append(", trung tính ")
                    .append(percent(l.neutral(), l.posts())).append(", tích cực ").append(percent(l.positive(), l.posts()))
                    .append(", chưa rõ ").append(percent(l.unclear(), l.posts())).append('.');
        }
        // "other" is what no policy domain took: not a field anyone is interested in
        List<ReportFigures.Count> named = l.domains().stream().filter(c -> !c.key().equals("other")).toList();
        if (!named.isEmpty()) {
            text.append(" Các lĩnh vực chính sách được quan tâm nhiều nhất: ").append(named.stream().limit(3)
                    .map(c -> name("domain." + c.key(), c.key()) + " (" + n(c.value()) + " tin, bài)")
                    .collect(Collectors.joining(", "))).append('.');
        }
        if (!l.issues().isEmpty()) {
            text.append("\nCác vấn đề nổi lên trong kỳ: ");
            // the issue's title, its posts in the period and since when, not the alert's sentence: that speaks of
            // "the last hour" when it was sent
            text.append(l.issues().stream().map(i -> i.quotedTitle() + " (" + n(i.posts()) + " tin, bài"
                    + (i.raisedAt() == null ? "" : ", nổi lên từ ngày " + LocalTime.format(
                            LocalDate.ofInstant(i.raisedAt(), LocalTime.ZONE))) + ")")
                    .collect(Collectors.joining("; "))).append('.');
        }
        return text.toString();
    }

    private String reach(ReportFigures.Reach r, String within) {
        String text = within + ", triển khai " + n(r.campaigns()) + " chiến dịch truyền thông; phát hành "
                + n(r.publications()) + " tin, bài trên các kênh với " + n(r.deliveriesTotal()) + " lượt gửi thành công";
        if (!r.deliveries().isEmpty()) {
            text += " (" + r.deliveries().stream().map(c -> name("publishing.channel." + c.key(), c.key()) + ": " + n(c.value()))
                    .collect(Collectors.joining("; ")) + ")";
        }
        return text + "; các xã, phường xác nhận đã phát " + n(r.broadcastsConfirmed()) + " bản tin trên hệ thống truyền thanh cơ sở.";
    }

    private String tasks(ReportFigures.Tasks t, ReportFigures f) {
        return "Đến ngày " + vn.loa.shared.LocalTime.format(f.asOf()) + ", các cơ quan, đơn vị đang theo dõi "
                + n(t.openTasksTotal()) + " nhiệm vụ: đã hoàn thành " + n(t.openTasks(TaskStatusClass.DONE_ON_TIME)
                + t.openTasks(TaskStatusClass.DONE_LATE)) + " (quá hạn " + n(t.openTasks(TaskStatusClass.DONE_LATE))
                + "), đang thực hiện trong hạn " + n(t.openTasks(TaskStatusClass.IN_PROGRESS)) + ", quá hạn chưa hoàn thành "
                + n(t.openTasks(TaskStatusClass.OVERDUE)) + ". Tính theo từng kỳ thực hiện (mỗi tháng, quý, năm của nhiệm vụ"
                + " định kỳ), có " + n(t.total()) + " lượt đến hạn trong kỳ hoặc chưa hoàn thành: hoàn thành đúng hạn "
                + n(t.count(TaskStatusClass.DONE_ON_TIME)) + ", hoàn thành quá hạn " + n(t.count(TaskStatusClass.DONE_LATE))
                + ", đang thực hiện trong hạn " + n(t.count(TaskStatusClass.IN_PROGRESS)) + ", quá hạn chưa hoàn thành "
                + n(t.count(TaskStatusClass.OVERDUE)) + ". Trong kỳ, các cơ quan, đơn vị gửi " + n(t.difficultiesReceived())
                + " khó khăn, vướng mắc, đề xuất; đã trả lời " + n(t.difficultiesAnswered()) + ".";
    }

    /** A title in «», once: an issue's title may come quoted already. */
    static String quoted(String title) {
        return new ReportFigures.Issue(title, null, 0, null).quotedTitle();
    }

    String name(String key, String fallback) {
        return messages.getMessage(key.replace(' ', '_'), null, fallback, VI);
    }

    /** A whole number as Vietnamese writes it: 3.085. */
    static String n(long value) {
        return NumberFormat.getIntegerInstance(VI).format(value);
    }

    /** A number with one decimal as Vietnamese writes it: 12,5. */
    static String decimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(VI);
        format.setMaximumFractionDigits(1);
        format.setMinimumFractionDigits(0);
        return format.format(value);
    }

    /** A share as a percentage with one decimal: 12,5%. */
    static String percent(long part, long whole) {
        return decimal(whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0) + "%";
    }
}

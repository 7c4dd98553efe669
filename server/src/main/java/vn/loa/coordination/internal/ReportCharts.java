package vn.loa.coordination.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;
import vn.loa.coordination.ReportFigures;
import vn.loa.coordination.TaskStatusClass;

/**
 * The report's charts drawn with plain Java2D (headless), as PNG: the sentiment shares of each week or month (stacked
 * bars of 100%), the topics with the most posts and the tasks by status class (horizontal bars). Labels in a font that
 * has the Vietnamese letters (DejaVu Sans or Liberation Sans when installed, else the JDK's logical sans-serif).
 */
@Component
class ReportCharts {

    static final int WIDTH = 1200;
    static final int HEIGHT = 600;

    private static final Color NEGATIVE = new Color(0xC0392B);
    private static final Color NEUTRAL = new Color(0x7F8C8D);
    private static final Color POSITIVE = new Color(0x27AE60);
    private static final Color UNCLEAR = new Color(0xD5DBDB);
    private static final Color BAR = new Color(0x1F5F99);

    private final String family;
    private final ReportText text;

    ReportCharts(ReportText text) {
        this.text = text;
        List<String> installed = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        this.family = installed.contains("DejaVu Sans") ? "DejaVu Sans"
                : installed.contains("Liberation Sans") ? "Liberation Sans" : Font.SANS_SERIF;
    }

    /** The chart names, as the pages and the API name them. */
    static final List<String> NAMES = List.of("sentiment", "topics", "tasks");

    byte[] chart(String name, ReportFigures f) {
        return switch (name) {
            case "sentiment" -> sentiment(f);
            // the policy domains the report's table and the listening dashboard show, without "other"
            case "topics" -> bars("Lĩnh vực chính sách được nhắc đến nhiều nhất (tin, bài)", f.listening().domains().stream()
                    .filter(c -> !c.key().equals("other")).limit(10)
                    .map(c -> new Bar(text.name("domain." + c.key(), c.key()), c.value(), BAR)).toList());
            // the open tasks as the task list counts them (figures stored before they were counted: the occurrences)
            case "tasks" -> bars("Nhiệm vụ theo tình trạng đến ngày " + vn.loa.shared.LocalTime.format(f.asOf()),
                    (f.tasks().openTasks().isEmpty() ? f.tasks().byClass() : f.tasks().openTasks()).stream()
                            .map(c -> new Bar(statusName(c.key()), c.value(), statusColour(c.key()))).toList());
            default -> throw new vn.loa.shared.NotFound("chart", name);
        };
    }

    static String statusName(String statusClass) {
        return switch (TaskStatusClass.valueOf(statusClass)) {
            case DONE_ON_TIME -> "Hoàn thành đúng hạn";
            case DONE_LATE -> "Hoàn thành quá hạn";
            case IN_PROGRESS -> "Đang thực hiện trong hạn";
            case OVERDUE -> "Quá hạn chưa hoàn thành";
        };
    }

    private static Color statusColour(String statusClass) {
        return switch (TaskStatusClass.valueOf(statusClass)) {
            case DONE_ON_TIME -> POSITIVE;
            case DONE_LATE -> new Color(0xE67E22);
            case IN_PROGRESS -> BAR;
            case OVERDUE -> NEGATIVE;
        };
    }

    private record Bar(String label, long value, Color colour) {
    }

    private byte[] sentiment(ReportFigures f) {
        BufferedImage image = canvas();
        Graphics2D g = graphics(image);
        // citizens' opinion alone, as the dashboard charts it; figures stored before it was kept chart every post
        boolean opinion = !f.listening().opinion().isEmpty();
        title(g, "Tỷ lệ sắc thái " + (opinion ? "ý kiến người dân" : "tin, bài") + " theo "
                + ("YEARLY".equals(f.kind()) ? "tháng" : "tuần"));
        List<ReportFigures.Bucket> buckets = opinion ? f.listening().opinion() : f.listening().buckets();
        int left = 90, right = WIDTH - 40, top = 80, bottom = HEIGHT - 110;
        axes(g, left, top, right, bottom);
        g.setFont(new Font(family, Font.PLAIN, 18));
        for (int p = 0; p <= 100; p += 25) {
            int y = bottom - (bottom - top) * p / 100;
            g.setColor(Color.DARK_GRAY);
            g.drawString(p + "%", left - 60, y + 6);
        }
        int n = Math.max(1, buckets.size());
        int slot = (right - left) / n;
        int width = Math.max(4, slot * 2 / 3);
        Color[] colours = {NEGATIVE, NEUTRAL, POSITIVE, UNCLEAR};
        for (int i = 0; i < buckets.size(); i++) {
            ReportFigures.Bucket b = buckets.get(i);
            long[] parts = {b.negative(), b.neutral(), b.positive(), b.unclear()};
            long total = b.posts();
            int x = left + i * slot + (slot - width) / 2;
            int y = bottom;
            for (int k = 0; k < parts.length && total > 0; k++) {
                int h = (int) Math.round((double) (bottom - top) * parts[k] / total);
                g.setColor(colours[k]);
                g.fillRect(x, y - h, width, h);
                y -= h;
            }
            g.setColor(Color.DARK_GRAY);
            if (n <= 16 || i % 2 == 0) {
                g.drawString(b.label(), x + width / 2 - g.getFontMetrics().stringWidth(b.label()) / 2, bottom + 26);
            }
        }
        String[] names = {"Tiêu cực", "Trung tính", "Tích cực", "Chưa rõ"};
        int x = left;
        for (int k = 0; k < names.length; k++) {
            g.setColor(colours[k]);
            g.fillRect(x, HEIGHT - 50, 24, 24);
            g.setColor(Color.BLACK);
            g.drawString(names[k], x + 32, HEIGHT - 31);
            x += 60 + g.getFontMetrics().stringWidth(names[k]);
        }
        return png(image, g);
    }

    private byte[] bars(String title, List<Bar> bars) {
        BufferedImage image = canvas();
        Graphics2D g = graphics(image);
        title(g, title);
        g.setFont(new Font(family, Font.PLAIN, 20));
        FontMetrics metrics = g.getFontMetrics();
        int labelWidth = Math.min(420, bars.stream().mapToInt(b -> metrics.stringWidth(b.label())).max().orElse(100) + 20);
        int left = 20 + labelWidth, right = WIDTH - 120, top = 80, bottom = HEIGHT - 30;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        if (bars.isEmpty()) {
            g.setColor(Color.DARK_GRAY);
            g.drawString("Không có số liệu trong kỳ", left, top + 60);
        }
        int slot = bars.isEmpty() ? 1 : Math.min(80, (bottom - top) / bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = top + i * slot;
            int length = (int) Math.round((double) (right - left) * bar.value() / max);
            g.setColor(bar.colour());
            g.fillRect(left, y + slot / 6, length, slot * 2 / 3);
            g.setColor(Color.BLACK);
            String label = clip(bar.label(), metrics, labelWidth - 20);
            g.drawString(label, left - 10 - metrics.stringWidth(label), y + slot / 2 + 7);
            g.drawString(ReportText.n(bar.value()), left + length + 8, y + slot / 2 + 7);
        }
        g.setColor(Color.GRAY);
        g.drawLine(left, top, left, bottom);
        return png(image, g);
    }

    private static String clip(String label, FontMetrics metrics, int width) {
        if (metrics.stringWidth(label) <= width) {
            return label;
        }
        String clipped = label;
        while (clipped.length() > 1 && metrics.stringWidth(clipped + "…") > width) {
            clipped = clipped.substring(0, clipped.length() - 1);
        }
        return clipped + "…";
    }

    private static BufferedImage canvas() {
        return new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    }

    private Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        return g;
    }

    private void title(Graphics2D g, String title) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(family, Font.BOLD, 26));
        g.drawString(title, (WIDTH - g.getFontMetrics().stringWidth(title)) / 2, 45);
    }

    private static void axes(Graphics2D g, int left, int top, int right, int bottom) {
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
    }

    private static byte[] png(BufferedImage image, Graphics2D g) {
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

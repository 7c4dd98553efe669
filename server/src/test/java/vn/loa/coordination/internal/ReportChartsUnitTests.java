package vn.loa.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.loa.coordination.ReportFigures;
import vn.loa.coordination.ReportFigures.Count;
import vn.loa.platform.MessageBundles;
import vn.loa.shared.NotFound;

/**
 * The report's charts are PNG pictures of the stated size drawn headless, with bars where the figures have counts (the
 * largest topic's bar the longest); an unknown chart is not found. The pictures are also written under
 * {@code target/report-charts} to look at.
 */
class ReportChartsUnitTests {

    static ReportFigures figures() {
        return new ReportFigures("QUARTERLY", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30),
                Instant.parse("2026-10-01T00:00:00Z"),
                new ReportFigures.Listening(3085, 405, 1740, 780, List.of(new Count("news", 2385), new Count("comment", 700)),
                        List.of(new Count("other", 2000), new Count("transport", 800), new Count("health", 640), new Count("education", 120)),
                        List.of(new Count("Phap luat", 800), new Count("Suc khoe", 640),
                                new Count("Doi song", 120)),
                        List.of(new ReportFigures.Bucket(LocalDate.of(2026, 6, 29), "01/07", 300, 500, 150, 50),
                                new ReportFigures.Bucket(LocalDate.of(2026, 7, 6), "06/07", 10, 40, 40, 10)),
                        List.of(), List.of(), 1200L,
                        List.of(new ReportFigures.Bucket(LocalDate.of(2026, 6, 29), "01/07", 250, 300, 100, 50))),
                new ReportFigures.Desk(4, 3, 1, 21.0, 2, 1), new ReportFigures.Transparency(4, 2, 1, 2, 1),
                new ReportFigures.Press(3, 2, 1, 2, 1, 1), new ReportFigures.Reach(2, 2, List.of(new Count("SMS", 1)), 1),
                new ReportFigures.Consultations(1, 1, 3),
                new ReportFigures.Tasks(List.of(new Count("DONE_ON_TIME", 5), new Count("DONE_LATE", 2),
                        new Count("IN_PROGRESS", 7), new Count("OVERDUE", 3)), Map.of(), 2, 1, List.of()));
    }

    @Test
    void eachChartIsAPictureWithItsBars() throws IOException {
        ReportText text = new ReportText(MessageBundles.real());
        // the document is in Vietnamese whatever the page's language: names from the Vietnamese bundle
        assertThat(text.name("topic.Phap luat", "Phap luat")).isEqualTo("Pháp luật");
        ReportCharts charts = new ReportCharts(text);
        Path out = Path.of("target", "report-charts");
        Files.createDirectories(out);
        for (String name : ReportCharts.NAMES) {
            byte[] png = charts.chart(name, figures());
            Files.write(out.resolve(name + ".png"), png);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(ReportCharts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(ReportCharts.HEIGHT);
        }
        // the policy domains, "other" left out: the first bar (800) is longer than the third (120)
        BufferedImage topics = ImageIO.read(new ByteArrayInputStream(charts.chart("topics", figures())));
        assertThat(barEnd(topics, 80 + 40)).isGreaterThan(barEnd(topics, 80 + 40 + 173));
        assertThatThrownBy(() -> charts.chart("pie", figures())).isInstanceOf(NotFound.class);
    }

    /** The right end of the bar colour on a row. */
    private static int barEnd(BufferedImage image, int y) {
        int end = -1;
        for (int x = 0; x < image.getWidth(); x++) {
            if ((image.getRGB(x, y) & 0xFFFFFF) == 0x1F5F99) {
                end = x;
            }
        }
        return end;
    }
}

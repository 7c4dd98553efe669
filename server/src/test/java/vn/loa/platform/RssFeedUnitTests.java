package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RssFeedUnitTests {

    @Test
    void aDescriptionIsPlainTextThatAReaderShowingItAsHtmlReadsAsWritten() throws Exception {
        String text = "Thông tin sai <a href=javascript:alert(1)>bấm đây</a> <script>alert(2)</script> & \"trích\" 'dẫn'";
        String body = RssFeed.answer("Bác bỏ", "Tin bác bỏ", "https://loa.example.vn/public/refutations",
                List.of(new RssFeed.Item("Sai sự thật", "https://loa.example.vn/public/refutations/1",
                        Instant.parse("2026-03-02T01:00:00Z"), "Sở Y tế", text))).getBody();
        Document feed = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        // what a reader gets after decoding the XML once, and then shows as HTML
        String description = ((Element) feed.getElementsByTagName("item").item(0)).getElementsByTagName("description")
                .item(0).getTextContent();
        assertThat(description).contains("&lt;script&gt;alert(2)&lt;/script&gt;")
                .contains("&lt;a href=javascript:alert(1)&gt;bấm đây&lt;/a&gt;")
                .contains("&amp; &quot;trích&quot; &#39;dẫn&#39;").doesNotContain("<script").doesNotContain("<a ");
        // the HTML it is reads as the text that was written
        assertThat(org.jsoup.Jsoup.parse(description).text()).isEqualTo(text);
    }
}

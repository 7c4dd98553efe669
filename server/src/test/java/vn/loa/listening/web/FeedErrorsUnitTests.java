package vn.loa.listening.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.loa.listening.internal.FeedProblem;

class FeedErrorsUnitTests {

    private static final Locale VI = Locale.of("vi");

    private final ResourceBundleMessageSource bundles = vn.loa.platform.MessageBundles.real();
    private final FeedErrors errors = new FeedErrors(bundles);


    @Test
    void everyProblemAFeedCanHaveIsSaidThroughBothBundlesWithWhatItNames() throws IOException {
        Properties vietnamese = properties("messages.properties");
        Properties english = properties("messages_en.properties");
        for (FeedProblem problem : FeedProblem.values()) {
            String key = FeedErrors.key(problem);
            assertThat(vietnamese).as(problem + " in Vietnamese").containsKey(key);
            assertThat(english).as(problem + " in English").containsKey(key);
            Object[] arguments = problem.argumentOrder().stream().map(i -> "«argument " + i + "»").toArray();
            String stored = problem.message(arguments);
            // read back as this problem and no other, with each argument in its place
            assertThat(errors.shown(stored, VI)).as(stored).isEqualTo(bundles.getMessage(key, arguments, VI))
                    .isNotEqualTo(stored);
            assertThat(errors.shown(stored, Locale.ENGLISH)).as(stored)
                    .isEqualTo(bundles.getMessage(key, arguments, Locale.ENGLISH));
            for (Object argument : arguments) {
                assertThat(errors.shown(stored, VI)).as(stored).contains(argument.toString());
                assertThat(errors.shown(stored, Locale.ENGLISH)).as(stored).contains(argument.toString());
            }
        }
        for (FeedProblem.Phrase phrase : FeedProblem.Phrase.values()) {
            assertThat(vietnamese).as(phrase + " in Vietnamese").containsKey(FeedErrors.key(phrase));
            assertThat(english).as(phrase + " in English").containsKey(FeedErrors.key(phrase));
        }
    }

    @Test
    void theFetchersAndReadersErrorsReadInVietnameseWithTheirPhrasesToo() {
        assertThat(errors.shown("the server answered HTTP 404", VI))
                .isEqualTo("Máy chủ của nguồn tin trả lời mã HTTP 404 thay vì nội dung nguồn tin.");
        assertThat(errors.shown("the server answered HTTP 302 without saying where to", VI))
                .isEqualTo("Máy chủ trả lời mã HTTP 302 (chuyển hướng) nhưng không cho biết chuyển đến đâu.");
        assertThat(errors.shown("fetching the feed took longer than 30 s, the limit", VI))
                .isEqualTo("Lấy nguồn tin mất hơn 30 giây, quá thời gian cho phép.");
        assertThat(errors.shown("the feed is larger than 10 MB, the limit", VI))
                .isEqualTo("Nguồn tin lớn hơn 10 MB, quá dung lượng cho phép.");
        assertThat(errors.shown("the feed is larger than 1500 bytes, the limit", VI))
                .isEqualTo("Nguồn tin lớn hơn 1500 byte, quá dung lượng cho phép.");
        assertThat(errors.shown("this is not an RSS, Atom or JSON feed (its root element is <html>)", VI))
                .isEqualTo("Địa chỉ này không phải nguồn tin RSS, Atom hay JSON Feed (phần tử gốc là <html>); có thể đây là"
                        + " một trang web thường.");
        assertThat(errors.shown("the feed's host metadata.internal is at 169.254.169.254, a link-local address"
                + " (169.254.0.0/16 or fe80::/10), where cloud metadata services answer, which Loa does not poll", VI))
                .isEqualTo("Máy chủ metadata.internal của nguồn tin ở địa chỉ 169.254.169.254, là một địa chỉ link-local"
                        + " (169.254.0.0/16 hoặc fe80::/10), nơi dịch vụ siêu dữ liệu của điện toán đám mây trả lời; Loa không"
                        + " lấy tin từ địa chỉ như vậy.");
        assertThat(errors.shown("the feed is not well-formed: byte 12 is not valid UTF-8, the default, as it declares none", VI))
                .isEqualTo("Nguồn tin bị lỗi mã ký tự: byte thứ 12 không hợp lệ theo bảng mã UTF-8 (bảng mã lấy từ mặc định,"
                        + " vì nguồn tin không khai báo).");
        assertThat(errors.shown("the feed's encoding \"x-klingon\" (from its XML declaration) is not one Loa can read",
                Locale.ENGLISH)).isEqualTo("The feed's encoding \"x-klingon\" (from its XML declaration) is not one Loa can read.");
        // the parser's own words stay as they are, inside the sentence
        assertThat(errors.shown("the feed is not well-formed XML: line 3: XML document structures must start and end"
                + " within the same entity.", VI)).isEqualTo("Nguồn tin không phải XML hợp lệ (line 3: XML document structures"
                        + " must start and end within the same entity.).");
        assertThat(errors.shown("the feed is empty", Locale.ENGLISH)).isEqualTo("The feed is empty.");
        // an error of no known form (an older version's) is shown as it was stored
        assertThat(errors.shown("something new", VI)).isEqualTo("something new");
        assertThat(errors.shown(null, VI)).isEmpty();
    }

    private static Properties properties(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(FeedErrorsUnitTests.class.getClassLoader().getResourceAsStream(name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}

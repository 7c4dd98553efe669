package vn.loa.press;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import vn.loa.TestClock;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.LocalTime;
import vn.loa.shared.MessagePart;

/**
 * A question that changes hands does not fall silent for the journalist who asked it: when the desk transfers it to the
 * competent agency, the journalist is e-mailed (a real SMTP server, GreenMail) which agency answers now and that the due
 * time stays; the history says whether they were told, so that the desk calls one who left no address.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
class PressTransferNoticeIntegrationTests {

    private static final SignedInUser OFFICER = new SignedInUser(4L, "officer", "Cán bộ Sở Y tế", null, "SYT",
            Set.of(Role.OFFICER));
    private static final SignedInUser JOURNALIST = new SignedInUser(7L, "press", "Phóng viên", null, "BPTTH",
            Set.of(Role.PRESS));
    private static final SignedInUser COORDINATOR = new SignedInUser(null, "coordinator", "Điều phối", null, "SVHTTDL",
            Set.of(Role.COORDINATOR));

    @Autowired
    Enquiries enquiries;

    @Test
    void theJournalistIsToldWhichAgencyAnswersTheirQuestionAfterATransferAndByWhen() throws Exception {
        String subject = "Giá điện sinh hoạt tăng " + System.nanoTime();
        Enquiry asked = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, null, null, null, null, null,
                subject, "Xin Sở cho biết lý do giá điện tăng.", null), JOURNALIST);
        GreenMail smtp = vn.loa.TestMail.smtp();
        smtp.start();
        try {
            enquiries.act(asked.id(), new Enquiries.Transition(EnquiryAction.TRANSFER, null, "Thuộc lĩnh vực công thương",
                    null, "SCT"), OFFICER);
            MimeMessage message = vn.loa.TestMail.received(smtp, "press@demo.loa.local", subject);
            assertThat(message).as("the journalist's e-mail").isNotNull();
            assertThat(message.getSubject()).contains("được chuyển cho Sở Công Thương");
            assertThat((String) message.getContent()).contains("Sở Y tế đã chuyển câu hỏi cho Sở Công Thương",
                    "Từ nay Sở Công Thương trả lời câu hỏi của bạn.", "Hạn trả lời giữ nguyên: "
                            + LocalTime.format(asked.dueAt()), "/press/enquiries/" + asked.id())
                    .doesNotContain("Thuộc lĩnh vực công thương");
        } finally {
            smtp.stop();
        }
        assertThat(enquiries.history(asked.id(), COORDINATOR).getLast().parts()).extracting(MessagePart::key)
                .contains("press.note.transferred", "press.mail.journalist-told");
        assertThat(enquiries.get(asked.id(), COORDINATOR).dueAt()).isEqualTo(asked.dueAt());

        // a question taken by phone with no address: the history tells the desk to call
        Enquiry phoned = enquiries.submit(new Enquiries.Question("SYT", EnquiryKind.ROUTINE, EnquiryChannel.PHONE,
                "Lê Văn Gọi", "Báo Kiểm Thử", null, "0905000222", "Câu hỏi qua điện thoại " + System.nanoTime(),
                "Hỏi về giá điện?", null), OFFICER);
        enquiries.act(phoned.id(), new Enquiries.Transition(EnquiryAction.TRANSFER, null, null, null, "SCT"), OFFICER);
        assertThat(enquiries.history(phoned.id(), COORDINATOR).getLast().parts()).extracting(MessagePart::key)
                .contains("press.mail.journalist-not-told");
    }
}

package vn.loa.publishing.internal;

import jakarta.mail.internet.MimeMessage;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.loa.publishing.Channel;
import vn.loa.publishing.ChannelAdapter;
import vn.loa.publishing.DeliveryDetail;
import vn.loa.publishing.DeliveryStatus;
import vn.loa.publishing.Publication;

/**
 * E-mail through the configured SMTP server (Spring's {@code spring.mail.*}), one message per recipient. The
 * delivery's idempotency key is the message's Message-ID, so a message sent again after a restart is the same message
 * to the recipient's mail system.
 */
@Component
class SmtpAdapter implements ChannelAdapter {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String baseUrl;

    SmtpAdapter(ObjectProvider<JavaMailSender> mail, @Value("${loa.alerts.mail-from:loa@localhost}") String from,
            @Value("${loa.alerts.base-url}") String baseUrl) {
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.EMAIL);
    }

    @Override
    public boolean reachesPeople(Channel channel) {
        return mail.getIfAvailable() != null;
    }

    @Override
    public Outcome send(Message m) throws Exception {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new Failure("publishing.detail.no-mail-server");
        }
        String domain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "loa.local";
        String messageId = "<" + m.idempotencyKey() + "@" + domain + ">";
        MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, !m.attachments().isEmpty(), "UTF-8");
        helper.setFrom(from);
        helper.setTo(m.recipient());
        helper.setSubject("[Loa] " + (m.emergency() ? "KHẨN: " : "") + (m.title() == null ? "" : m.title()));
        helper.setText(org.jsoup.Jsoup.parse(m.body()).wholeText() + "\n\n" + baseUrl + "/public/messages/"
                + m.publicationId() + "\n");
        for (Publication.Attachment a : m.attachments()) {
            helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
        }
        message.setHeader("Content-Language", m.language());
        sender.send(message);
        return new Outcome(DeliveryStatus.SENT, DeliveryDetail.of("publishing.detail.mail-accepted", messageId));
    }
}

package vn.loa.press.internal;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import vn.loa.shared.MessagePart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** The desk's e-mail: one message to each address, and a note for the history saying how it went, in the reader's words. */
@Component
class PressMail {

    private static final Logger log = LoggerFactory.getLogger(PressMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String baseUrl;

    PressMail(ObjectProvider<JavaMailSender> mail, @Value("${loa.alerts.mail-from:loa@localhost}") String from,
            @Value("${loa.alerts.base-url}") String baseUrl) {
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The address of a page of Loa, for a message. */
    String link(String path) {
        return baseUrl + path;
    }

    MessagePart send(List<String> to, String subject, String text) {
        List<String> addresses = to.stream().filter(a -> a != null && !a.isBlank()).distinct().toList();
        if (addresses.isEmpty()) {
            return MessagePart.of("press.mail.no-address");
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return MessagePart.of("press.mail.unconfigured");
        }
        int sent = 0;
        for (String address : addresses) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(from);
                helper.setTo(address);
                helper.setSubject("[Loa] " + subject);
                helper.setText(text);
                sender.send(message);
                sent++;
            } catch (Exception e) {
                log.warn("Could not e-mail from the press desk: {}", e.getMessage());
            }
        }
        return MessagePart.of("press.mail.sent", sent, addresses.size());
    }
}

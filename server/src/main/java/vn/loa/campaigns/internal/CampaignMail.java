package vn.loa.campaigns.internal;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.loa.shared.AfterCommit;

/** Tells a person by e-mail that work waits for them, once the change that gave it to them has committed. */
@Component
class CampaignMail {

    private static final Logger log = LoggerFactory.getLogger(CampaignMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String baseUrl;

    CampaignMail(ObjectProvider<JavaMailSender> mail, @Value("${loa.alerts.mail-from:loa@localhost}") String from,
            @Value("${loa.alerts.base-url}") String baseUrl) {
        this.mail = mail;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Sends after the current transaction commits (at once when there is none); a failure is logged, never thrown. */
    void sendAfterCommit(String to, String subject, String text, String path) {
        if (to == null || to.isBlank()) {
            return;
        }
        Runnable send = () -> send(to, subject, text + "\n\n" + baseUrl + path + "\n");
        AfterCommit.run(send);
    }

    private void send(String to, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject("[Loa] " + subject);
            helper.setText(text);
            sender.send(message);
        } catch (Exception e) {
            log.warn("Could not e-mail a campaign task: {}", e.getMessage());
        }
    }
}

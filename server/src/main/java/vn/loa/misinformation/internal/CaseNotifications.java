package vn.loa.misinformation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.misinformation.Cases;
import vn.loa.shared.Languages;

/**
 * Tells the people concerned about a case: a notification in the app, in the same transaction as
 * the change, and an e-mail after the change is committed when an SMTP server is configured (a mail
 * server that is down delays nobody's work; the failure is logged).
 */
@Component
class CaseNotifications {

    private static final Log log = LogFactory.getLog(CaseNotifications.class);

    /** E-mails to send once the change is committed. */
    record MailsReady(List<SimpleMailMessage> mails) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Users users;
    private final MessageSource messages;
    private final ObjectProvider<JavaMailSender> mail;
    private final MisinformationSettings settings;
    private final ApplicationEventPublisher events;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "loa-case-mail");
        thread.setDaemon(true);
        return thread;
    });

    CaseNotifications(JdbcClient jdbc, Clock clock, Users users, MessageSource messages, ObjectProvider<JavaMailSender> mail,
            MisinformationSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
        this.messages = messages;
        this.mail = mail;
        this.settings = settings;
        this.events = events;
    }

    void notify(long caseId, Collection<String> usernames, String messageKey) {
        notify(caseId, usernames, messageKey, false);
    }

    /**
     * Records the notification for each person; with {@code onceWhileUnread}, not for someone who has not yet read
     * the same notification about the case (repeats found every few seconds make one notification, not hundreds).
     */
    void notify(long caseId, Collection<String> usernames, String messageKey, boolean onceWhileUnread) {
        if (usernames.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String claim = jdbc.sql("SELECT claim FROM misinformation_case WHERE id = ?").param(caseId).query(String.class).single();
        List<SimpleMailMessage> mails = new ArrayList<>();
        for (String username : usernames) {
            if (onceWhileUnread && jdbc.sql("""
                    SELECT count(*) FROM case_notification WHERE username = ? AND case_id = ? AND message_key = ? AND read_at IS NULL
                    """).params(username, caseId, messageKey).query(Long.class).single() > 0) {
                continue;
            }
            jdbc.sql("INSERT INTO case_notification (username, case_id, message_key, created_at) VALUES (?, ?, ?, ?)")
                    .params(username, caseId, messageKey, Timestamp.from(now)).update();
            users.findByUsername(username).filter(UserAccount::enabled).map(UserAccount::email)
                    .filter(email -> email != null && !email.isBlank()).ifPresent(email -> {
                        SimpleMailMessage message = new SimpleMailMessage();
                        message.setFrom(settings.mailFrom());
                        message.setTo(email);
                        String subject = messages.getMessage(messageKey, new Object[] {caseId}, messageKey, Languages.VIETNAMESE);
                        message.setSubject("[Loa] " + subject);
                        message.setText(subject + "\n\n" + claim + "\n");
                        mails.add(message);
                    });
        }
        if (!mails.isEmpty()) {
            events.publishEvent(new MailsReady(mails));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void send(MailsReady ready) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        this.sender.execute(() -> {
            for (SimpleMailMessage message : ready.mails()) {
                try {
                    sender.send(message);
                } catch (RuntimeException e) {
                    log.warn("Could not e-mail a case notification: " + e.getMessage());
                }
            }
        });
    }

    /** Marks the user's notifications about the case as read. */
    void markRead(String username, long caseId) {
        jdbc.sql("UPDATE case_notification SET read_at = ? WHERE username = ? AND case_id = ? AND read_at IS NULL")
                .params(Timestamp.from(clock.instant()), username, caseId).update();
    }

    /** The user's notifications, unread ones first, newest first. */
    List<Cases.Notification> of(String username, int limit) {
        return jdbc.sql("""
                SELECT n.id, n.case_id, c.claim, n.message_key, n.created_at, n.read_at IS NOT NULL
                  FROM case_notification n JOIN misinformation_case c ON c.id = n.case_id
                 WHERE n.username = ? ORDER BY n.read_at IS NOT NULL, n.id DESC LIMIT ?
                """).params(username, limit).query((rs, n) -> new Cases.Notification(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getBoolean(6))).list();
    }
}

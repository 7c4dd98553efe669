package vn.loa.coordination.internal;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.loa.identity.Role;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.shared.AgencyId;
import vn.loa.shared.LocalTime;
import vn.loa.shared.MessagePart;
import vn.loa.shared.PageRequest;

/** E-mails about tasks and difficulties to an agency's people, the coordinators and the leaders. */
@Component
class CoordinationMail {

    private static final Logger log = LoggerFactory.getLogger(CoordinationMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final Users users;
    private final String mailFrom;
    private final String baseUrl;

    CoordinationMail(ObjectProvider<JavaMailSender> mail, Users users,
            @Value("${loa.alerts.mail-from:loa@localhost}") String mailFrom,
            @Value("${loa.alerts.base-url}") String baseUrl) {
        this.mail = mail;
        this.users = users;
        this.mailFrom = mailFrom;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String link(String path) {
        return baseUrl + path;
    }

    /** The addresses of the agency's active officers and spokespersons. */
    List<String> agencyPeople(long agencyId) {
        List<String> emails = new ArrayList<>();
        for (Role role : List.of(Role.OFFICER, Role.SPOKESPERSON)) {
            emails.addAll(withRole(role, new AgencyId(agencyId)));
        }
        return emails.stream().distinct().toList();
    }

    /** The addresses of the active coordinators and leaders. */
    List<String> coordinatorsAndLeaders() {
        List<String> emails = new ArrayList<>(withRole(Role.COORDINATOR, null));
        emails.addAll(withRole(Role.LEADER, null));
        return emails.stream().distinct().toList();
    }

    private List<String> withRole(Role role, AgencyId agency) {
        return users.list(new Users.UserFilter(null, role, agency, "active"), new PageRequest(1, PageRequest.MAX_SIZE))
                .items().stream().map(UserAccount::email).filter(e -> e != null && !e.isBlank()).toList();
    }

    /**
     * How sending went, for a task's history: to how many of how many addresses, or why nothing was sent.
     *
     * @param configured whether a mail server is set up
     * @param sent how many e-mails went
     * @param total to how many addresses
     */
    record Sent(boolean configured, int sent, int total) {

        /** In Vietnamese, as the audit trail and the history's text record it. */
        String vietnamese() {
            if (total == 0) {
                return "không có địa chỉ thư điện tử nào để gửi";
            }
            return configured ? "đã gửi thư cho " + sent + "/" + total + " người" : "chưa gửi thư: chưa cấu hình máy chủ thư";
        }

        /** As each reader's language says it, with the due date it was about: {@code coordination.history.mail.*}. */
        MessagePart about(LocalDate due) {
            String day = LocalTime.format(due);
            if (total == 0) {
                return MessagePart.of("coordination.history.mail.nobody", day);
            }
            return configured ? MessagePart.of("coordination.history.mail.sent", day, sent, total)
                    : MessagePart.of("coordination.history.mail.unconfigured", day);
        }
    }

    /** Sends one e-mail to each address; says how it went. */
    Sent send(List<String> to, String subject, String text) {
        if (to.isEmpty()) {
            return new Sent(true, 0, 0);
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new Sent(false, 0, to.size());
        }
        int sent = 0;
        for (String address : to) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(mailFrom);
                helper.setTo(address);
                helper.setSubject(subject);
                helper.setText(text);
                sender.send(message);
                sent++;
            } catch (Exception e) {
                log.warn("Could not e-mail about a task or a difficulty: {}", e.getMessage());
            }
        }
        return new Sent(true, sent, to.size());
    }
}

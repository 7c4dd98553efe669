package vn.loa.coordination.internal;

import jakarta.mail.internet.MimeMessage;
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
            @Value("${loa.alerts.base-url:http://localhost:8080}") String baseUrl) {
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

    /** Sends one e-mail to each address; says how it went, in Vietnamese, for the task's history. */
    String send(List<String> to, String subject, String text) {
        if (to.isEmpty()) {
            return "không có địa chỉ thư điện tử nào để gửi";
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return "chưa gửi thư: chưa cấu hình máy chủ thư";
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
        return "đã gửi thư cho " + sent + "/" + to.size() + " người";
    }
}

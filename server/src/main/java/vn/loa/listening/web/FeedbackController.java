package vn.loa.listening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/**
 * Manual entry of citizen feedback received by telephone or at an office. It goes through the same
 * pipeline as every post, on the source {@code manual-AGENCY} owned by the officer's agency, so it
 * is non-public: only that agency and the province-wide roles see it.
 */
@Controller
@RequestMapping("/posts/feedback")
@ConditionalOnWebApplication
class FeedbackController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final PostImporter importer;
    private final ObjectMapper json;
    private final Clock clock;
    private final QuarantineReasons reasons;

    FeedbackController(PostImporter importer, ObjectMapper json, Clock clock, QuarantineReasons reasons) {
        this.importer = importer;
        this.json = json;
        this.clock = clock;
        this.reasons = reasons;
    }

    /** The form's fields. */
    static final class Form {
        private String channel = "hotline";
        private String receivedAt = "";
        private String citizen = "";
        private String text = "";

        public String getChannel() {
            return channel;
        }

        public void setChannel(String channel) {
            this.channel = channel;
        }

        public String getReceivedAt() {
            return receivedAt;
        }

        public void setReceivedAt(String receivedAt) {
            this.receivedAt = receivedAt;
        }

        public String getCitizen() {
            return citizen;
        }

        public void setCitizen(String citizen) {
            this.citizen = citizen;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }
    }

    @GetMapping
    String form(Model model) {
        user();
        Form form = new Form();
        form.setReceivedAt(WHEN.format(clock.instant().atZone(LocalTime.ZONE)));
        model.addAttribute("feedbackForm", form);
        return "listening/feedback";
    }

    @PostMapping
    String save(@ModelAttribute("feedbackForm") Form form, BindingResult errors, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        SignedInUser user = user();
        List<InvalidInput> problems = new java.util.ArrayList<>();
        if (!List.of("hotline", "office").contains(form.getChannel())) {
            problems.add(new InvalidInput("channel", "feedback.error.channel"));
        }
        LocalDateTime received = null;
        try {
            received = LocalDateTime.parse(form.getReceivedAt().strip(), LocalTime.DAY_TIME_INPUT);
        } catch (DateTimeParseException e) {
            problems.add(new InvalidInput("receivedAt", "feedback.error.received-at"));
        }
        if (received != null && received.atZone(LocalTime.ZONE).toInstant().isAfter(clock.instant().plusSeconds(60))) {
            // a call is recorded after it came: a time ahead is a slip of the year or the day, said of its own field
            problems.add(new InvalidInput("receivedAt", "feedback.error.received-future"));
        }
        if (form.getText() == null || form.getText().isBlank() || form.getText().length() > 10_000) {
            problems.add(new InvalidInput("text", "feedback.error.text"));
        }
        if (form.getCitizen() != null && form.getCitizen().length() > 200) {
            problems.add(new InvalidInput("citizen", "feedback.error.citizen"));
        }
        if (!problems.isEmpty()) {
            for (InvalidInput problem : problems) {
                errors.rejectValue(problem.field(), problem.messageKey(), problem.arguments(), problem.messageKey());
            }
            response.setStatus(422);
            return "listening/feedback";
        }
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("source", "manual-" + (user.agencyCode() == null ? "province" : user.agencyCode()));
        post.put("platform", form.getChannel());
        post.put("external_id", UUID.randomUUID().toString());
        post.put("author", form.getCitizen() == null || form.getCitizen().isBlank() ? null : form.getCitizen().strip());
        post.put("published_at", received.atZone(LocalTime.ZONE).toOffsetDateTime().toString());
        post.put("text", form.getText().strip());
        ImportSummary summary = importer.importFile("feedback", new ByteArrayInputStream(
                (json.writeValueAsString(post) + "\n").getBytes(StandardCharsets.UTF_8)), user.actor(), user.agency());
        if (!summary.quarantined().isEmpty()) {
            String reason = reasons.shown(summary.quarantined().get(0).reason(), LocaleContextHolder.getLocale());
            errors.rejectValue("text", "feedback.error.refused", new Object[] {reason}, reason);
            response.setStatus(422);
            return "listening/feedback";
        }
        redirect.addFlashAttribute("flashKey", "feedback.saved");
        return "redirect:/posts/feedback";
    }

    private static SignedInUser user() {
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        if (!(user.has(Role.OFFICER) || user.has(Role.COORDINATOR) || user.has(Role.ADMIN))) {
            throw new AccessDeniedException("recording feedback is for officers, coordinators and administrators");
        }
        return user;
    }
}

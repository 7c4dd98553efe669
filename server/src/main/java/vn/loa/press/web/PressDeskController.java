package vn.loa.press.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.calendar.DueDate;
import vn.loa.calendar.DueDateText;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.NavigationItem;
import vn.loa.platform.Pager;
import vn.loa.press.Enquiries;
import vn.loa.press.Enquiry;
import vn.loa.press.EnquiryAction;
import vn.loa.press.EnquiryChannel;
import vn.loa.press.EnquiryKind;
import vn.loa.press.EnquiryStatus;
import vn.loa.press.Spokespersons;
import vn.loa.press.TimeLimitUnit;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * The press desk: for a journalist, the questions they asked and the answers; for an agency, its press enquiries open
 * and due first, with the agencies that have no valid spokesperson flagged; one enquiry with its due time, how it was
 * counted and the source of its limit, its history and the actions the user may take.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/press")
class PressDeskController {

    private final Enquiries enquiries;
    private final Spokespersons registry;
    private final AgencyDirectory agencies;
    private final WorkingDays calendar;
    private final DueDateText dueText;
    private final Clock clock;
    private final PressFollowUp followUp;
    private final vn.loa.platform.DisplayNames names;

    PressDeskController(Enquiries enquiries, Spokespersons registry, AgencyDirectory agencies, WorkingDays calendar,
            DueDateText dueText, Clock clock, PressFollowUp followUp, vn.loa.platform.DisplayNames names) {
        this.followUp = followUp;
        this.names = names;
        this.enquiries = enquiries;
        this.registry = registry;
        this.agencies = agencies;
        this.calendar = calendar;
        this.dueText = dueText;
        this.clock = clock;
    }

    @GetMapping
    String desk(@RequestParam(required = false) String status, @RequestParam(required = false) String page, Model model) {
        SignedInUser user = user();
        EnquiryStatus chosen = null;
        if (status != null && !status.isBlank()) {
            try {
                chosen = EnquiryStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                chosen = null;
            }
        }
        Page<Enquiry> list = enquiries.list(new Enquiries.Filter(chosen, null, null), PageRequest.lenient(page, null), user);
        model.addAttribute("enquiries", list.items());
        model.addAttribute("pager", Pager.of("/press", Map.of("status", chosen == null ? "" : chosen.name()), list));
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", EnquiryStatus.values());
        model.addAttribute("now", clock.instant());
        model.addAttribute("journalist", user.has(Role.PRESS));
        model.addAttribute("staff", !user.has(Role.PRESS));
        model.addAttribute("mayRecord", user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON) || user.has(Role.COORDINATOR)
                || user.has(Role.ADMIN));
        if (!user.has(Role.PRESS)) {
            List<String> missing = registry.agenciesWithoutSpokesperson(today());
            model.addAttribute("withoutSpokesperson", user.has(Role.COORDINATOR) || user.has(Role.ADMIN) || user.has(Role.LEADER)
                    ? missing : missing.stream().filter(code -> code.equals(user.agencyCode())).toList());
        }
        if (!user.has(Role.PRESS)) {
            // the open questions of agencies where nobody may approve an answer: marked in the list
            model.addAttribute("noApprover", list.items().stream().filter(e -> e.status().open()).map(Enquiry::agencyCode)
                    .distinct().filter(code -> !enquiries.hasApprover(code)).collect(java.util.stream.Collectors.toSet()));
        } else {
            model.addAttribute("noApprover", Set.of());
        }
        List<Enquiry> published = enquiries.publishedAnswers(5);
        model.addAttribute("published", published);
        // linked only where the reader may open the enquiry; another agency's staff read the answer in the list
        model.addAttribute("openable", published.stream().filter(e -> enquiries.mayOpen(e, user)).map(Enquiry::id)
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("limits", enquiries.timeLimits());
        followUp.addTo(model, user);
        return "press/desk";
    }

    @GetMapping("/enquiries/new")
    String form(Model model) {
        prepare(model, Map.of());
        // an agency's officer records for their own agency only: the one choice is already made
        if (model.getAttribute("agencyOptions") instanceof List<?> options && options.size() == 1
                && options.getFirst() instanceof Agency only && !user().has(Role.PRESS)) {
            model.addAttribute("form", Map.of("agencyCode", only.code()));
        }
        return "press/enquiry-new";
    }

    @PostMapping("/enquiries")
    String ask(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String journalistName,
            @RequestParam(defaultValue = "") String outletName, @RequestParam(defaultValue = "") String contactEmail,
            @RequestParam(defaultValue = "") String contactPhone, @RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String question, @RequestParam(defaultValue = "") String receivedAt,
            HttpServletResponse response, Model model) {
        List<InvalidInput> problems = new ArrayList<>();
        EnquiryKind chosenKind = PressApiController.parse(EnquiryKind.class, kind, "kind", problems);
        EnquiryChannel chosenChannel = PressApiController.parse(EnquiryChannel.class, channel, "channel", problems);
        OffsetDateTime received = null;
        if (!receivedAt.isBlank()) {
            try {
                received = LocalDateTime.parse(receivedAt).atZone(LocalTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                problems.add(new InvalidInput("receivedAt", "press.error.received-format"));
            }
        }
        try {
            InvalidInput.throwIfAny(problems);
            Enquiry created = enquiries.submit(new Enquiries.Question(agencyCode, chosenKind, chosenChannel, journalistName,
                    outletName, contactEmail, contactPhone, subject, question, received), user());
            return "redirect:/press/enquiries/" + created.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepare(model, Map.of("agencyCode", agencyCode, "kind", kind, "channel", channel, "journalistName", journalistName,
                    "outletName", outletName, "contactEmail", contactEmail, "contactPhone", contactPhone, "subject", subject,
                    "question", question, "receivedAt", receivedAt));
            return "press/enquiry-new";
        }
    }

    @GetMapping("/enquiries/{id}")
    String enquiry(@PathVariable long id, Model model) {
        SignedInUser user = user();
        Enquiry e = enquiries.get(id, user);
        model.addAttribute("e", e);
        model.addAttribute("now", clock.instant());
        model.addAttribute("actions", enquiries.actionsFor(e, user));
        // which draft the reader saw: a draft or an approval sent from this page is refused if it changed since
        model.addAttribute("draftSeen", Enquiries.draftMark(e.draft()));
        boolean staff = !user.has(Role.PRESS);
        model.addAttribute("staff", staff);
        model.addAttribute("noApprover", false);
        model.addAttribute("inPlace", false);
        // a commune's chairman speaks for it by law (Decree 09/2017, Art. 3), listed in the registry or not
        model.addAttribute("commune", agencies.findByCode(e.agencyCode(), today())
                .map(a -> a.kind() == AgencyKind.COMMUNE).orElse(false));
        model.addAttribute("grantsRoles", false);
        if (staff) {
            model.addAttribute("history", enquiries.history(id, user));
            model.addAttribute("agencyOptions", agencies.validOn(today()).stream()
                    .filter(a -> a.kind() == AgencyKind.PROVINCE || a.kind() == AgencyKind.DEPARTMENT
                            || a.kind() == AgencyKind.COMMUNE || a.kind() == AgencyKind.DISTRICT)
                    .filter(a -> !a.code().equals(e.agencyCode())).toList());
        }
        if (staff && e.status().open()) {
            // nobody at the agency may approve its answer: say so, who can, and what to do, before the time runs out
            boolean noApprover = !enquiries.hasApprover(e.agencyCode());
            model.addAttribute("noApprover", noApprover);
            // a coordinator approves or returns in the agency's place, with the basis written down
            model.addAttribute("inPlace", noApprover && user.has(Role.COORDINATOR)
                    && !(user.has(Role.SPOKESPERSON) && e.agencyCode().equals(user.agencyCode())));
            model.addAttribute("grantsRoles", user.has(Role.ADMIN));
        }
        if (staff && e.crisisRequestPending()) {
            // what confirming would mean: the crisis limit of the day received, counted from the question
            model.addAttribute("crisisLimit", enquiries.timeLimit(EnquiryKind.CRISIS,
                    LocalDate.ofInstant(e.receivedAt(), LocalTime.ZONE)));
        }
        if (e.timeLimit().unit() == TimeLimitUnit.WORKING_DAYS && e.status().open()) {
            DueDate due = calendar.add(LocalDate.ofInstant(e.receivedAt(), LocalTime.ZONE), e.timeLimit().amount(),
                    PeriodUnit.WORKING_DAYS, e.agencyCode());
            model.addAttribute("dueWhy", dueText.explain(due, LocaleContextHolder.getLocale()));
        }
        return "press/enquiry";
    }

    @PostMapping("/enquiries/{id}/actions")
    String act(@PathVariable long id, @RequestParam(defaultValue = "") String action, @RequestParam(required = false) String draft,
            @RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean publish,
            @RequestParam(required = false) String transferTo, @RequestParam(required = false) String draftSeen,
            RedirectAttributes redirect) {
        try {
            EnquiryAction chosen = EnquiryAction.valueOf(action);
            Enquiry after = enquiries.act(id, new Enquiries.Transition(chosen, draft, note, publish, transferTo, draftSeen),
                    user());
            if (!enquiries.mayOpen(after, user())) {
                // passed to an agency whose question this officer may no longer open: back to the list, saying where
                redirect.addFlashAttribute("flashKey", "press.done.TRANSFER.away");
                redirect.addFlashAttribute("flashArgs", new Object[] {String.valueOf(id), names.agency(after.agencyCode())});
                return "redirect:/press";
            }
            redirect.addFlashAttribute("flashKey", "press.done." + chosen.name());
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorKey", "press.error.action");
        } catch (InvalidInput e) {
            // named by its field, and what was typed stays in the form
            redirect.addFlashAttribute("problems", e.all());
            redirect.addFlashAttribute("typedAction", action);
            redirect.addFlashAttribute("typedNote", note);
            redirect.addFlashAttribute("typedDraft", draft);
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
            // a draft refused because another was saved meanwhile stays in the form, beside the newer one
            redirect.addFlashAttribute("typedAction", action);
            redirect.addFlashAttribute("typedNote", note);
            redirect.addFlashAttribute("typedDraft", draft);
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "press.error.not-yours");
        }
        return "redirect:/press/enquiries/" + id;
    }

    private void prepare(Model model, Map<String, String> form) {
        SignedInUser user = user();
        boolean journalist = user.has(Role.PRESS);
        List<Agency> valid = agencies.validOn(today()).stream()
                .filter(a -> a.kind() == AgencyKind.PROVINCE || a.kind() == AgencyKind.DEPARTMENT
                        || a.kind() == AgencyKind.COMMUNE || a.kind() == AgencyKind.DISTRICT).toList();
        model.addAttribute("agencyOptions", journalist || user.has(Role.COORDINATOR) || user.has(Role.ADMIN) ? valid
                : valid.stream().filter(a -> a.code().equals(user.agencyCode())).toList());
        model.addAttribute("journalist", journalist);
        model.addAttribute("kinds", EnquiryKind.values());
        model.addAttribute("channels", List.of(EnquiryChannel.PHONE, EnquiryChannel.EMAIL));
        model.addAttribute("form", form);
        model.addAttribute("limits", enquiries.timeLimits().stream().filter(l -> l.validTo() == null).toList());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem pressNavigation() {
            return new NavigationItem("nav.press", "/press", 32,
                    Set.of("ADMIN", "COORDINATOR", "LEADER", "OFFICER", "SPOKESPERSON", "PRESS"));
        }
    }
}

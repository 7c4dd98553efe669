package vn.loa.press.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.Pager;
import vn.loa.press.MediaDirectory;
import vn.loa.press.Statement;
import vn.loa.press.StatementChannel;
import vn.loa.press.StatementForm;
import vn.loa.press.StatementStatus;
import vn.loa.press.Statements;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * Statements on the desk: the agency's drafts and every published statement, by form; the form to draft one in one of
 * the six forms of Decree 09/2017, Art. 4; and one statement, which the agency's spokesperson publishes as its approver.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/press/statements")
class StatementsController {

    private final Statements statements;
    private final MediaDirectory media;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final vn.loa.press.Corrections corrections;
    private final vn.loa.identity.Users users;

    StatementsController(Statements statements, MediaDirectory media, AgencyDirectory agencies, Clock clock,
            vn.loa.press.Corrections corrections, vn.loa.identity.Users users) {
        this.corrections = corrections;
        this.users = users;
        this.statements = statements;
        this.media = media;
        this.agencies = agencies;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String form, @RequestParam(required = false) String page, Model model) {
        StatementForm chosen = PressApiController.parse(StatementForm.class, form, "form", new ArrayList<>());
        Page<Statement> list = statements.list(chosen, PageRequest.lenient(page, null), PressDeskController.user());
        model.addAttribute("statements", list.items());
        model.addAttribute("pager", Pager.of("/press/statements", Map.of("form", chosen == null ? "" : chosen.name()), list));
        model.addAttribute("form", chosen);
        model.addAttribute("forms", StatementForm.values());
        model.addAttribute("mayDraft", mayDraft(PressDeskController.user()));
        return "press/statements";
    }

    @GetMapping("/new")
    String draftForm(Model model) {
        prepare(model, Map.of());
        return "press/statement-new";
    }

    @PostMapping
    String draft(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String form,
            @RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) Long outletId,
            HttpServletResponse response, Model model) {
        List<InvalidInput> problems = new ArrayList<>();
        StatementForm chosenForm = PressApiController.parse(StatementForm.class, form, "form", problems);
        StatementChannel chosenChannel = PressApiController.parse(StatementChannel.class, channel, "channel", problems);
        try {
            InvalidInput.throwIfAny(problems);
            Statement created = statements.draft(new Statements.Draft(agencyCode, chosenForm, chosenChannel, title, body,
                    outletId, null), PressDeskController.user());
            return "redirect:/press/statements/" + created.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepare(model, Map.of("agencyCode", agencyCode, "form", form, "channel", channel, "title", title, "body", body,
                    "outletId", outletId == null ? "" : outletId.toString()));
            return "press/statement-new";
        }
    }

    @GetMapping("/{id}")
    String statement(@PathVariable long id, Model model) {
        SignedInUser user = PressDeskController.user();
        Statement s = statements.get(id, user);
        model.addAttribute("s", s);
        model.addAttribute("outlet", s.outletId() == null ? null : media.outlet(s.outletId()));
        model.addAttribute("correction", corrections.watchOf(id, user).orElse(null));
        boolean spokesperson = user.has(Role.SPOKESPERSON) && s.agencyCode().equals(user.agencyCode());
        // a coordinator publishes in the place of an agency where nobody may, with the basis written down
        boolean inPlace = s.status() == StatementStatus.DRAFT && !spokesperson && !user.username().equals(s.draftedBy())
                && statements.mayPublishInPlace(s.agencyCode(), user);
        boolean mayPublish = s.status() == StatementStatus.DRAFT && (spokesperson || inPlace)
                && !user.username().equals(s.draftedBy());
        model.addAttribute("mayPublish", mayPublish);
        model.addAttribute("inPlace", inPlace);
        // nobody at the agency holds the spokesperson role (not even the author): a coordinator may publish in its place
        model.addAttribute("nobodyApproves", s.status() == StatementStatus.DRAFT && !mayPublish
                && approvers(s, null).isEmpty());
        if (s.status() == StatementStatus.DRAFT && !mayPublish && s.draftedBy() != null) {
            // a draft waits for a spokesperson of the agency other than its author: say who, or that there is none
            model.addAttribute("approvers", approvers(s, s.draftedBy()));
        }
        return "press/statement";
    }

    /** The agency's spokespersons, other than {@code author} (may be null), who may approve and publish it: names. */
    private List<String> approvers(Statement s, String author) {
        java.util.Optional<vn.loa.shared.AgencyId> agency = agencies.findByCode(s.agencyCode(),
                LocalDate.now(clock.withZone(LocalTime.ZONE))).map(vn.loa.identity.Agency::id);
        return users.list().stream().filter(u -> u.enabled() && u.roles().contains(Role.SPOKESPERSON)
                        && agency.isPresent() && agency.get().equals(u.agency()) && !u.username().equals(author))
                .map(vn.loa.identity.UserAccount::fullName).sorted().toList();
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(required = false) String basis, RedirectAttributes redirect) {
        try {
            statements.publish(id, basis, PressDeskController.user());
            redirect.addFlashAttribute("flashKey", "press.statement.published");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "press.error.not-yours");
        }
        return "redirect:/press/statements/" + id;
    }

    private static boolean mayDraft(SignedInUser user) {
        return user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON) || user.has(Role.COORDINATOR) || user.has(Role.ADMIN);
    }

    private void prepare(Model model, Map<String, String> form) {
        SignedInUser user = PressDeskController.user();
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        List<Agency> valid = agencies.validOn(today).stream().filter(a -> a.kind() != AgencyKind.PRESS).toList();
        model.addAttribute("agencyOptions", user.has(Role.COORDINATOR) || user.has(Role.ADMIN) ? valid
                : valid.stream().filter(a -> a.code().equals(user.agencyCode())).toList());
        model.addAttribute("forms", StatementForm.values());
        model.addAttribute("channels", StatementChannel.values());
        model.addAttribute("outlets", media.outlets(today));
        model.addAttribute("form", form);
    }
}

package vn.loa.consultation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.loa.consultation.Consultation;
import vn.loa.consultation.Consultations;
import vn.loa.consultation.Contribution;
import vn.loa.consultation.Contributions;
import vn.loa.consultation.DraftUnit;
import vn.loa.consultation.Drafts;
import vn.loa.consultation.TooManyContributions;
import vn.loa.identity.AgencyNames;
import vn.loa.platform.ProvinceSettings;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * The consultations on the public portal, open to everyone: those open now and the past ones; one consultation with the
 * draft article by article, its questions, period and agency, the published contributions, and a comment form per
 * article and for the whole draft (the comment is recorded when the one-time code sent to the contributor's e-mail or
 * phone is given back); and the changes between the consulted and the final text.
 */
@Controller
@ConditionalOnWebApplication
class PublicConsultationController {

    private final Consultations consultations;
    private final Drafts drafts;
    private final Contributions contributions;
    private final AgencyNames agencies;
    private final ProvinceSettings province;
    private final Clock clock;

    PublicConsultationController(Consultations consultations, Drafts drafts, Contributions contributions,
            AgencyNames agencies, ProvinceSettings province, Clock clock) {
        this.consultations = consultations;
        this.drafts = drafts;
        this.contributions = contributions;
        this.agencies = agencies;
        this.province = province;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    /** Whether a code can be sent by e-mail here: when not, the comment form says so and asks for a phone number. */
    @org.springframework.web.bind.annotation.ModelAttribute("emailCodes")
    boolean emailCodes() {
        return contributions.codesReachByEmail();
    }

    @GetMapping("/public/consultations")
    String list(Model model) {
        model.addAttribute("open", consultations.openOn(today()));
        model.addAttribute("past", consultations.pastOnes(50));
        model.addAttribute("provinceName", province.name());
        return "public/consultations";
    }

    @GetMapping("/public/consultations/{id:\\d+}")
    String one(@PathVariable long id, Model model, java.util.Locale locale) {
        Consultation c = published(id);
        prepare(c, model, locale);
        return "public/consultation";
    }

    private Consultation published(long id) {
        return consultations.published(id).orElseThrow(() -> new NotFound("consultation", id));
    }

    private void prepare(Consultation c, Model model, java.util.Locale locale) {
        List<DraftUnit> units = drafts.units(c.versionId());
        List<Contribution> published = contributions.published(c.id());
        // a contribution an officer marked as not about the draft stays shown, apart and marked, and counts for no
        // article: the citizen's words stay public without crowding the discussion of the draft
        List<Contribution> shown = published.stream().filter(k -> !k.offTopic()).toList();
        model.addAttribute("offTopic", published.stream().filter(Contribution::offTopic).toList());
        model.addAttribute("c", c);
        model.addAttribute("agencyName", agencies.name(c.agencyCode(), c.opensOn(), locale));
        model.addAttribute("blocks", DraftLayout.of(units, shown, Map.of()));
        model.addAttribute("articles", DraftLayout.articles(units));
        model.addAttribute("wholeDraft", shown.stream().filter(k -> k.unitKey() == null).toList());
        model.addAttribute("shownCount", shown.size());
        model.addAttribute("takesComments", c.openOn(today()));
        // the final text is public once adopted, not while comments are still being taken
        model.addAttribute("finalVersion", c.finalVersionId());
    }

    @GetMapping("/public/consultations/{id:\\d+}/comment")
    String commentForm(@PathVariable long id, @RequestParam(required = false) String unit, Model model) {
        Consultation c = published(id);
        model.addAttribute("form", new Contributions.Comment("", "", unit == null ? "" : unit, ""));
        return comment(c, model);
    }

    private String comment(Consultation c, Model model) {
        model.addAttribute("c", c);
        model.addAttribute("articles", DraftLayout.articles(drafts.units(c.versionId())));
        model.addAttribute("takesComments", c.openOn(today()));
        return "public/consultation-comment";
    }

    @PostMapping("/public/consultations/{id:\\d+}/comment")
    String submit(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String unit,
            @RequestParam(defaultValue = "") String text, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Consultation c = published(id);
        Contributions.Comment comment = new Contributions.Comment(clip(name, 400), clip(contact, 400), clip(unit, 100),
                clip(text, 10_000));
        try {
            // the same comment sent again from this browser (a refresh, the back button, a double click) is the same
            // submission: no second one, no second code
            jakarta.servlet.http.HttpSession session = request.getSession();
            String same = String.join("\u0000", String.valueOf(id), comment.name(), comment.contact(), comment.unitKey(),
                    comment.text());
            Long submission = sentFrom(session).get(same);
            if (submission == null) {
                submission = contributions.submit(id, comment, request.getRemoteAddr());
                sentFrom(session).put(same, submission);
            }
            return "redirect:/public/consultations/" + id + "/verify?submission=" + submission;
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
        } catch (TooManyContributions | Conflict e) {
            refused(e, response, model);
        }
        model.addAttribute("form", comment);
        return comment(c, model);
    }

    /** The submissions this browser sent, by consultation and content, for as long as its session lasts. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> sentFrom(jakarta.servlet.http.HttpSession session) {
        Object kept = session.getAttribute(SENT);
        if (kept instanceof Map<?, ?> map) {
            return (Map<String, Long>) map;
        }
        Map<String, Long> made = new java.util.concurrent.ConcurrentHashMap<>();
        session.setAttribute(SENT, made);
        return made;
    }

    private static final String SENT = "loa.consultation.sent";

    /**
     * The page to enter the code, after the comment form's redirect: only for a submission this browser sent (another
     * is led back to the consultation).
     */
    @GetMapping("/public/consultations/{id:\\d+}/verify")
    String verifyForm(@PathVariable long id, @RequestParam(required = false) Long submission, HttpServletRequest request,
            Model model) {
        Consultation c = published(id);
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (submission == null || session == null || !sentFrom(session).containsValue(submission)) {
            return "redirect:/public/consultations/" + id;
        }
        model.addAttribute("c", c);
        codePage(model, id, submission);
        return "public/consultation-verify";
    }

    /** The thank-you page, after the code's redirect: a refresh shows it again, sending nothing. */
    @GetMapping("/public/consultations/{id:\\d+}/sent")
    String sent(@PathVariable long id, Model model) {
        Consultation c = published(id);
        if (!model.containsAttribute("k")) {
            return "redirect:/public/consultations/" + id;
        }
        model.addAttribute("c", c);
        return "public/consultation-sent";
    }

    /**
     * The code typed for a submission this browser sent; another browser's code (a stranger using up the citizen's
     * attempts, or learning whether a comment was confirmed) is led back to the consultation, as the code's page is.
     */
    @PostMapping("/public/consultations/{id:\\d+}/verify")
    String verify(@PathVariable long id, @RequestParam long submission, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Consultation c = published(id);
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session == null || !sentFrom(session).containsValue(submission)) {
            return "redirect:/public/consultations/" + id;
        }
        model.addAttribute("c", c);
        try {
            Contribution k = contributions.verify(id, submission, clip(code, 20));
            redirect.addFlashAttribute("k", k);
            return "redirect:/public/consultations/" + id + "/sent";
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
        } catch (Conflict e) {
            response.setStatus(409);
            model.addAttribute("errorKey", e.messageKey());
        }
        codePage(model, id, submission);
        return "public/consultation-verify";
    }

    /**
     * A new code for a submission this browser sent (the first never came, ran out of time or of attempts), so that the
     * comment is confirmed without typing it again.
     */
    @PostMapping("/public/consultations/{id:\\d+}/verify/resend")
    String resend(@PathVariable long id, @RequestParam long submission, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Consultation c = published(id);
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session == null || !sentFrom(session).containsValue(submission)) {
            return "redirect:/public/consultations/" + id;
        }
        model.addAttribute("c", c);
        codePage(model, id, submission);
        try {
            contributions.resendCode(id, submission);
            model.addAttribute("resent", true);
        } catch (TooManyContributions | Conflict e) {
            refused(e, response, model);
        }
        return "public/consultation-verify";
    }

    /** What the code's page says of the submission: how long a code lasts, and whether one can reach its contact. */
    private void codePage(Model model, long id, long submission) {
        model.addAttribute("submission", submission);
        model.addAttribute("codeMinutes", Contributions.CODE_MINUTES);
        model.addAttribute("codeCanArrive", contributions.codeCanArrive(id, submission));
    }

    /** A comment or a code refused: too many from here (429, with the limit) or not in a state to take it (409). */
    private static void refused(RuntimeException e, HttpServletResponse response, Model model) {
        if (e instanceof TooManyContributions many) {
            response.setStatus(429);
            model.addAttribute("tooManyKey", many.messageKey());
            model.addAttribute("tooManyLimit", many.limit());
        } else if (e instanceof Conflict conflict) {
            response.setStatus(409);
            model.addAttribute("errorKey", conflict.messageKey());
        }
    }

    @GetMapping("/public/consultations/{id:\\d+}/changes")
    String changes(@PathVariable long id, Model model, java.util.Locale locale) {
        Consultation c = published(id);
        Long finalId = c.finalVersionId();
        model.addAttribute("c", c);
        model.addAttribute("agencyName", agencies.name(c.agencyCode(), c.opensOn(), locale));
        model.addAttribute("diff", finalId == null ? List.of() : drafts.diffVersions(c.versionId(), finalId));
        model.addAttribute("hasFinal", finalId != null);
        return "public/consultation-changes";
    }

    private static String clip(String value, int max) {
        return value == null ? "" : value.length() > max ? value.substring(0, max) : value;
    }
}

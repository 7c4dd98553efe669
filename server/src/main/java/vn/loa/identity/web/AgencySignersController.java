package vn.loa.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencySigners;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/**
 * Who signs an agency's documents: its signers' names and titles and the default one, kept by a system administrator
 * for any agency or by an agency's head for its own; anyone else is refused (403).
 */
@Controller
class AgencySignersController {

    private final AgencyDirectory agencies;
    private final AgencySigners signers;

    AgencySignersController(AgencyDirectory agencies, AgencySigners signers) {
        this.agencies = agencies;
        this.signers = signers;
    }

    /** The form's fields for a new signer. */
    static final class SignerForm {
        private String fullName = "";
        private String title = "";
        private boolean byDefault;

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public boolean isByDefault() {
            return byDefault;
        }

        public void setByDefault(boolean byDefault) {
            this.byDefault = byDefault;
        }
    }

    /** The signed-in user's own agency's signers (the menu's link for an agency's head). */
    @GetMapping("/signers")
    String own() {
        SignedInUser user = CurrentUserAdvice.signedIn().orElseThrow();
        if (user.agency() == null) {
            throw new NotFound("agency", "none");
        }
        return "redirect:/agencies/" + user.agency().value() + "/signers";
    }

    @GetMapping("/agencies/{id}/signers")
    String page(@PathVariable long id, Model model) {
        Agency agency = managed(id);
        model.addAttribute("signerForm", new SignerForm());
        return page(agency, model);
    }

    @PostMapping("/agencies/{id}/signers")
    String add(@PathVariable long id, @ModelAttribute("signerForm") SignerForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Agency agency = managed(id);
        try {
            signers.add(agency.id(), form.getFullName(), form.getTitle(), form.isByDefault(), user());
            redirect.addFlashAttribute("flashKey", "signer.added");
            return "redirect:/agencies/" + id + "/signers";
        } catch (InvalidInput e) {
            for (InvalidInput problem : e.all()) {
                errors.rejectValue(problem.field(), problem.messageKey(), problem.arguments(), problem.messageKey());
            }
            response.setStatus(422);
            return page(agency, model);
        }
    }

    @PostMapping("/agencies/{id}/signers/{signerId}/default")
    String makeDefault(@PathVariable long id, @PathVariable long signerId, RedirectAttributes redirect) {
        Agency agency = managed(id);
        signers.makeDefault(agency.id(), signerId, user());
        redirect.addFlashAttribute("flashKey", "signer.made-default");
        return "redirect:/agencies/" + id + "/signers";
    }

    @PostMapping("/agencies/{id}/signers/{signerId}/delete")
    String remove(@PathVariable long id, @PathVariable long signerId, RedirectAttributes redirect) {
        Agency agency = managed(id);
        signers.remove(agency.id(), signerId, user());
        redirect.addFlashAttribute("flashKey", "signer.removed");
        return "redirect:/agencies/" + id + "/signers";
    }

    private String page(Agency agency, Model model) {
        model.addAttribute("agency", agency);
        model.addAttribute("signers", signers.of(agency.id()));
        model.addAttribute("isAdmin", user().has(vn.loa.identity.Role.ADMIN));
        return "admin/agency-signers";
    }

    /** The agency, if the user may keep its signers: else refused before anything is read or changed. */
    private Agency managed(long id) {
        Agency agency = agencies.find(new AgencyId(id)).orElseThrow(() -> new NotFound("agency", id));
        if (!signers.mayManage(user(), agency.id())) {
            throw new AccessDeniedException("may not keep the signers of agency " + agency.code());
        }
        return agency;
    }

    private static SignedInUser user() {
        return CurrentUserAdvice.signedIn().orElseThrow();
    }
}

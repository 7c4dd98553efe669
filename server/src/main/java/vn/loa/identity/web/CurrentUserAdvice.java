package vn.loa.identity.web;

import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.ShellModel;

/** Gives every page the signed-in user and their agency, for the shell's header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice implements ShellModel {

    private final AgencyDirectory agencies;

    CurrentUserAdvice(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    @ModelAttribute("currentUser")
    SignedInUser currentUser() {
        return SignedInPrincipal.current().orElse(null);
    }

    @ModelAttribute("currentAgency")
    Agency currentAgency() {
        return SignedInPrincipal.current().map(SignedInUser::agency).flatMap(agencies::find).orElse(null);
    }

    @Override
    public void addTo(Model model) {
        model.addAttribute("currentUser", currentUser());
        model.addAttribute("currentAgency", currentAgency());
    }

    static Optional<SignedInUser> signedIn() {
        return SignedInPrincipal.current();
    }
}

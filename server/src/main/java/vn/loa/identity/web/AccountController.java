package vn.loa.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.shared.InvalidInput;

/** A person's own account: who they are, and changing their password. */
@Controller
class AccountController {

    private final Users users;

    AccountController(Users users) {
        this.users = users;
    }

    static final class PasswordForm {
        private String currentPassword = "";
        private String newPassword = "";
        private String confirmPassword = "";

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getConfirmPassword() {
            return confirmPassword;
        }

        public void setConfirmPassword(String confirmPassword) {
            this.confirmPassword = confirmPassword;
        }
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("passwordForm", new PasswordForm());
        return "account";
    }

    /** Whether the signed-in person must still replace a password an administrator set. */
    @ModelAttribute("passwordTemporary")
    boolean passwordTemporary() {
        return CurrentUserAdvice.signedIn().flatMap(user -> users.find(user.userId()))
                .map(UserAccount::passwordTemporary).orElse(false);
    }

    @PostMapping("/account/password")
    String changePassword(@ModelAttribute("passwordForm") PasswordForm form,
            org.springframework.validation.BindingResult errors, HttpServletResponse response,
            RedirectAttributes redirect) {
        SignedInUser user = CurrentUserAdvice.signedIn().orElseThrow();
        try {
            if (!form.getNewPassword().equals(form.getConfirmPassword())) {
                throw new InvalidInput("confirmPassword", "account.error.confirm");
            }
            users.changePassword(user.userId(), form.getCurrentPassword(), form.getNewPassword(), user.actor());
        } catch (InvalidInput e) {
            for (InvalidInput problem : e.all()) {
                errors.rejectValue(problem.field(), problem.messageKey(), problem.arguments(), problem.messageKey());
            }
            form.setCurrentPassword("");
            response.setStatus(422);
            return "account";
        }
        redirect.addFlashAttribute("flashKey", "account.password-changed");
        return "redirect:/account";
    }
}

package vn.loa.identity.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.loa.identity.internal.DemoAccount;

@Controller
class LoginController {

    private final boolean demo;

    LoginController(@Value("${loa.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Authentication authentication, Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.isAuthenticated()) {
            return "redirect:/";
        }
        String message = switch (error == null ? "" : error) {
            case "" -> null;
            case "locked" -> "login.error.locked";
            case "disabled" -> "login.error.disabled";
            case "cookie-https" -> "login.error.cookie-https";
            case "session" -> "login.error.session";
            case "expired" -> "login.error.expired";
            default -> "login.error.bad-credentials";
        };
        model.addAttribute("errorKey", message);
        model.addAttribute("signedOut", logout != null);
        model.addAttribute("demoAccounts", demo ? DemoAccount.ALL : List.of());
        return "login";
    }
}

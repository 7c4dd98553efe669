package vn.loa.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/**
 * The named domain failures a page did not turn into a form message itself, as the shell's error page: a record
 * that does not exist (404), input Loa refuses (400, saying why), a state that does not allow the action (409).
 * Anything else goes on to {@link ErrorResponses}.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        return "error";
    }

    @ExceptionHandler(InvalidInput.class)
    String invalid(InvalidInput e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("detail", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        return "error";
    }

    @ExceptionHandler(Conflict.class)
    String conflict(Conflict e, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(409);
        model.addAttribute("status", 409);
        model.addAttribute("detail", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        return "error";
    }

    @ExceptionHandler(DataAccessException.class)
    String unstorable(DataAccessException e, HttpServletResponse response, Model model, Locale locale) {
        if (!UnstorableText.causedBy(e)) {
            throw e;
        }
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("detail", messages.getMessage("error.unstorable-character", null, locale));
        return "error";
    }
}

package vn.loa.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.loa.platform.ShellModel;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/**
 * The named domain failures a page did not turn into a form message itself, as the shell's error page: a record
 * that does not exist (404), input Loa refuses (400, saying why), a state that does not allow the action (409), a
 * query parameter or part of the address that cannot be read as the page needs it (400, naming it).
 * Anything else goes on to {@link ErrorResponses}. The page keeps the signed-in header and menu: no controller
 * advice fills the model of an exception handler, so each {@link ShellModel} adds its part here. Under
 * {@code /public/} it is the public site's page: its menu and a link back to it, never the staff's dashboard.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final MessageSource messages;
    private final List<ShellModel> shell;

    PageErrors(MessageSource messages, List<ShellModel> shell) {
        this.messages = messages;
        this.shell = List.copyOf(shell);
    }

    /** The error page with a status, and what the shell shows around it. */
    private String page(int status, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("publicPage", ErrorResponses.isPublic(request.getRequestURI(), request));
        shell.forEach(part -> part.addTo(model));
        return "error";
    }

    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(404, request, response, model);
    }

    @ExceptionHandler(InvalidInput.class)
    String invalid(InvalidInput e, HttpServletRequest request, HttpServletResponse response, Model model,
            Locale locale) {
        model.addAttribute("detail", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        return page(400, request, response, model);
    }

    /** The longest part of a value the error page repeats: enough to recognise it, not a page of someone's text. */
    static final int SHOWN_VALUE = 40;

    /** {@code /listening?province=yes}, {@code /alerts/abc}: the parameter named, with what was given and what it must be. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response,
            Model model, Locale locale) {
        String given = e.getValue() == null ? "" : e.getValue().toString();
        if (given.length() > SHOWN_VALUE) {
            given = given.substring(0, SHOWN_VALUE) + "…";
        }
        Class<?> type = e.getRequiredType();
        String kind = type == null ? null
                : type == boolean.class || type == Boolean.class ? "error.parameter.kind.boolean"
                : type == int.class || type == long.class || type == short.class || type == Integer.class
                        || type == Long.class || type == Short.class ? "error.parameter.kind.number"
                : null;
        model.addAttribute("detail", kind == null
                ? messages.getMessage("error.parameter.unreadable", new Object[] {e.getName(), given}, locale)
                : messages.getMessage("error.parameter.type",
                        new Object[] {e.getName(), given, messages.getMessage(kind, null, locale)}, locale));
        return page(400, request, response, model);
    }

    @ExceptionHandler(Conflict.class)
    String conflict(Conflict e, HttpServletRequest request, HttpServletResponse response, Model model,
            Locale locale) {
        model.addAttribute("detail", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        return page(409, request, response, model);
    }

    @ExceptionHandler(DataAccessException.class)
    String unstorable(DataAccessException e, HttpServletRequest request, HttpServletResponse response, Model model,
            Locale locale) {
        if (!UnstorableText.causedBy(e)) {
            throw e;
        }
        model.addAttribute("detail", messages.getMessage("error.unstorable-character", null, locale));
        return page(400, request, response, model);
    }
}

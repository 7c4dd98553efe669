package vn.loa.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.ObjectMapper;

/**
 * What answers every error that no controller answered itself (an exception nobody expected, a refusal by a
 * filter, an unknown address): an RFC 9457 problem body under {@code /api/}, the shell's error page elsewhere;
 * never the framework's own JSON, and never a stack trace or an exception's message.
 */
@Controller
class ErrorResponses implements ErrorController {

    /** A request attribute: the message key that says what was wrong, when the one of the status is too vague. */
    static final String MESSAGE_KEY = ErrorResponses.class.getName() + ".messageKey";
    /** A request attribute: the parameter at fault, when there is one. */
    static final String FIELD = ErrorResponses.class.getName() + ".field";

    private final MessageSource messages;
    private final ObjectMapper json;

    ErrorResponses(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        HttpStatus status = status(request);
        String uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                ? original : request.getRequestURI();
        String messageKey = request.getAttribute(MESSAGE_KEY) instanceof String key ? key : null;
        Object field = request.getAttribute(FIELD);
        Object[] arguments = field == null ? null : new Object[] {field};
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(
                    messageKey != null ? messageKey : "problem.detail." + status.value(), arguments,
                    messages.getMessage("error.generic", null, locale), locale));
            problem.setTitle(messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
            problem.setInstance(URI.create(uri.replaceAll("[^\\p{Alnum}/._~-]", "_")));
            if (field != null) {
                problem.setProperty("field", field);
            }
            response.setStatus(status.value());
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write(json.writeValueAsString(problem));
            return null;
        }
        ModelAndView page = new ModelAndView("error", HttpStatusCode.valueOf(status.value()));
        page.addObject("status", status.value());
        page.addObject("publicPage", isPublic(uri, request));
        if (messageKey != null) {
            page.addObject("detail", messages.getMessage(messageKey, arguments, locale));
        }
        return page;
    }

    /** Whether the address is one of the public site's, whose reader has no account and no dashboard. */
    static boolean isPublic(String uri, HttpServletRequest request) {
        return uri.startsWith(request.getContextPath() + "/public/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}

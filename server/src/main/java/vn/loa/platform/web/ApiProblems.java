package vn.loa.platform.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/**
 * Maps the named domain failures of every module's API, and the framework's own (a missing or malformed
 * parameter, an unreadable body, a method not allowed), to RFC 9457 problem responses with titles in the
 * caller's language. Pages are not served here: their failures show the shell's error page.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        problem.setTitle(messages.getMessage("problem.title.422", null, locale));
        problem.setProperty("field", e.field());
        problem.setProperty("errors", e.all().stream()
                .map(p -> java.util.Map.of("field", p.field(),
                        "detail", messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale)))
                .toList());
        return problem;
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        problem.setTitle(messages.getMessage("problem.title.409", null, locale));
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("problem.not-found", null, locale));
        problem.setTitle(messages.getMessage("problem.title.404", null, locale));
        return problem;
    }

    /** Text with a character the database cannot hold is the caller's mistake; any other database failure is Loa's. */
    @ExceptionHandler(DataAccessException.class)
    ProblemDetail unstorable(DataAccessException e) {
        if (!UnstorableText.causedBy(e)) {
            throw e;
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("error.unstorable-character", null, locale));
        problem.setTitle(messages.getMessage("problem.title.400", null, locale));
        return problem;
    }

    /** A required query parameter left out: the detail names it in the caller's language, {@code field} too. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return withField(super.handleMissingServletRequestParameter(ex, headers, status, request), ex.getParameterName());
    }

    /** A parameter of the wrong type ({@code year=abc}): the same, with the value given. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return withField(super.handleTypeMismatch(ex, headers, status, request), ex.getPropertyName());
    }

    /**
     * A body that is not JSON, or whose field has the wrong type ({@code "postIds":["abc"]}): the detail says which
     * field where the parser knows it ({@code postIds[0]}), never the parser's own English.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        String field = jsonField(ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, field == null
                ? messages.getMessage("problem.unreadable", null, locale)
                : messages.getMessage("problem.unreadable.field", new Object[] {field}, locale));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** The path of the JSON field the parser stopped at, as {@code a.b[2]}; null when it names none. */
    static String jsonField(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (tools.jackson.core.JacksonException.Reference reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    private static ResponseEntity<Object> withField(ResponseEntity<Object> response, String field) {
        if (response != null && response.getBody() instanceof ProblemDetail problem && field != null) {
            problem.setProperty("field", field);
        }
        return response;
    }

    /** The framework's problems keep their detail (it names the parameter) and get a title in the caller's language. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setTitle(messages.getMessage("problem.title." + status.value(), null, problem.getTitle(),
                    LocaleContextHolder.getLocale()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}

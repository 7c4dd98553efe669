package vn.loa.consultation.web;

import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.loa.consultation.TooManyContributions;

/** A limit of the consultation's public form reached through the API: 429 with the limit in the caller's language. */
@RestControllerAdvice(assignableTypes = ConsultationApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication
class ConsultationApiProblems {

    private final MessageSource messages;

    ConsultationApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TooManyContributions.class)
    ProblemDetail tooMany(TooManyContributions e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                messages.getMessage(e.messageKey(), new Object[] {e.limit()}, locale));
        problem.setTitle(messages.getMessage("consultation.problem.too-many", null, locale));
        return problem;
    }
}

package vn.loa.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/** Writes RFC 9457 problem bodies from the security filters, where no controller advice reaches. */
@Component
class ProblemResponses {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;

    ProblemResponses(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String messageKey, Object... arguments)
            throws IOException {
        // refused before the language interceptor runs: ?lang= is read here as the pages and the API read it
        String asked = request.getParameter("lang");
        Locale locale = asked != null && !asked.isBlank() ? vn.loa.shared.Languages.of(Locale.forLanguageTag(asked.strip()))
                : locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status),
                messages.getMessage(messageKey, arguments, messageKey, locale));
        problem.setTitle(messages.getMessage("problem.title." + status, null, HttpStatus.valueOf(status).getReasonPhrase(), locale));
        // an address Tomcat refused may hold what a URI may not: kept as a path, anything else written as "_"
        problem.setInstance(java.net.URI.create(request.getRequestURI().replaceAll("[^\\p{Alnum}/._~%-]", "_")));
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }
}

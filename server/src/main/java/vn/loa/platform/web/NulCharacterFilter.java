package vn.loa.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameters hold a NUL character (400, naming the parameter), before sign-in or any
 * controller sees it: no text Loa keeps or looks for contains one, and PostgreSQL refuses it in a query.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulCharacterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refused = multipart(request) ? nulInQuery(request.getQueryString())
                : parameterWithNul(request.getParameterMap());
        if (refused != null) {
            request.setAttribute(ErrorResponses.MESSAGE_KEY, "error.nul-character");
            request.setAttribute(ErrorResponses.FIELD, refused.replace('\u0000', '?'));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * An upload's body is left to the controller (reading it here would store it before the caller is known); its
     * fields reach the database only through a query that refuses a NUL, which answers 400 too.
     */
    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The query string's parameter holding an encoded NUL, or null. */
    static String nulInQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.toLowerCase(Locale.ROOT).contains("%00")) {
                String name = pair.split("=", 2)[0];
                try {
                    return URLDecoder.decode(name, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The first parameter whose name or a value holds a NUL character, or null. */
    static String parameterWithNul(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0) {
                return parameter.getKey();
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }
}

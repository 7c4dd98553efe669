package vn.loa.identity.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Gives the security headers to the answers Tomcat makes itself, before Loa sees the request (an encoded slash or a
 * NUL in the path, a TRACE): Spring Security writes them on everything else, with the same values.
 */
final class TomcatErrorHeaders extends ValveBase {

    /** What Spring Security writes on every response, as {@link SecurityConfiguration} configures it. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY,
            "Referrer-Policy", SecurityConfiguration.REFERRER_POLICY.getPolicy(),
            "Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "X-XSS-Protection", "0",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0");
    /** Spring Security's default, sent over HTTPS only. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

    TomcatErrorHeaders() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        // a request Tomcat refused while parsing it reaches the pipeline already in error, and never reaches Loa
        if (response.isError()) {
            HEADERS.forEach((name, value) -> {
                if (!response.containsHeader(name)) {
                    response.setHeader(name, value);
                }
            });
            if (request.isSecure() && !response.containsHeader("Strict-Transport-Security")) {
                response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
            }
        }
        getNext().invoke(request, response);
    }
}

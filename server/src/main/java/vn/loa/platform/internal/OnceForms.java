package vn.loa.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * A form sent twice is one action: every page form that posts carries a one-time field ({@value #FIELD}, added beside
 * the CSRF token), and a second request with the same value from the same session (a double click, the back button
 * and the form sent again, a browser that resends) is not handled again: it is sent where the first went once the first
 * is done, so a case, a question, a request, a task or a token is made once. A first request that did not end in a
 * redirect (refused with a form message, or a page or a file as its answer) leaves the field free, so the form can be
 * corrected and sent again. Requests of htmx (parts of pages) and of the API carry no such field and are not concerned.
 */
final class OnceForms {

    /** The hidden field of every posted page form. */
    static final String FIELD = "_once";
    /** How long a second request waits for the first to finish. */
    private static final long WAIT_SECONDS = 15;
    /** How many sent forms a session remembers. */
    private static final int REMEMBERED = 200;
    private static final String SESSION_KEY = OnceForms.class.getName();
    private static final String HANDLING = OnceForms.class.getName() + ".handling";
    private static final String READING_FORM = OnceForms.class.getName() + ".reading";

    private static final SecureRandom RANDOM = new SecureRandom();

    private OnceForms() {
    }

    /** A new value of the field. */
    static String newValue() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A form sent: done once the first request ends, with where it went (null when it did not redirect). */
    private static final class Sent {

        private final CountDownLatch done = new CountDownLatch(1);
        private volatile String location;

        void finish(String where) {
            location = where;
            done.countDown();
        }

        String awaitLocation() throws InterruptedException {
            return done.await(WAIT_SECONDS, TimeUnit.SECONDS) ? location : null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Sent> sentIn(HttpSession session) {
        synchronized (org.springframework.web.util.WebUtils.getSessionMutex(session)) {
            Object kept = session.getAttribute(SESSION_KEY);
            if (kept instanceof Map<?, ?> map) {
                return (Map<String, Sent>) map;
            }
            Map<String, Sent> made = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Sent> eldest) {
                    return size() > REMEMBERED;
                }
            });
            session.setAttribute(SESSION_KEY, made);
            return made;
        }
    }

    /** Adds the field to every form the pages render for posting (Thymeleaf asks for it beside the CSRF token). */
    static final class FieldAdder implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof RequestDataValueProcessor processor && !(bean instanceof WithField)) {
                return new WithField(processor);
            }
            return bean;
        }
    }

    /** The application's processor with the field added. */
    static final class WithField implements RequestDataValueProcessor {

        private final RequestDataValueProcessor delegate;

        WithField(RequestDataValueProcessor delegate) {
            this.delegate = delegate;
        }

        @Override
        public String processAction(HttpServletRequest request, String action, String httpMethod) {
            // the form being rendered: only one that posts gets the field (a search form's address stays clean)
            request.setAttribute(READING_FORM, "GET".equalsIgnoreCase(httpMethod));
            return delegate.processAction(request, action, httpMethod);
        }

        @Override
        public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
            return delegate.processFormFieldValue(request, name, value, type);
        }

        @Override
        public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
            Map<String, String> fields = new LinkedHashMap<>();
            Map<String, String> others = delegate.getExtraHiddenFields(request);
            if (others != null) {
                fields.putAll(others);
            }
            if (!Boolean.TRUE.equals(request.getAttribute(READING_FORM))) {
                fields.put(FIELD, newValue());
            }
            return fields;
        }

        @Override
        public String processUrl(HttpServletRequest request, String url) {
            return delegate.processUrl(request, url);
        }
    }

    /** Lets the first request of a form through and sends the others where it went. */
    static final class Guard implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws Exception {
            if (!"POST".equals(request.getMethod()) || request.getHeader("HX-Request") != null) {
                return true;
            }
            String value = request.getParameter(FIELD);
            HttpSession session = request.getSession(false);
            if (value == null || value.isBlank() || value.length() > 64 || session == null) {
                return true;
            }
            Map<String, Sent> sent = sentIn(session);
            Sent first;
            synchronized (sent) {
                first = sent.get(value);
                if (first == null) {
                    sent.put(value, new Sent());
                    request.setAttribute(HANDLING, value);
                    return true;
                }
            }
            String location = first.awaitLocation();
            if (location == null) {
                // the first was refused or answered with a page: this one is handled as it comes
                return true;
            }
            response.sendRedirect(location);
            return false;
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception ex) {
            Object value = request.getAttribute(HANDLING);
            HttpSession session = request.getSession(false);
            if (value == null || session == null) {
                return;
            }
            Map<String, Sent> sent = sentIn(session);
            Sent first = sent.get((String) value);
            if (first == null) {
                return;
            }
            int status = response.getStatus();
            String location = response.getHeader("Location");
            if (ex == null && status >= 300 && status < 400 && location != null) {
                first.finish(location);
            } else {
                sent.remove((String) value);
                first.finish(null);
            }
        }
    }
}

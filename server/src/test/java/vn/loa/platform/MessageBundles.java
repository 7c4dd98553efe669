package vn.loa.platform;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's real message bundles, for unit tests that read sentences without a Spring context. */
public final class MessageBundles {

    private MessageBundles() {
    }

    /** {@code messages*.properties} in UTF-8, without the system locale as fallback (as the application). */
    public static ResourceBundleMessageSource real() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false); // spring.messages.fallback-to-system-locale
        return messages;
    }
}

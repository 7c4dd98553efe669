package vn.loa.publishing.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.loa.publishing.DeliveryDetail;

/**
 * The delivery log's details in the reader's language, for the pages ({@code @deliveryDetails} in templates): Loa's
 * own words through the bundles ({@code publishing.detail.*}), words from outside as they came (the page escapes them).
 */
@Component("deliveryDetails")
public class DeliveryDetails {

    private final MessageSource messages;

    DeliveryDetails(MessageSource messages) {
        this.messages = messages;
    }

    /** The detail in the locale's words; empty for none. */
    public String shown(DeliveryDetail detail, Locale locale) {
        return detail == null ? "" : detail.shown(messages, locale);
    }
}

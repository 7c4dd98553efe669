package vn.loa.identity;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.loa.shared.LocalTime;

/**
 * Agency codes as people read them on a day: the name of the unit valid then, or, for a unit that has
 * ended (such as a department of Ninh Thuận before the 2025 merger), its name with its last day and the
 * units that took over from it.
 */
@Service
public class AgencyNames {

    private final AgencyDirectory agencies;
    private final MessageSource messages;

    AgencyNames(AgencyDirectory agencies, MessageSource messages) {
        this.agencies = agencies;
        this.messages = messages;
    }

    /**
     * The name of what the code stands for on the day, in the locale's language; empty for a code never
     * recorded. Code and day must not be null.
     */
    public Optional<String> find(String code, LocalDate on, Locale locale) {
        return agencies.resolve(code, on).map(resolved -> name(resolved, locale));
    }

    /** As {@link #find}, or the code itself for a code never recorded. */
    public String name(String code, LocalDate on, Locale locale) {
        return find(code, on, locale).orElse(code);
    }

    /** The name of a resolved code in the locale's language, with its history if the unit has ended. */
    public String name(AgencyOnDay resolved, Locale locale) {
        String language = locale.getLanguage();
        String name = resolved.named().name(language);
        if (!resolved.ended()) {
            return name;
        }
        String until = LocalTime.format(resolved.named().validTo());
        if (resolved.successors().isEmpty()) {
            return messages.getMessage("agency.name.ended", new Object[] {name, until}, locale);
        }
        String now = resolved.successors().stream().map(a -> a.name(language)).collect(Collectors.joining("; "));
        return messages.getMessage("agency.name.history", new Object[] {name, until, now}, locale);
    }
}

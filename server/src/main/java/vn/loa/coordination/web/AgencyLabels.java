package vn.loa.coordination.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import vn.loa.identity.Agency;
import vn.loa.shared.LocalTime;

/**
 * How the coordination pages name an agency on a day, in every table, list and choice alike: a unit in operation by its
 * name alone, a unit that has ended with its last day ("Huyện Bác Ái (đến 30/06/2025)"), a unit not yet begun with its
 * first ("từ 01/07/2025"). The date a unit began is history nobody asks for while it operates.
 */
final class AgencyLabels {

    private AgencyLabels() {
    }

    /** The label of the unit on the day, in the locale's language; no argument may be null. */
    static String of(Agency a, LocalDate day, MessageSource messages, Locale locale) {
        String name = a.name(locale.getLanguage());
        if (a.validTo() != null && a.validTo().isBefore(day)) {
            return messages.getMessage("agency.name.ended", new Object[] {name, LocalTime.format(a.validTo())}, locale);
        }
        if (a.validFrom() != null && a.validFrom().isAfter(day)) {
            return messages.getMessage("coordination.agency.from", new Object[] {name, LocalTime.format(a.validFrom())},
                    locale);
        }
        return name;
    }

    /**
     * The label of each code: the unit of that code in operation on the day, else the one that ended last, so that a
     * code of an abolished district reads "(đến 30/06/2025)" while a code shared by a unit and its successor of the same
     * name reads as the successor.
     */
    static Map<String, String> byCode(List<Agency> all, LocalDate day, MessageSource messages, Locale locale) {
        Map<String, Agency> chosen = new LinkedHashMap<>();
        for (Agency a : all) {
            chosen.merge(a.code(), a, (kept, other) -> preferred(kept, other, day));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        chosen.forEach((code, a) -> labels.put(code, of(a, day, messages, locale)));
        return labels;
    }

    /** The unit of a code that names it on the day: one in operation, else the latest. */
    static Agency preferred(Agency a, Agency b, LocalDate day) {
        if (a.validOn(day) != b.validOn(day)) {
            return a.validOn(day) ? a : b;
        }
        return a.validFrom().isBefore(b.validFrom()) ? b : a;
    }

    /**
     * The order agencies are offered in: units in operation first, then the province, departments, the press, other
     * bodies, districts and communes; then by name.
     */
    static Comparator<Agency> order(LocalDate day, Locale locale) {
        return Comparator.<Agency>comparingInt(a -> a.validOn(day) ? 0 : 1).thenComparingInt(AgencyLabels::rank)
                .thenComparing(a -> a.name(locale.getLanguage()), java.text.Collator.getInstance(Locale.of("vi")));
    }

    static int rank(Agency a) {
        return switch (a.kind()) {
            case PROVINCE -> 0;
            case DEPARTMENT -> 1;
            case PRESS -> 2;
            case DISTRICT -> 8;
            case COMMUNE -> 9;
            default -> 5;
        };
    }
}

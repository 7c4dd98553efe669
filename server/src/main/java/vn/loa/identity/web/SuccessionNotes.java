package vn.loa.identity.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencySuccession;
import vn.loa.shared.LocalTime;

/**
 * A succession as the agency pages show it, in the reader's language. The seed's files describe the July 2025 merger
 * in a few fixed English wordings ({@code identity/successions-2025-khanh-hoa.csv}); a note in one of them is shown
 * through the bundles ({@code agencies.succession-note.*}) from the succession itself: the unit that took over, named
 * in the reader's language, and the last day of the one it took over from. A note in any other wording (one an
 * administrator typed) is shown as it was stored, after the day the succession took effect.
 */
@Component("successionNotes")
public class SuccessionNotes {

    /** The seed's wordings and the kind of note each is. */
    private static final Map<String, String> SEEDED = Map.ofEntries(
            Map.entry("Ninh Thuận merged into Khánh Hòa", "province"),
            Map.entry("full", "whole"),
            Map.entry("partial", "part"),
            Map.entry("district level abolished", "district"),
            Map.entry("merged with Khánh Hòa's", "counterpart"),
            Map.entry("press and grassroots information moved to culture, sports and tourism", "press-information"),
            Map.entry("labour, employment and veterans moved to home affairs", "labour"),
            Map.entry("social protection moved to health", "social-protection"),
            Map.entry("vocational education moved to education", "vocational-education"),
            Map.entry("merged with the radio and television station and with Khánh Hòa's press", "newspaper"),
            Map.entry("merged with the newspaper and with Khánh Hòa's press", "station"));
    /** Wordings that name the unit that took over, in English: "merged into the Department of Finance". */
    private static final String MERGED_INTO = "merged into the ";
    private static final String BECAME = "became the ";

    private final MessageSource messages;

    SuccessionNotes(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * What the pages show after the unit's name: the note in the locale's words when it is of a seeded kind, else the
     * day the succession took effect and the note as stored. Succession and locale must not be null; the successor is
     * the unit the succession names.
     */
    public String shown(AgencySuccession succession, Agency successor, Locale locale) {
        String kind = successor == null ? null : kind(succession.note(), successor);
        if (kind == null) {
            String day = LocalTime.format(succession.effectiveOn());
            return succession.note() == null || succession.note().isBlank() ? day : day + " · " + succession.note();
        }
        return messages.getMessage("agencies.succession-note." + kind, new Object[] {successor.name(locale.getLanguage()),
                LocalTime.format(succession.effectiveOn().minusDays(1))}, locale);
    }

    /** The kind of a note, or null when it is not in one of the seed's wordings. */
    static String kind(String note, Agency successor) {
        if (note == null) {
            return null;
        }
        String stored = note.strip();
        if (successor.nameEn() != null && !successor.nameEn().isBlank()) {
            // the wording names the successor itself, so the note can be said with its name in either language
            if (stored.equals(MERGED_INTO + successor.nameEn())) {
                return "merged-into";
            }
            if (stored.equals(BECAME + successor.nameEn())) {
                return "became";
            }
        }
        return SEEDED.get(stored);
    }

    /** Every kind of note, each with its key in the bundles. */
    static Set<String> kinds() {
        Set<String> kinds = new TreeSet<>(SEEDED.values());
        kinds.add("merged-into");
        kinds.add("became");
        return kinds;
    }
}

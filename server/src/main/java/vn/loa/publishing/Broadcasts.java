package vn.loa.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * The communes' loudspeaker stations and electronic billboards, and what a LOUDSPEAKER or BILLBOARD publication
 * becomes: one broadcast package per commune (script, audio, schedule slots) that the commune confirms once it went on
 * air (or was shown). A package not confirmed by its first slot plus the grace period is {@link BroadcastStatus#MISSED}.
 */
public interface Broadcasts {

    /** Where a broadcast package stands. */
    enum BroadcastStatus {
        /** waiting for its slot or for the commune's confirmation within the grace period */
        PENDING,
        /** the commune confirmed it went on air (or was shown) */
        CONFIRMED,
        /** no confirmation by the first slot plus the grace period */
        MISSED,
        /** the publication was withdrawn before the commune confirmed */
        WITHDRAWN
    }

    /** A loudspeaker station or a billboard of a commune, with its daily slots (local time). */
    record Station(long id, String communeCode, Channel kind, String name, List<LocalTime> slots, LocalDate validFrom,
            LocalDate validTo) {
    }

    /** A station to add. */
    record NewStation(String communeCode, Channel kind, String name, String slots, LocalDate validFrom) {
    }

    /** A broadcast package for one commune. */
    record Broadcast(long id, long publicationId, String communeCode, Channel kind, String language, String title,
            String script, List<LocalTime> slots, Instant firstSlotAt, BroadcastStatus status, Instant confirmedAt,
            Instant broadcastAt, String confirmedBy, String note, String campaign, String agencyCode,
            List<AttachmentInfo> attachments, boolean emergency) {
    }

    /** A file of a publication, without its content. */
    record AttachmentInfo(long id, String fileName, String contentType, long size, boolean synthetic) {
    }

    /** A filter of the packages; null fields do not filter. */
    record Filter(String communeCode, BroadcastStatus status, Channel kind) {
    }

    /** The stations and billboards valid on a day, by commune. */
    List<Station> stations(LocalDate on);

    /** Adds a station; coordinators and administrators only. */
    Station addStation(NewStation station, SignedInUser by);

    /** Ends a station on a day (its last day); coordinators and administrators only. */
    void endStation(long stationId, LocalDate lastDay, SignedInUser by);

    /** The packages the user may see (a commune sees its own; coordinators, leaders, administrators all), newest first. */
    List<Broadcast> list(Filter filter, int limit, SignedInUser user);

    /**
     * What the user's commune has still to confirm: its packages neither confirmed nor withdrawn (waiting for their
     * slot or the confirmation, or missed and still to be confirmed late), emergencies first, then by first slot,
     * soonest first. Nothing for a user who does not work for a commune.
     *
     * @param first how many packages to give at most; the total counts them all
     */
    Waiting toConfirm(SignedInUser user, int first);

    /** The first packages a commune has still to confirm, and how many there are in all. */
    record Waiting(List<Broadcast> first, long total) {

        public Waiting {
            first = List.copyOf(first);
        }
    }

    /** The packages of one publication the user may see, by commune. */
    List<Broadcast> ofPublication(long publicationId, SignedInUser user);

    /** One package. */
    Broadcast get(long id, SignedInUser user);

    /** A package as a ZIP: manifest.json, script.txt and the audio file(s); see docs/broadcast-package.md. */
    byte[] packageZip(long id, SignedInUser user);

    /** The commune confirms the broadcast; {@code broadcastAt} null means now. Only the commune's own users. */
    Broadcast confirm(long id, Instant broadcastAt, String note, SignedInUser by);
}

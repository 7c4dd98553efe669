package vn.loa.home;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.loa.listening.Trends;
import vn.loa.misinformation.CaseStatus;
import vn.loa.shared.LocalTime;

/**
 * What needs a user today, as their home page shows it. Which sections there are depends on the role; a section the
 * role has no business with is null, an empty one says there is nothing to do.
 *
 * @param day today, in the province
 * @param view whose picture it is
 * @param issues the emerging issues of the user's scope, highest first (the province's, or the agency's)
 * @param alerts unacknowledged alerts the user may see, newest first
 * @param overdue open cases past their deadline (the province's view)
 * @param dueToday open cases due before midnight (the province's view)
 * @param toTriage new cases waiting for triage (coordinators)
 * @param mine open cases the user is the owner of (officers)
 * @param unassigned the agency's open cases that nobody owns yet (officers)
 * @param toApprove the agency's drafted answers waiting for approval (spokespersons)
 * @param refutations the latest published answers (the press)
 * @param requests information requests overdue or due soon: the province's overdue and due today, an agency's due in
 *        the next three days; null for the press
 * @param outreach what the user must do for what goes out (broadcasts, campaign messages, translations), whatever the
 *        view
 * @param press the press questions waiting for the user; null for the press
 */
public record Agenda(LocalDate day, View view, List<IssueItem> issues, Listed<AlertItem> alerts,
        Listed<CaseItem> overdue, Listed<CaseItem> dueToday, Listed<CaseItem> toTriage, Listed<CaseItem> mine,
        Listed<CaseItem> unassigned, Listed<CaseItem> toApprove, List<AnswerItem> refutations, Listed<RequestItem> requests,
        Outreach outreach, PressWork press) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** Whose picture an agenda is. */
    public enum View {
        /** The whole province: leaders, coordinators, administrators. */
        PROVINCE,
        /** One agency's share: its officers and spokesperson. */
        AGENCY,
        /** A journalist: what has been answered publicly. */
        PRESS
    }

    /**
     * The first items of a list, and how long the list is.
     *
     * @param total how many there are; when {@code more} is true, at least this many
     * @param more whether there may be more than {@code total} (the count stopped there)
     */
    public record Listed<T>(List<T> shown, int total, boolean more) {

        public Listed {
            shown = List.copyOf(shown);
        }

        /** The first {@code limit} of all the items. */
        public static <T> Listed<T> of(List<T> all, int limit) {
            return new Listed<>(all.subList(0, Math.min(limit, all.size())), all.size(), false);
        }

        public boolean isEmpty() {
            return total == 0;
        }

        /** How many are not shown. */
        public int hidden() {
            return total - shown.size();
        }
    }

    /**
     * An emerging issue with what the user can do about it.
     *
     * @param issue the issue; its sentence comes from {@code IssueSentences}
     * @param coverageShown whether the case covering it (if any) is one the user may open; when not, the page says
     *     only that another agency handles it
     * @param draftPosts the posts to open a case from, when nothing covers it and the user may open cases; else empty
     */
    public record IssueItem(Trends.Issue issue, boolean coverageShown, List<Long> draftPosts) {

        public IssueItem {
            draftPosts = List.copyOf(draftPosts);
        }

        /** The posts to open a case from, comma-separated, as {@code /cases/new?posts=} takes them. */
        public String draftPostList() {
            return String.join(",", draftPosts.stream().map(String::valueOf).toList());
        }
    }

    /**
     * An alert not yet acknowledged.
     *
     * @param kind the rule's kind (the bundles name it)
     * @param agency the agency's name; null for the whole province
     * @param detail what it is about, untrusted; may be null
     */
    public record AlertItem(long id, String kind, String agency, Instant raisedAt, String detail) {

        /** When it was raised: dd/MM/yyyy HH:mm in the province. */
        public String raised() {
            return MINUTE.format(raisedAt.atZone(LocalTime.ZONE));
        }
    }

    /**
     * An open case.
     *
     * @param claim the claim, as the desk wrote it
     * @param agency the name of the agency answering for it; null while none is
     * @param overdue whether its deadline has passed
     */
    public record CaseItem(long id, String claim, String agency, CaseStatus status, Instant deadline, boolean overdue) {

        /** Its deadline: dd/MM/yyyy HH:mm in the province. */
        public String due() {
            return MINUTE.format(deadline.atZone(LocalTime.ZONE));
        }
    }

    /**
     * A published answer (a refutation or a clarification).
     *
     * @param slug its address on the public site
     * @param agency the name of the agency that answered; may be null
     */
    public record AnswerItem(String slug, String claim, String agency, Instant publishedAt) {

        /** When it was published: dd/MM/yyyy HH:mm in the province. */
        public String published() {
            return MINUTE.format(publishedAt.atZone(LocalTime.ZONE));
        }
    }

    /**
     * What the user must act on for what goes out to people; a list is empty when there is nothing, or when the user has
     * no business with it.
     *
     * @param broadcasts the packages the user's commune has still to confirm, emergencies first (a commune's users)
     * @param messages the campaign messages waiting for the user's approval, never the user's own (approvers)
     * @param translations the translations into Chăm or Raglai assigned to the user and waiting for their text
     */
    public record Outreach(Listed<BroadcastItem> broadcasts, Listed<MessageItem> messages,
            Listed<TranslationItem> translations) {

        /** Whether there is nothing to do. */
        public boolean isEmpty() {
            return broadcasts.isEmpty() && messages.isEmpty() && translations.isEmpty();
        }
    }

    /**
     * A broadcast package the user's commune has still to confirm.
     *
     * @param title its title, untrusted; may be null
     * @param kind the channel, LOUDSPEAKER or BILLBOARD (the bundles name it)
     * @param language the language it is in ({@code vi}, {@code cjm}, {@code roc})
     * @param firstSlotAt when it goes on air: an emergency at once, else the commune's next slot
     * @param missed whether its slot and the grace period passed without a confirmation
     */
    public record BroadcastItem(long id, String title, String kind, String language, Instant firstSlotAt,
            boolean emergency, boolean missed) {

        /** When it goes on air: dd/MM/yyyy HH:mm in the province. */
        public String slot() {
            return MINUTE.format(firstSlotAt.atZone(LocalTime.ZONE));
        }
    }

    /**
     * A campaign message waiting for the user's approval.
     *
     * @param title its title, untrusted
     * @param agency the name of the agency whose message it is
     * @param emergency why it may take the emergency path (the bundles name it), null for an ordinary message
     */
    public record MessageItem(long id, String title, String agency, String emergency, Instant writtenAt) {

        /** When it was written: dd/MM/yyyy HH:mm in the province. */
        public String written() {
            return MINUTE.format(writtenAt.atZone(LocalTime.ZONE));
        }
    }

    /**
     * A translation assigned to the user.
     *
     * @param kind the channel version to translate (the bundles name it)
     * @param language {@code cjm} (Chăm) or {@code roc} (Raglai)
     */
    public record TranslationItem(long id, String kind, String language, Instant assignedAt) {

        /** When it was assigned: dd/MM/yyyy HH:mm in the province. */
        public String assigned() {
            return MINUTE.format(assignedAt.atZone(LocalTime.ZONE));
        }
    }

    /**
     * The press questions waiting for the user (Decree 09/2017: the agency answers the press by a due time).
     *
     * @param toApprove drafted answers the user may approve now, never their own draft (an agency's spokesperson; a
     *        coordinator for an agency where nobody holds that role)
     * @param due open questions the user may see that are overdue or due within the reminder window: the agency's, or
     *        every agency's for the province's view
     * @param withoutApprover open questions of agencies where nobody may approve (coordinators and administrators; else
     *        empty)
     */
    public record PressWork(Listed<EnquiryItem> toApprove, Listed<EnquiryItem> due, Listed<EnquiryItem> withoutApprover) {

        /** Whether nothing waits. */
        public boolean isEmpty() {
            return toApprove.isEmpty() && due.isEmpty() && withoutApprover.isEmpty();
        }
    }

    /**
     * A press question.
     *
     * @param subject its subject, as the journalist wrote it (untrusted)
     * @param agency the name of the agency it is for
     */
    public record EnquiryItem(long id, String subject, String agency, Instant dueAt, boolean overdue) {

        /** When it is due: dd/MM/yyyy HH:mm in the province. */
        public String due() {
            return MINUTE.format(dueAt.atZone(LocalTime.ZONE));
        }
    }

    /**
     * An information request that is due: what was asked, of whom, by when; {@code notice} when the day is the last to
     * send its notice of handling (form 03), not its answer's.
     */
    public record RequestItem(long id, String description, String agency, LocalDate dueDate, boolean overdue, boolean notice) {
    }
}

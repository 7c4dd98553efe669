package vn.loa.consultation;

import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * The published contributions of a consultation grouped into themes per article by the language engine, with the
 * officers' corrections kept across regroupings.
 */
public interface ThemeGroups {

    /**
     * The label stored for a group the engine found no word to name (every word of its comments names no theme, or
     * was only typed without diacritics): read back as a null label, shown as the group's number in its article
     * ("Nhóm ý kiến số 2").
     */
    String UNNAMED = "—";

    /** The consultation as the groups and answers pages show it; NotFound for one the user may not see. */
    Summary summary(long consultationId, SignedInUser user);

    /** The groups per article, in the draft's order; {@link vn.loa.shared.NotFound} for a consultation the user may not see. */
    List<ArticleGroups> groups(long consultationId, SignedInUser user);

    /** How many published contributions are in no group yet (arrived or published since the last regrouping). */
    int ungrouped(long consultationId, SignedInUser user);

    /** Groups the published contributions again, then applies the officers' corrections again, in their order. */
    Regrouped regroup(long consultationId, SignedInUser user);

    /** Records a correction and applies it; {@link vn.loa.shared.InvalidInput} naming the field at fault. */
    void correct(long consultationId, Correction correction, SignedInUser user);

    /** The corrections made, oldest first. */
    List<CorrectionRecord> corrections(long consultationId, SignedInUser user);

    /**
     * A correction.
     *
     * @param action what to do
     * @param contributionId the contribution moved, or whose group is merged or renamed
     * @param anchorId a contribution of the target group (MOVE, MERGE)
     * @param contributionIds the contributions split off (SPLIT)
     * @param label the new label (RENAME, SPLIT)
     */
    record Correction(CorrectionAction action, Long contributionId, Long anchorId, List<Long> contributionIds,
            String label) {
        public Correction {
            contributionIds = contributionIds == null ? List.of() : List.copyOf(contributionIds);
        }
    }

    /** A correction as recorded. */
    record CorrectionRecord(long id, CorrectionAction action, Long contributionId, Long anchorId,
            List<Long> contributionIds, String label, String madeBy, java.time.Instant madeAt) {
    }

    /**
     * A consultation in short.
     *
     * @param mayAct whether the user may regroup, correct and answer
     * @param mayApprove whether the user may approve answers (as the second person)
     * @param versions the draft's versions, for choosing the final text
     * @param openUntil the last day it still takes comments, while it does (it is adopted only after); null otherwise
     */
    record Summary(long id, String title, String agencyCode, String status, Long finalVersionId, boolean mayAct,
            boolean mayApprove, List<Version> versions, java.time.LocalDate openUntil) {
    }

    /** A version of the draft. */
    record Version(long id, int number, String fileName) {
    }

    /** What a regrouping did. */
    record Regrouped(int contributions, int groups, int corrections) {
    }

    /** The groups of one article ({@code unitKey} "draft" for comments on the whole draft). */
    record ArticleGroups(String unitKey, String article, List<Group> groups) {

        public int contributions() {
            return groups.stream().mapToInt(Group::count).sum();
        }
    }

    /**
     * A theme of contributions, with its answer if one was written.
     *
     * @param label the words that name it or an officer's label; null when it has no name (pages and reports call it
     *     by its place in the article, "Nhóm ý kiến số 2")
     */
    record Group(long id, String unitKey, String label, List<String> keywords, int negative, int neutral, int positive,
            int unclear, int nearDuplicates, boolean manual, List<Member> members, Answer answer) {

        public int count() {
            return members.size();
        }

        /** Whether the group has a name: words the engine found, or a label an officer gave it. */
        public boolean named() {
            return label != null && !label.isBlank() && !label.equals(UNNAMED);
        }

        /** The member that stands for the group, or null when empty. */
        public Member representative() {
            return members.isEmpty() ? null : members.getFirst();
        }
    }

    /** A contribution in a group. */
    record Member(long contributionId, String reference, String authorName, String organisation, String body,
            String sentiment) {
    }

    /**
     * The answer of a group.
     *
     * @param version one more with every change: a step taken from a page names the version it showed
     */
    record Answer(long id, long groupId, Verdict verdict, String reason, AnswerStatus status, String draftedBy,
            String submittedBy, String approvedBy, java.time.Instant publishedAt, int version) {
    }
}

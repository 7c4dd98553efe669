package vn.loa.consultation;

import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * One answer per group of contributions, applied to every contribution in it, with four eyes: written and submitted
 * by one person, approved by another (a leader, a coordinator or another officer of the agency), then published and
 * sent to each contributor with a verified contact. Also the adoption of the final text, which tells every contributor
 * what changed, and the synthesis report.
 */
public interface ConsultationAnswers {

    /** Writes or rewrites the answer of a group (back to DRAFT). */
    ThemeGroups.Answer save(long groupId, Verdict verdict, String reason, Long templateId, SignedInUser user);

    /**
     * Submits a draft answer for approval. Each step names the answer's {@code version} the user's page showed, must not
     * be null ({@link vn.loa.shared.InvalidInput} on {@code version}): when someone rewrote or moved the answer on since,
     * nothing changes and {@link vn.loa.shared.Conflict} says who and when ({@code consultation.answers.error.changed.*},
     * or {@code .already.*} when it was the same step).
     */
    ThemeGroups.Answer submit(long answerId, Integer version, SignedInUser user);

    /** Approves a submitted answer, the text the approver read; {@link vn.loa.shared.Conflict} for its own author. */
    ThemeGroups.Answer approve(long answerId, Integer version, SignedInUser user);

    /** Publishes an approved answer and notifies its group's contributors (once per answer and contact). */
    ThemeGroups.Answer publish(long answerId, Integer version, SignedInUser user);

    /** Submits, approves or publishes every answer of a consultation the user may, each as it is now; how many were. */
    int submitAll(long consultationId, SignedInUser user);

    int approveAll(long consultationId, SignedInUser user);

    int publishAll(long consultationId, SignedInUser user);

    /** The answer templates of the user's agency (every agency's for province-wide roles). */
    List<Template> templates(SignedInUser user);

    Template saveTemplate(String agencyCode, String name, Verdict verdict, String body, SignedInUser user);

    /** A template's text for a group, its placeholders filled in. */
    String fill(long templateId, long groupId, SignedInUser user);

    /**
     * Records the final text: the consultation becomes ADOPTED with its final version, and each contributor with a
     * verified contact is told once, with a link to what changed. Only once its period is over: an open consultation
     * takes comments to the end of its last day.
     *
     * @throws vn.loa.shared.Conflict when it is not published, still takes comments, or is adopted already
     */
    int adopt(long consultationId, long finalVersionId, SignedInUser user);

    /** The published answers per article, for the public portal; NotFound for a consultation not yet published. */
    PublicAnswers publicAnswers(long consultationId);

    /** The synthesis report (DOCX, Decree 30/2020) for an officer who may see the consultation. */
    byte[] report(long consultationId, SignedInUser user);

    /** The synthesis report for the public, once answers are published. */
    byte[] publicReport(long consultationId);

    /** An answer template: {article}, {theme}, {count} and {title} are filled in. */
    record Template(long id, String agencyCode, String name, Verdict verdict, String body) {
    }

    /** What the public sees. */
    record PublicAnswers(long consultationId, String title, String agencyCode, String status,
            List<ThemeGroups.ArticleGroups> articles) {
    }
}

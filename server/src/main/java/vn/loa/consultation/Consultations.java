package vn.loa.consultation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.loa.identity.SignedInUser;

/**
 * Consultations on drafts: created for a version by its agency, published (DRAFT → OPEN), closed when their period ends
 * (OPEN → CLOSED, by a scheduled job). The period must be at least the minimum in force on the first day.
 */
public interface Consultations {

    /**
     * Creates a consultation (DRAFT) for a version of a draft of the user's agency.
     *
     * @throws vn.loa.shared.InvalidInput on {@code versionId}, {@code title}, {@code opensOn}, {@code closesOn} (shorter
     *         than the minimum: the message names the rule's legal source), {@code questions}
     */
    Consultation create(NewConsultation consultation, SignedInUser by);

    /** Publishes a DRAFT consultation on the portal (OPEN). */
    Consultation publish(long id, SignedInUser by);

    /** Closes the OPEN consultations whose last day has passed; returns how many. */
    int closeDue();

    /** A consultation the user may see, or {@link vn.loa.shared.NotFound}. */
    Consultation get(long id, SignedInUser user);

    /** The consultations the user may see, newest first. */
    List<Consultation> list(SignedInUser user);

    /** A consultation as the public sees it: published ones only (OPEN, CLOSED, ADOPTED). */
    Optional<Consultation> published(long id);

    /** The published consultations open on the day, closing soonest first. */
    List<Consultation> openOn(LocalDate day);

    /** The published consultations that are closed or adopted, newest first. */
    List<Consultation> pastOnes(int limit);

    /** The minimum period rule in force on the day, if any. */
    Optional<Consultation.PeriodRule> periodRuleOn(LocalDate day);

    /** What an officer gives to create a consultation. */
    record NewConsultation(Long versionId, String title, String summary, LocalDate opensOn, LocalDate closesOn,
            List<String> questions, List<String> audiences, List<String> keywords) {

        public NewConsultation {
            questions = questions == null ? List.of() : List.copyOf(questions);
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }
}

package vn.loa.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A consultation on one version of a draft.
 *
 * @param periodRule the minimum period in force on {@code opensOn}, with its legal source; may be null when none
 * @param questions what the consultation asks, in order
 * @param audiences whom it asks (free labels: "hộ gia đình", "doanh nghiệp", ...)
 * @param keywords what listening looks for about the draft (public opinion beside the contributions)
 */
public record Consultation(long id, long draftId, long versionId, String agencyCode, String title, String summary,
        LocalDate opensOn, LocalDate closesOn, PeriodRule periodRule, ConsultationStatus status, List<String> questions,
        List<String> audiences, List<String> keywords, Long finalVersionId, String createdBy, Instant createdAt,
        Instant publishedAt) {

    public Consultation {
        questions = List.copyOf(questions);
        audiences = List.copyOf(audiences);
        keywords = List.copyOf(keywords);
    }

    /** Whether it takes contributions on the day. */
    public boolean openOn(LocalDate day) {
        return status == ConsultationStatus.OPEN && !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    /** How many days it runs, both ends included. */
    public long days() {
        return java.time.temporal.ChronoUnit.DAYS.between(opensOn, closesOn) + 1;
    }

    /**
     * A minimum consultation period, effective-dated, with its legal source.
     *
     * @param verified whether the source was checked against the official text
     */
    public record PeriodRule(long id, LocalDate validFrom, LocalDate validTo, int minDays, String source,
            boolean verified) {
    }
}

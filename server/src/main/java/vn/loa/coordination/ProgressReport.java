package vn.loa.coordination;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An agency's progress report (or a supporting agency's note) on one occurrence of a task. */
public record ProgressReport(long id, long occurrenceId, String agencyCode, String body, Integer percent,
        Map<String, Double> figures, boolean marksDone, String reportedBy, Instant reportedAt, List<Attachment> attachments) {

    public ProgressReport {
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
        attachments = List.copyOf(attachments);
    }
}

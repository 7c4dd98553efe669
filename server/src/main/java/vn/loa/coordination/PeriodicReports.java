package vn.loa.coordination;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * The province's monthly, quarterly and yearly reports on policy communication: drafted from what Loa knows of the
 * period ({@link ReportFigures}), edited section by section by the coordinator's officers, then issued with the next
 * number of the year for the symbol ("Số: 07/BC-UBND"), as a DOCX in the Decree 30/2020 format sealed with the audit
 * chain's latest record. COORDINATOR generates, edits and issues; LEADER and ADMIN read and download; anyone else is
 * told the report does not exist (404).
 */
public interface PeriodicReports {

    /** The sections of a report, in order. */
    List<String> SECTIONS = List.of("listening", "misinformation", "transparency", "press", "campaigns",
            "consultation", "tasks", "proposals");

    /**
     * A report.
     *
     * @param number its number in the year, null until issued
     * @param sections each section's text, in {@link #SECTIONS} order
     * @param version what an edit must name: the report as it was read (stale edits are refused)
     * @param auditRecordId the audit record it was sealed with, null until issued
     */
    record Report(long id, ReportKind kind, LocalDate periodStart, LocalDate periodEnd, String issuerCode,
            String issuerName, String symbol, Integer number, Integer numberYear, String title, String status,
            ReportFigures figures, LinkedHashMap<String, String> sections, Instant generatedAt, String generatedBy,
            Instant editedAt, String editedBy, Instant issuedAt, String issuedBy, LocalDate issuedOn,
            Long auditRecordId, String auditHash, long version) {

        /** Whether it was issued (the {@code status} says so too; not a JSON field of its own, "sued" as Jackson read it). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean issued() {
            return "ISSUED".equals(status);
        }

        /** "07/BC-UBND" once issued, null before. */
        public String numberAndSymbol() {
            return number == null ? null : (number < 10 ? "0" : "") + number + "/" + symbol;
        }
    }

    /** A report in a list. */
    record Summary(long id, ReportKind kind, LocalDate periodStart, LocalDate periodEnd, String title, String status,
            String numberAndSymbol, LocalDate issuedOn, Instant generatedAt) {
    }

    /**
     * What the seal check found.
     *
     * @param sealed whether the report is issued (and so sealed)
     * @param recordPresent the record it was sealed with still exists with the hash sealed
     * @param chainIntact the whole chain verifies
     * @param firstBroken the first broken record when it does not
     * @param laterRecordsPresent the report's own "issued" record, appended after the seal, is still there: records after
     *     the seal were not removed
     * @param newestRecordId the chain's newest record now
     */
    record SealCheck(boolean sealed, Long auditRecordId, String auditHash, boolean recordPresent, boolean chainIntact,
            Long firstBroken, boolean laterRecordsPresent, Long newestRecordId) {

        public boolean holds() {
            return sealed && recordPresent && chainIntact && laterRecordsPresent;
        }
    }

    List<Summary> list(SignedInUser user);

    /** A new draft for the period, with its figures computed now and its sections drafted from them. */
    Report generate(ReportPeriod period, SignedInUser user);

    Report get(long id, SignedInUser user);

    /**
     * Saves the texts given (the others are kept), if the report is still as {@code version} says (else 409) and not
     * issued (409).
     */
    Report edit(long id, java.util.Map<String, String> sections, long version, SignedInUser user);

    /** Computes the figures again; the texts not edited are drafted again, edited ones kept unless {@code redraft}. */
    Report regenerate(long id, boolean redraft, SignedInUser user);

    /**
     * Computes the figures afresh, then numbers, dates, renders and seals the report (409 if already issued). A report
     * whose period is not over (its last day not yet past) is refused (422, field {@code beforePeriodEnd}, naming the
     * day the period ends) unless {@code beforePeriodEnd}: then it is a quick report, its title saying the day its
     * figures stand on ("(số liệu đến ngày 08/12/2026)") and its audit record that it was issued before the end.
     */
    Report issue(long id, boolean beforePeriodEnd, SignedInUser user);

    /**
     * {@link #issue(long, boolean, SignedInUser)}, signed by one of the issuing body's signers ({@code signerId}, else
     * 422 on that field), or with none chosen by its default one; the signer's name and title are printed under the
     * signature and kept with the issued report. A body that recorded no signers issues with no name printed.
     */
    Report issue(long id, boolean beforePeriodEnd, Long signerId, SignedInUser user);

    /** Who may sign the report: the issuing body's signers, the default one first (404 as {@link #get}). */
    List<vn.loa.identity.AgencySigners.Signer> signers(long id, SignedInUser user);

    /** The name and title the issued report was signed with; empty for a draft or when none was recorded. */
    java.util.Optional<SignedBy> signedBy(long id, SignedInUser user);

    /** The signer an issued report was signed with. */
    record SignedBy(String fullName, String title) {
    }

    /** The report as a DOCX: the one stored when issued, else the draft as it stands. */
    Document docx(long id, SignedInUser user);

    SealCheck seal(long id, SignedInUser user);

    /** A chart of the report as a PNG: {@code sentiment}, {@code topics} or {@code tasks}. */
    byte[] chart(long id, String name, SignedInUser user);

    record Document(String fileName, byte[] content) {
    }
}

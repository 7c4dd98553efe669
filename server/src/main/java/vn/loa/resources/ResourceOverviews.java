package vn.loa.resources;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;

/**
 * What each agency valid today has against what the directives ask of its kind: spokesperson (from the press desk's
 * registry), communication officers, trained officers, the year's budget and contracts, and the gaps. An agency's
 * officers and spokespersons see only their own agency's row.
 */
public interface ResourceOverviews {

    /** Trained officers count training completed in the last this many months. */
    int TRAINING_MONTHS = 24;

    /** One row per agency valid today that the user may see, of one kind (every kind for null), by name. */
    Overview overview(int year, AgencyKind kind, SignedInUser user);

    /** The year's budget totals per agency that has budget lines, with the province's total. */
    List<AgencyBudget> budget(int year, SignedInUser user);

    /** The overview as an XLSX workbook with headers in the locale's language and amounts as numbers. */
    byte[] spreadsheet(int year, AgencyKind kind, SignedInUser user, Locale locale);

    /**
     * The overview.
     *
     * @param day the day it was computed for (today in the province)
     */
    record Overview(int year, LocalDate day, AgencyKind kind, List<Line> lines, Totals totals,
            List<Requirement> requirements) {
    }

    /**
     * One agency's row. An "asked" figure is 0 when nothing is asked of the agency's kind.
     *
     * @param spokespersonAsked whether a spokesperson is asked of its kind
     * @param gaps what is missing against what is asked, each naming the directive's number and clause
     */
    record Line(long agencyId, String agencyCode, String agencyName, AgencyKind kind, boolean spokesperson,
            boolean spokespersonAsked, int officers, int officersAsked, int trained, int trainedAsked,
            int budgetLines, int budgetLinesAsked, long plannedVnd, long committedVnd, long spentVnd, int contracts,
            long contractsVnd, List<Gap> gaps) {
    }

    /**
     * Something an agency lacks.
     *
     * @param have what it has (1 or 0 for a spokesperson)
     * @param asked what is asked
     */
    record Gap(RequirementKind kind, int have, int asked, String directiveNumber, String clause) {
    }

    /** The sums over the rows. */
    record Totals(int agencies, int withSpokesperson, int officers, int trained, long plannedVnd, long committedVnd,
            long spentVnd, int contracts, long contractsVnd, int withGaps) {
    }

    /** An agency's budget for the year. */
    record AgencyBudget(long agencyId, String agencyCode, String agencyName, int lines, long plannedVnd,
            long committedVnd, long spentVnd) {
    }
}

package vn.loa.press;

import java.util.Locale;
import vn.loa.identity.SignedInUser;

/**
 * The quarterly Decree 09/2017 compliance per agency as documents: a spreadsheet (XLSX) in the page's language, and a
 * report (DOCX) in the format of Decree 30/2020, in Vietnamese: from the provincial People's Committee for whoever sees
 * every agency, from the user's own agency (to the province) for an agency's staff, who see only its lines.
 */
public interface ComplianceReports {

    /** The spreadsheet. @throws vn.loa.shared.InvalidInput naming {@code quarter} or {@code year} */
    Report spreadsheet(int year, int quarter, SignedInUser user, Locale locale);

    /** The official report. @throws vn.loa.shared.InvalidInput naming {@code quarter} or {@code year} */
    Report document(int year, int quarter, SignedInUser user);

    /** A generated file. */
    record Report(String fileName, byte[] content) {
    }
}

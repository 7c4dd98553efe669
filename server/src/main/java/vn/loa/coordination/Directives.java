package vn.loa.coordination;

import java.time.LocalDate;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * The directives that assign tasks; coordinators and administrators enter them, the province-wide roles and agencies'
 * staff read them.
 */
public interface Directives {

    /**
     * What a coordinator enters for a directive; the body is typed, or extracted from the DOCX when one is given.
     *
     * @param issuerCode the issuing body's code, valid on the issue date
     */
    record NewDirective(String docKind, String number, LocalDate issuedOn, String issuerCode, String signer, String title,
            String summary, String body, String fileName, byte[] file) {
    }

    /** Creates a directive. @throws vn.loa.shared.InvalidInput naming the field at fault */
    Directive create(NewDirective directive, SignedInUser by);

    /** The directive. @throws vn.loa.shared.NotFound when there is none */
    Directive get(long id, SignedInUser user);

    /** Directives, latest first. */
    Page<Directive> list(PageRequest page, SignedInUser user);

    /** The DOCX as received. @throws vn.loa.shared.NotFound when there is none */
    byte[] file(long id, SignedInUser user);
}

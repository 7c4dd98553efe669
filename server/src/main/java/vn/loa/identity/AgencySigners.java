package vn.loa.identity;

import java.util.List;
import java.util.Optional;
import vn.loa.shared.AgencyId;

/**
 * Who signs an agency's documents: each agency's signers, their full names and titles (chức vụ), as its administrator
 * records them, one of them signing by default. Decree 30/2020/NĐ-CP (Art. 8, Appendix I) prints the signer's
 * authority and title, then, below the space for the signature and the seal, the signer's full name: an issued document
 * keeps the signer it was issued with ({@link Signer#fullName()} and {@link Signer#title()}), so that it reads the same
 * whenever it is fetched again, whatever the agency's signers become.
 *
 * <p>A system administrator (the {@code ADMIN} role) manages any agency's signers; an agency's head (the
 * {@code SPOKESPERSON} role, "người phát ngôn / người đứng đầu") its own agency's; anyone else is refused.
 */
public interface AgencySigners {

    int NAME_MAX = 100;
    int TITLE_MAX = 100;

    /**
     * A signer of an agency's documents.
     *
     * @param fullName the full name as it is printed under the signature ("Nguyễn Văn An"), without academic titles
     * @param title the office held ("Chủ tịch", "Phó Giám đốc")
     * @param byDefault whether the agency's documents are signed by this one unless someone else is chosen
     */
    record Signer(long id, AgencyId agency, String fullName, String title, boolean byDefault) {
    }

    /** The agency's signers, the default one first, then in the order they were recorded. */
    List<Signer> of(AgencyId agency);

    /** The agency's default signer, if it recorded any. */
    Optional<Signer> byDefault(AgencyId agency);

    /**
     * The signer a document of the agency is issued with: the one chosen, which must be the agency's (else
     * {@link vn.loa.shared.InvalidInput} on {@code signerId}), or with none chosen the default; empty when the agency
     * has recorded none.
     */
    Optional<Signer> chosen(AgencyId agency, Long signerId);

    /** Whether the user may change the agency's signers: a system administrator, or the agency's own head. */
    boolean mayManage(SignedInUser user, AgencyId agency);

    /**
     * Records a signer (the agency's first signs by default) and audits it.
     *
     * @throws vn.loa.shared.InvalidInput on {@code fullName} or {@code title} when blank, too long, or (the name) led by
     *     an academic or honorary title, which Decree 30/2020 leaves out of a signature
     * @throws org.springframework.security.access.AccessDeniedException when the user may not ({@link #mayManage})
     */
    Signer add(AgencyId agency, String fullName, String title, boolean byDefault, SignedInUser by);

    /** Makes one of the agency's signers its default one, and audits it. */
    void makeDefault(AgencyId agency, long signerId, SignedInUser by);

    /** Removes one of the agency's signers (the earliest left signs by default if it was the default), and audits it. */
    void remove(AgencyId agency, long signerId, SignedInUser by);
}

package vn.loa.press;

import java.util.List;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * Statements in the six forms of Decree 09/2017, Art. 4, each with its channel and approver. An officer or the
 * spokesperson drafts; the spokesperson or head publishes, and is recorded as its approver. A press release or a
 * statement on the portal is then shown on the public portal and its RSS feed, and a press release is e-mailed to the
 * media list.
 */
public interface Statements {

    /**
     * Drafts a statement.
     *
     * @throws vn.loa.shared.InvalidInput naming each field at fault: {@code agencyCode}, {@code form}, {@code channel},
     *         {@code title}, {@code body}, {@code outletId} (a correction request needs its press agency)
     * @throws org.springframework.security.access.AccessDeniedException for a user who may not speak for the agency
     */
    Statement draft(Draft draft, SignedInUser by);

    /** The statements the user may see: drafts of their agency, and every published one. Newest first. */
    Page<Statement> list(StatementForm form, PageRequest page, SignedInUser user);

    /** One statement. @throws vn.loa.shared.NotFound when it does not exist or the user may not see it */
    Statement get(long id, SignedInUser user);

    /**
     * Publishes a draft: the approver is the user, who must be the agency's spokesperson (or its head) and not the
     * one who drafted it.
     *
     * @throws vn.loa.shared.Conflict when it is published already or the user drafted it
     * @throws org.springframework.security.access.AccessDeniedException for a user who is not the agency's spokesperson
     */
    default Statement publish(long id, SignedInUser by) {
        return publish(id, null, by);
    }

    /**
     * Publishes a draft, as {@link #publish(long, SignedInUser)}; or, for an agency where nobody holds the spokesperson
     * role, by a coordinator in its place ({@link #mayPublishInPlace}), never the one who drafted it, with
     * {@code basis}: whose word it is (the head's, a commune chairman's). Audited as acting for that agency.
     *
     * @throws vn.loa.shared.InvalidInput ({@code basis}) for a publication in the agency's place without its basis, or
     *         with one over 500 characters
     */
    Statement publish(long id, String basis, SignedInUser by);

    /** Whether the user may publish the agency's statements in its place: a coordinator, where nobody may approve. */
    boolean mayPublishInPlace(String agencyCode, SignedInUser user);

    /** Published statements for the public portal and its feed, newest first. */
    List<Statement> onPortal(int limit);

    /** One statement on the portal. @throws vn.loa.shared.NotFound when it is not there */
    Statement onPortal(long id);

    /** A statement to draft. */
    record Draft(String agencyCode, StatementForm form, StatementChannel channel, String title, String body,
            Long outletId, Long enquiryId) {
    }
}

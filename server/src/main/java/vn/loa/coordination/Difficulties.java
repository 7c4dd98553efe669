package vn.loa.coordination;

import java.util.List;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * Difficulties and proposals of agencies to the province: sent by an agency, answered by the coordinator or forwarded
 * to the agency competent to answer, closed by the sender. An officer sees their agency's and those forwarded to it.
 */
public interface Difficulties {

    /** What an agency sends; kind DIFFICULTY or PROPOSAL; task and directive optional. */
    record NewDifficulty(String kind, String title, String body, Long taskId, Long directiveId,
            List<NewAttachment> attachments) {
    }

    Difficulty submit(NewDifficulty difficulty, SignedInUser by);

    Difficulty get(long id, SignedInUser user);

    /** Those the user may see, latest first; status null for any. */
    Page<Difficulty> list(String status, PageRequest page, SignedInUser user);

    /** Answers it (coordinator, or the agency it was forwarded to); the sender's users are e-mailed. */
    Difficulty answer(long id, String answer, SignedInUser by);

    /** Forwards it to the agency competent to answer, with a note (coordinator). */
    Difficulty forward(long id, String agencyCode, String note, SignedInUser by);

    /** Closes an answered one (the sender, or the coordinator). */
    Difficulty close(long id, SignedInUser by);

    /** A file of a difficulty. */
    Files.StoredFile attachment(long attachmentId, SignedInUser user);
}

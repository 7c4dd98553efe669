package vn.loa.consultation;

import java.time.Instant;
import java.util.List;
import vn.loa.identity.SignedInUser;

/**
 * Drafts of an agency's legal documents or policies, imported from Word (DOCX) and split into their numbered parts;
 * later versions compared with earlier ones article by article. An officer sees and changes only their agency's drafts;
 * coordinators and administrators act for all, leaders see all.
 */
public interface Drafts {

    /**
     * Imports the first version of a new draft.
     *
     * @throws vn.loa.shared.InvalidInput on {@code file} (not a DOCX, no article found), {@code title},
     *         {@code agencyCode}
     */
    Draft importDraft(NewDraft draft, SignedInUser by);

    /**
     * Imports a later version of a draft; {@code final} marks the text adopted at the end of the consultation.
     *
     * @throws vn.loa.shared.InvalidInput on {@code file}
     */
    DraftVersion importVersion(long draftId, String fileName, byte[] docx, String note, boolean finalText,
            SignedInUser by);

    /** A draft the user may see, or {@link vn.loa.shared.NotFound}. */
    Draft get(long draftId, SignedInUser user);

    /** The drafts the user may see, newest first. */
    List<Draft> list(SignedInUser user);

    /** The versions of a draft, oldest first. */
    List<DraftVersion> versions(long draftId, SignedInUser user);

    /** The newest version of the draft marked final (the adopted text), if any; public like the consulted text. */
    java.util.Optional<DraftVersion> finalVersion(long draftId);

    /** The numbered parts of a version, in order. Public: a consulted version is shown on the portal. */
    List<DraftUnit> units(long versionId);

    /** The version's file as imported. */
    DraftFile file(long versionId, SignedInUser user);

    /** Article by article, what changed from one version of a draft to another (by version numbers). */
    List<ArticleDiff> diff(long draftId, int fromVersion, int toVersion, SignedInUser user);

    /** The same difference between two versions by id, without a user: for the public portal's changes page. */
    List<ArticleDiff> diffVersions(long fromVersionId, long toVersionId);

    /** What an officer gives to import a draft. */
    record NewDraft(String agencyCode, String title, String docKind, String fileName, byte[] docx, String note) {
    }

    /** A draft with its latest version number. */
    record Draft(long id, String agencyCode, String title, String docKind, String createdBy, Instant createdAt,
            int latestVersion) {
    }

    /** One imported version. */
    record DraftVersion(long id, long draftId, int versionNo, String fileName, String note, boolean finalText,
            String importedBy, Instant importedAt, int articles) {
    }

    /** A version's file. */
    record DraftFile(String fileName, byte[] bytes) {
    }
}

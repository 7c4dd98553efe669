package vn.loa.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.loa.identity.SignedInUser;
import vn.loa.publishing.Publishing.PublicationRecord;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * Messages of campaigns: written once, adapted per channel version, translated by people, approved by four eyes and
 * handed to publishing at their time. The author never approves; an approver is the agency's spokesperson (its head or
 * deputy who speaks for it), a coordinator or a leader. An emergency message may be approved and published at once by
 * one approver who is still not its author, with a reason, recorded in the emergency log.
 */
public interface Messages {

    /**
     * Writes a message in a campaign.
     *
     * @throws vn.loa.shared.InvalidInput naming {@code title} or {@code body}
     * @throws vn.loa.shared.NotFound when the campaign does not exist or the user may not see it
     * @throws org.springframework.security.access.AccessDeniedException for a user who may not write for its agency
     */
    Message write(long campaignId, String title, String body, Emergency emergency, SignedInUser by);

    /**
     * Rewrites the title and text of a draft (its versions stay as they are).
     *
     * @throws vn.loa.shared.InvalidInput naming {@code title} or {@code body}
     * @throws vn.loa.shared.Conflict when the message is no longer a draft
     */
    Message rewrite(long id, String title, String body, SignedInUser by);

    /** A page of the messages of a campaign (or, null, of every campaign) the user may see, newest first. */
    Page<Message> list(Long campaignId, MessageStatus status, PageRequest page, SignedInUser user);

    /** One message. @throws vn.loa.shared.NotFound when it does not exist or the user may not see it */
    Message get(long id, SignedInUser user);

    /** Its channel versions, in the order of {@link VersionKind}. */
    List<Version> versions(long messageId, SignedInUser user);

    /**
     * Writes or rewrites one channel version of a draft. A portal article's body is sanitised HTML.
     *
     * @throws vn.loa.shared.InvalidInput naming {@code kind}, {@code title}, {@code body} (empty, too long, or failing
     *         the channel's check) or {@code link}
     * @throws vn.loa.shared.Conflict when the message is no longer a draft
     */
    Version saveVersion(long messageId, VersionKind kind, String title, String body, String hashtags, String link,
            SignedInUser by);

    /**
     * Attaches a recorded audio file (MP3, WAV or OGG) to the loudspeaker version.
     *
     * @throws vn.loa.shared.InvalidInput naming {@code audio} (not one of those formats, empty or too large)
     */
    Version attachAudio(long versionId, String fileName, byte[] content, SignedInUser by);

    /**
     * Synthesises the loudspeaker version's script with eSpeak NG and attaches it, labelled synthetic.
     *
     * @throws vn.loa.shared.Conflict when eSpeak NG is not installed or fails
     */
    Version synthesise(long versionId, SignedInUser by);

    /**
     * Attaches a document or image (PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG; at most the audio's size limit) to a portal
     * article, published with it on the portal for download.
     *
     * @throws vn.loa.shared.InvalidInput naming {@code file} (not one of those formats by its first bytes and name,
     *         empty or too large, or the version is not a portal article)
     */
    VersionFile attachFile(long versionId, String fileName, byte[] content, SignedInUser by);

    /** Removes a file from a draft's portal article. */
    void removeFile(long fileId, SignedInUser by);

    /** The files of a version, in the order attached. */
    List<VersionFile> files(long versionId, SignedInUser user);

    /** A file attached to a version. */
    record VersionFile(long id, long versionId, String fileName, String contentType, long size) {
    }

    /** Whether speech synthesis is available on this machine. */
    boolean speechAvailable();

    /** A version's audio: file name, type and bytes. */
    Optional<Audio> audio(long versionId, SignedInUser user);

    /**
     * The leaflet of a message as DOCX (A4): the issuing body, title and text. Until the message is approved each page
     * is marked "DỰ THẢO – CHƯA DUYỆT" and the file named as a draft; a withdrawn message's is marked as withdrawn.
     */
    Leaflet leaflet(long messageId, SignedInUser user);

    /**
     * A leaflet to download.
     *
     * @param fileName "to-roi-12.docx" once approved, "to-roi-12-du-thao.docx" before, "to-roi-12-da-thu-hoi.docx" once
     *     withdrawn
     */
    record Leaflet(String fileName, byte[] content) {
    }

    /**
     * Takes a step of the approval. {@code SCHEDULE} takes a publication time from the current minute on; the message
     * then records, once published, the time it really went out ({@link Message#publishedAt()}).
     *
     * @throws vn.loa.shared.Conflict when the status does not allow it, or the author tries to approve
     * @throws vn.loa.shared.InvalidInput naming {@code publishAt} (missing, or before the current minute) or
     *         {@code reason}
     * @throws org.springframework.security.access.AccessDeniedException for a user who may not take it
     */
    default Message act(long messageId, MessageAction action, Instant publishAt, String reason, SignedInUser by) {
        return act(messageId, action, publishAt, reason, null, by);
    }

    /**
     * Takes a step of the approval as {@link #act(long, MessageAction, Instant, String, SignedInUser)}, from a page or
     * a client that read the message as {@code seen} ({@link #contentMark}; null when not told): an approval or an
     * emergency publication of a message whose text or versions changed since is refused, so that nobody lets out a
     * text they did not read.
     *
     * @throws vn.loa.shared.Conflict also ({@code campaigns.error.changed-before-approval}) when {@code seen} is not the
     *         message as it is now
     */
    Message act(long messageId, MessageAction action, Instant publishAt, String reason, String seen, SignedInUser by);

    /**
     * A short mark of everything of the message an approver reads and lets out: its title, text and kind of emergency,
     * each channel version (texts, audio) and the portal article's files. It changes with any of them.
     *
     * @throws vn.loa.shared.NotFound when it does not exist or the user may not see it
     */
    String contentMark(long messageId, SignedInUser user);

    /** The approval steps of a message, oldest first. */
    List<Step> steps(long messageId, SignedInUser user);

    /** The emergency log: every step of an emergency message the user may see, newest first. */
    List<Step> emergencyLog(SignedInUser user);

    /**
     * Messages waiting for the user's approval: in review, of an agency the user approves for, neither written nor
     * rewritten by the user (four eyes); oldest first.
     */
    List<Message> approvalQueue(SignedInUser user);

    /** What publishing recorded for a version in a language (through {@code Publishing.bySource}). */
    List<PublicationRecord> publications(long versionId, String language);

    /**
     * Assigns the translation of a version into Chăm ({@code cjm}) or Raglai ({@code roc}) to a user.
     *
     * @throws vn.loa.shared.InvalidInput naming {@code language} or {@code translator}
     * @throws vn.loa.shared.Conflict when it is assigned already, or the message was withdrawn
     */
    Translation assignTranslation(long versionId, String language, String translator, SignedInUser by);

    /**
     * The translator enters the text and, optionally, the recorded audio.
     *
     * @throws vn.loa.shared.InvalidInput naming {@code body} or {@code audio}
     * @throws org.springframework.security.access.AccessDeniedException for anyone but the translator
     * @throws vn.loa.shared.Conflict when it is approved already, or the message was withdrawn
     */
    Translation submitTranslation(long translationId, String body, String audioName, byte[] audio, SignedInUser by);

    /**
     * A reviewer who is not the translator approves a submitted translation; only then may it be published.
     *
     * @throws vn.loa.shared.Conflict when it is not submitted, the translator reviews it, or the message was withdrawn
     */
    Translation approveTranslation(long translationId, SignedInUser by);

    /** The translations of a message. */
    List<Translation> translations(long messageId, SignedInUser user);

    /** The translations assigned to the user, of messages not withdrawn, open ones first. */
    List<Translation> tasksOf(SignedInUser user);

    /**
     * The translations waiting for the user's text: assigned to them, not yet submitted, of a message not withdrawn;
     * oldest first.
     */
    List<Translation> assignedTo(SignedInUser user);

    /** A translation's recorded audio. */
    Optional<Audio> translationAudio(long translationId, SignedInUser user);

    /**
     * The publication text of a version in a language: the Vietnamese version, or the approved human translation.
     *
     * @throws vn.loa.shared.Conflict when there is no approved human text in that language
     */
    String textIn(long versionId, String language);

    /** Hands every scheduled message whose time has come to publishing; returns how many were published. */
    int publishDue();

    /** An audio file. @param synthetic whether speech synthesis made it */
    record Audio(String fileName, String contentType, byte[] content, boolean synthetic) {
    }
}

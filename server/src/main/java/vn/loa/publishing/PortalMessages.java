package vn.loa.publishing;

import java.time.Instant;
import java.util.List;

/** The messages published on the public portal (PORTAL publications whose time has come and that were not withdrawn). */
public interface PortalMessages {

    /** A message as the public sees it; {@code body} is sanitised HTML. */
    record PortalMessage(long id, String agencyCode, String policy, String language, String title, String body,
            List<String> communes, Instant publishedAt, boolean emergency) {
    }

    /** The newest messages, optionally of one policy label and/or meant for one commune (or the whole province). */
    List<PortalMessage> published(String policy, String communeCode, int limit);

    /** One published message, or {@link vn.loa.shared.NotFound}. */
    PortalMessage published(long id);

    /** The files published with a message (documents, images), for its page. */
    List<Broadcasts.AttachmentInfo> files(long messageId);

    /**
     * One file of a published message, to download.
     *
     * @throws vn.loa.shared.NotFound when the message is not published or the file is not one of its files
     */
    File file(long messageId, long fileId);

    /** A file's name, type and bytes. */
    record File(String fileName, String contentType, byte[] content) {
    }

    /** The policy labels of the published messages, for the filter. */
    List<String> policies();
}

package vn.loa.misinformation.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.UploadedFiles;

/**
 * What files a case accepts: PDF, Word, Excel, PNG, JPEG and plain text, up to the configured size,
 * recognised by their first bytes as well as their name, so that a program renamed ".pdf" is refused.
 * Files are stored in the database and only ever served as downloads.
 */
@Component
class AttachmentCheck {

    /** The file's kind, by extension: its content type and the bytes it must start with (null: text). */
    private static final Map<String, Kind> KINDS = Map.of(
            "pdf", new Kind("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
            "docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[] {'P', 'K', 3, 4}),
            "xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new byte[] {'P', 'K', 3, 4}),
            "png", new Kind("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
            "jpg", new Kind("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
            "jpeg", new Kind("image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
            "txt", new Kind("text/plain; charset=UTF-8", null));

    private record Kind(String contentType, byte[] magic) {
    }

    /** A file that passed, with a safe name. */
    record Accepted(String fileName, String contentType) {
    }

    private final MisinformationSettings settings;

    AttachmentCheck(MisinformationSettings settings) {
        this.settings = settings;
    }

    Accepted check(String originalName, byte[] content) {
        String name = UploadedFiles.safeName(originalName);
        if (content == null || content.length == 0) {
            throw new InvalidInput("file", "case.error.file-empty");
        }
        if (content.length > settings.attachmentMaxSize().toBytes()) {
            throw new InvalidInput("file", "case.error.file-too-large", settings.attachmentMaxSize().toMegabytes());
        }
        int dot = name.lastIndexOf('.');
        Kind kind = dot < 0 ? null : KINDS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new InvalidInput("file", "case.error.file-type");
        }
        if (kind.magic() == null ? !plainText(content) : !UploadedFiles.startsWith(content, kind.magic())) {
            throw new InvalidInput("file", "case.error.file-content");
        }
        return new Accepted(name, kind.contentType());
    }

    private static boolean plainText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

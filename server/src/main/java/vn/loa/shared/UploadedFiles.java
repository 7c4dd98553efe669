package vn.loa.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What every module checks of a file a user uploads (a case's evidence, a report's attachment, an answer's files): a
 * name safe to store and to send back, the type of the document or image its first bytes and its name agree on, and
 * its SHA-256.
 */
public final class UploadedFiles {

    private UploadedFiles() {
    }

    /** The last part of the name, without control characters, path separators or quotes, at most 200 characters. */
    public static String safeName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>:|?*]", "_").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "tep";
        }
        if (name.length() > 200) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
            name = name.substring(0, 200 - extension.length()) + extension;
        }
        return name;
    }

    /**
     * The type of a PDF, Word or Excel document, or a PNG, JPEG, GIF or WebP image, when its first bytes are that
     * type's and its name ends as that type's do (so that a program renamed ".pdf" is not taken); null otherwise.
     */
    public static String documentOrImage(String fileName, byte[] b) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (b == null) {
            return null;
        }
        if (name.endsWith(".pdf") && startsWith(b, "%PDF-".getBytes())) {
            return "application/pdf";
        }
        if (name.endsWith(".png") && startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return "image/png";
        }
        if ((name.endsWith(".jpg") || name.endsWith(".jpeg")) && startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (name.endsWith(".gif") && startsWith(b, "GIF8".getBytes())) {
            return "image/gif";
        }
        if (name.endsWith(".webp") && b.length > 12 && startsWith(b, "RIFF".getBytes()) && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (startsWith(b, new byte[] {'P', 'K', 3, 4})) {
            if (name.endsWith(".docx")) {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (name.endsWith(".xlsx")) {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
        }
        return null;
    }

    /** Whether the bytes begin with the prefix. */
    public static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes == null || bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The SHA-256 of the bytes, in lower-case hexadecimal. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

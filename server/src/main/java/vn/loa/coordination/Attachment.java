package vn.loa.coordination;

/** A file attached to a progress report or a difficulty: its name, type, size and SHA-256 (the bytes on request). */
public record Attachment(long id, String fileName, String contentType, int size, String sha256) {
}

package vn.loa.coordination;

/** A file uploaded with a progress report or a difficulty. */
public record NewAttachment(String fileName, String contentType, byte[] bytes) {
}

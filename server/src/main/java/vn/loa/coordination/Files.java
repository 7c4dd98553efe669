package vn.loa.coordination;

/** Files coordination keeps. */
public final class Files {

    private Files() {
    }

    /** A file's name, type and bytes. */
    public record StoredFile(String fileName, String contentType, byte[] bytes) {
    }
}

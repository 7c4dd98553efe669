package vn.loa.transparency.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;
import vn.loa.shared.UploadedFiles;
import vn.loa.transparency.InformationRequests;
import vn.loa.transparency.InformationRequests.AnswerFile;
import vn.loa.transparency.InformationRequests.Delivered;
import vn.loa.transparency.InformationRequests.NewFile;

/**
 * The files of an answer to an information request (the signed and stamped letter, maps, documents), kept in the
 * database with their SHA-256 as coordination keeps the files of progress reports: PDF, Word, Excel, PNG, JPEG, GIF and
 * WebP, recognised by their first bytes and their name (a program renamed ".pdf" is refused), at most
 * {@link InformationRequests#MAX_ANSWER_FILE_MB} MB each and {@link InformationRequests#MAX_ANSWER_FILES} files to an answer, and only ever served as downloads.
 */
@Component
class AnswerFiles {

    static final int MAX_BYTES = InformationRequests.MAX_ANSWER_FILE_MB * 1024 * 1024;
    static final int MAX_FILES = InformationRequests.MAX_ANSWER_FILES;

    private final JdbcClient jdbc;

    AnswerFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Checks uploads before anything is stored, with the files the answer has already; refuses naming {@code files},
     * with the file's name when one file is at fault.
     */
    void check(List<NewFile> files, int already) {
        if (files == null || files.isEmpty()) {
            return;
        }
        if (already + files.size() > MAX_FILES) {
            throw new InvalidInput("files", "transparency.error.files-count", MAX_FILES);
        }
        for (NewFile file : files) {
            String name = UploadedFiles.safeName(file.fileName());
            if (file.content() == null || file.content().length == 0) {
                throw new InvalidInput("files", "transparency.error.file-empty", name);
            }
            if (file.content().length > MAX_BYTES) {
                throw new InvalidInput("files", "transparency.error.file-size", name, MAX_BYTES / 1024 / 1024);
            }
            if (UploadedFiles.documentOrImage(name, file.content()) == null) {
                throw new InvalidInput("files", "transparency.error.file-type", name);
            }
        }
    }

    /** Keeps the files with the request; call {@link #check} first. */
    void store(long requestId, List<NewFile> files, String by, Instant at) {
        if (files == null) {
            return;
        }
        for (NewFile file : files) {
            String name = UploadedFiles.safeName(file.fileName());
            jdbc.sql("""
                    INSERT INTO information_request_file (request_id, file_name, content_type, content, sha256, uploaded_by,
                        uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(requestId, name, UploadedFiles.documentOrImage(name, file.content()), file.content(),
                            UploadedFiles.sha256(file.content()), by,
                            Timestamp.from(at)).update();
        }
    }

    List<AnswerFile> of(long requestId) {
        return jdbc.sql("""
                SELECT id, file_name, content_type, octet_length(content) AS size, sha256, uploaded_by, uploaded_at
                FROM information_request_file WHERE request_id = ? ORDER BY id""").param(requestId)
                .query((rs, n) -> new AnswerFile(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
                        rs.getLong("size"), rs.getString("sha256"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    int count(long requestId) {
        return jdbc.sql("SELECT count(*) FROM information_request_file WHERE request_id = ?").param(requestId)
                .query(Integer.class).single();
    }

    /** One file of the request. @throws NotFound when the request has no such file */
    Delivered file(long requestId, long fileId) {
        return jdbc.sql("SELECT file_name, content_type, content FROM information_request_file WHERE request_id = ? AND id = ?")
                .params(requestId, fileId)
                .query((rs, n) -> new Delivered(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> new NotFound("answer file", fileId));
    }

    /** Every file of the request with its bytes, in the order uploaded. */
    List<Delivered> all(long requestId) {
        return jdbc.sql("SELECT file_name, content_type, content FROM information_request_file WHERE request_id = ? ORDER BY id")
                .param(requestId).query((rs, n) -> new Delivered(rs.getString(1), rs.getString(2), rs.getBytes(3))).list();
    }

    /** The letter and the files as one ZIP, each file under its own name (a name used twice gets a number). */
    static byte[] zip(List<Delivered> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8)) {
            Set<String> used = new HashSet<>();
            for (Delivered file : files) {
                String name = file.fileName();
                int dot = name.lastIndexOf('.');
                for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
                    name = dot > 0 ? file.fileName().substring(0, dot) + " (" + i + ")" + file.fileName().substring(dot)
                            : file.fileName() + " (" + i + ")";
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(file.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

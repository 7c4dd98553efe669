package vn.loa.coordination.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.coordination.Attachment;
import vn.loa.coordination.Files.StoredFile;
import vn.loa.coordination.NewAttachment;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;
import vn.loa.shared.UploadedFiles;

/**
 * The files of progress reports and difficulties (PDF, DOCX, XLSX and images, checked by their first bytes, at most
 * {@value #MAX_BYTES} bytes each, kept with their SHA-256) and the text of a directive's DOCX.
 */
@Component
class CoordinationFiles {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_FILES = 10;

    private final JdbcClient jdbc;

    CoordinationFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks uploads before anything is stored; refuses naming {@code attachments}. */
    void check(List<NewAttachment> files) {
        if (files == null) {
            return;
        }
        if (files.size() > MAX_FILES) {
            throw new InvalidInput("attachments", "coordination.error.attachments-count", MAX_FILES);
        }
        for (NewAttachment file : files) {
            if (file.bytes() == null || file.bytes().length == 0) {
                throw new InvalidInput("attachments", "coordination.error.attachment-empty");
            }
            if (file.bytes().length > MAX_BYTES) {
                throw new InvalidInput("attachments", "coordination.error.attachment-size", MAX_BYTES / 1024 / 1024);
            }
            if (type(file) == null) {
                throw new InvalidInput("attachments", "coordination.error.attachment-type");
            }
        }
    }

    /** Stores the files of a progress report or a difficulty (one of the two ids). */
    void store(Long progressId, Long difficultyId, List<NewAttachment> files, String by, Instant at) {
        if (files == null) {
            return;
        }
        for (NewAttachment file : files) {
            String name = UploadedFiles.safeName(file.fileName());
            jdbc.sql("""
                    INSERT INTO coord_attachment (progress_id, difficulty_id, file_name, content_type, bytes, sha256,
                        uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(progressId, difficultyId, name, type(file), file.bytes(), UploadedFiles.sha256(file.bytes()),
                            by,
                            Timestamp.from(at)).update();
        }
    }

    /** The type of the document or image the file is (its first bytes and its name agree); null for another. */
    static String type(NewAttachment file) {
        return UploadedFiles.documentOrImage(file.fileName(), file.bytes());
    }

    List<Attachment> ofProgress(long progressId) {
        return jdbc.sql("""
                SELECT id, file_name, content_type, length(bytes) AS size, sha256 FROM coord_attachment
                WHERE progress_id = ? ORDER BY id""").param(progressId).query((rs, n) -> new Attachment(rs.getLong("id"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size"), rs.getString("sha256"))).list();
    }

    List<Attachment> ofDifficulty(long difficultyId) {
        return jdbc.sql("""
                SELECT id, file_name, content_type, length(bytes) AS size, sha256 FROM coord_attachment
                WHERE difficulty_id = ? ORDER BY id""").param(difficultyId).query((rs, n) -> new Attachment(rs.getLong("id"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size"), rs.getString("sha256"))).list();
    }

    /** The file and what it belongs to: {progressId, difficultyId}. */
    record Owned(StoredFile file, Long progressId, Long difficultyId) {
    }

    Owned find(long id) {
        return jdbc.sql("SELECT * FROM coord_attachment WHERE id = ?").param(id).query((rs, n) -> new Owned(
                new StoredFile(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("bytes")),
                (Long) rs.getObject("progress_id"), (Long) rs.getObject("difficulty_id"))).optional()
                .orElseThrow(() -> new NotFound("attachment", id));
    }

    /** The text of a DOCX, paragraph by paragraph (table cells too). @throws InvalidInput naming {@code file} */
    static String docxText(byte[] docx) {
        if (docx == null || docx.length < 4 || docx[0] != 'P' || docx[1] != 'K') {
            throw new InvalidInput("file", "coordination.error.docx");
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> lines = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    lines.add(paragraph.getText());
                } else if (element instanceof XWPFTable table) {
                    table.getRows().forEach(row -> row.getTableCells().forEach(cell -> cell.getParagraphs()
                            .forEach(p -> lines.add(p.getText()))));
                }
            }
            return String.join("\n", lines).strip();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInput("file", "coordination.error.docx");
        }
    }
}

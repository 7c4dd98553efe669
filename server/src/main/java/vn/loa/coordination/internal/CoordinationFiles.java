package vn.loa.coordination.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
            String name = file.fileName() == null || file.fileName().isBlank() ? "tep" : file.fileName().strip();
            name = name.length() > 200 ? name.substring(name.length() - 200) : name;
            jdbc.sql("""
                    INSERT INTO coord_attachment (progress_id, difficulty_id, file_name, content_type, bytes, sha256,
                        uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(progressId, difficultyId, name, type(file), file.bytes(), sha256(file.bytes()), by,
                            Timestamp.from(at)).update();
        }
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

    /** The type the bytes are, from their first bytes and the name's extension; null for one Loa does not take. */
    static String type(NewAttachment file) {
        byte[] b = file.bytes();
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase(Locale.ROOT);
        if (starts(b, "%PDF".getBytes())) {
            return "application/pdf";
        }
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "image/png";
        }
        if (starts(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "image/jpeg";
        }
        if (starts(b, "GIF8".getBytes())) {
            return "image/gif";
        }
        if (b.length > 12 && starts(b, "RIFF".getBytes()) && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (starts(b, new byte[] {'P', 'K', 3, 4})) {
            if (name.endsWith(".docx")) {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (name.endsWith(".xlsx")) {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
        }
        return null;
    }

    private static boolean starts(byte[] bytes, byte[] prefix) {
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

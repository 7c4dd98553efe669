package vn.loa.coordination.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import vn.loa.coordination.NewAttachment;
import vn.loa.shared.InvalidInput;

/** Which files a progress report or a difficulty may carry, told by their first bytes, and a directive's DOCX text. */
class CoordinationFilesUnitTests {

    private static NewAttachment file(String name, byte[] bytes) {
        return new NewAttachment(name, "application/octet-stream", bytes);
    }

    @Test
    void aFileIsTakenByItsFirstBytesNotByTheTypeItClaims() {
        assertThat(CoordinationFiles.type(file("bao-cao.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("application/pdf");
        assertThat(CoordinationFiles.type(file("anh.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 0x1a, 10})))
                .isEqualTo("image/png");
        assertThat(CoordinationFiles.type(file("anh.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})))
                .isEqualTo("image/jpeg");
        assertThat(CoordinationFiles.type(file("so-lieu.xlsx", new byte[] {'P', 'K', 3, 4, 0})))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        // a ZIP that is neither DOCX nor XLSX, a program renamed, a text file
        assertThat(CoordinationFiles.type(file("nen.zip", new byte[] {'P', 'K', 3, 4, 0}))).isNull();
        assertThat(CoordinationFiles.type(file("bao-cao.pdf", new byte[] {'M', 'Z', 0, 0}))).isNull();
        assertThat(CoordinationFiles.type(file("ghi-chu.txt", "xin chào".getBytes(StandardCharsets.UTF_8)))).isNull();
        // a name and first bytes that do not agree: a PDF named as an image
        assertThat(CoordinationFiles.type(file("anh.png", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))).isNull();
        assertThat(vn.loa.shared.UploadedFiles.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theTextOfADocxIsItsParagraphsInOrderAndAnythingElseIsRefusedNamingTheFile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument document = new XWPFDocument()) {
            document.createParagraph().createRun().setText("Kính gửi: các sở, ban, ngành");
            document.createTable(1, 2).getRow(0).getCell(1).setText("Ô trong bảng");
            document.createParagraph().createRun().setText("1. Tăng cường truyền thông chính sách.");
            document.write(out);
        }
        assertThat(CoordinationFiles.docxText(out.toByteArray()))
                .startsWith("Kính gửi: các sở, ban, ngành").contains("Ô trong bảng")
                .endsWith("1. Tăng cường truyền thông chính sách.");
        assertThatThrownBy(() -> CoordinationFiles.docxText("không phải".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("file");
    }
}

package vn.loa.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.nlp.SharedData;

class NlpCliUnitTests {

    @TempDir
    Path dir;

    @Test
    void trainsOnExtraRowsSuchAsCorrectionsAndEvaluatesOnThem() throws Exception {
        Path corrections = dir.resolve("corrections.jsonl");
        Files.writeString(corrections, """
                {"text":"Thủ tục cấp đổi giấy phép lái xe nay rất nhanh gọn","sentiment":"positive","post_id":1}
                {"text":"Bệnh viện tỉnh để bệnh nhân chờ cả buổi sáng","sentiment":"negative","post_id":2}
                {"text":"Lịch tiếp công dân tháng này vào thứ năm","sentiment":"neutral","post_id":3}
                """, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        NlpCli cli = new NlpCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int status = cli.run(List.of("train", "sentiment", "--extra", corrections.toString(), "--out", dir.toString(),
                "--data-dir", SharedData.dir().toString(),
                "--epochs", "2"), new ByteArrayInputStream(new byte[0]));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("and 3 extra rows of " + corrections);
        String metadata = Files.readString(dir.resolve("sentiment.json"));
        assertThat(metadata).contains("corrections.jsonl").contains("\"sentences\":3");

        out.reset();
        status = cli.run(List.of("eval", "--task", "sentiment", "--data", corrections.toString(), "--model",
                dir.resolve("sentiment.bin").toString()), new ByteArrayInputStream(new byte[0]));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"rows\":3").contains("\"accuracy\"");
    }
}

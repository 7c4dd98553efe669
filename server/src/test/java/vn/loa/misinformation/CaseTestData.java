package vn.loa.misinformation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.shared.Actor;

/** Posts and sessions for the desk's tests, made through the public ways in: an import, a sign-in. */
public final class CaseTestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private CaseTestData() {
    }

    /** A word no other test uses, so that texts of different tests are never near-duplicates. */
    public static String marker() {
        return "mã" + ProcessHandle.current().pid() + "x" + SEQUENCE.incrementAndGet();
    }

    /** Imports the texts as public Facebook posts published minutes before {@code now}; returns their ids. */
    public static List<Long> importPosts(PostImporter importer, JdbcClient jdbc, Instant now, String... texts) throws Exception {
        String source = "case-test-" + SEQUENCE.incrementAndGet();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            file.append("{\"source\":\"").append(source).append("\",\"platform\":\"facebook\",\"external_id\":\"")
                    .append(source).append('-').append(i).append("\",\"url\":\"https://www.facebook.com/posts/")
                    .append(source).append('-').append(i).append("\",\"published_at\":\"")
                    .append(now.minus(30 - i, ChronoUnit.MINUTES)).append("\",\"text\":\"")
                    .append(texts[i].replace("\"", "\\\"")).append("\"}\n");
        }
        ImportSummary summary = importer.importFile(source + ".jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        if (!summary.quarantined().isEmpty()) {
            throw new IllegalStateException("test posts quarantined: " + summary);
        }
        return jdbc.sql("SELECT p.id FROM post p JOIN post_source s ON s.id = p.source_id WHERE s.code = ? ORDER BY p.id")
                .param(source).query(Long.class).list();
    }

    public static MockHttpSession signIn(MockMvc mvc, String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("loa-demo"))
                .andReturn().getRequest().getSession(false);
    }
}

package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loa runs as an application role that holds only the privileges the migrations grant it (the owner migrates): every
 * table a statement of the code writes to must grant what the statement needs. Recording an agency's successor failed
 * with "permission denied" on every try, as its {@code INSERT ... ON CONFLICT ... DO UPDATE} needs UPDATE and the table
 * granted only SELECT, INSERT and DELETE; nothing but a click on that one form would show it. This reads the SQL of the
 * main code and asks the database, as the application's role, for each privilege it needs.
 */
@SpringBootTest
class DatabaseGrantsIntegrationTests {

    private static final Pattern INSERT = Pattern.compile("(?i)\\bINSERT\\s+INTO\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern UPDATE = Pattern.compile("(?i)\\bUPDATE\\s+([a-z_][a-z0-9_]*)\\s+(?:[a-z_][a-z0-9_]*\\s+)?SET\\b");
    private static final Pattern DELETE = Pattern.compile("(?i)\\bDELETE\\s+FROM\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern UPSERT = Pattern.compile("(?i)ON\\s+CONFLICT[^;]*?DO\\s+UPDATE");

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicationsRoleMayDoWhatTheCodeAsksOfEachTable() throws IOException {
        String role = jdbc.sql("SELECT current_user").query(String.class).single();
        assertThat(role).as("the tests run as the application's role, not the owner").isEqualTo("loa_app");
        Set<String> needed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                collect(code, INSERT, "INSERT", needed);
                collect(code, UPDATE, "UPDATE", needed);
                collect(code, DELETE, "DELETE", needed);
                Matcher insert = INSERT.matcher(code);
                while (insert.find()) {
                    // the statement's text up to the next statement: an upsert needs UPDATE on the table it inserts into
                    int end = code.length();
                    Matcher next = INSERT.matcher(code);
                    if (next.find(insert.end())) {
                        end = next.start();
                    }
                    String statement = code.substring(insert.end(), Math.min(end, insert.end() + 1500));
                    int close = statement.indexOf("\"\"\"");
                    if (UPSERT.matcher(close < 0 ? statement : statement.substring(0, close)).find()) {
                        needed.add(insert.group(1).toLowerCase(java.util.Locale.ROOT) + " UPDATE");
                    }
                }
            }
        }
        assertThat(needed).as("statements found in the code").hasSizeGreaterThan(50);
        Set<String> missing = new TreeSet<>();
        int checked = 0;
        for (String need : needed) {
            String table = need.substring(0, need.indexOf(' '));
            String privilege = need.substring(need.indexOf(' ') + 1);
            // names that are not tables of the schema (a temporary table, a word in a comment) are not asked about
            if (jdbc.sql("SELECT to_regclass(?) IS NOT NULL AND (SELECT relkind FROM pg_class WHERE oid = to_regclass(?)) = 'r'")
                    .params(table, table).query(Boolean.class).single()) {
                checked++;
                if (!jdbc.sql("SELECT has_table_privilege(current_user, ?, ?)").params(table, privilege)
                        .query(Boolean.class).single()) {
                    missing.add(need);
                }
            }
        }
        assertThat(checked).as("privileges checked against real tables").isGreaterThan(50);
        assertThat(missing).as("privileges the code needs and the application's role lacks").isEmpty();
    }

    private static void collect(String code, Pattern pattern, String privilege, Set<String> needed) {
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            needed.add(matcher.group(1).toLowerCase(java.util.Locale.ROOT) + " " + privilege);
        }
    }
}

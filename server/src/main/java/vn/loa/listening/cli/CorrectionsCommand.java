package vn.loa.listening.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import vn.loa.nlp.classify.Task;
import vn.loa.platform.CliCommand;
import vn.loa.platform.CliText;

/**
 * {@code bin/loa corrections export --task sentiment|news-topic|policy-domain|toxicity|register --out FILE}: officers'
 * corrections as training data in the task's format (one JSON object per line, the text and its corrected label; the
 * latest correction of each post). {@code bin/loa nlp train TASK --extra FILE} trains on them too;
 * {@code bin/loa nlp eval --task TASK --data FILE} shows how the model does on them.
 */
@Component
class CorrectionsCommand implements CliCommand {

    /** The tasks whose labels officers correct, each with the field of {@code post_correction} that holds them. */
    static final Map<String, String> TASKS = orderedTasks();

    private static Map<String, String> orderedTasks() {
        Map<String, String> tasks = new LinkedHashMap<>();
        tasks.put(Task.SENTIMENT.id(), "sentiment");
        tasks.put(Task.NEWS_TOPIC.id(), "topic");
        tasks.put(Task.POLICY_DOMAIN.id(), "domain");
        tasks.put(Task.TOXICITY.id(), "toxicity");
        tasks.put(Task.REGISTER.id(), "register");
        return java.util.Collections.unmodifiableMap(tasks);
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final CliText text;

    CorrectionsCommand(JdbcClient jdbc, ObjectMapper json, CliText text) {
        this.jdbc = jdbc;
        this.json = json;
        this.text = text;
    }

    @Override
    public String name() {
        return "corrections";
    }


    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        String usage = text.get("cli.usage-of", "corrections export --task " + String.join("|", TASKS.keySet()) + " --out FILE");
        if (args.isEmpty() || !args.get(0).equals("export")) {
            throw new IllegalArgumentException(usage);
        }
        for (int i = 1; i < args.size(); i++) {
            if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException(usage);
            }
            options.put(args.get(i).substring(2), args.get(++i));
        }
        String taskName = options.getOrDefault("task", "");
        String field = TASKS.get(taskName);
        if (field == null) {
            throw new IllegalArgumentException(text.get("cli.corrections.task"));
        }
        if (!options.containsKey("out")) {
            throw new IllegalArgumentException(text.get("cli.required", "--out FILE"));
        }
        Task task = Task.of(taskName);
        Path target = Path.of(options.get("out")).toAbsolutePath();
        if (!Files.isDirectory(target.getParent())) {
            err.println(text.get("cli.error", text.get("cli.no-such-folder", target.getParent())));
            return 2;
        }
        int[] rows = {0};
        try (BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            jdbc.sql("""
                    SELECT DISTINCT ON (c.post_id) c.post_id, c.new_value, c.corrected_by, c.corrected_at, p.text, p.register
                    FROM post_correction c JOIN post p ON p.id = c.post_id
                    WHERE c.field = ? ORDER BY c.post_id, c.id DESC
                    """).param(field).query(rs -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("text", rs.getString("text"));
                // the register the post was read in, so that the correction trains the same per-register features
                // (for the register task, the register is the label corrected)
                row.put("register", rs.getString("register"));
                row.put(task.labelField(), rs.getString("new_value"));
                row.put("post_id", rs.getLong("post_id"));
                row.put("corrected_by", rs.getString("corrected_by"));
                row.put("corrected_at", rs.getTimestamp("corrected_at").toInstant().toString());
                try {
                    writer.write(json.writeValueAsString(row));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                rows[0]++;
            });
        } catch (IOException e) {
            err.println(text.get("cli.error", text.get("cli.cannot-write", target, String.valueOf(e.getMessage()))));
            return 2;
        }
        out.println("{\"task\":\"" + taskName + "\",\"rows\":" + rows[0] + ",\"file\":" + json.writeValueAsString(target.toString()) + "}");
        return 0;
    }
}

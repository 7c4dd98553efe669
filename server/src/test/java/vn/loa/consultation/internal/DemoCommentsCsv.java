package vn.loa.consultation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The demo's 200 comments (comments.csv, RFC 4180), read for the tests. */
public record DemoCommentsCsv(String article, String name, String kind, String organisation, String contact, int day,
        String text, String theme) {

    public static List<DemoCommentsCsv> load() {
        try (InputStream in = DemoCommentsCsv.class.getResourceAsStream("/consultation/demo/comments.csv")) {
            List<List<String>> rows = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<DemoCommentsCsv> comments = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                comments.add(new DemoCommentsCsv(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4),
                        Integer.parseInt(row.get(5)), row.get(6), row.get(7)));
            }
            return comments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}

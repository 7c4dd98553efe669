package vn.loa.listening.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import vn.loa.nlp.io.JsonLine;
import vn.loa.platform.CliCommand;
import vn.loa.platform.CliText;
import vn.loa.shared.LocalTime;

/**
 * {@code bin/loa generate-posts --count N --out FILE [--seed S]}: writes a realistic JSON-lines data
 * set for load tests, from the real texts of the demo posts: a year of posts with a daily and weekly
 * rhythm, places and agencies of the province named, emoji, and bursts of reposts with small changes
 * (which form stories). Dates end at the hour of generation; the same seed in the same hour gives
 * the same file.
 */
@Component
class GeneratePostsCommand implements CliCommand {

    private static final String[] PLACES = {"huyện Ninh Hải", "huyện Ninh Phước", "huyện Ninh Sơn", "huyện Bác Ái",
        "huyện Thuận Bắc", "huyện Thuận Nam", "thành phố Phan Rang-Tháp Chàm", "tỉnh Ninh Thuận", "phường Đô Vinh",
        "xã Vĩnh Hải", "Phan Rang"};
    private static final String[] AGENCIES = {"Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Giao thông vận tải",
        "Sở Tài nguyên và Môi trường", "UBND tỉnh", "Công an tỉnh", "Sở Xây dựng", "Sở Công Thương"};
    private static final String[] EMOJI = {"😡", "😭", "👍", "❤️", "🙏", "😢", "😂", "👏"};
    private static final String[] PLATFORMS = {"facebook", "facebook", "facebook", "facebook", "youtube", "tiktok",
        "zalo", "zalo", "forum", "news", "hotline"};

    private static final String USAGE = "generate-posts --count N --out FILE [--seed S]";

    private final ObjectMapper json;
    private final Clock clock;
    private final CliText text;

    GeneratePostsCommand(ObjectMapper json, Clock clock, CliText text) {
        this.json = json;
        this.clock = clock;
        this.text = text;
    }

    @Override
    public String name() {
        return "generate-posts";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException(text.get("cli.usage-of", USAGE));
            }
            options.put(args.get(i).substring(2), args.get(i + 1));
        }
        if (!options.keySet().stream().allMatch(k -> List.of("count", "out", "seed").contains(k))
                || !options.containsKey("count") || !options.containsKey("out")) {
            throw new IllegalArgumentException(text.get("cli.usage-of", USAGE));
        }
        long count;
        long seed;
        try {
            count = Long.parseLong(options.get("count"));
            seed = Long.parseLong(options.getOrDefault("seed", "2026"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text.get("cli.generate.numbers"));
        }
        if (count < 1 || count > 50_000_000) {
            throw new IllegalArgumentException(text.get("cli.generate.count"));
        }
        try {
            List<String> texts = texts();
            Path file = Path.of(options.get("out"));
            write(file, count, new Random(seed), texts);
            out.println(text.get("cli.generate.wrote", count, file));
            return 0;
        } catch (IOException e) {
            err.println(text.get("cli.error", e.getMessage()));
            return 1;
        }
    }

    private void write(Path file, long count, Random random, List<String> texts) throws IOException {
        Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String burst = null;
            int burstLeft = 0;
            Instant burstAt = end;
            for (long i = 0; i < count; i++) {
                Map<String, Object> post = new LinkedHashMap<>();
                String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
                String text;
                Instant at;
                if (burstLeft > 0) {
                    burstLeft--;
                    text = burst + (random.nextBoolean() ? " " + EMOJI[random.nextInt(EMOJI.length)] : "");
                    at = burstAt.plus(random.nextInt(6 * 60), ChronoUnit.MINUTES);
                } else {
                    text = texts.get(random.nextInt(texts.size()));
                    if (random.nextBoolean()) {
                        // two real comments in one post: distinct content, as real posts mostly are
                        text = text + " " + texts.get(random.nextInt(texts.size()));
                    }
                    if (random.nextInt(4) == 0) {
                        text = "Ở " + PLACES[random.nextInt(PLACES.length)] + ", " + text;
                    }
                    if (random.nextInt(5) == 0) {
                        text = text + " " + AGENCIES[random.nextInt(AGENCIES.length)] + " trả lời đi";
                    }
                    if (random.nextInt(3) == 0) {
                        text = text + " " + EMOJI[random.nextInt(EMOJI.length)];
                    }
                    at = moment(end, random);
                    if (random.nextInt(2000) == 0) {
                        burst = text;
                        burstLeft = 50 + random.nextInt(400);
                        burstAt = at;
                    }
                }
                post.put("source", "load-" + platform + "-" + random.nextInt(20));
                post.put("platform", platform);
                post.put("external_id", "load-" + i);
                post.put("author", "Người dùng " + random.nextInt(200_000));
                post.put("published_at", at.atZone(LocalTime.ZONE).toOffsetDateTime().toString());
                post.put("text", text);
                post.put("reactions", (int) Math.max(0, Math.pow(random.nextDouble(), -0.8) - 1));
                writer.write(json.writeValueAsString(post));
                writer.newLine();
            }
        }
    }

    /** A moment in the last year: more in the evening, less on Sundays, more in recent months. */
    private static Instant moment(Instant end, Random random) {
        while (true) {
            double age = Math.pow(random.nextDouble(), 1.5) * 365;
            ZonedDateTime day = end.minus((long) (age * 24 * 60), ChronoUnit.MINUTES).atZone(LocalTime.ZONE);
            int hour = day.getHour();
            double weight = (hour >= 19 && hour <= 22 ? 1.0 : hour >= 7 ? 0.6 : 0.1)
                    * (day.getDayOfWeek().getValue() == 7 ? 0.6 : 1.0);
            if (random.nextDouble() < weight) {
                return day.toInstant();
            }
        }
    }

    private static List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream in = GeneratePostsCommand.class.getResourceAsStream("/listening/demo-posts.jsonl.gz")) {
            if (in == null) {
                throw new IOException("the demo posts are missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                texts.add((String) JsonLine.object(line).get("text"));
            }
        }
        return texts;
    }
}

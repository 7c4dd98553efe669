package vn.loa.listening.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.nlp.io.JsonLine;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * Demo mode only: adds example routing rules, then loads a month of real Vietnamese posts (ViHOS comments and VNTC news sentences,
 * both MIT) on sources whose codes start with {@code demo-}, dated to end at the moment of loading,
 * through the ordinary import pipeline. Loaded once.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoPosts implements ApplicationRunner {

    static final String RESOURCE = "/listening/demo-posts.jsonl.gz";

    /**
     * Routing rules of the demo: agency, kind, value (each department by its policy domain and a few keywords), to
     * the departments of today's Khánh Hòa: transport is the Department of Construction's since the 2025 mergers, land
     * and environment the Department of Agriculture and Environment's.
     */
    static final List<String[]> RULES = List.of(
            new String[] {"SYT", "DOMAIN", "health"}, new String[] {"SYT", "KEYWORD", "bệnh viện"},
            new String[] {"SYT", "KEYWORD", "BHYT"}, new String[] {"SYT", "KEYWORD", "bảo hiểm y tế"},
            new String[] {"SYT", "KEYWORD", "bác sĩ"},
            new String[] {"SGDDT", "DOMAIN", "education"}, new String[] {"SGDDT", "KEYWORD", "học sinh"},
            new String[] {"SGDDT", "KEYWORD", "giáo viên"}, new String[] {"SGDDT", "KEYWORD", "trường học"},
            new String[] {"SXD", "DOMAIN", "transport"}, new String[] {"SXD", "KEYWORD", "giao thông"},
            new String[] {"SXD", "KEYWORD", "tai nạn"},
            new String[] {"CAT", "DOMAIN", "public_order"}, new String[] {"CAT", "KEYWORD", "lừa đảo"},
            new String[] {"SNNMT", "DOMAIN", "land_environment"}, new String[] {"SNNMT", "KEYWORD", "ô nhiễm"},
            new String[] {"SNNMT", "KEYWORD", "rác thải"});

    /** The names of the demo's sources (the import creates them with their codes only). */
    static final Map<String, String> SOURCE_NAMES = Map.of(
            "demo-facebook-baoninhthuan", "Báo và Phát thanh, Truyền hình Khánh Hòa trên Facebook",
            "demo-facebook-nguoidan", "Nhóm Facebook của người dân",
            "demo-forum", "Diễn đàn địa phương",
            "demo-hotline", "Đường dây nóng",
            "demo-news", "Báo điện tử",
            "demo-tiktok", "TikTok",
            "demo-youtube-ptth", "Kênh YouTube của Báo và Phát thanh, Truyền hình Khánh Hòa",
            "demo-zalo-congdong", "Nhóm Zalo cộng đồng");

    /**
     * The demo's sources of citizens' own posts (residents' groups, a local forum, short videos' comments): marked so
     * before the import, as an administrator would, so that their posts read as citizens' comments.
     */
    static final List<String> CITIZENS_SOURCES = List.of("demo-facebook-nguoidan", "demo-forum", "demo-tiktok",
            "demo-zalo-congdong");

    /**
     * The demo's sources of the province itself (its newspaper and broadcaster's pages, its hotline, its residents'
     * groups and forum), marked so before the import, as an administrator would: their news is about the province and
     * routed by the rules; the national e-newspaper's and TikTok's is routed only when it names the province.
     */
    static final List<String> LOCAL_SOURCES = List.of("demo-facebook-baoninhthuan", "demo-youtube-ptth", "demo-hotline",
            "demo-facebook-nguoidan", "demo-zalo-congdong", "demo-forum");

    private final JdbcClient jdbc;
    private final PostImporter importer;
    private final Clock clock;
    private final RoutingRules rules;

    DemoPosts(JdbcClient jdbc, PostImporter importer, Clock clock, RoutingRules rules) {
        this.jdbc = jdbc;
        this.importer = importer;
        this.clock = clock;
        this.rules = rules;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (jdbc.sql("SELECT count(*) FROM post_source WHERE code LIKE 'demo-%'").query(Long.class).single() > 0) {
            // a demo loaded by a build before its sources had names showed "demo-facebook-baoninhthuan" on its pages
            nameSources();
            return;
        }
        for (String[] rule : RULES) {
            rules.add(rule[0], rule[1], rule[2], Actor.SYSTEM);
        }
        // alert rules of the demo: a burst anywhere in the province, many negative posts about the Department of Health
        jdbc.sql("""
                INSERT INTO alert_rule (agency_code, kind, threshold, created_by, created_at) VALUES
                    (NULL, 'BURST', ?, 'system', ?), ('SYT', 'NEGATIVE_VOLUME', 5, 'system', ?)
                """).params(JdbcAlerts.defaultThreshold("BURST"), Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant())).update();
        for (String code : CITIZENS_SOURCES) {
            jdbc.sql("""
                    INSERT INTO post_source (code, kind, created_at, citizens) VALUES (?, 'IMPORT', ?, TRUE)
                    ON CONFLICT (code) DO UPDATE SET citizens = TRUE
                    """).params(code, Timestamp.from(clock.instant())).update();
        }
        for (String code : LOCAL_SOURCES) {
            jdbc.sql("""
                    INSERT INTO post_source (code, kind, created_at, local) VALUES (?, 'IMPORT', ?, TRUE)
                    ON CONFLICT (code) DO UPDATE SET local = TRUE
                    """).params(code, Timestamp.from(clock.instant())).update();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        StringBuilder file = new StringBuilder();
        try (InputStream in = DemoPosts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo posts " + RESOURCE + " are missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                Map<String, Object> post = JsonLine.object(line);
                Instant published = now.minus(((Number) post.get("age_minutes")).longValue(), ChronoUnit.MINUTES);
                file.append(line, 0, line.lastIndexOf('}'))
                        .append(", \"published_at\": \"").append(published.atZone(LocalTime.ZONE).toOffsetDateTime()).append("\"}\n");
            }
        }
        ImportSummary summary = importer.importFile("demo-posts.jsonl",
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), Actor.SYSTEM, null);
        if (!summary.quarantined().isEmpty()) {
            throw new IllegalStateException("demo posts were quarantined: " + summary.quarantined().get(0));
        }
        nameSources();
    }

    /** Pages name a source, never show its code: names the demo's sources that have none. */
    private void nameSources() {
        SOURCE_NAMES.forEach((code, name) -> jdbc.sql("UPDATE post_source SET name = ? WHERE code = ? AND name IS NULL")
                .params(name, code).update());
    }
}

package vn.loa.misinformation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.listening.PostRecords.PostRecord;
import vn.loa.misinformation.Evidence;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * Takes snapshots of posts: each post as one JSON document (UTF-8, fixed field order), stored byte
 * for byte with its SHA-256 in a table the application may only add to. The hashes go into the audit
 * trail too, whose chain shows any later change.
 */
@Component
class EvidenceStore {

    /** The snapshot's format: 2 names the capturer, the topic and the agencies in words. */
    static final String ITEM_FORMAT = "loa-evidence-item/2";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final EvidenceWords words;
    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    EvidenceStore(JdbcClient jdbc, ApplicationEventPublisher events, EvidenceWords words) {
        this.jdbc = jdbc;
        this.events = events;
        this.words = words;
    }

    List<Evidence.Item> capture(long caseId, List<PostRecord> posts, Actor by, Instant now) {
        List<Evidence.Item> items = new ArrayList<>();
        String capturer = posts.isEmpty() ? null : words.people().apply(by.username());
        for (PostRecord post : posts) {
            byte[] content = snapshot(caseId, post, by, capturer, now);
            String sha256 = JdbcCases.sha256(content);
            long id = jdbc.sql("""
                    INSERT INTO evidence_item (case_id, post_id, captured_at, captured_by, content, sha256)
                    VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                    """).params(caseId, post.id(), Timestamp.from(now), by.username(), content, sha256)
                    .query(Long.class).single();
            items.add(new Evidence.Item(id, caseId, post.id(), now, by.username(), sha256, content.length));
        }
        if (!items.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("items", items.size());
            details.put("sha256", items.stream().map(i -> i.postId() + ":" + i.sha256()).toList());
            events.publishEvent(new CaseEvent(by, "case.evidence-captured", caseId, details));
        }
        return items;
    }

    /** A post as the police read it: Loa's codes (the capturer's login id, the agencies) come with their names. */
    private byte[] snapshot(long caseId, PostRecord post, Actor by, String capturer, Instant now) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("format", ITEM_FORMAT);
        item.put("caseId", caseId);
        item.put("postId", post.id());
        item.put("capturedAt", now.toString());
        item.put("capturedAtVietnam", LocalTime.formatWithSeconds(now));
        item.put("capturedBy", by.username());
        item.put("capturedByName", capturer);
        item.put("platform", post.platform());
        item.put("source", post.source());
        item.put("externalId", post.externalId());
        item.put("url", post.url());
        item.put("author", post.author());
        item.put("publishedAt", post.publishedAt().toString());
        item.put("publishedAtVietnam", LocalTime.formatWithSeconds(post.publishedAt()));
        item.put("title", post.title());
        item.put("text", post.text());
        item.put("ingestedAt", post.ingestedAt() == null ? null : post.ingestedAt().toString());
        item.put("sentiment", post.sentiment());
        item.put("toxicity", post.toxicity());
        item.put("topic", words.topic(post.topic()));
        item.put("agencies", post.agencies());
        LocalDate day = LocalDate.ofInstant(now, LocalTime.ZONE);
        item.put("agencyNames", post.agencies().stream().map(code -> words.agency(code, day)).toList());
        return json.writeValueAsBytes(item);
    }
}

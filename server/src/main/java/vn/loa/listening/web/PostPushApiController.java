package vn.loa.listening.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.shared.InvalidInput;

/**
 * {@code POST /api/v1/posts}: connectors that run elsewhere push a batch of posts,
 * {@code {"posts": [{...}, ...]}} with the fields of the file import, at most 10,000 a call. The
 * answer is the import summary; a quarantined post's {@code line} is its place in the batch, from 1.
 */
@RestController
@RequestMapping("/api/v1/posts")
class PostPushApiController {

    static final int MAX_POSTS = 10_000;

    private final PostImporter importer;
    private final ObjectMapper json;

    PostPushApiController(PostImporter importer, ObjectMapper json) {
        this.importer = importer;
        this.json = json;
    }

    /** The body's shape, for the API's document (the body is read as it comes, so that a bad post is quarantined). */
    @Schema(name = "PostBatch", requiredProperties = "posts")
    record Batch(@Schema(description = "at most 10,000 posts") List<Post> posts) {
    }

    /** One pushed post: the fields of a line of the file import. */
    @Schema(name = "PushedPost", requiredProperties = {"source", "platform", "external_id", "published_at", "text"})
    record Post(@Schema(description = "the source's code, e.g. a page or a feed") String source,
            @Schema(allowableValues = {"facebook", "youtube", "tiktok", "zalo", "forum", "news", "hotline", "website",
                    "office", "other"}) String platform,
            @JsonProperty("external_id") @Schema(description = "the post's id at its source") String externalId,
            String url, String author,
            @JsonProperty("published_at") @Schema(description = "ISO-8601; without an offset read in Asia/Ho_Chi_Minh",
                    example = "2024-03-01T08:30:00+07:00") String publishedAt,
            String text, String title,
            @JsonProperty("parent_external_id") @Schema(description = "the post it answers or shares") String parentExternalId,
            Integer reactions, Integer shares, Integer comments) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ImportSummary push(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = Batch.class))) @RequestBody String body) throws IOException {
        SignedInUser user = SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!user.apiClient() && !user.has(Role.ADMIN) && !user.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("pushing posts is for API tokens, administrators and coordinators");
        }
        Object posts;
        try {
            Map<?, ?> batch = json.readValue(body, Map.class);
            posts = batch.get("posts");
        } catch (JacksonException e) {
            throw new InvalidInput("posts", "listening.push.not-json");
        }
        if (!(posts instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidInput("posts", "listening.push.no-posts");
        }
        if (list.size() > MAX_POSTS) {
            throw new InvalidInput("posts", "listening.push.too-many", MAX_POSTS);
        }
        StringBuilder lines = new StringBuilder();
        for (Object post : list) {
            // every item as it came, so that one that is not an object is quarantined with what it was
            lines.append(json.writeValueAsString(post)).append('\n');
        }
        return importer.importFile("push:" + user.username(),
                new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), user.actor(), user.agency(),
                user.apiClient());
    }
}

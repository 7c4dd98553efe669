package vn.loa.listening.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.PostCorrections;

/**
 * {@code POST /api/v1/posts/{id}/corrections} with
 * {@code {"field": "sentiment|topic|domain|toxicity|register|agency", "value": ...}} corrects a label (201 with the
 * correction; "unclear", the model's abstention, is refused saying so); {@code GET} lists a post's corrections.
 */
@RestController
@RequestMapping("/api/v1/posts/{id}/corrections")
@ConditionalOnWebApplication
class CorrectionsController {

    private final PostCorrections corrections;

    CorrectionsController(PostCorrections corrections) {
        this.corrections = corrections;
    }

    /** The body's shape, for the API's document. */
    @Schema(name = "CorrectionForm", requiredProperties = {"field", "value"})
    record Form(@Schema(description = "the label corrected: sentiment, topic, domain, toxicity, register or agency",
            example = "sentiment") String field,
            @Schema(description = "its right value", example = "negative") String value) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "The correction recorded")
    ResponseEntity<PostCorrections.Correction> correct(@PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = Form.class))) @RequestBody Map<String, Object> body) {
        Object field = body.get("field");
        Object value = body.get("value");
        PostCorrections.Correction correction = corrections.correct(id, field == null ? null : field.toString(),
                value == null ? null : value.toString(), user());
        return ResponseEntity.created(URI.create("/api/v1/posts/" + id + "/corrections")).body(correction);
    }

    @GetMapping
    List<PostCorrections.Correction> list(@PathVariable long id) {
        return corrections.of(id, user());
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }
}

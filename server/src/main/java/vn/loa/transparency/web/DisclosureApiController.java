package vn.loa.transparency.web;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.transparency.DisclosureCatalogue;

/**
 * {@code GET /api/v1/disclosure-items} (the caller's agency's catalogue, every agency's for coordinators and leaders),
 * {@code POST} ({@code {agencyCode, title, category, dueOn, reviewOn}}; 201, or 422 naming the field) and
 * {@code POST /{id}/published} ({@code {publishedOn, place, url, reviewOn}}).
 */
@RestController
@RequestMapping("/api/v1/disclosure-items")
@ConditionalOnWebApplication
class DisclosureApiController {

    private final DisclosureCatalogue catalogue;

    DisclosureApiController(DisclosureCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    List<DisclosureCatalogue.Item> list() {
        return catalogue.items(SignedInPrincipal.current().orElseThrow());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DisclosureCatalogue.Item add(@RequestBody DisclosureCatalogue.NewItem item) {
        return catalogue.add(item, SignedInPrincipal.current().orElseThrow());
    }

    @PostMapping("/{id}/published")
    DisclosureCatalogue.Item published(@PathVariable long id, @RequestBody DisclosureCatalogue.Publication publication) {
        return catalogue.published(id, publication, SignedInPrincipal.current().orElseThrow());
    }
}

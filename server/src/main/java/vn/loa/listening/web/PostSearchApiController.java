package vn.loa.listening.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.PostSearch;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/** {@code GET /api/v1/posts?q=...}: search posts; answers {@code total}, {@code items} and {@code facets}. */
@RestController
@RequestMapping("/api/v1/posts")
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class PostSearchApiController {

    private final PostSearch search;
    private final SearchFilters filters;

    PostSearchApiController(PostSearch search, SearchFilters filters) {
        this.search = search;
        this.filters = filters;
    }

    @GetMapping
    PostSearch.Result search(@RequestParam(required = false) String q, @RequestParam(required = false) String platform,
            @RequestParam(required = false) String sentiment, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String register, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String toxicity, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String place, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "relevance") String sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) Long story, @RequestParam(defaultValue = "false") boolean collapse,
            @RequestParam(defaultValue = "false") boolean local,
            @RequestParam(name = "public", defaultValue = "false") boolean publicOnly) {
        SignedInUser user = SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
        // the same checks as the page's, each value at fault named: an unknown sort, filter value or place
        filters.check(platform, sentiment, topic, register, domain, toxicity, agency, place, sort,
                LocaleContextHolder.getLocale());
        return search.search(new PostSearch.Query(q, platform, sentiment, topic, register, domain, toxicity, agency, place,
                day(from, "from", false), day(to, "to", true), sort.strip().equals("time"), page, size, story, collapse,
                local, publicOnly), user);
    }

    /**
     * A yyyy-MM-dd day in Asia/Ho_Chi_Minh: its start, or (for {@code to}) the start of the next day. A day written
     * so that is not on the calendar (2026-02-29) is refused as such.
     */
    private static Instant day(String text, String field, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip());
            return (end ? day.plusDays(1) : day).atStartOfDay(LocalTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            if (text.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new InvalidInput(field, "form.error.date.nonexistent", text.strip(), field);
            }
            throw new InvalidInput(field, "api.error.iso-date");
        }
    }
}

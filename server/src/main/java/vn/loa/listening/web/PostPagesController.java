package vn.loa.listening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.Platform;
import vn.loa.listening.PostImporter;
import vn.loa.listening.PostSearch;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;

/** The listening pages: search posts, and import a file of posts. */
@Controller
@RequestMapping("/posts")
@ConditionalOnWebApplication
class PostPagesController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PostSearch search;
    private final PostImporter importer;

    PostPagesController(PostSearch search, PostImporter importer) {
        this.search = search;
        this.importer = importer;
    }

    /** A piece of a snippet: text to show escaped, marked or not. */
    record Piece(String text, boolean marked) {
    }

    /** A hit as a page shows it. */
    record Row(PostSearch.Hit hit, List<Piece> pieces, String publishedAt) {
    }

    @GetMapping
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String platform,
            @RequestParam(defaultValue = "") String sentiment, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        if (sort == null || sort.isBlank()) {
            sort = q.isBlank() ? "time" : "relevance";
        }
        model.addAttribute("q", q);
        model.addAttribute("platform", platform);
        model.addAttribute("sentiment", sentiment);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sort", sort);
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("canImport", mayImport(user));
        model.addAttribute("canRecord", mayImport(user) || user.has(Role.OFFICER));
        try {
            PostSearch.Result result = search.search(new PostSearch.Query(q, blank(platform), blank(sentiment), null, null,
                    null, null, day(from, "from", false), day(to, "to", true), !"relevance".equals(sort),
                    Math.max(0, page), 20), user);
            List<Row> rows = new ArrayList<>();
            for (PostSearch.Hit hit : result.items()) {
                rows.add(new Row(hit, pieces(hit), LocalTime.format(hit.publishedAt())));
            }
            model.addAttribute("result", result);
            java.util.Map<String, String> facetKeys = new java.util.HashMap<>();
            result.facets().forEach((facet, values) -> values.keySet().forEach(value -> {
                String key = facetKey(facet, value);
                if (key != null) {
                    facetKeys.put(facet + "|" + value, key);
                }
            }));
            model.addAttribute("facetKeys", facetKeys);
            model.addAttribute("rows", rows);
            model.addAttribute("page", Math.max(0, page));
            model.addAttribute("hasNext", (long) (Math.max(0, page) + 1) * 20 < result.total());
        } catch (InvalidInput e) {
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorField", e.field());
            response.setStatus(422);
        }
        return "listening/posts";
    }

    @GetMapping("/import")
    String importForm() {
        requireImporter();
        return "listening/import";
    }

    @PostMapping("/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response)
            throws IOException {
        SignedInUser user = requireImporter();
        if (file == null || file.isEmpty()) {
            model.addAttribute("errorKey", "listening.import.no-file");
            response.setStatus(422);
        } else {
            try (InputStream in = file.getInputStream()) {
                ImportSummary summary = importer.importFile(file.getOriginalFilename(), in, user.actor(), user.agency());
                model.addAttribute("summary", summary);
            } catch (InvalidInput e) {
                model.addAttribute("errorKey", e.messageKey());
                model.addAttribute("errorArguments", e.arguments());
                response.setStatus(422);
            }
        }
        return htmx != null ? "listening/import :: result" : "listening/import";
    }

    private static SignedInUser requireImporter() {
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        if (!mayImport(user)) {
            throw new AccessDeniedException("importing posts is for administrators and coordinators");
        }
        return user;
    }

    private static boolean mayImport(SignedInUser user) {
        return user.has(Role.ADMIN) || user.has(Role.COORDINATOR);
    }

    /** The snippet cut into plain and marked pieces, so the page escapes every piece (no raw HTML ever). */
    static List<Piece> pieces(PostSearch.Hit hit) {
        List<Piece> pieces = new ArrayList<>();
        String snippet = hit.snippet();
        int at = 0;
        for (int[] highlight : hit.highlights()) {
            if (highlight[0] > at) {
                pieces.add(new Piece(snippet.substring(at, highlight[0]), false));
            }
            pieces.add(new Piece(snippet.substring(highlight[0], highlight[1]), true));
            at = highlight[1];
        }
        if (at < snippet.length()) {
            pieces.add(new Piece(snippet.substring(at), false));
        }
        return pieces;
    }

    /** The message key of a facet value where the value is a code with a name (platform, sentiment, ...). */
    static String facetKey(String facet, String value) {
        return switch (facet) {
            case "platform" -> "platform." + value;
            case "sentiment" -> "sentiment." + value;
            case "toxicity" -> "toxicity." + value;
            case "topic" -> "topic." + value.replace(' ', '_');
            default -> null;
        };
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Instant day(String text, String field, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text.strip(), DAY);
            return (end ? day.plusDays(1) : day).atStartOfDay(LocalTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "form.error.date");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem listeningNavigation() {
            return new NavigationItem("nav.listening", "/posts", 10, Set.of());
        }
    }
}

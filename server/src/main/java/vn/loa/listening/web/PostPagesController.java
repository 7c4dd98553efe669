package vn.loa.listening.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyNames;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.Platform;
import vn.loa.listening.PostImporter;
import vn.loa.listening.PostLabels;
import vn.loa.listening.PostCorrections;
import vn.loa.listening.PostDetails;
import vn.loa.listening.PostFlags;
import vn.loa.listening.PostSearch;
import vn.loa.listening.PostsExported;
import vn.loa.listening.Stories;
import vn.loa.platform.DisplayNames;
import vn.loa.platform.NavigationItem;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** The listening pages: search posts, and import a file of posts. */
@Controller
@RequestMapping("/posts")
@ConditionalOnWebApplication
class PostPagesController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final List<String> TOPICS = List.of("Chinh tri Xa hoi", "Doi song", "Khoa hoc", "Kinh doanh", "Phap luat",
            "Suc khoe", "The gioi", "The thao", "Van hoa", "Vi tinh");

    static final int EXPORT_LIMIT = 10_000;

    /** Posts (or collapsed stories) a page shows. */
    static final int PAGE_SIZE = 20;

    /** The last page a search reaches, from 0: its first {@value PostSearch#WINDOW} results. */
    static final int LAST_PAGE = PostSearch.WINDOW / PAGE_SIZE - 1;

    private final PostSearch search;
    private final PostImporter importer;
    private final ApplicationEventPublisher events;
    private final PostCorrections corrections;
    private final AgencyDirectory agencies;
    private final AgencyNames agencyNames;
    private final List<vn.loa.listening.PostFlags> flags;
    private final MessageSource messages;
    private final DisplayNames names;
    private final Stories stories;
    private final SearchFilters filters;
    private final vn.loa.listening.PostRecords records;
    private final PostDetails details;

    PostPagesController(PostSearch search, PostImporter importer, ApplicationEventPublisher events,
            PostCorrections corrections, AgencyDirectory agencies, AgencyNames agencyNames,
            List<vn.loa.listening.PostFlags> flags, MessageSource messages, DisplayNames names, Stories stories,
            SearchFilters filters, vn.loa.listening.PostRecords records, PostDetails details) {
        this.details = details;
        this.records = records;
        this.filters = filters;
        this.messages = messages;
        this.stories = stories;
        this.agencyNames = agencyNames;
        this.names = names;
        this.search = search;
        this.importer = importer;
        this.events = events;
        this.corrections = corrections;
        this.agencies = agencies;
        this.flags = List.copyOf(flags);
    }

    /** A piece of a snippet: text to show escaped, marked or not. */
    record Piece(String text, boolean marked) {
    }

    /**
     * An active filter, with the link that removes it.
     *
     * @param valueKeys the message keys of its values (a filter may hold several, "news,official"), or null to
     *     show the value as it is
     * @param identifier the code behind a value shown by name (a story's number), for {@code data-identifier} and the
     *     tooltip; may be null
     */
    record Chip(String labelKey, List<String> valueKeys, String value, String removeUrl, String identifier) {

        Chip(String labelKey, List<String> valueKeys, String value, String removeUrl) {
            this(labelKey, valueKeys, value, removeUrl, null);
        }
    }

    /** The search page's address with one parameter changed (or removed when blank); blank parameters are left out. */
    static String link(Map<String, String> current, String name, String value) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/posts");
        Map<String, String> params = new LinkedHashMap<>(current);
        params.put(name, value);
        params.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                uri.queryParam(k, v);
            }
        });
        return uri.encode().build().toUriString();
    }

    /**
     * A search as the page and its downloads are asked for it, each parameter as typed (blank when not given).
     *
     * @param sort {@code time} or {@code relevance} as typed, may be blank
     * @param story the story's id, may be null
     */
    record Asked(String q, String platform, String sentiment, String topic, String register, String domain,
            String toxicity, String agency, String place, String from, String to, String sort, Long story,
            boolean local, boolean publicOnly) {

        /** Its parameters by name, in the order of the page's links; those not given blank. */
        Map<String, String> params() {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("q", q);
            params.put("platform", platform);
            params.put("sentiment", sentiment);
            params.put("topic", topic);
            params.put("register", register);
            params.put("domain", domain);
            params.put("toxicity", toxicity);
            params.put("agency", agency);
            params.put("place", place);
            params.put("story", story == null ? "" : story.toString());
            params.put("from", from);
            params.put("to", to);
            params.put("local", local ? "true" : "");
            params.put("public", publicOnly ? "true" : "");
            params.put("sort", sort);
            return params;
        }
    }

    /**
     * The query of each page of a search, {@code size} results a page, once the page's checks pass: every filter's
     * value, the period's days, the sort. The page and its downloads both search through it, so that they refuse
     * alike; the search itself refuses the rest (a query with no word, a period the wrong way round).
     */
    private java.util.function.IntFunction<PostSearch.Query> checked(Asked asked, int size, boolean collapse,
            Locale locale) {
        String sort = asked.sort() == null ? "" : asked.sort().strip();
        filters.check(asked.platform(), asked.sentiment(), asked.topic(), asked.register(), asked.domain(),
                asked.toxicity(), asked.agency(), asked.place(), sort, locale);
        Instant from = day(asked.from(), "from", false, messages, locale);
        Instant to = day(asked.to(), "to", true, messages, locale);
        boolean byTime = !"relevance".equals(sort);
        return page -> new PostSearch.Query(asked.q(), blank(asked.platform()), blank(asked.sentiment()),
                blank(asked.topic()), blank(asked.register()), blank(asked.domain()), blank(asked.toxicity()),
                blank(asked.agency()), blank(asked.place()), from, to, byTime, page, size, asked.story(), collapse,
                asked.local(), asked.publicOnly());
    }

    /** A hit as a page shows it. */
    record Row(PostSearch.Hit hit, List<Piece> pieces, String publishedAt) {
    }

    @GetMapping
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String platform,
            @RequestParam(defaultValue = "") String sentiment, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String toxicity,
            @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String place,
            @RequestParam(defaultValue = "") String register, @RequestParam(defaultValue = "") String domain,
            @RequestParam(required = false) Long story, @RequestParam(defaultValue = "true") boolean collapse,
            @RequestParam(defaultValue = "false") boolean local,
            @RequestParam(name = "public", defaultValue = "false") boolean publicOnly,
            @RequestParam(name = "page", defaultValue = "") String pageNumber, Model model, HttpServletResponse response) {
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        Locale locale = LocaleContextHolder.getLocale();
        if (sort == null || sort.isBlank()) {
            sort = q.isBlank() ? "time" : "relevance";
        }
        model.addAttribute("q", q);
        model.addAttribute("platform", platform);
        model.addAttribute("sentiment", sentiment);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("sort", sort);
        model.addAttribute("topic", topic);
        model.addAttribute("register", register);
        model.addAttribute("domain", domain);
        model.addAttribute("registers", PostLabels.REGISTERS);
        model.addAttribute("domains", PostLabels.DOMAINS);
        model.addAttribute("sentiments", PostLabels.SENTIMENTS);
        model.addAttribute("toxicities", PostLabels.TOXICITIES);
        model.addAttribute("toxicity", toxicity);
        model.addAttribute("agency", agency);
        model.addAttribute("place", place);
        model.addAttribute("story", story);
        model.addAttribute("collapse", collapse && story == null);
        model.addAttribute("local", local);
        model.addAttribute("publicOnly", publicOnly);
        model.addAttribute("topics", TOPICS);
        model.addAttribute("canCorrect", !user.has(Role.PRESS));
        model.addAttribute("agencyChoices", agencies.validOn(LocalDate.now(LocalTime.ZONE)));
        model.addAttribute("platforms", Platform.values());
        model.addAttribute("canImport", mayImport(user));
        model.addAttribute("canRecord", mayImport(user) || user.has(Role.OFFICER));
        Asked asked = new Asked(q, platform, sentiment, topic, register, domain, toxicity, agency, place, from, to, sort,
                story, local, publicOnly);
        try {
            int page = page(pageNumber);
            java.util.function.IntFunction<PostSearch.Query> pageOf = checked(asked, PAGE_SIZE, collapse && story == null,
                    locale);
            PostSearch.Result result = search.search(pageOf.apply(Math.min(page, LAST_PAGE)), user);
            if (page > 0 && result.items().isEmpty() || page > LAST_PAGE) {
                // a page past the results (a link kept from a larger search, a number typed): their last page, saying
                // so and how many there are; past the pages a search reaches, the last of those, saying why
                long pages = (result.groups() + PAGE_SIZE - 1) / PAGE_SIZE;
                if (pages > LAST_PAGE + 1) {
                    model.addAttribute("notice", messages.getMessage("posts.page.past-window",
                            new Object[] {LAST_PAGE + 1, PostSearch.WINDOW}, locale));
                } else if (pages > 0) {
                    model.addAttribute("notice", messages.getMessage("posts.page.past-end", new Object[] {pages}, locale));
                }
                page = (int) Math.min(Math.max(0, pages - 1), LAST_PAGE);
                result = search.search(pageOf.apply(page), user);
            }
            List<Row> rows = new ArrayList<>();
            for (PostSearch.Hit hit : result.items()) {
                rows.add(new Row(hit, pieces(hit), LocalTime.format(hit.publishedAt())));
            }
            model.addAttribute("result", result);
            // agencies by today's names; an agency of before the 2025 reorganisation also names what took over from it
            Map<String, String> names = new HashMap<>();
            LocalDate today = LocalDate.now(LocalTime.ZONE);
            result.items().forEach(hit -> hit.agencies().forEach(code -> names.computeIfAbsent(code,
                    c -> agencyNames.name(c, today, LocaleContextHolder.getLocale()))));
            result.facets().getOrDefault("agency", Map.of()).keySet().forEach(code -> names.computeIfAbsent(code,
                    c -> agencyNames.name(c, today, LocaleContextHolder.getLocale())));
            model.addAttribute("agencyNames", names);
            Map<String, String> facetKeys = new HashMap<>();
            result.facets().forEach((facet, values) -> values.keySet().forEach(value -> {
                String key = facetKey(facet, value);
                if (key != null) {
                    facetKeys.put(facet + "|" + value, key);
                }
            }));
            model.addAttribute("facetKeys", facetKeys);
            Map<String, String> facetNames = new HashMap<>();
            result.facets().forEach((facet, values) -> values.keySet().forEach(value -> {
                String name = facetName(facet, value);
                if (name != null) {
                    facetNames.put(facet + "|" + value, name);
                }
            }));
            model.addAttribute("facetNames", facetNames);

            Map<String, String> current = asked.params();
            Map<String, String> facetLinks = new HashMap<>();
            result.facets().forEach((facet, values) -> values.keySet().forEach(value ->
                    facetLinks.put(facet + "|" + value, link(current, facet, value))));
            model.addAttribute("facetLinks", facetLinks);
            List<Chip> chips = new ArrayList<>();
            for (String name : List.of("platform", "sentiment", "topic", "register", "domain", "toxicity", "agency", "place")) {
                String value = current.get(name);
                if (!value.isBlank()) {
                    List<String> keys = java.util.Arrays.stream(value.split(","))
                            .map(v -> facetKey(name, name.equals("platform") ? v.strip().toUpperCase(Locale.ROOT) : v.strip()))
                            .toList();
                    String shown = facetName(name, value);
                    chips.add(new Chip("facet." + name, keys.contains(null) ? null : keys, shown == null ? value : shown,
                            link(current, name, "")));
                }
            }
            if (story != null) {
                // a story by its opening words, as the reader may see it; its number only as an identifier
                String removeStory = link(current, "story", "");
                // none: to who reads every post, there is no such story; to anyone else it may be one they may not
                // see, and is called so either way, so as not to tell that another agency's feedback made one
                ListeningScope readerScope = ListeningScope.of(user, false);
                String none = readerScope.agency() == null && readerScope.restricted() ? "posts.story.none"
                        : "posts.story.unseen";
                chips.add(stories.opening(story, user)
                        .map(opening -> new Chip("facet.story", null, opening, removeStory, story.toString()))
                        .orElseGet(() -> new Chip("facet.story", List.of(none), "", removeStory, story.toString())));
            }
            if (local) {
                chips.add(new Chip("posts.local", List.of("posts.local.only"), "", link(current, "local", "")));
            }
            if (publicOnly) {
                chips.add(new Chip("posts.public", List.of("posts.public.only"), "", link(current, "public", "")));
            }
            for (String name : List.of("from", "to")) {
                if (!current.get(name).isBlank()) {
                    chips.add(new Chip("posts." + name, null, current.get(name).strip(), link(current, name, "")));
                }
            }
            model.addAttribute("chips", chips);
            model.addAttribute("exportQuery", link(current, "page", "").substring("/posts".length()));
            model.addAttribute("here", link(current, "page", page > 0 ? Integer.toString(page) : ""));
            model.addAttribute("rows", rows);
            java.util.Map<Long, List<vn.loa.listening.PostFlags.Flag>> flagged = new java.util.HashMap<>();
            List<Long> shown = rows.stream().map(r -> r.hit().id()).toList();
            for (vn.loa.listening.PostFlags source : flags) {
                source.flagsFor(shown).forEach((id, list) -> flagged.computeIfAbsent(id, k -> new ArrayList<>()).addAll(list));
            }
            model.addAttribute("flags", flagged);
            // the correction form under the posts the user may correct, by the same rule as a correction
            model.addAttribute("correctable", corrections.correctable(shown, user));
            model.addAttribute("page", page);
            model.addAttribute("hasNext", page < LAST_PAGE && (long) (page + 1) * PAGE_SIZE < result.groups());
        } catch (InvalidInput e) {
            // every field at fault at once, each message once (a period the wrong way round faults both its ends)
            model.addAttribute("errors", e.all().stream()
                    .map(p -> messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale)).distinct()
                    .toList());
            model.addAttribute("errorFields", e.all().stream().map(InvalidInput::field).collect(
                    java.util.stream.Collectors.toSet()));
            response.setStatus(422);
        }
        return "listening/posts";
    }

    /**
     * One post's page: its text (escaped), where and when it came from, its labels with the model's answer and the
     * corrections of each (who, when, from what to what), the correction form for who may correct it, its story and
     * the flags other modules put on it. A post the user may not read, by the search's rule, is not found.
     */
    @GetMapping("/{id:\\d+}")
    String post(@PathVariable long id, Model model) {
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        Locale locale = LocaleContextHolder.getLocale();
        PostDetails.Post post = details.find(id, user).orElseThrow(() -> new NotFound("post", id));
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        Map<String, String> agencyNames = new LinkedHashMap<>();
        post.agencies().forEach(code -> agencyNames.put(code, agencyName(code, today, locale)));
        post.corrections().stream().filter(c -> c.field().equals("agency"))
                .flatMap(c -> java.util.stream.Stream.of((c.oldValue() == null ? "" : c.oldValue()) + " " + c.newValue()))
                .flatMap(codes -> java.util.Arrays.stream(codes.split(" "))).filter(code -> !code.isBlank())
                .forEach(code -> agencyNames.computeIfAbsent(code, c -> agencyName(c, today, locale)));
        if (post.receivedBy() != null) {
            agencyNames.computeIfAbsent(post.receivedBy(), c -> agencyName(c, today, locale));
        }
        model.addAttribute("post", post);
        model.addAttribute("agencyNames", agencyNames);
        model.addAttribute("placeNames", post.places().stream().map(place -> orCode(names.place(place), place)).toList());
        model.addAttribute("publishedAt", LocalTime.format(post.publishedAt()));
        model.addAttribute("link", post.url() != null && (post.url().startsWith("https://") || post.url().startsWith("http://"))
                ? post.url() : null);
        model.addAttribute("storyOpening", post.story() == null ? null : stories.opening(post.story(), user).orElse(null));
        List<PostFlags.Flag> flagged = new ArrayList<>();
        flags.forEach(source -> flagged.addAll(source.flagsFor(List.of(id)).getOrDefault(id, List.of())));
        model.addAttribute("flags", flagged);
        // each label: its name as the reader reads it, the model's answer where an officer changed it
        List<LabelRow> labels = new ArrayList<>();
        for (String field : PostCorrections.FIELDS) {
            List<PostCorrections.Correction> history = post.corrections().stream().filter(c -> c.field().equals(field))
                    .toList();
            labels.add(new LabelRow(field, labelName(field, post.labels().get(field), agencyNames, locale),
                    history.isEmpty() ? null : labelName(field, history.get(0).oldValue(), agencyNames, locale),
                    history.stream().map(c -> new CorrectionRow(labelName(field, c.oldValue(), agencyNames, locale),
                            labelName(field, c.newValue(), agencyNames, locale), c.correctedBy(),
                            LocalTime.format(c.correctedAt()))).toList()));
        }
        model.addAttribute("labels", labels);
        model.addAttribute("seesCorrections", !user.has(Role.PRESS) && !user.apiClient());
        model.addAttribute("canCorrect", post.correctable());
        model.addAttribute("topics", TOPICS);
        model.addAttribute("domains", PostLabels.DOMAINS);
        model.addAttribute("toxicities", PostLabels.TOXICITIES);
        model.addAttribute("registers", PostLabels.REGISTERS);
        model.addAttribute("agencyChoices", agencies.validOn(today));
        return "listening/post";
    }

    /** A label of a post's page: its field, its value named, the model's answer before any correction, the corrections. */
    record LabelRow(String field, String value, String modelValue, List<CorrectionRow> corrections) {
    }

    /** A correction as the page shows it: from what to what, by whom (a username), when (dd/MM/yyyy HH:mm). */
    record CorrectionRow(String from, String to, String by, String at) {
    }

    private String agencyName(String code, LocalDate day, Locale locale) {
        return orCode(agencyNames.name(code, day, locale), code);
    }

    /** A label's value as the reader names it; an agency correction's codes (several, space-separated) by name. */
    private String labelName(String field, String value, Map<String, String> agencyNames, Locale locale) {
        if (value == null || value.isBlank()) {
            return field.equals("agency") ? messages.getMessage("post.agency.none", null, locale) : "";
        }
        if (field.equals("agency")) {
            return String.join(", ", java.util.Arrays.stream(value.split(" ")).filter(code -> !code.isBlank())
                    .map(code -> agencyNames.getOrDefault(code, code)).toList());
        }
        return named(field, value, locale);
    }

    /** The fields of the correction form, in the order its {@code was} carries what it showed of them. */
    private static final List<String> FORM_FIELDS = List.of("sentiment", "topic", "agency", "domain", "toxicity",
            "register");

    /**
     * The correction form under a post (on the search's results or the post's page): each field whose value changed is
     * corrected; back to the page it was on.
     */
    @PostMapping("/{id}/correct")
    String correct(@PathVariable long id, @RequestParam(defaultValue = "") String sentiment,
            @RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String agency,
            @RequestParam(defaultValue = "") String domain, @RequestParam(defaultValue = "") String toxicity,
            @RequestParam(defaultValue = "") String register,
            @RequestParam(defaultValue = "") String back, @RequestParam(defaultValue = "") String was,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        // a form of before domain, toxicity and register were corrected sends three values
        String[] before = (was + "|".repeat(FORM_FIELDS.size())).split("\\|", -1);
        Map<String, String> sent = Map.of("sentiment", sentiment, "topic", topic, "agency", agency, "domain", domain,
                "toxicity", toxicity, "register", register);
        Map<String, String> changes = new LinkedHashMap<>();
        Map<String, String> shown = new HashMap<>();
        // the register before the domain, whose routing reads it; the agency last
        for (String field : List.of("sentiment", "topic", "toxicity", "register", "domain", "agency")) {
            int i = FORM_FIELDS.indexOf(field);
            if (!was.isBlank()) {
                shown.put(field, before[i]);
            }
            if (!sent.get(field).isBlank() && !sent.get(field).equals(before[i])) {
                changes.put(field, sent.get(field));
            }
        }
        try {
            // all the form's changes or, when one is refused, none
            corrections.correctAll(id, changes, shown, user);
            redirect.addFlashAttribute("flashKey", changes.isEmpty() ? "corrections.unchanged" : "corrections.saved");
        } catch (vn.loa.shared.Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "corrections.error.forbidden");
        }
        // only a path of this site is followed back, never another address
        return "redirect:" + (back.startsWith("/posts") && !back.startsWith("//") ? back : "/posts");
    }

    /**
     * The search's results as CSV or Excel, up to {@value #EXPORT_LIMIT} posts, stories not collapsed. The download is
     * a link of the search page, followed by the browser: what the page refuses (a filter value that does not exist, a
     * day not on the calendar, an unknown sort, ...) it refuses by the same checks, answering the search page itself
     * with its 422 and its messages, never a file with only a header.
     */
    /** A column of the Excel file: its name's key ({@code posts.export.column.*}) and the CSV column it shows. */
    private record ExcelColumn(String key, String csv) {
    }

    private static final List<ExcelColumn> EXCEL_COLUMNS = List.of(new ExcelColumn("id", "id"),
            new ExcelColumn("published", "published_at"), new ExcelColumn("platform", "platform_name"),
            new ExcelColumn("source", "source"), new ExcelColumn("url", "url"), new ExcelColumn("title", "title"),
            new ExcelColumn("text", "text"), new ExcelColumn("sentiment", "sentiment_name"),
            new ExcelColumn("topic", "topic_name"), new ExcelColumn("register", "register_name"),
            new ExcelColumn("domain", "domain_name"), new ExcelColumn("toxicity", "toxicity_name"),
            new ExcelColumn("agencies", "agency_names"), new ExcelColumn("places", "place_names"),
            new ExcelColumn("story", "story"), new ExcelColumn("external-id", "external_id"));

    @GetMapping("/export.{format}")
    String export(@PathVariable String format, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String platform, @RequestParam(defaultValue = "") String sentiment,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "time") String sort, @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "") String toxicity, @RequestParam(defaultValue = "") String agency,
            @RequestParam(defaultValue = "") String place, @RequestParam(defaultValue = "") String register,
            @RequestParam(defaultValue = "") String domain, @RequestParam(required = false) Long story,
            @RequestParam(defaultValue = "false") boolean local,
            @RequestParam(name = "public", defaultValue = "false") boolean publicOnly, Model model,
            HttpServletResponse response) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            response.sendError(404);
            return null;
        }
        SignedInUser user = SignedInPrincipal.current().orElseThrow();
        Locale locale = LocaleContextHolder.getLocale();
        Asked asked = new Asked(q, platform, sentiment, topic, register, domain, toxicity, agency, place, from, to, sort,
                story, local, publicOnly);
        List<List<Object>> rows = new ArrayList<>();
        // each agency and place named once per file, not once per post
        Map<String, String> agencyNames = new HashMap<>();
        Map<String, String> placeNames = new HashMap<>();
        try {
            // every post is read before the first byte is written, so a refusal is still a page
            java.util.function.IntFunction<PostSearch.Query> pageOf = checked(asked, 100, false, locale);
            for (int page = 0; rows.size() < EXPORT_LIMIT; page++) {
                PostSearch.Result result = search.search(pageOf.apply(page), user);
                // each post's id in its source, so that the file imports again (bin/loa import) as the same posts
                Map<Long, String> externalIds = new HashMap<>();
                records.byIds(result.items().stream().map(PostSearch.Hit::id).toList())
                        .forEach(post -> externalIds.put(post.id(), post.externalId()));
                for (PostSearch.Hit hit : result.items()) {
                    rows.add(List.of(hit.id(), hit.publishedAt().atZone(LocalTime.ZONE).toLocalDateTime(),
                            hit.platform().toLowerCase(Locale.ROOT), hit.source(), hit.url() == null ? "" : hit.url(),
                            hit.sentiment(), named("sentiment", hit.sentiment(), locale), hit.topic(), hit.register(),
                            hit.domain(), hit.toxicity(), String.join(" ", hit.agencies()),
                            String.join(" ", hit.places()), hit.story() == null ? "" : hit.story(),
                            hit.text(), named("platform", hit.platform().toUpperCase(Locale.ROOT), locale),
                            named("topic", hit.topic(), locale), named("register", hit.register(), locale),
                            named("domain", hit.domain(), locale), named("toxicity", hit.toxicity(), locale),
                            String.join("; ", hit.agencies().stream().map(code -> agencyNames.computeIfAbsent(code,
                                    c -> orCode(names.agency(c), c))).toList()),
                            String.join("; ", hit.places().stream().map(id -> placeNames.computeIfAbsent(id,
                                    i -> orCode(names.place(i), i))).toList()),
                            externalIds.getOrDefault(hit.id(), ""), hit.title() == null ? "" : hit.title()));
                }
                if (result.items().size() < 100) {
                    break;
                }
            }
        } catch (InvalidInput e) {
            // the search page with the same parameters says what is wrong, as it would have
            return search(q, platform, sentiment, from, to, sort, topic, toxicity, agency, place, register, domain,
                    story, true, local, publicOnly, "", model, response);
        }
        // each label as a code and, after the text, as the reader names it ("unclear": "Chưa rõ"); the sentiment's
        // name also next to its code, where it has always been; last the post's id in its source and its title, which
        // with source, platform, published_at and text are what an import reads: the file imports again
        List<String> header = List.of("id", "published_at", "platform", "source", "url", "sentiment", "sentiment_name",
                "topic", "register", "domain", "toxicity", "agencies", "places", "story", "text", "platform_name",
                "topic_name", "register_name", "domain_name", "toxicity_name", "agency_names", "place_names", "external_id",
                "title");
        String name = "loa-posts-" + LocalDate.now(LocalTime.ZONE).format(DateTimeFormatter.BASIC_ISO_DATE) + "." + format;
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        String query = link(asked.params(), "page", "").substring("/posts".length());
        events.publishEvent(new PostsExported(user.actor(), format, query.substring(0, Math.min(1000, query.length())),
                rows.size()));
        if (format.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8");
            vn.loa.platform.Spreadsheets.csv(header, rows, response.getOutputStream());
        } else {
            // a file for a reader, in Excel: each label by name under a header in the reader's language, no codes
            List<String> named = EXCEL_COLUMNS.stream().map(column -> messages.getMessage("posts.export.column."
                    + column.key(), null, locale)).toList();
            List<Integer> shown = EXCEL_COLUMNS.stream().map(column -> header.indexOf(column.csv())).toList();
            List<List<Object>> read = rows.stream().map(row -> shown.stream().map(row::get).toList()).toList();
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            vn.loa.platform.Spreadsheets.xlsx("Loa", named, read, messages.getMessage("posts.export.cut", null, locale),
                    response.getOutputStream());
        }
        // written: the response is the file, no view
        return null;
    }

    @GetMapping("/import")
    String importForm() {
        requireImporter();
        return "listening/import";
    }

    @PostMapping("/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "citizens", defaultValue = "false") boolean citizens, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response)
            throws IOException {
        SignedInUser user = requireImporter();
        if (file == null || file.isEmpty()) {
            model.addAttribute("errorKey", "listening.import.no-file");
            model.addAttribute("errorArguments", new Object[0]);
            response.setStatus(422);
        } else {
            try (InputStream in = file.getInputStream()) {
                ImportSummary summary = importer.importFile(file.getOriginalFilename(), in, user.actor(), user.agency(),
                        false, citizens);
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
    /** The name a page shows for an agency's code or a place's id; null for other facets. */
    private String facetName(String facet, String value) {
        return switch (facet) {
            case "agency" -> String.join(", ", java.util.Arrays.stream(value.split(",")).map(String::strip)
                    .map(code -> orCode(names.agency(code), code)).toList());
            case "place" -> names.place(value);
            default -> null;
        };
    }

    /** A label as the reader names it, or its code where it has no name. */
    private String named(String facet, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String key = facetKey(facet, value);
        return key == null ? value : messages.getMessage(key, null, value, locale);
    }

    private static String orCode(String name, String code) {
        return name == null || name.isBlank() ? code : name;
    }

    static String facetKey(String facet, String value) {
        return switch (facet) {
            case "platform" -> "platform." + value;
            case "sentiment" -> "sentiment." + value;
            case "toxicity" -> "toxicity." + value;
            case "topic" -> "topic." + value.replace(' ', '_');
            case "register" -> PostLabels.REGISTERS.contains(value) ? "register." + value : null;
            case "domain" -> PostLabels.DOMAINS.contains(value) ? "domain." + value : null;
            default -> null;
        };
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * The page asked for, from 0; none is the first. The pager writes it, but a link may be cut short or edited: a
     * page that is not a whole number from 0 is refused, naming what was given.
     */
    static int page(String typed) {
        String page = typed == null ? "" : typed.strip();
        if (page.isEmpty()) {
            return 0;
        }
        if (!page.matches("\\d+")) {
            throw new InvalidInput("page", "listening.search.page.invalid",
                    page.length() > 20 ? page.substring(0, 20) + "…" : page);
        }
        // a number beyond any search's reach is its last page, whatever its size
        return page.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(page);
    }

    /**
     * A bound of the period searched: a day, {@code dd/MM/yyyy} (the end of the period takes the whole day), or a
     * minute, {@code dd/MM/yyyy HH:mm} (the end takes that whole minute), as the dashboard's links of a 24-hour
     * window carry it; in Asia/Ho_Chi_Minh. A day written the right way that is not on the calendar (29/02/2026) is
     * refused as such, apart from a day written another way.
     */
    static Instant day(String text, String field, boolean end, MessageSource messages, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String typed = text.strip().replaceAll("\\s+", " ");
        try {
            if (typed.indexOf(':') >= 0) {
                java.time.LocalDateTime minute = java.time.LocalDateTime.parse(typed, LocalTime.DAY_TIME_INPUT);
                return (end ? minute.plusMinutes(1) : minute).atZone(LocalTime.ZONE).toInstant();
            }
            LocalDate day = LocalDate.parse(typed, LocalTime.DAY_INPUT);
            return (end ? day.plusDays(1) : day).atStartOfDay(LocalTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            String label = messages.getMessage("posts." + field, null, field, locale);
            if (typed.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                throw new InvalidInput(field, "form.error.date.nonexistent", typed, label);
            }
            if (typed.matches("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}")) {
                throw new InvalidInput(field, "form.error.date-time.nonexistent", typed, label);
            }
            throw new InvalidInput(field, "form.error.date.field", label);
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

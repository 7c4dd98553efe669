package vn.loa.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.platform.DisplayNames;
import vn.loa.platform.NavigationItem;
import vn.loa.platform.Spreadsheets;
import vn.loa.shared.LocalTime;

/** The administrators' view of the audit trail, with a check of its hash chain. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    private static final int PAGE = 50;

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final AuditTrail trail;
    private final AuditSentences sentences;
    private final MessageSource messages;
    private final DisplayNames names;

    AuditController(AuditTrail trail, AuditSentences sentences, MessageSource messages, DisplayNames names) {
        this.trail = trail;
        this.sentences = sentences;
        this.messages = messages;
        this.names = names;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long before, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String agency, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        Query query = Query.read(actor, agency, from, to);
        model.addAttribute("query", query);
        model.addAttribute("actors", trail.actors());
        model.addAttribute("agencies", trail.agencies());
        if (!query.problems().isEmpty()) {
            response.setStatus(422);
            model.addAttribute("records", List.of());
            model.addAttribute("nextBefore", null);
            model.addAttribute("newestUrl", "/admin/audit");
            return "admin/audit";
        }
        List<AuditRecord> records = trail.find(query.filter(), PAGE, before);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("records", records.stream().map(record -> sentences.line(record, locale)).toList());
        Long nextBefore = records.size() == PAGE ? records.get(records.size() - 1).id() : null;
        model.addAttribute("nextBefore", nextBefore);
        // the links keep the filters in force
        model.addAttribute("newestUrl", url("/admin/audit", query, null));
        model.addAttribute("olderUrl", nextBefore == null ? null : url("/admin/audit", query, nextBefore));
        model.addAttribute("exportUrl", url("/admin/audit/export.csv", query, null));
        return "admin/audit";
    }

    private static String url(String path, Query query, Long before) {
        org.springframework.web.util.UriComponentsBuilder uri = org.springframework.web.util.UriComponentsBuilder.fromPath(path);
        query.asParameters().forEach(uri::queryParam);
        if (before != null) {
            uri.queryParam("before", before);
        }
        return uri.encode().build().toUriString();
    }

    @PostMapping("/verify")
    String verify(Model model, HttpServletResponse response) {
        model.addAttribute("verification", trail.verify());
        return list(null, null, null, null, null, model, response);
    }

    /**
     * The records the page's filters keep, as a CSV file an official opens in Excel (UTF-8 with a byte-order mark):
     * each record's number, time (dd/MM/yyyy HH:mm:ss, Vietnam's time), who, which agency, the sentence the page
     * shows, the texts it quotes, and the action's code last. The download is itself recorded.
     */
    @GetMapping("/export.csv")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        Query query = Query.read(actor, agency, from, to);
        if (!query.problems().isEmpty()) {
            throw new vn.loa.shared.InvalidInput(query.problems().get(0).field(), query.problems().get(0).messageKey());
        }
        List<AuditRecord> records = trail.find(query.filter(), AuditTrail.MAX_FOUND, null);
        Locale locale = LocaleContextHolder.getLocale();
        String who = SecurityContextHolder.getContext().getAuthentication().getName();
        Map<String, Object> details = new TreeMap<>();
        details.put("rows", records.size());
        query.asParameters().forEach(details::put);
        trail.append(new vn.loa.audit.AuditEntry(who, null, "audit.exported", null, null, details));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("nhat-ky-he-thong-" + DAY.format(java.time.LocalDate.now(LocalTime.ZONE)) + ".csv").build().toString());
        List<String> header = List.of(messages.getMessage("audit.id", null, locale),
                messages.getMessage("audit.time", null, locale), messages.getMessage("audit.actor", null, locale),
                messages.getMessage("audit.account", null, locale), messages.getMessage("audit.agency", null, locale),
                messages.getMessage("audit.what", null, locale), messages.getMessage("audit.quoted", null, locale),
                messages.getMessage("audit.action-code", null, locale));
        List<List<?>> rows = new ArrayList<>();
        for (AuditRecord record : records) {
            AuditSentences.Line line = sentences.line(record, locale);
            rows.add(List.of(record.id(), java.time.LocalDateTime.ofInstant(record.occurredAt(), LocalTime.ZONE),
                    names.person(record.actor()), record.actor() == null ? "" : record.actor(), line.agency(),
                    line.sentence(), String.join(" | ", line.quoted()), record.action()));
        }
        Spreadsheets.csv(header, rows, response.getOutputStream());
    }

    /** The page's filters as typed, what they mean, and what is wrong with them. */
    record Query(String actor, String agency, String from, String to, AuditTrail.Filter filter,
            List<vn.loa.shared.InvalidInput> problems) {

        static Query read(String actor, String agency, String from, String to) {
            String who = blank(actor);
            String where = blank(agency);
            List<vn.loa.shared.InvalidInput> problems = new ArrayList<>();
            java.time.LocalDate first = day(from, "from", problems);
            java.time.LocalDate last = day(to, "to", problems);
            if (first != null && last != null && last.isBefore(first)) {
                problems.add(new vn.loa.shared.InvalidInput("to", "audit.error.period"));
            }
            AuditTrail.Filter filter = new AuditTrail.Filter(who, where,
                    first == null ? null : first.atStartOfDay(LocalTime.ZONE).toInstant(),
                    last == null ? null : last.plusDays(1).atStartOfDay(LocalTime.ZONE).toInstant());
            return new Query(actor == null ? "" : actor, agency == null ? "" : agency, from == null ? "" : from,
                    to == null ? "" : to, filter, problems);
        }

        /** Whether any filter is in force. */
        public boolean filtered() {
            return filter.actor() != null || filter.agencyCode() != null || filter.from() != null || filter.to() != null;
        }

        /** The filters in force, as the page's links and the export's link carry them. */
        public Map<String, String> asParameters() {
            Map<String, String> parameters = new java.util.LinkedHashMap<>();
            if (filter.actor() != null) {
                parameters.put("actor", filter.actor());
            }
            if (filter.agencyCode() != null) {
                parameters.put("agency", filter.agencyCode());
            }
            if (!from.isBlank()) {
                parameters.put("from", from.strip());
            }
            if (!to.isBlank()) {
                parameters.put("to", to.strip());
            }
            return parameters;
        }

        /** The message of the problem with a field, or null. */
        public vn.loa.shared.InvalidInput problem(String field) {
            return problems.stream().filter(p -> p.field().equals(field)).findFirst().orElse(null);
        }

        private static String blank(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }

        private static java.time.LocalDate day(String text, String field, List<vn.loa.shared.InvalidInput> problems) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return java.time.LocalDate.parse(text.strip(), LocalTime.DAY_INPUT);
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new vn.loa.shared.InvalidInput(field, "audit.error.day"));
                return null;
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem auditNavigation() {
            return new NavigationItem("nav.audit", "/admin/audit", 930, Set.of("ADMIN"));
        }
    }
}

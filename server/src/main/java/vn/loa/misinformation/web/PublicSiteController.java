package vn.loa.misinformation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.identity.AgencyNames;
import vn.loa.misinformation.Cases;
import vn.loa.misinformation.CitizenReports;
import vn.loa.platform.ProvinceSettings;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * The public site, open to everyone without signing in: published refutations and clarifications (each
 * with schema.org {@code ClaimReview} JSON-LD), their RSS feed, and the form for reporting false or
 * harmful information.
 */
@Controller
@ConditionalOnWebApplication
class PublicSiteController {

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Cases cases;
    private final CitizenReports reports;
    private final AgencyNames agencies;
    private final MessageSource messages;
    private final ProvinceSettings province;
    private final ObjectMapper json = JsonMapper.builder().build();

    PublicSiteController(Cases cases, CitizenReports reports, AgencyNames agencies, MessageSource messages,
            ProvinceSettings province) {
        this.cases = cases;
        this.reports = reports;
        this.agencies = agencies;
        this.messages = messages;
        this.province = province;
    }

    @GetMapping("/public/refutations")
    String list(Model model) {
        model.addAttribute("items", cases.published(100));
        return "public/refutations";
    }

    @GetMapping("/public/refutations/{slug}")
    String one(@PathVariable String slug, Model model, Locale locale) {
        Cases.Published published = cases.published(slug).orElseThrow(() -> new NotFound("refutation", slug));
        model.addAttribute("p", published);
        model.addAttribute("agencyName", agencyName(published.agencyCode(), LocalDate.now(LocalTime.ZONE), locale));
        model.addAttribute("jsonLd", claimReview(published));
        return "public/refutation";
    }

    @GetMapping(path = "/public/refutations/rss.xml")
    ResponseEntity<String> rss() {
        String base = base();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel>\n");
        xml.append("<title>").append(xmlText(messages.getMessage("public.rss.title", new Object[] {province.name()}, Languages.VIETNAMESE))).append("</title>\n");
        xml.append("<link>").append(xmlText(base + "/public/refutations")).append("</link>\n");
        xml.append("<description>").append(xmlText(messages.getMessage("public.rss.description", null, Languages.VIETNAMESE)))
                .append("</description>\n<language>vi</language>\n");
        for (Cases.Published p : cases.published(50)) {
            String url = base + "/public/refutations/" + p.slug();
            String verdict = messages.getMessage("case.verdict." + p.verdict().name(), null, Languages.VIETNAMESE);
            xml.append("<item>\n<title>").append(xmlText(verdict + ": " + p.claim())).append("</title>\n");
            xml.append("<link>").append(xmlText(url)).append("</link>\n");
            xml.append("<guid isPermaLink=\"true\">").append(xmlText(url)).append("</guid>\n");
            xml.append("<pubDate>").append(RFC_1123.format(p.publishedAt().atZone(LocalTime.ZONE))).append("</pubDate>\n");
            xml.append("<category>").append(xmlText(verdict)).append("</category>\n");
            xml.append("<description>").append(xmlText(p.explanation())).append("</description>\n</item>\n");
        }
        xml.append("</channel>\n</rss>\n");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8"))
                .body(xml.toString());
    }

    @GetMapping("/public/report")
    String reportForm(Model model) {
        model.addAttribute("form", new CitizenReports.Report("", "", "", "", reports.issueToken()));
        return "public/report";
    }

    @PostMapping("/public/report")
    String report(@RequestParam(defaultValue = "") String link, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String website,
            @RequestParam(defaultValue = "") String token, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        CitizenReports.Report report = new CitizenReports.Report(link, description, contact, website, token);
        try {
            long caseId = reports.submit(report, request.getRemoteAddr());
            model.addAttribute("reference", caseId);
            return "public/report-sent";
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
        } catch (CitizenReports.ReportAlreadySent e) {
            // the report is in: an empty form, so that pressing Send again does not report it twice
            response.setStatus(409);
            model.addAttribute("alreadySent", e.reference());
            model.addAttribute("form", new CitizenReports.Report("", "", "", "", reports.issueToken()));
            return "public/report";
        } catch (CitizenReports.ReportsThrottled e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            model.addAttribute("throttledMinutes", Math.max(1, (e.retryAfterSeconds() + 59) / 60));
        }
        model.addAttribute("form", new CitizenReports.Report(clip(link, CitizenReports.LINK_MAX * 2),
                clip(description, CitizenReports.DESCRIPTION_MAX * 2), clip(contact, CitizenReports.CONTACT_MAX * 2), "",
                reports.issueToken()));
        return "public/report";
    }

    /** The schema.org ClaimReview of a published answer, safe to put inside a script element. */
    String claimReview(Cases.Published p) {
        String base = base();
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("@type", "GovernmentOrganization");
        // the body that published it, by its name on that day
        author.put("name", agencyName(p.agencyCode(), LocalDate.ofInstant(p.publishedAt(), LocalTime.ZONE), Languages.VIETNAMESE));
        author.put("url", base + "/public/refutations");
        Map<String, Object> rating = new LinkedHashMap<>();
        rating.put("@type", "Rating");
        rating.put("ratingValue", p.verdict().rating());
        rating.put("bestRating", 5);
        rating.put("worstRating", 1);
        rating.put("alternateName", messages.getMessage("case.verdict." + p.verdict().name(), null, Languages.VIETNAMESE));
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("@type", "Claim");
        if (p.firstSeen() != null) {
            claim.put("datePublished", LocalDate.ofInstant(p.firstSeen(), LocalTime.ZONE).toString());
        }
        List<Map<String, Object>> appearances = new ArrayList<>();
        for (String url : p.appearances()) {
            appearances.add(Map.of("@type", "CreativeWork", "url", url));
        }
        if (!appearances.isEmpty()) {
            claim.put("appearance", appearances);
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("@context", "https://schema.org");
        review.put("@type", "ClaimReview");
        review.put("url", base + "/public/refutations/" + p.slug());
        review.put("datePublished", LocalDate.ofInstant(p.publishedAt(), LocalTime.ZONE).toString());
        review.put("inLanguage", "vi");
        review.put("claimReviewed", p.claim());
        review.put("author", author);
        review.put("reviewRating", rating);
        review.put("itemReviewed", claim);
        // Inside <script>, "</script>" or "<!--" in a claim must not end the element: escape <, > and & as JSON does allow.
        return json.writeValueAsString(review).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** The agency's name on the day (with what it is now, if it has ended since); the province's without one. */
    private String agencyName(String code, LocalDate on, Locale locale) {
        if (code == null) {
            return messages.getMessage("public.agency.province", new Object[] {province.name()}, locale);
        }
        return agencies.name(code, on, locale);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** Text for XML: markup escaped, characters XML 1.0 cannot hold left out. */
    static String xmlText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || c >= 0x10000 && c <= 0x10FFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}

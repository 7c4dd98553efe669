package vn.loa.misinformation.web;

import com.rometools.rome.io.FeedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
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
import vn.loa.platform.RssFeed;
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

    /** The public site's own address, typed or cut short: its first page, not a "page not found". */
    @GetMapping({"/public", "/public/"})
    String publicSite() {
        return "redirect:/public/refutations";
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
    ResponseEntity<String> rss() throws FeedException {
        String base = base();
        // each item says what it is, a verdict on a claim in quotes, never the claim alone under an official heading
        List<RssFeed.Item> items = cases.published(50).stream().map(p -> {
            String verdict = messages.getMessage("case.verdict." + p.verdict().name(), null, Languages.VIETNAMESE);
            return new RssFeed.Item(messages.getMessage("public.rss.item", new Object[] {verdict, p.claim()},
                    Languages.VIETNAMESE), base + "/public/refutations/" + p.slug(), p.publishedAt(),
                    agencyName(p.agencyCode(), LocalDate.ofInstant(p.publishedAt(), LocalTime.ZONE), Languages.VIETNAMESE),
                    p.explanation(), verdict);
        }).toList();
        return RssFeed.answer(messages.getMessage("public.rss.title", new Object[] {province.name()}, Languages.VIETNAMESE),
                messages.getMessage("public.rss.description", null, Languages.VIETNAMESE), base + "/public/refutations",
                items);
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
}

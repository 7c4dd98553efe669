package vn.loa.press.web;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
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
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.platform.ProvinceSettings;
import vn.loa.press.Enquiries;
import vn.loa.press.Spokesperson;
import vn.loa.press.Spokespersons;
import vn.loa.press.Statement;
import vn.loa.press.Statements;
import vn.loa.shared.LocalTime;

/**
 * The press pages of the public portal, open to everyone: "Người phát ngôn" (who may speak for each agency today, as
 * Decree 09/2017 asks agencies to post on their website), the press releases and statements published on the portal,
 * the answers to the press that were published, and the RSS feed of the releases.
 */
@Controller
@ConditionalOnWebApplication
class PublicPressController {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Spokespersons registry;
    private final Statements statements;
    private final Enquiries enquiries;
    private final AgencyDirectory agencies;
    private final ProvinceSettings province;
    private final MessageSource messages;
    private final Clock clock;

    PublicPressController(Spokespersons registry, Statements statements, Enquiries enquiries, AgencyDirectory agencies,
            ProvinceSettings province, MessageSource messages, Clock clock) {
        this.registry = registry;
        this.statements = statements;
        this.enquiries = enquiries;
        this.agencies = agencies;
        this.province = province;
        this.messages = messages;
        this.clock = clock;
    }

    /** The persons of one agency, in the order of the page. */
    record AgencySpeakers(Agency agency, List<Spokesperson> speakers) {
    }

    @GetMapping("/public/spokespersons")
    String spokespersons(Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        Map<String, List<Spokesperson>> byAgency = new LinkedHashMap<>();
        for (Spokesperson s : registry.validOn(today)) {
            byAgency.computeIfAbsent(s.agencyCode(), code -> new ArrayList<>()).add(s);
        }
        List<AgencySpeakers> listed = new ArrayList<>();
        for (Agency agency : agencies.validOn(today)) {
            List<Spokesperson> speakers = byAgency.get(agency.code());
            if (speakers != null) {
                listed.add(new AgencySpeakers(agency, speakers));
            }
        }
        model.addAttribute("agencies", listed);
        model.addAttribute("missing", registry.agenciesWithoutSpokesperson(today).stream()
                .map(code -> agencies.findByCode(code, today).orElse(null)).filter(a -> a != null
                        && (a.kind() == AgencyKind.PROVINCE || a.kind() == AgencyKind.DEPARTMENT)).toList());
        model.addAttribute("today", today);
        model.addAttribute("provinceName", province.name());
        return "public/spokespersons";
    }

    @GetMapping("/public/press-releases")
    String releases(Model model) {
        model.addAttribute("statements", statements.onPortal(50));
        model.addAttribute("answers", enquiries.publishedAnswers(20));
        model.addAttribute("provinceName", province.name());
        return "public/press-releases";
    }

    @GetMapping("/public/press-releases/{id}")
    String release(@PathVariable long id, Model model) {
        model.addAttribute("s", statements.onPortal(id));
        model.addAttribute("provinceName", province.name());
        return "public/press-release";
    }

    @GetMapping("/public/press-releases/rss.xml")
    ResponseEntity<String> rss() throws FeedException {
        String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().build()
                .toUriString();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(messages.getMessage("press.rss.title", new Object[] {province.name()}, VIETNAMESE));
        feed.setDescription(messages.getMessage("press.rss.description", null, VIETNAMESE));
        feed.setLink(base + "/public/press-releases");
        feed.setLanguage("vi");
        List<SyndEntry> entries = new ArrayList<>();
        for (Statement s : statements.onPortal(50)) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(xml(s.title()));
            entry.setLink(base + "/public/press-releases/" + s.id());
            entry.setUri(base + "/public/press-releases/" + s.id());
            entry.setPublishedDate(Date.from(s.publishedAt()));
            entry.setAuthor(agencies.findByCode(s.agencyCode(), LocalDate.ofInstant(s.publishedAt(), LocalTime.ZONE))
                    .map(Agency::nameVi).orElse(s.agencyCode()));
            SyndContentImpl description = new SyndContentImpl();
            description.setType("text/plain");
            description.setValue(xml(s.body().length() > 600 ? s.body().substring(0, 600) + "…" : s.body()));
            entry.setDescription(description);
            entries.add(entry);
        }
        feed.setEntries(entries);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8"))
                .body(new SyndFeedOutput().outputString(feed));
    }

    /** Text without the characters XML 1.0 cannot hold. */
    private static String xml(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}

package vn.loa.press.web;

import com.rometools.rome.io.FeedException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.platform.ProvinceSettings;
import vn.loa.platform.RssFeed;
import vn.loa.press.Enquiries;
import vn.loa.press.Spokesperson;
import vn.loa.press.Spokespersons;
import vn.loa.press.Statement;
import vn.loa.press.Statements;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;

/**
 * The press pages of the public portal, open to everyone: "Người phát ngôn" (who may speak for each agency today, as
 * Decree 09/2017 asks agencies to post on their website), the press releases and statements published on the portal,
 * the answers to the press that were published, and the RSS feed of the releases.
 */
@Controller
@ConditionalOnWebApplication
class PublicPressController {

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
        List<RssFeed.Item> items = statements.onPortal(50).stream().map(s -> new RssFeed.Item(s.title(),
                base + "/public/press-releases/" + s.id(), s.publishedAt(),
                agencies.findByCode(s.agencyCode(), LocalDate.ofInstant(s.publishedAt(), LocalTime.ZONE))
                        .map(Agency::nameVi).orElse(s.agencyCode()), s.body())).toList();
        return RssFeed.answer(messages.getMessage("press.rss.title", new Object[] {province.name()}, Languages.VIETNAMESE),
                messages.getMessage("press.rss.description", null, Languages.VIETNAMESE), base + "/public/press-releases", items);
    }
}

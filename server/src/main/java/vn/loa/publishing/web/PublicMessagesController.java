package vn.loa.publishing.web;

import com.rometools.rome.io.FeedException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.platform.ProvinceSettings;
import vn.loa.platform.RssFeed;
import vn.loa.publishing.PortalMessages;
import vn.loa.publishing.PortalMessages.PortalMessage;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;

/**
 * The public portal's messages, open to everyone: the newest published messages (per policy, per commune), one
 * message in its language, and their RSS feed.
 */
@Controller
@ConditionalOnWebApplication
class PublicMessagesController {

    private final PortalMessages messages;
    private final AgencyDirectory agencies;
    private final ProvinceSettings province;
    private final MessageSource bundle;
    private final Clock clock;

    PublicMessagesController(PortalMessages messages, AgencyDirectory agencies, ProvinceSettings province,
            MessageSource bundle, Clock clock) {
        this.messages = messages;
        this.agencies = agencies;
        this.province = province;
        this.bundle = bundle;
        this.clock = clock;
    }

    @GetMapping("/public/messages")
    String list(@RequestParam(required = false) String policy, @RequestParam(required = false) String commune,
            Model model) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        model.addAttribute("messages", messages.published(policy, commune, 50));
        model.addAttribute("policies", messages.policies());
        model.addAttribute("communes", agencies.validOn(today).stream().filter(a -> a.kind() == AgencyKind.COMMUNE)
                .toList());
        model.addAttribute("policy", policy == null ? "" : policy);
        model.addAttribute("commune", commune == null ? "" : commune);
        model.addAttribute("provinceName", province.name());
        return "public/messages";
    }

    @GetMapping("/public/messages/{id}")
    String message(@PathVariable long id, Model model) {
        model.addAttribute("m", messages.published(id));
        model.addAttribute("files", messages.files(id));
        model.addAttribute("provinceName", province.name());
        return "public/message";
    }

    /** A file of a published message, downloaded (never shown inline: a stranger's document is not run in the page). */
    @GetMapping("/public/messages/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        PortalMessages.File file = messages.file(id, fileId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(file.content());
    }

    @GetMapping("/public/messages/rss.xml")
    ResponseEntity<String> rss() throws FeedException {
        String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().build()
                .toUriString();
        List<RssFeed.Item> items = messages.published(null, null, 50).stream().map(m -> new RssFeed.Item(m.title(),
                base + "/public/messages/" + m.id(), m.publishedAt(),
                agencies.findByCode(m.agencyCode(), LocalDate.ofInstant(m.publishedAt(), LocalTime.ZONE))
                        .map(Agency::nameVi).orElse(m.agencyCode()), Jsoup.parse(m.body()).text())).toList();
        return RssFeed.answer(bundle.getMessage("publishing.rss.title", new Object[] {province.name()}, Languages.VIETNAMESE),
                bundle.getMessage("publishing.rss.description", null, Languages.VIETNAMESE), base + "/public/messages", items);
    }
}

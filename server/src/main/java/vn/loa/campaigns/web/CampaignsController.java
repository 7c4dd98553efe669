package vn.loa.campaigns.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.campaigns.Audience;
import vn.loa.campaigns.Campaign;
import vn.loa.campaigns.CampaignReach;
import vn.loa.campaigns.CampaignSettings;
import vn.loa.campaigns.Campaigns;
import vn.loa.campaigns.Emergency;
import vn.loa.campaigns.Message;
import vn.loa.campaigns.MessageAction;
import vn.loa.campaigns.MessageStatus;
import vn.loa.campaigns.Messages;
import vn.loa.campaigns.Plan;
import vn.loa.campaigns.Translation;
import vn.loa.campaigns.Version;
import vn.loa.campaigns.VersionChecks;
import vn.loa.campaigns.VersionKind;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.NavigationItem;
import vn.loa.platform.Pager;
import vn.loa.publishing.Channel;
import vn.loa.publishing.Publishing.PublicationRecord;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * The campaign pages: plans and campaigns ({@code /campaigns}), a plan, a campaign with its messages and their
 * publication status, the message editor with one editor per channel version and its live counters, the translators'
 * tasks, the approval queue and the emergency log.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/campaigns")
class CampaignsController {

    private final Campaigns campaigns;
    private final Messages messages;
    private final AgencyDirectory agencies;
    private final CampaignSettings settings;
    private final VersionChecks checks;
    private final Clock clock;
    private final CampaignReach reach;

    CampaignsController(Campaigns campaigns, Messages messages, AgencyDirectory agencies, CampaignSettings settings,
            CampaignReach reach, Clock clock) {
        this.reach = reach;
        this.campaigns = campaigns;
        this.messages = messages;
        this.agencies = agencies;
        this.settings = settings;
        this.checks = new VersionChecks(settings);
        this.clock = clock;
    }

    private static SignedInUser user() {
        return CampaignsApiController.user();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    private static boolean mayPlan(SignedInUser user) {
        return user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON) || user.has(Role.COORDINATOR) || user.has(Role.ADMIN);
    }

    @GetMapping
    String list(Model model) {
        SignedInUser user = user();
        model.addAttribute("plans", campaigns.plans(user));
        model.addAttribute("campaigns", campaigns.list(null, user));
        model.addAttribute("recent", messages.list(null, null, new PageRequest(1, 20), user).items());
        model.addAttribute("mayPlan", mayPlan(user));
        model.addAttribute("agencyOptions", agencyOptions(user));
        model.addAttribute("year", today().getYear());
        return "campaigns/list";
    }

    private List<Agency> agencyOptions(SignedInUser user) {
        List<Agency> valid = agencies.validOn(today()).stream().filter(a -> a.kind() != AgencyKind.PRESS).toList();
        return user.has(Role.COORDINATOR) || user.has(Role.ADMIN) ? valid
                : valid.stream().filter(a -> a.code().equals(user.agencyCode())).toList();
    }

    @PostMapping("/plans")
    String createPlan(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String title, HttpServletResponse response, Model model) {
        try {
            int y;
            try {
                y = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput("year", "campaigns.error.year");
            }
            Plan plan = campaigns.createPlan(agencyCode, y, title, user());
            return "redirect:/campaigns/plans/" + plan.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
        } catch (Conflict e) {
            response.setStatus(409);
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
        }
        String view = list(model);
        // what was typed comes back with the message
        model.addAttribute("year", year);
        model.addAttribute("planTitle", title);
        model.addAttribute("planAgency", agencyCode);
        return view;
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable long id, Model model) {
        SignedInUser user = user();
        Plan plan = campaigns.plan(id, user);
        model.addAttribute("plan", plan);
        model.addAttribute("campaigns", campaigns.list(id, user));
        prepareCampaignForm(model, Map.of());
        return "campaigns/plan";
    }

    private void prepareCampaignForm(Model model, Map<String, Object> form) {
        model.addAttribute("mayWrite", mayPlan(user()));
        List<Agency> valid = agencies.validOn(today());
        model.addAttribute("communes", valid.stream().filter(a -> a.kind() == AgencyKind.COMMUNE).toList());
        model.addAttribute("responsibleOptions", valid.stream().filter(a -> a.kind() == AgencyKind.DEPARTMENT
                || a.kind() == AgencyKind.PROVINCE || a.kind() == AgencyKind.MASS_ORGANISATION).toList());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("form", form);
    }

    @PostMapping("/plans/{id}/campaigns")
    String createCampaign(@PathVariable long id, @RequestParam Map<String, String> single,
            @RequestParam(name = "audiences", required = false) List<String> audiences,
            @RequestParam(name = "communes", required = false) List<String> communes,
            @RequestParam(name = "channels", required = false) List<String> channels,
            @RequestParam(name = "responsibleAgencies", required = false) List<String> responsible,
            HttpServletResponse response, Model model) {
        List<InvalidInput> problems = new ArrayList<>();
        List<Audience> chosenAudiences = CampaignsApiController.parseAll(Audience.class, audiences, "audiences", problems);
        List<Channel> chosenChannels = CampaignsApiController.parseAll(Channel.class, channels, "channels", problems);
        LocalDate starts = CampaignsApiController.date(single.get("startsOn"), "startsOn", problems);
        LocalDate ends = CampaignsApiController.date(single.get("endsOn"), "endsOn", problems);
        Long budget = null;
        String budgetText = single.getOrDefault("budgetVnd", "");
        if (!budgetText.isBlank()) {
            budget = amount(budgetText);
            if (budget == null) {
                problems.add(new InvalidInput("budgetVnd", "campaigns.error.budget-unreadable", budgetText.strip()));
            }
        }
        List<String> keywords = Arrays.stream(single.getOrDefault("keywords", "").split("[,;\\n]")).map(String::strip)
                .filter(k -> !k.isEmpty()).toList();
        Campaigns.Draft draft = new Campaigns.Draft(single.get("title"), single.get("policy"), single.get("objectives"),
                single.get("keyMessages"), chosenAudiences, communes, chosenChannels, responsible, starts, ends,
                single.get("budgetLine"), budget, keywords);
        try {
            CampaignsApiController.withTheOthers(problems, () -> campaigns.problems(id, draft, user()));
            Campaign c = campaigns.create(id, draft, user());
            return "redirect:/campaigns/" + c.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            SignedInUser user = user();
            model.addAttribute("plan", campaigns.plan(id, user));
            model.addAttribute("campaigns", campaigns.list(id, user));
            Map<String, Object> form = new LinkedHashMap<>(single);
            form.put("audiences", audiences == null ? List.of() : audiences);
            form.put("communes", communes == null ? List.of() : communes);
            form.put("channels", channels == null ? List.of() : channels);
            form.put("responsibleAgencies", responsible == null ? List.of() : responsible);
            prepareCampaignForm(model, form);
            return "campaigns/plan";
        }
    }

    /** A message's row on the campaign page: its versions and, per version, what publishing recorded. */
    record MessageRow(Message message, List<VersionRow> versions) {
    }

    /** A version with its figures and its publications in every language. */
    record VersionRow(Version version, VersionChecks.Figures figures, List<PublicationRecord> publications,
            List<Translation> translations) {
    }

    private List<VersionRow> versionRows(long messageId, SignedInUser user) {
        List<Translation> translations = messages.translations(messageId, user);
        return messages.versions(messageId, user).stream().map(v -> {
            List<PublicationRecord> publications = new ArrayList<>(messages.publications(v.id(), "vi"));
            List<Translation> mine = translations.stream().filter(t -> t.versionId() == v.id()).toList();
            mine.forEach(t -> publications.addAll(messages.publications(v.id(), t.language())));
            return new VersionRow(v, checks.of(v.kind(), VersionChecks.published(v)), publications, mine);
        }).toList();
    }

    @GetMapping("/{id}")
    String campaign(@PathVariable long id, @RequestParam(name = "page", required = false) String number, Model model) {
        SignedInUser user = user();
        Campaign c = campaigns.get(id, user);
        model.addAttribute("c", c);
        model.addAttribute("plan", campaigns.plan(c.planId(), user));
        Page<Message> page = messages.list(id, null, PageRequest.lenient(number, null), user);
        model.addAttribute("rows", page.items().stream().map(m -> new MessageRow(m, versionRows(m.id(), user))).toList());
        model.addAttribute("pager", Pager.of("/campaigns/" + id, Map.of(), page));
        model.addAttribute("emergencies", Emergency.values());
        model.addAttribute("mayWrite", mayPlan(user));
        model.addAttribute("form", Map.of());
        var effect = reach.effect(c, user);
        model.addAttribute("effect", effect);
        // the chart shades the campaign's days, named as its categories are (dd/MM/yyyy)
        var day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        model.addAttribute("markFrom", effect == null || effect.after() == null ? null : day.format(effect.after().from()));
        model.addAttribute("markTo", effect == null || effect.after() == null ? null : day.format(effect.after().to()));
        model.addAttribute("reachMap", reach.map(c));
        return "campaigns/campaign";
    }

    @PostMapping("/{id}/messages")
    String write(@PathVariable long id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String emergency,
            HttpServletResponse response, Model model) {
        List<InvalidInput> problems = new ArrayList<>();
        Emergency chosen = CampaignsApiController.parse(Emergency.class, emergency, "emergency", problems);
        try {
            InvalidInput.throwIfAny(problems);
            Message m = messages.write(id, title, body, chosen, user());
            return "redirect:/campaigns/messages/" + m.id();
        } catch (InvalidInput e) {
            String page = campaign(id, null, model);
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            model.addAttribute("form", Map.of("title", title, "body", body, "emergency", emergency));
            return page;
        }
    }

    @GetMapping("/messages/{id}")
    String message(@PathVariable long id, Model model) {
        SignedInUser user = user();
        Message m = messages.get(id, user);
        model.addAttribute("m", m);
        model.addAttribute("c", campaigns.get(m.campaignId(), user));
        List<VersionRow> rows = versionRows(id, user);
        model.addAttribute("rows", rows);
        Map<VersionKind, VersionRow> byKind = new LinkedHashMap<>();
        rows.forEach(r -> byKind.put(r.version().kind(), r));
        model.addAttribute("byKind", byKind);
        model.addAttribute("kinds", VersionKind.values());
        VersionRow portal = byKind.get(VersionKind.PORTAL_ARTICLE);
        model.addAttribute("portalFiles", portal == null ? List.of() : messages.files(portal.version().id(), user));
        model.addAttribute("steps", messages.steps(id, user));
        model.addAttribute("settings", settings);
        model.addAttribute("checks", checks);
        model.addAttribute("speech", messages.speechAvailable());
        boolean draft = m.status() == MessageStatus.DRAFT;
        boolean staff = mayPlan(user) && (user.has(Role.COORDINATOR) || user.has(Role.ADMIN)
                || m.agencyCode().equals(user.agencyCode()));
        boolean approver = (user.has(Role.LEADER) || user.has(Role.COORDINATOR)
                || (user.has(Role.SPOKESPERSON) && m.agencyCode().equals(user.agencyCode())))
                && !user.username().equals(m.author());
        model.addAttribute("editable", draft && staff);
        model.addAttribute("staff", staff);
        model.addAttribute("approver", approver);
        model.addAttribute("me", user.username());
        model.addAttribute("now", LocalDateTime.ofInstant(clock.instant(), LocalTime.ZONE).withSecond(0).withNano(0));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        @SuppressWarnings("unchecked")
        Map<String, String> form = (Map<String, String>) model.getAttribute("form");
        model.addAttribute("shown", shownFigures(m, byKind, form));
        // what each form shows, so that a save from a page opened before a colleague's is refused, not written over it
        model.addAttribute("seenMessage", mark(m.title(), m.body()));
        Map<VersionKind, String> seenVersions = new LinkedHashMap<>();
        for (VersionKind k : VersionKind.values()) {
            seenVersions.put(k, seen(byKind.get(k)));
        }
        model.addAttribute("seenVersions", seenVersions);
        // what an approver reads on this page: an approval sent from it after the text changed is refused
        model.addAttribute("seenContent", messages.contentMark(id, user));
        return "campaigns/message";
    }

    /** A short mark of texts as a page shows them. */
    static String mark(String... texts) {
        return vn.loa.shared.SeenMark.of(texts);
    }

    private static String seen(VersionRow row) {
        if (row == null) {
            return "none";
        }
        Version v = row.version();
        return mark(v.title(), v.body(), v.hashtags(), v.link());
    }

    /**
     * The figures of the text each version's form shows (what was typed when refused, the saved version, else the
     * message's text the form starts from), so that the counters are right without the page's script.
     */
    private Map<VersionKind, VersionChecks.Figures> shownFigures(Message m, Map<VersionKind, VersionRow> byKind,
            Map<String, String> form) {
        Map<VersionKind, VersionChecks.Figures> shown = new LinkedHashMap<>();
        for (VersionKind k : VersionKind.values()) {
            VersionRow row = byKind.get(k);
            String text;
            if (form.get("kind") != null && form.get("kind").equalsIgnoreCase(k.name())) {
                String body = form.get("body");
                text = k == VersionKind.SOCIAL_POST || k == VersionKind.ZALO_POST
                        ? VersionChecks.socialText(body, form.get("hashtags"), form.get("link")) : body;
            } else if (row != null) {
                text = VersionChecks.published(row.version());
            } else {
                text = k == VersionKind.BILLBOARD ? "" : m.body();
            }
            shown.put(k, checks.of(k, text));
        }
        return shown;
    }

    @PostMapping("/messages/{id}")
    String rewrite(@PathVariable long id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, @RequestParam(required = false) String seen,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            Message now = messages.get(id, user());
            if (seen != null && !seen.equals(mark(now.title(), now.body()))) {
                // rewritten by someone else after this page was opened: what was typed stays, beside the newer text
                model.addAttribute("form", Map.of("kind", "", "messageTitle", title, "messageBody", body));
                String page = message(id, model);
                response.setStatus(409);
                model.addAttribute("errorKey", "campaigns.error.changed-meanwhile");
                return page;
            }
            messages.rewrite(id, title, body, user());
            redirect.addFlashAttribute("flashKey", "campaigns.message.rewritten");
            return "redirect:/campaigns/messages/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("form", Map.of("kind", "", "messageTitle", title, "messageBody", body));
            String page = message(id, model);
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            return page;
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            return "redirect:/campaigns/messages/" + id;
        }
    }

    @PostMapping("/messages/{id}/versions/{kind}")
    String saveVersion(@PathVariable long id, @PathVariable String kind, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String hashtags,
            @RequestParam(defaultValue = "") String link, @RequestParam(required = false) String seen,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        List<InvalidInput> problems = new ArrayList<>();
        VersionKind chosen = CampaignsApiController.parse(VersionKind.class, kind, "kind", problems);
        try {
            InvalidInput.throwIfAny(problems);
            if (seen != null && !seen.equals(seen(versionRows(id, user()).stream()
                    .filter(r -> r.version().kind() == chosen).findFirst().orElse(null)))) {
                model.addAttribute("form", Map.of("kind", kind, "title", title, "body", body, "hashtags", hashtags,
                        "link", link));
                String page = message(id, model);
                response.setStatus(409);
                model.addAttribute("errorKey", "campaigns.error.changed-meanwhile");
                return page;
            }
            messages.saveVersion(id, chosen, title, body, hashtags, link, user());
            redirect.addFlashAttribute("flashKey", "campaigns.version.saved");
            return "redirect:/campaigns/messages/" + id + "#version-" + chosen;
        } catch (InvalidInput e) {
            model.addAttribute("form", Map.of("kind", kind, "title", title, "body", body, "hashtags", hashtags,
                    "link", link));
            String page = message(id, model);
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            return page;
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            return "redirect:/campaigns/messages/" + id;
        }
    }

    @PostMapping("/versions/{id}/audio")
    String upload(@PathVariable long id, @RequestParam long messageId,
            @RequestParam(name = "audio", required = false) MultipartFile audio, RedirectAttributes redirect)
            throws IOException {
        String name = audio == null ? null : audio.getOriginalFilename();
        byte[] bytes = audio == null ? null : audio.getBytes();
        return onMessage(messageId, "LOUDSPEAKER", "campaigns.audio.attached", redirect,
                () -> messages.attachAudio(id, name, bytes, user()));
    }

    @PostMapping("/versions/{id}/files")
    String attachFile(@PathVariable long id, @RequestParam long messageId,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        byte[] bytes = file == null ? null : file.getBytes();
        return onMessage(messageId, "PORTAL_ARTICLE", "campaigns.file.attached", redirect,
                () -> messages.attachFile(id, name, bytes, user()));
    }

    @PostMapping("/files/{id}/remove")
    String removeFile(@PathVariable long id, @RequestParam long messageId, RedirectAttributes redirect) {
        return onMessage(messageId, "PORTAL_ARTICLE", "campaigns.file.removed", redirect,
                () -> messages.removeFile(id, user()));
    }

    @PostMapping("/versions/{id}/synthesise")
    String synthesise(@PathVariable long id, @RequestParam long messageId, RedirectAttributes redirect) {
        return onMessage(messageId, "LOUDSPEAKER", "campaigns.audio.synthesised", redirect,
                () -> messages.synthesise(id, user()));
    }

    /**
     * Does an edit of a version and returns to it on the message page: its success as a flash message, the fields at
     * fault as problems, a refusal (the message is no longer a draft, speech synthesis failed) as an error.
     */
    private static String onMessage(long messageId, String version, String success, RedirectAttributes redirect,
            Runnable edit) {
        try {
            edit.run();
            redirect.addFlashAttribute("flashKey", success);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/campaigns/messages/" + messageId + "#version-" + version;
    }

    @GetMapping("/versions/{id}/audio")
    ResponseEntity<byte[]> audio(@PathVariable long id) {
        return messages.audio(id, user()).map(CampaignsController::download)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/translations/{id}/audio")
    ResponseEntity<byte[]> translationAudio(@PathVariable long id) {
        return messages.translationAudio(id, user()).map(CampaignsController::download)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> download(Messages.Audio a) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(a.contentType()));
        headers.setContentDisposition(ContentDisposition.inline().filename(a.fileName(),
                java.nio.charset.StandardCharsets.UTF_8).build());
        if (a.synthetic()) {
            // the label travels with the file: whoever plays it is told it is a machine's voice
            headers.add("X-Loa-Synthetic-Speech", "true");
        }
        return ResponseEntity.ok().headers(headers).body(a.content());
    }

    @GetMapping("/messages/{id}/leaflet.docx")
    ResponseEntity<byte[]> leaflet(@PathVariable long id) {
        Messages.Leaflet leaflet = messages.leaflet(id, user());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + leaflet.fileName() + "\"")
                .body(leaflet.content());
    }

    /** A currency written after an amount, as officers type it: "50.000.000 đồng", "50.000.000đ", "50.000.000 VNĐ". */
    private static final java.util.regex.Pattern CURRENCY = java.util.regex.Pattern.compile(
            "\\s*(đồng|đ|vnđ|vnd)\\s*$", java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

    /**
     * An amount in đồng as typed: digits with dots, commas or spaces between the thousands, and a currency after them
     * or not ("50.000.000 đồng"); null when it is not such an amount.
     */
    static Long amount(String typed) {
        String digits = CURRENCY.matcher(java.text.Normalizer.normalize(typed.strip(), java.text.Normalizer.Form.NFC))
                .replaceFirst("").replaceAll("[.,\\s]", "");
        if (!digits.matches("\\d{1,15}")) {
            return null;
        }
        return Long.parseLong(digits);
    }

    @PostMapping("/messages/{id}/transitions")
    String transition(@PathVariable long id, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String publishAt, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) String seen, RedirectAttributes redirect) {
        List<InvalidInput> problems = new ArrayList<>();
        MessageAction chosen = CampaignsApiController.parse(MessageAction.class, action, "action", problems);
        Instant at = null;
        if (!publishAt.isBlank()) {
            LocalDateTime typed = typedTime(publishAt.strip());
            if (typed == null) {
                problems.add(new InvalidInput("publishAt", "campaigns.error.publish-at-unreadable", publishAt.strip()));
            } else {
                at = typed.atZone(LocalTime.ZONE).toInstant();
            }
        }
        try {
            InvalidInput.throwIfAny(problems);
            messages.act(id, chosen, at, reason, seen, user());
            redirect.addFlashAttribute("flashKey", "campaigns.step." + chosen);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
            // the time and the reason come back as they were typed
            redirect.addFlashAttribute("typedPublishAt", publishAt);
            redirect.addFlashAttribute("typedAction", action);
            redirect.addFlashAttribute("typedReason", reason);
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
            redirect.addFlashAttribute("typedAction", action);
            redirect.addFlashAttribute("typedReason", reason);
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "campaigns.error.not-yours");
        }
        return "redirect:/campaigns/messages/" + id;
    }

    /** How a time may be typed: as the browser's date-time box sends it, or by hand, as Vietnamese write it. */
    private static final List<java.time.format.DateTimeFormatter> TYPED_TIMES = List.of(
            java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            java.time.format.DateTimeFormatter.ofPattern("d/M/uuuu H:mm")
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT));

    /**
     * The time typed, in Vietnam's time; null when it cannot be read. A browser without a date-time box shows a plain
     * text box, where an officer writes 10/12/2026 08:00.
     */
    static LocalDateTime typedTime(String typed) {
        for (java.time.format.DateTimeFormatter format : TYPED_TIMES) {
            try {
                return LocalDateTime.parse(typed, format);
            } catch (DateTimeParseException e) {
                // the next way of writing it
            }
        }
        return null;
    }

    @PostMapping("/versions/{id}/translations")
    String assign(@PathVariable long id, @RequestParam long messageId, @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "") String translator, RedirectAttributes redirect) {
        try {
            messages.assignTranslation(id, language, translator, user());
            redirect.addFlashAttribute("flashKey", "campaigns.translation.assigned");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
            typedAssignment(redirect, id, language, translator);
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            typedAssignment(redirect, id, language, translator);
        }
        return "redirect:/campaigns/messages/" + messageId + "#translations";
    }

    /** The language and translator typed in a version's assignment form, shown again in that form when refused. */
    private static void typedAssignment(RedirectAttributes redirect, long versionId, String language, String translator) {
        redirect.addFlashAttribute("typedAssignment", Map.of("versionId", versionId, "language", language,
                "translator", translator));
    }

    @GetMapping("/translations")
    String tasks(Model model) {
        SignedInUser user = user();
        model.addAttribute("tasks", messages.tasksOf(user).stream()
                .map(t -> new Task(t, sourceText(t))).toList());
        return "campaigns/translations";
    }

    /** A translation task with the Vietnamese text to translate. */
    record Task(Translation translation, String source) {
    }

    private String sourceText(Translation t) {
        return messages.textIn(t.versionId(), "vi");
    }

    @PostMapping("/translations/{id}")
    String submit(@PathVariable long id, @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "audio", required = false) MultipartFile audio, RedirectAttributes redirect)
            throws IOException {
        try {
            messages.submitTranslation(id, body, audio == null ? null : audio.getOriginalFilename(),
                    audio == null || audio.isEmpty() ? null : audio.getBytes(), user());
            redirect.addFlashAttribute("flashKey", "campaigns.translation.submitted");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", e.all());
            // the translation typed comes back in its task's box: only the file is chosen again
            redirect.addFlashAttribute("typedTranslation", Map.of("id", id, "body", body));
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("typedTranslation", Map.of("id", id, "body", body));
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "campaigns.error.not-yours");
        }
        return "redirect:/campaigns/translations";
    }

    @PostMapping("/translations/{id}/approve")
    String approveTranslation(@PathVariable long id, @RequestParam long messageId, RedirectAttributes redirect) {
        try {
            messages.approveTranslation(id, user());
            redirect.addFlashAttribute("flashKey", "campaigns.translation.approved");
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("errorKey", "campaigns.error.not-yours");
        }
        return "redirect:/campaigns/messages/" + messageId + "#translations";
    }

    @GetMapping("/approvals")
    String approvals(Model model) {
        model.addAttribute("queue", messages.approvalQueue(user()));
        return "campaigns/approvals";
    }

    @GetMapping("/emergencies")
    String emergencies(Model model) {
        SignedInUser user = user();
        model.addAttribute("steps", messages.emergencyLog(user));
        return "campaigns/emergencies";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem campaignsNavigation() {
            return new NavigationItem("nav.campaigns", "/campaigns", 34,
                    Set.of("ADMIN", "COORDINATOR", "LEADER", "OFFICER", "SPOKESPERSON"));
        }
    }
}

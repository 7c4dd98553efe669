package vn.loa.transparency.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.NavigationItem;
import vn.loa.platform.Pager;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.transparency.Channel;
import vn.loa.transparency.InformationRequest;
import vn.loa.transparency.InformationRequests;
import vn.loa.transparency.NoticeMeans;
import vn.loa.transparency.RefusalGround;
import vn.loa.transparency.RequestAction;
import vn.loa.transparency.RequestStatus;

/**
 * The transparency desk: requests of the officer's agency (the whole province for coordinators and leaders), open and
 * due first; a paper request entered with the day it came and its scan; one request with its due date and why, its
 * history, the actions its status allows, its notices as DOCX, and publication in the register.
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/transparency")
class TransparencyDeskController {

    /**
     * The channels an officer enters requests from: paper ones, and those the amended law adds (the National Public
     * Service Portal, apps), which reach the desk by hand until Loa is connected to them.
     */
    private static final List<Channel> ENTERED_CHANNELS = List.of(Channel.POST, Channel.FAX, Channel.IN_PERSON,
            Channel.NATIONAL_PUBLIC_SERVICE_PORTAL, Channel.APP);

    private final InformationRequests requests;
    private final AgencyDirectory agencies;
    private final vn.loa.identity.AgencySigners signers;
    private final Clock clock;
    /** The public site's address, as the requester's e-mails give it: the link an officer passes on must open there. */
    private final String publicBase;

    TransparencyDeskController(InformationRequests requests, AgencyDirectory agencies,
            vn.loa.identity.AgencySigners signers, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${loa.alerts.base-url}") String baseUrl) {
        this.requests = requests;
        this.agencies = agencies;
        this.signers = signers;
        this.clock = clock;
        this.publicBase = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping
    String desk(@RequestParam(required = false) String status, @RequestParam(defaultValue = "true") boolean open,
            @RequestParam(required = false) String page, Model model) {
        SignedInUser user = user();
        if (!requests.readsAny(user)) {
            // an administrator's desk would read "0 open": the requests are not theirs to see, and the page says so
            throw new org.springframework.security.access.AccessDeniedException("the desk is for the agencies' staff");
        }
        RequestStatus chosen = null;
        if (status != null && !status.isBlank()) {
            try {
                chosen = RequestStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                chosen = null;
            }
        }
        Page<InformationRequest> list = requests.list(new InformationRequests.Filter(chosen, null, open && chosen == null),
                PageRequest.lenient(page, null), user);
        LocalDate today = LocalDate.now(LocalTime.ZONE);
        model.addAttribute("requests", list.items());
        model.addAttribute("pager", Pager.of("/transparency", java.util.Map.of("status", chosen == null ? "" : chosen.name(),
                "open", open ? "" : "false"), list));
        model.addAttribute("today", today);
        model.addAttribute("status", chosen);
        model.addAttribute("open", open);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("figures", requests.figures(today.getYear(), user));
        return "transparency/desk";
    }

    @GetMapping("/requests/new")
    String paperForm(Model model) {
        model.addAttribute("agencyOptions", agencyOptions());
        model.addAttribute("channels", ENTERED_CHANNELS);
        return "transparency/new";
    }

    @PostMapping("/requests")
    String enterPaper(@RequestParam(required = false) String channel, @RequestParam(required = false) String receivedOn,
            @RequestParam(required = false) String agencyCode, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String deliveryForm, @RequestParam(defaultValue = "false") boolean complex,
            @RequestParam(required = false) MultipartFile scan, HttpServletResponse response, Model model) throws IOException {
        Channel chosen = null;
        try {
            chosen = channel == null ? null : Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            chosen = null;
        }
        OffsetDateTime received = null;
        try {
            received = receivedOn == null || receivedOn.isBlank() ? null
                    : LocalDateTime.parse(receivedOn).atZone(LocalTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            received = null;
        }
        try {
            InformationRequest created = requests.submit(new InformationRequests.Submission(chosen, received, agencyCode,
                    new InformationRequests.Requester(name, idNumber, email, phone, address), description, purpose,
                    deliveryForm, complex, scan == null || scan.isEmpty() ? null : scan.getOriginalFilename(),
                    scan == null || scan.isEmpty() ? null : scan.getBytes()), user());
            return "redirect:/transparency/requests/" + created.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            model.addAttribute("agencyOptions", agencyOptions());
            model.addAttribute("channels", ENTERED_CHANNELS);
            // everything typed comes back, the channel, the agency and "complex" too: "complex" sets the time limit
            java.util.Map<String, Object> form = new java.util.HashMap<>(java.util.Map.of("name", name, "idNumber",
                    idNumber, "email", email, "phone", phone, "address", address, "description", description, "purpose",
                    purpose, "deliveryForm", deliveryForm, "receivedOn", receivedOn == null ? "" : receivedOn));
            form.put("channel", chosen == null ? "" : chosen.name());
            form.put("agencyCode", agencyCode == null ? "" : agencyCode);
            form.put("complex", complex);
            model.addAttribute("form", form);
            return "transparency/new";
        }
    }

    @GetMapping("/requests/{id}")
    String request(@PathVariable long id, Model model) {
        return show(id, null, model);
    }

    /** The request's page; {@code notice} is what was typed in the notice form when it was refused, else null. */
    private String show(long id, NoticeEntered notice, Model model) {
        SignedInUser user = user();
        InformationRequest request = requests.get(id, user);
        model.addAttribute("r", request);
        model.addAttribute("history", requests.history(id, user));
        model.addAttribute("today", LocalDate.now(clock.withZone(LocalTime.ZONE)));
        // the notice of handling has its own form, beside its deadline
        model.addAttribute("actions", java.util.Arrays.stream(RequestAction.values())
                .filter(a -> a.allowedFrom(request.status()) && a != RequestAction.RECORD_NOTICE)
                .filter(a -> a != RequestAction.RECORD_CONSENT || "REQUESTED".equals(request.consentStatus())).toList());
        model.addAttribute("grounds", RefusalGround.values());
        // the requests it was transferred from or became elsewhere: a link for those who may open them
        model.addAttribute("fromVisible", request.transferredFrom() != null && visible(request.transferredFrom(), user));
        model.addAttribute("asVisible", request.transferredAs() != null && visible(request.transferredAs(), user));
        model.addAttribute("transferAgencies", agencies.validOn(LocalDate.now(clock.withZone(LocalTime.ZONE))).stream()
                .filter(a -> !a.code().equals(request.agencyCode())).toList());
        boolean mayAct = user.has(Role.COORDINATOR) || (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON))
                && request.agencyCode().equals(user.agencyCode());
        model.addAttribute("mayAct", mayAct);
        // who signs the answer letter: the agency's signers, its default one chosen unless the officer picks another
        model.addAttribute("signers", agencies.findByCode(request.agencyCode(), LocalDate.now(clock.withZone(LocalTime.ZONE)))
                .map(agency -> signers.of(agency.id())).orElse(List.of()));
        if (mayAct && request.complex() && request.noticeSentAt() == null
                && RequestAction.RECORD_NOTICE.allowedFrom(request.status())) {
            model.addAttribute("noticeMeans", NoticeMeans.values());
            model.addAttribute("notice", notice != null ? notice : new NoticeEntered(LocalDateTime.now(clock.withZone(LocalTime.ZONE))
                    .truncatedTo(ChronoUnit.MINUTES).toString(), NoticeMeans.suiting(request.channel()).name(), ""));
        }
        if (request.status() == RequestStatus.PROVIDED) {
            model.addAttribute("linkState", requests.latestDownloadLink(id, user).orElse(null));
            model.addAttribute("answerFiles", requests.answerFiles(id, user));
        }
        // how the answer reaches the requester, said where the officer answers and once it is answered
        model.addAttribute("reach", requests.reach(id, user));
        model.addAttribute("maxFiles", InformationRequests.MAX_ANSWER_FILES);
        model.addAttribute("maxFileMb", InformationRequests.MAX_ANSWER_FILE_MB);
        if (request.status() == RequestStatus.PROVIDED && request.publishConsent() && request.publishedAt() == null) {
            model.addAttribute("suggestions", requests.redactionSuggestions(id, user));
        }
        return "transparency/request";
    }

    private boolean visible(long id, SignedInUser user) {
        try {
            requests.get(id, user);
            return true;
        } catch (vn.loa.shared.NotFound e) {
            return false;
        }
    }

    /** What was typed in the notice form, kept when it is refused. */
    record NoticeEntered(String sentAt, String means, String note) {
    }

    /**
     * Records the notice of handling (form 03) as sent. A refused form comes back with what was typed: 422 naming the
     * field, or 409 when the page was out of date (the notice recorded meanwhile, the request closed).
     */
    @PostMapping("/requests/{id}/notice")
    String recordNotice(@PathVariable long id, @RequestParam(required = false) String noticeSentAt,
            @RequestParam(required = false) String noticeMeans, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) Long signerId, HttpServletResponse response, RedirectAttributes redirect,
            Model model) {
        NoticeEntered entered = new NoticeEntered(noticeSentAt == null ? "" : noticeSentAt, noticeMeans == null ? "" : noticeMeans,
                note);
        List<InvalidInput> unreadable = new java.util.ArrayList<>();
        OffsetDateTime sentAt = null;
        if (noticeSentAt != null && !noticeSentAt.isBlank()) {
            try {
                sentAt = LocalDateTime.parse(noticeSentAt.strip()).atZone(LocalTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                unreadable.add(new InvalidInput("noticeSentAt", "transparency.error.notice-sent-format"));
            }
        }
        NoticeMeans means = null;
        if (noticeMeans != null && !noticeMeans.isBlank()) {
            try {
                means = NoticeMeans.valueOf(noticeMeans.strip());
            } catch (IllegalArgumentException e) {
                unreadable.add(new InvalidInput("noticeMeans", "transparency.error.notice-means"));
            }
        }
        try {
            if (!unreadable.isEmpty()) {
                // what could not be read is not sent on: an unreadable time must not become "now"
                if (means == null && unreadable.stream().noneMatch(p -> p.field().equals("noticeMeans"))) {
                    unreadable.add(new InvalidInput("noticeMeans", "transparency.error.notice-means"));
                }
                InvalidInput.throwIfAny(unreadable);
            }
            requests.act(id, InformationRequests.Transition.noticeSent(sentAt, means, note, signerId), user());
            redirect.addFlashAttribute("flashKey", "transparency.done.RECORD_NOTICE");
            return "redirect:/transparency/requests/" + id;
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            return show(id, entered, model);
        } catch (Conflict e) {
            response.setStatus(409);
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return show(id, entered, model);
        }
    }

    @PostMapping("/requests/{id}/actions")
    String act(@PathVariable long id, @RequestParam(required = false) String action, @RequestParam(required = false) String note,
            @RequestParam(required = false) Integer days, @RequestParam(required = false) String refusalGround,
            @RequestParam(required = false) String transferTo, @RequestParam(required = false) String answer,
            @RequestParam(defaultValue = "false") boolean partial, @RequestParam(required = false) Long costVnd,
            @RequestParam(required = false) String delivery, @RequestParam(defaultValue = "false") boolean publishConsent,
            @RequestParam(defaultValue = "false") boolean reviewed, @RequestParam(required = false) String thirdParty,
            @RequestParam(required = false) Boolean consentGiven, @RequestParam(required = false) Long signerId,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletResponse response,
            RedirectAttributes redirect, Model model) {
        try {
            RequestAction chosen = RequestAction.valueOf(action == null ? "" : action);
            RefusalGround ground = RefusalGround.of(refusalGround);
            InformationRequests.Outcome outcome = requests.act(id, new InformationRequests.Transition(chosen, note, days, ground,
                    transferTo, answer, partial, costVnd, delivery, publishConsent, reviewed, thirdParty, consentGiven, null,
                    null, signerId),
                    uploads(files), user());
            // answered is not delivered: the page says so, and below how the requester gets it
            redirect.addFlashAttribute("flashKey", outcome.mailed() ? "transparency.done." + chosen.name()
                    : requests.reach(id, user()).byEmail() ? "transparency.done.PROVIDE.mail-failed"
                    : "transparency.done.PROVIDE.not-sent");
            if (outcome.downloadPath() != null) {
                redirect.addFlashAttribute("downloadPath", publicBase + outcome.downloadPath());
            }
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("errorKey", "transparency.error.action");
        } catch (InvalidInput e) {
            // the page again, the field named and everything typed in the action's form kept
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            model.addAttribute("typed", new ActionEntered(action, note, days, refusalGround, transferTo, answer, partial,
                    costVnd, publishConsent, thirdParty));
            return show(id, null, model);
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
        }
        return "redirect:/transparency/requests/" + id;
    }

    /** A new one-time download link for a provided request's answer, shown once; the links before stop working. */
    @PostMapping("/requests/{id}/download-link")
    String newDownloadLink(@PathVariable long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("downloadPath", publicBase + requests.newDownloadLink(id, user()));
            redirect.addFlashAttribute("flashKey", "transparency.done.NEW_LINK");
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
        }
        return "redirect:/transparency/requests/" + id;
    }

    /** Files added to a provided request's answer (the signed scan came back after the answer went out). */
    @PostMapping("/requests/{id}/files")
    String attachToAnswer(@PathVariable long id, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            HttpServletResponse response, RedirectAttributes redirect, Model model) {
        try {
            requests.attachToAnswer(id, uploads(files), user());
            redirect.addFlashAttribute("flashKey", "transparency.done.FILES_ADDED");
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            return show(id, null, model);
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
        }
        return "redirect:/transparency/requests/" + id;
    }

    /** A file of the answer, for the desk: always a download, never shown in the page. */
    @GetMapping("/requests/{id}/files/{fileId}")
    ResponseEntity<byte[]> answerFile(@PathVariable long id, @PathVariable long fileId) {
        InformationRequests.Document file = requests.answerFile(id, fileId, user());
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(file.content());
    }

    /** The files of a form, without the empty input a form sends when no file was chosen. */
    static List<InformationRequests.NewFile> uploads(List<MultipartFile> files) {
        List<InformationRequests.NewFile> uploaded = new java.util.ArrayList<>();
        if (files == null) {
            return uploaded;
        }
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                uploaded.add(new InformationRequests.NewFile(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new InvalidInput("files", "transparency.error.file-empty", String.valueOf(file.getOriginalFilename()));
            }
        }
        return uploaded;
    }

    /** What was typed in an action's form, kept when it is refused. */
    record ActionEntered(String action, String note, Integer days, String refusalGround, String transferTo, String answer,
            boolean partial, Long costVnd, boolean publishConsent, String thirdParty) {

        /** Whether this is what was typed in the form of that action. */
        public boolean of(Object chosen) {
            return action != null && action.equals(String.valueOf(chosen));
        }
    }

    @PostMapping("/requests/{id}/publish")
    String publish(@PathVariable long id, @RequestParam(name = "redact", required = false) List<String> redact,
            RedirectAttributes redirect) {
        try {
            requests.publish(id, redact == null ? List.of() : redact, user());
            redirect.addFlashAttribute("flashKey", "transparency.published");
        } catch (Conflict e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/transparency/requests/" + id;
    }

    @GetMapping("/requests/{id}/documents/{form}.docx")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable String form) {
        return InformationRequestsApiController.docx(requests.notice(id, InformationRequestsApiController.notice(form), user()));
    }

    @GetMapping("/requests/{id}/scan")
    ResponseEntity<byte[]> scan(@PathVariable long id) {
        InformationRequests.Document scan = requests.scan(id, user());
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
                        .filename(scan.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(scan.content());
    }

    private List<vn.loa.identity.Agency> agencyOptions() {
        SignedInUser user = user();
        List<vn.loa.identity.Agency> valid = agencies.validOn(LocalDate.now(LocalTime.ZONE));
        return user.has(Role.COORDINATOR) ? valid : valid.stream().filter(a -> a.code().equals(user.agencyCode())).toList();
    }

    private static SignedInUser user() {
        return SignedInPrincipal.current().orElseThrow();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem transparencyNavigation() {
            return new NavigationItem("nav.transparency", "/transparency", 30,
                    Set.of("COORDINATOR", "LEADER", "OFFICER", "SPOKESPERSON"));
        }
    }
}

package vn.loa.transparency.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.AgencyDirectory;
import vn.loa.platform.HourlyThrottle;
import vn.loa.platform.Pager;
import vn.loa.platform.ProvinceSettings;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.transparency.Channel;
import vn.loa.transparency.InformationRequests;

/**
 * "Tiếp cận thông tin" on the public portal (Decree 13/2018, Art. 11): the request form (form 01a's fields) and its
 * receipt, the requester's follow-up of a request by its number and code, the register of answers the requesters agreed
 * to publish, and the one-time download of an answer. Open to everyone.
 */
@Controller
@ConditionalOnWebApplication
class PublicAccessController {

    /** Requests a network address, and everyone together, may send in an hour through the portal. */
    static final int PER_ADDRESS = 10;
    static final int PER_HOUR = 500;

    private final InformationRequests requests;
    private final AgencyDirectory agencies;
    private final ProvinceSettings province;
    /** Wrong follow-up codes a network address may type in an hour, and everyone together. */
    static final int WRONG_CODES_PER_ADDRESS = 20;
    static final int WRONG_CODES_PER_HOUR = 2000;
    /** The session's receipts: the follow-up codes of the requests this browser sent, by number. */
    static final String RECEIPTS = "loa.access.receipts";

    private final HourlyThrottle throttle = new HourlyThrottle(PER_ADDRESS, PER_HOUR);
    private final HourlyThrottle wrongCodes = new HourlyThrottle(WRONG_CODES_PER_ADDRESS, WRONG_CODES_PER_HOUR);
    private final SecureRandom random = new SecureRandom();

    private final java.time.Clock clock;

    PublicAccessController(InformationRequests requests, AgencyDirectory agencies, ProvinceSettings province,
            java.time.Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.agencies = agencies;
        this.province = province;
    }

    @GetMapping("/public/access-to-information")
    String form(Model model) {
        prepare(model, new PortalForm("", "", "", "", "", "", "", "", "", newFormToken()));
        return "public/access";
    }

    /** A one-time token for a form: the same form sent twice carries it twice and makes one request. */
    private String newFormToken() {
        byte[] token = new byte[18];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    @PostMapping("/public/access-to-information")
    String submit(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String deliveryForm, @RequestParam(defaultValue = "") String website,
            @RequestParam(defaultValue = "") String formToken, HttpServletRequest request, HttpServletResponse response,
            HttpSession session, RedirectAttributes redirect, Model model) {
        String token = formToken.matches("[A-Za-z0-9_-]{16,64}") ? formToken : null;
        PortalForm form = new PortalForm(agencyCode, name, idNumber, address, email, phone, description, purpose, deliveryForm,
                token == null ? newFormToken() : token);
        if (!website.isEmpty()) {
            // the hidden field only robots fill in: answer as if accepted, keep nothing
            return "redirect:/public/access-to-information/sent";
        }
        InformationRequests.Submission submission = new InformationRequests.Submission(Channel.ELECTRONIC,
                OffsetDateTime.now(clock.withZone(LocalTime.ZONE)), agencyCode, new InformationRequests.Requester(name, idNumber, email, phone,
                address), description, purpose, deliveryForm, false, null, null);
        List<InvalidInput> problems = new java.util.ArrayList<>(requests.problems(submission));
        // form 01a asks for the identity document and the purpose; the portal's form requires them
        if (idNumber.isBlank()) {
            problems.add(new InvalidInput("requester.idNumber", "transparency.error.id-number-missing"));
        }
        if (purpose.isBlank()) {
            problems.add(new InvalidInput("purpose", "transparency.error.purpose-missing"));
        }
        try {
            InvalidInput.throwIfAny(problems);
            // the same form sent again (a double click, a refresh, the back button) shows the first one's receipt and
            // counts once towards the limit
            Optional<Long> before = requests.sentBefore(submission, token);
            if (before.isPresent()) {
                return receiptOf(before.get(), session, redirect);
            }
            throttle.admit(request.getRemoteAddr(), clock.instant());
            InformationRequests.PortalReceipt receipt;
            try {
                receipt = requests.submitFromPortal(submission, token);
            } catch (DuplicateKeyException e) {
                // the same form sent twice at once: the other one was first
                return receiptOf(requests.sentBefore(submission, token).orElseThrow(() -> e), session, redirect);
            }
            receipts(session).put(receipt.request().id(), receipt.followUpCode());
            return "redirect:/public/access-to-information/sent?number=" + receipt.request().id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            prepare(model, form);
            return "public/access";
        } catch (HourlyThrottle.Refused e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            model.addAttribute("throttledMinutes", Math.max(1, (e.retryAfterSeconds() + 59) / 60));
            prepare(model, form);
            return "public/access";
        }
    }

    /** The receipt of a request sent before: with its code when this browser sent it, else only that it was received. */
    private String receiptOf(long id, HttpSession session, RedirectAttributes redirect) {
        if (!receipts(session).containsKey(id)) {
            redirect.addFlashAttribute("sentBefore", id);
        }
        return "redirect:/public/access-to-information/sent?number=" + id;
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, String> receipts(HttpSession session) {
        Object kept = session.getAttribute(RECEIPTS);
        if (kept instanceof Map<?, ?> map) {
            return (Map<Long, String>) map;
        }
        Map<Long, String> made = new HashMap<>();
        session.setAttribute(RECEIPTS, made);
        return made;
    }

    /**
     * The receipt, after the form's redirect: the request's number, its follow-up code and link, and its last day, for
     * as long as the browser's session keeps the code; a form sent again from elsewhere learns only that the request was
     * received before.
     */
    @GetMapping("/public/access-to-information/sent")
    String sent(@RequestParam(required = false) Long number, HttpSession session, Model model) {
        model.addAttribute("provinceName", province.name());
        String code = number == null ? null : receipts(session).get(number);
        if (code == null) {
            // the robot's answer, a receipt of another session, or the page kept after the session ended
            return model.containsAttribute("sentBefore") || number == null ? "public/access-sent"
                    : "redirect:/public/access-to-information/status";
        }
        model.addAttribute("followUp", requests.follow(number, code));
        model.addAttribute("code", code);
        model.addAttribute("number", number);
        return "public/access-sent";
    }

    /** The follow-up form: the request's number and code. */
    @GetMapping(value = "/public/access-to-information/status", params = "!code")
    String statusForm(@RequestParam(required = false) String number, Model model) {
        model.addAttribute("provinceName", province.name());
        model.addAttribute("number", number == null ? "" : number);
        model.addAttribute("code", "");
        return "public/access-status";
    }

    /** A request as its requester follows it: by the link of its receipt (GET) or the form (POST). */
    @RequestMapping(value = "/public/access-to-information/status", params = "code",
            method = {RequestMethod.GET, RequestMethod.POST})
    String status(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("provinceName", province.name());
        model.addAttribute("number", number);
        model.addAttribute("code", code);
        Optional<InformationRequests.FollowUp> found = followed(number, code, request, response, model);
        found.ifPresent(f -> {
            model.addAttribute("followUp", f);
            // a provided request's answer and its files, downloaded here with the number and the code: the requester who
            // gave only a phone number has no other way to get them
            model.addAttribute("answerFiles", requests.deliveredFiles(f.id(), code));
        });
        return "public/access-status";
    }

    /**
     * The answer letter or one of its files, for the requester of a provided request: the number and the code are
     * posted, not put in a link, as for the receipt; each download is written in the request's history.
     */
    @PostMapping("/public/access-to-information/status/answer")
    ResponseEntity<byte[]> answer(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String code,
            @RequestParam(required = false) Long file, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (followed(number, code, request, response, model).isEmpty()) {
            return ResponseEntity.status(response.getStatus()).build();
        }
        try {
            InformationRequests.Delivered delivered = requests.fetchAnswer(Long.parseLong(number.strip()), code, file);
            return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(delivered.contentType()))
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                            org.springframework.http.ContentDisposition.attachment()
                                    .filename(delivered.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store")
                    .body(delivered.content());
        } catch (NotFound e) {
            // not provided (any more), or a file that is not this answer's
            return ResponseEntity.status(404).build();
        }
    }

    /** The receipt (form 02) of a request, for its requester: the number and the code are posted, not put in a link. */
    @PostMapping("/public/access-to-information/status/receipt")
    ResponseEntity<byte[]> receipt(@RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (followed(number, code, request, response, model).isEmpty()) {
            return ResponseEntity.status(response.getStatus()).build();
        }
        return InformationRequestsApiController.docx(requests.receipt(Long.parseLong(number.strip()), code));
    }

    /**
     * The request with that number and code; else empty, with the answer's status set (404 for a wrong number or code,
     * 429 when the address typed too many wrong codes this hour) and the message for the page.
     */
    private Optional<InformationRequests.FollowUp> followed(String number, String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        String address = request.getRemoteAddr();
        try {
            wrongCodes.check(address, clock.instant());
        } catch (HourlyThrottle.Refused e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            model.addAttribute("throttledMinutes", Math.max(1, (e.retryAfterSeconds() + 59) / 60));
            return Optional.empty();
        }
        try {
            return Optional.of(requests.follow(Long.parseLong(number.strip()), code));
        } catch (NumberFormatException | NotFound e) {
            response.setStatus(404);
            model.addAttribute("notFound", true);
            try {
                wrongCodes.admit(address, clock.instant());
            } catch (HourlyThrottle.Refused refused) {
                // this wrong code was the last one allowed: the next try is refused
            }
            return Optional.empty();
        }
    }

    @GetMapping("/public/access-to-information/register")
    String register(@RequestParam(required = false) String q, @RequestParam(required = false) String page, Model model) {
        Page<InformationRequests.Published> list = requests.register(q, PageRequest.lenient(page, null));
        model.addAttribute("items", list.items());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("pager", Pager.of("/public/access-to-information/register", Map.of("q", q == null ? "" : q), list));
        model.addAttribute("provinceName", province.name());
        return "public/register";
    }

    @GetMapping("/public/access-to-information/register/{id}")
    String published(@PathVariable long id, Model model) {
        model.addAttribute("item", requests.published(id));
        model.addAttribute("provinceName", province.name());
        return "public/register-item";
    }

    /**
     * A one-time download link opens a page, which uses nothing: a mail scanner's or a link preview's fetch (GET or
     * HEAD) leaves the link as it was. The page's button posts, and that uses the link. A used, replaced or expired
     * link says so and whom to ask (410); an unknown one says it is not known (404).
     */
    @GetMapping("/public/access-to-information/download/{token}")
    String downloadPage(@PathVariable String token, HttpServletResponse response, Model model) {
        model.addAttribute("provinceName", province.name());
        model.addAttribute("token", token);
        try {
            InformationRequests.DownloadLink link = requests.downloadLink(token);
            model.addAttribute("link", link);
            if (link.state() != InformationRequests.LinkState.READY) {
                response.setStatus(410);
            }
        } catch (NotFound e) {
            response.setStatus(404);
        }
        return "public/access-download";
    }

    /** Uses the link: the answer as a DOCX file; a link no longer usable gets its page back. */
    @PostMapping("/public/access-to-information/download/{token}")
    Object download(@PathVariable String token, HttpServletResponse response, Model model) {
        try {
            InformationRequests.Document answer = requests.download(token);
            if (answer.fileName().endsWith(".zip")) {
                // the letter and the files kept with it, in one download
                return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                                org.springframework.http.ContentDisposition.attachment()
                                        .filename(answer.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                        .header("X-Content-Type-Options", "nosniff").body(answer.content());
            }
            return InformationRequestsApiController.docx(answer);
        } catch (NotFound e) {
            return downloadPage(token, response, model);
        }
    }

    /** What the citizen typed, shown again when the form is refused, and the form's one-time token. */
    record PortalForm(String agencyCode, String name, String idNumber, String address, String email, String phone,
            String description, String purpose, String deliveryForm, String formToken) {
    }

    private void prepare(Model model, PortalForm form) {
        LocalDate today = LocalDate.now(clock.withZone(LocalTime.ZONE));
        model.addAttribute("form", form);
        model.addAttribute("agencyOptions", agencies.validOn(today));
        model.addAttribute("provinceName", province.name());
        // the law and its time limits as the table in force today holds them: the receipt cites the same rows
        Optional<InformationRequests.TimeLimitRule> simple = requests.timeLimitInForce(Channel.ELECTRONIC, false, today);
        model.addAttribute("law", simple.map(InformationRequests.TimeLimitRule::law).orElse(null));
        model.addAttribute("simpleLimit", simple.orElse(null));
        model.addAttribute("complexLimit", requests.timeLimitInForce(Channel.ELECTRONIC, true, today).orElse(null));
        model.addAttribute("recent", requests.register(null, PageRequest.of(1)).items().stream().limit(5).toList());
    }
}

package vn.loa.transparency.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.loa.identity.AgencyDirectory;
import vn.loa.platform.HourlyThrottle;
import vn.loa.platform.Pager;
import vn.loa.platform.ProvinceSettings;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.transparency.Channel;
import vn.loa.transparency.InformationRequest;
import vn.loa.transparency.InformationRequests;

/**
 * "Tiếp cận thông tin" on the public portal (Decree 13/2018, Art. 11): the request form (form 01a's fields), the
 * register of answers the requesters agreed to publish, and the one-time download of an answer. Open to everyone.
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
    private final HourlyThrottle throttle = new HourlyThrottle(PER_ADDRESS, PER_HOUR);

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
        prepare(model, new PortalForm("", "", "", "", "", "", "", "", ""));
        return "public/access";
    }

    @PostMapping("/public/access-to-information")
    String submit(@RequestParam(defaultValue = "") String agencyCode, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String deliveryForm, @RequestParam(defaultValue = "") String website,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        PortalForm form = new PortalForm(agencyCode, name, idNumber, address, email, phone, description, purpose, deliveryForm);
        if (!website.isEmpty()) {
            // the hidden field only robots fill in: answer as if accepted, keep nothing
            model.addAttribute("provinceName", province.name());
            return "public/access-sent";
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
            throttle.admit(request.getRemoteAddr(), clock.instant());
            InformationRequest created = requests.submit(submission, null);
            model.addAttribute("created", created);
            model.addAttribute("provinceName", province.name());
            return "public/access-sent";
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

    @GetMapping("/public/access-to-information/download/{token}")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        return InformationRequestsApiController.docx(requests.download(token));
    }

    /** What the citizen typed, shown again when the form is refused. */
    record PortalForm(String agencyCode, String name, String idNumber, String address, String email, String phone,
            String description, String purpose, String deliveryForm) {
    }

    private void prepare(Model model, PortalForm form) {
        model.addAttribute("form", form);
        model.addAttribute("agencyOptions", agencies.validOn(LocalDate.now(LocalTime.ZONE)));
        model.addAttribute("provinceName", province.name());
        model.addAttribute("recent", requests.register(null, PageRequest.of(1)).items().stream().limit(5).toList());
    }
}

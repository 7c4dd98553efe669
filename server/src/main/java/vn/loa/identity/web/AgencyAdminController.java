package vn.loa.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyContacts;
import vn.loa.identity.AgencyContacts.Contact;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyDirectory.AgencyForm;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.SeenMark;
import vn.loa.nlp.AccentFolding;

/** Administrators' screens for the agency tree: as of a day, search, create, edit, successions. */
@Controller
@RequestMapping("/admin/agencies")
class AgencyAdminController {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final AgencyDirectory agencies;
    private final AgencyContacts contacts;
    private final vn.loa.identity.AgencySigners signers;
    private final Clock clock;
    private final MessageSource messages;

    AgencyAdminController(AgencyDirectory agencies, AgencyContacts contacts, vn.loa.identity.AgencySigners signers,
            Clock clock, MessageSource messages) {
        this.signers = signers;
        this.agencies = agencies;
        this.contacts = contacts;
        this.clock = clock;
        this.messages = messages;
    }

    /** The contact form's fields: where citizens reach the unit. */
    static final class ContactForm {
        private String address = "";
        private String phone = "";
        private String email = "";
        private String hours = "";
        /** The contact as the page showed it: a save from a page opened before another change is refused. */
        private String seen;

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getHours() {
            return hours;
        }

        public void setHours(String hours) {
            this.hours = hours;
        }

        public String getSeen() {
            return seen;
        }

        public void setSeen(String seen) {
            this.seen = seen;
        }

        Contact toContact() {
            return new Contact(address, phone, email, hours);
        }

        static ContactForm of(Optional<Contact> contact) {
            ContactForm form = new ContactForm();
            contact.ifPresent(c -> {
                form.address = Objects.toString(c.address(), "");
                form.phone = Objects.toString(c.phone(), "");
                form.email = Objects.toString(c.email(), "");
                form.hours = Objects.toString(c.hours(), "");
            });
            form.seen = seen(contact);
            return form;
        }

        static String seen(Optional<Contact> contact) {
            Contact c = contact.orElse(new Contact(null, null, null, null));
            return SeenMark.of(c.address(), c.phone(), c.email(), c.hours());
        }
    }

    /** The agency form's fields, dates typed as dd/MM/yyyy. */
    static final class Form {
        private String code = "";
        private AgencyKind kind = AgencyKind.DEPARTMENT;
        private Long parentId;
        private String nameVi = "";
        private String nameEn = "";
        private String validFrom = "";
        private String validTo = "";
        private String source = "";
        /** The unit as the page showed it: a save from a page opened before another change is refused. */
        private String seen;

        public String getSeen() {
            return seen;
        }

        public void setSeen(String seen) {
            this.seen = seen;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public AgencyKind getKind() {
            return kind;
        }

        public void setKind(AgencyKind kind) {
            this.kind = kind;
        }

        public Long getParentId() {
            return parentId;
        }

        public void setParentId(Long parentId) {
            this.parentId = parentId;
        }

        public String getNameVi() {
            return nameVi;
        }

        public void setNameVi(String nameVi) {
            this.nameVi = nameVi;
        }

        public String getNameEn() {
            return nameEn;
        }

        public void setNameEn(String nameEn) {
            this.nameEn = nameEn;
        }

        public String getValidFrom() {
            return validFrom;
        }

        public void setValidFrom(String validFrom) {
            this.validFrom = validFrom;
        }

        public String getValidTo() {
            return validTo;
        }

        public void setValidTo(String validTo) {
            this.validTo = validTo;
        }

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }

        AgencyForm toAgencyForm() {
            return new AgencyForm(code, kind, parentId == null ? null : new AgencyId(parentId), nameVi, nameEn,
                    parseDay(validFrom, "validFrom", true), parseDay(validTo, "validTo", false), source);
        }

        static Form of(Agency agency) {
            Form form = new Form();
            form.code = agency.code();
            form.kind = agency.kind();
            form.parentId = agency.parent() == null ? null : agency.parent().value();
            form.nameVi = agency.nameVi();
            form.nameEn = agency.nameEn() == null ? "" : agency.nameEn();
            form.validFrom = LocalTime.format(agency.validFrom());
            form.validTo = LocalTime.format(agency.validTo());
            form.source = agency.source() == null ? "" : agency.source();
            form.seen = seen(agency);
            return form;
        }

        /** A short mark of what the form changes of a unit. */
        static String seen(Agency agency) {
            return UserAdminController.mark(agency.code(), String.valueOf(agency.kind()), String.valueOf(agency.parent()),
                    agency.nameVi(), String.valueOf(agency.nameEn()), String.valueOf(agency.validFrom()),
                    String.valueOf(agency.validTo()), String.valueOf(agency.source()));
        }
    }

    static LocalDate parseDay(String text, String field, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidInput(field, "form.error.date");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.trim(), LocalTime.DAY_INPUT);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "form.error.date");
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) String on, @RequestParam(required = false) String q, Model model) {
        LocalDate day = today();
        String onError = null;
        if (on != null && !on.isBlank()) {
            try {
                day = LocalDate.parse(on.trim(), LocalTime.DAY_INPUT);
            } catch (DateTimeParseException e) {
                onError = "form.error.date";
            }
        }
        List<Agency> valid = agencies.validOn(day);
        if (q != null && !q.isBlank()) {
            String folded = AccentFolding.fold(q);
            valid = valid.stream().filter(a -> AccentFolding.fold(a.nameVi() + " " + a.code()).contains(folded)).toList();
        }
        model.addAttribute("agencyList", valid);
        model.addAttribute("byId", agencies.all().stream().collect(Collectors.toMap(Agency::id, Function.identity())));
        model.addAttribute("on", LocalTime.format(day));
        model.addAttribute("onError", onError);
        model.addAttribute("q", q == null ? "" : q);
        return "admin/agencies";
    }

    @GetMapping("/new")
    String newAgency(Model model) {
        Form form = new Form();
        form.setValidFrom(LocalTime.format(today()));
        model.addAttribute("agencyForm", form);
        return form(model, null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("agencyForm") Form form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser admin = CurrentUserAdvice.signedIn().orElseThrow();
        try {
            Agency created = agencies.create(form.toAgencyForm(), admin.actor());
            redirect.addFlashAttribute("flashKey", "agency.created");
            return "redirect:/admin/agencies/" + created.id().value();
        } catch (InvalidInput e) {
            for (InvalidInput problem : e.all()) {
                errors.rejectValue("parent".equals(problem.field()) ? "parentId" : problem.field(), problem.messageKey(),
                        problem.arguments(), problem.messageKey());
            }
            response.setStatus(422);
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Agency agency = agencies.find(new AgencyId(id)).orElseThrow(() -> new NotFound("agency", id));
        model.addAttribute("agencyForm", Form.of(agency));
        return form(model, agency);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("agencyForm") Form form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser admin = CurrentUserAdvice.signedIn().orElseThrow();
        Agency agency = agencies.find(new AgencyId(id)).orElseThrow(() -> new NotFound("agency", id));
        if (form.getSeen() != null && !form.getSeen().equals(Form.seen(agency))) {
            // changed by another administrator after this page was opened: saving would put back what they changed
            form.setSeen(Form.seen(agency));
            model.addAttribute("changedMeanwhile", true);
            response.setStatus(409);
            return form(model, agency);
        }
        try {
            agencies.update(agency.id(), form.toAgencyForm(), admin.actor());
            redirect.addFlashAttribute("flashKey", "agency.saved");
            return "redirect:/admin/agencies/" + id;
        } catch (InvalidInput e) {
            for (InvalidInput problem : e.all()) {
                errors.rejectValue("parent".equals(problem.field()) ? "parentId" : problem.field(), problem.messageKey(),
                        problem.arguments(), problem.messageKey());
            }
            response.setStatus(422);
            return form(model, agency);
        }
    }

    /** Where citizens reach the unit: shown on the public pages that name it. */
    @PostMapping("/{id}/contact")
    String saveContact(@PathVariable long id, @ModelAttribute("contactForm") ContactForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser admin = CurrentUserAdvice.signedIn().orElseThrow();
        Agency agency = agencies.find(new AgencyId(id)).orElseThrow(() -> new NotFound("agency", id));
        model.addAttribute("agencyForm", Form.of(agency));
        Optional<Contact> now = contacts.of(agency.id());
        if (form.getSeen() != null && !form.getSeen().equals(ContactForm.seen(now))) {
            // changed by another administrator after this page was opened: keep what was typed, show that it changed
            form.setSeen(ContactForm.seen(now));
            model.addAttribute("contactChangedMeanwhile", true);
            response.setStatus(409);
            return form(model, agency);
        }
        try {
            contacts.save(agency.id(), form.toContact(), admin.actor());
            redirect.addFlashAttribute("flashKey", "agency.contact.saved");
            return "redirect:/admin/agencies/" + id + "#contact";
        } catch (InvalidInput e) {
            for (InvalidInput problem : e.all()) {
                errors.rejectValue(problem.field(), problem.messageKey(), problem.arguments(), problem.messageKey());
            }
            response.setStatus(422);
            return form(model, agency);
        }
    }

    @PostMapping("/{id}/successors")
    String addSuccessor(@PathVariable long id, @RequestParam(required = false) Long successorId,
            @RequestParam(required = false) String effectiveOn, @RequestParam(required = false) String note,
            Locale locale, RedirectAttributes redirect) {
        SignedInUser admin = CurrentUserAdvice.signedIn().orElseThrow();
        try {
            if (successorId == null) {
                throw new InvalidInput("successor", "agency.error.unknown");
            }
            agencies.recordSuccession(new AgencyId(id), new AgencyId(successorId),
                    parseDay(effectiveOn, "effectiveOn", true), note, admin.actor());
            redirect.addFlashAttribute("flashKey", "agency.succession-recorded");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.arguments());
            // a unit that cannot end yet: how many of each kind of work are open, and where to transfer them
            redirect.addFlashAttribute("successorProblems", e.all().stream().skip(1)
                    .map(problem -> messages.getMessage(problem.messageKey(), problem.arguments(), locale)).toList());
        }
        return "redirect:/admin/agencies/" + id;
    }

    private String form(Model model, Agency agency) {
        List<Agency> all = agencies.all().stream()
                .sorted(Comparator.comparing(Agency::validFrom).thenComparing(Agency::nameVi)).toList();
        Map<AgencyId, Agency> byId = all.stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        model.addAttribute("agency", agency);
        model.addAttribute("kinds", AgencyKind.values());
        model.addAttribute("parentOptions", all);
        model.addAttribute("byId", byId);
        if (agency != null) {
            if (!model.containsAttribute("contactForm")) {
                model.addAttribute("contactForm", ContactForm.of(contacts.of(agency.id())));
            }
            model.addAttribute("signers", signers.of(agency.id()));
            model.addAttribute("successors", agencies.successorsOf(agency.id()));
            model.addAttribute("predecessors", agencies.predecessorsOf(agency.id()));
        }
        return "admin/agency-form";
    }

    private LocalDate today() {
        return clock.instant().atZone(LocalTime.ZONE).toLocalDate();
    }
}

package vn.loa.resources.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.loa.campaigns.Campaign;
import vn.loa.campaigns.Campaigns;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.NavigationItem;
import vn.loa.press.SpeakerCapacity;
import vn.loa.press.Spokespersons;
import vn.loa.resources.BudgetLine;
import vn.loa.resources.ContractStatus;
import vn.loa.resources.Duty;
import vn.loa.resources.PressContract;
import vn.loa.resources.Requirement;
import vn.loa.resources.RequirementKind;
import vn.loa.resources.ResourceOverviews;
import vn.loa.resources.Resources;
import vn.loa.resources.Staff;
import vn.loa.resources.Training;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.SeenMark;

/**
 * The resources pages: the overview of what each agency has against what is asked (with its XLSX), one agency's staff,
 * training, budget lines and contracts with the forms to add and edit them, the year's budget per agency, and the
 * contracts. An agency's officers and spokespersons see their own agency only (another's is not found).
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/resources")
class ResourcesController {

    private final Resources resources;
    private final ResourceOverviews overviews;
    private final AgencyDirectory agencies;
    private final Campaigns campaigns;
    private final Spokespersons spokespersons;
    private final Clock clock;

    ResourcesController(Resources resources, ResourceOverviews overviews, AgencyDirectory agencies, Campaigns campaigns,
            Spokespersons spokespersons, Clock clock) {
        this.spokespersons = spokespersons;
        this.resources = resources;
        this.overviews = overviews;
        this.agencies = agencies;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    /** A year asked for in the address that the pages cannot show is refused naming it, not replaced by this year. */
    private void refuseAYearNotShown(Integer year) {
        if (year != null && year(year) != year) {
            throw new InvalidInput("year", "resources.error.export-year", String.valueOf(year));
        }
    }

    private int year(Integer year) {
        return year == null || year < 2000 || year > 2100 ? today().getYear() : year;
    }

    private static AgencyKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return AgencyKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @GetMapping
    String overview(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kind,
            Model model) {
        refuseAYearNotShown(year);
        prepareOverview(year, kind, model, null, Map.of());
        return "resources/overview";
    }

    private void prepareOverview(Integer year, String kind, Model model, String open, Map<String, String> typed) {
        SignedInUser user = ResourcesApiController.user();
        int chosen = year(year);
        ResourceOverviews.Overview overview = overviews.overview(chosen, kind(kind), user);
        model.addAttribute("overview", overview);
        // the kinds of unit the year had: no district level in a year after 2025's, as there were none
        LocalDate first = LocalDate.of(chosen, 1, 1);
        LocalDate last = LocalDate.of(chosen, 12, 31);
        java.util.Set<AgencyKind> existed = java.util.EnumSet.noneOf(AgencyKind.class);
        agencies.all().stream()
                .filter(a -> !a.validFrom().isAfter(last) && (a.validTo() == null || !a.validTo().isBefore(first)))
                .forEach(a -> existed.add(a.kind()));
        AgencyKind asked = kind(kind);
        model.addAttribute("kinds", java.util.Arrays.stream(AgencyKind.values())
                .filter(k -> existed.contains(k) || k == asked || k == AgencyKind.OTHER).toList());
        model.addAttribute("years", years());
        boolean mayRequire = resources.maySetRequirements(user);
        model.addAttribute("mayRequire", mayRequire);
        if (mayRequire) {
            model.addAttribute("directives", resources.directives());
            model.addAttribute("requirementKinds", RequirementKind.values());
            Map<String, Map<String, String>> forms = new HashMap<>();
            forms.put("requirement", values("minimum", 1));
            for (Requirement r : overview.requirements()) {
                forms.put("requirement-" + r.id(), withSeen(values(r)));
            }
            if (open != null) {
                forms.put(open, typed);
            }
            model.addAttribute("forms", forms);
            model.addAttribute("open", open);
        }
    }

    @PostMapping("/requirements")
    String addRequirement(@RequestParam Map<String, String> form, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return saveRequirement("requirement", form, response, model, redirect,
                () -> resources.addRequirement(requirementForm(form), ResourcesApiController.user()));
    }

    @PostMapping("/requirements/{requirementId}")
    String updateRequirement(@PathVariable long requirementId, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Requirement current = resources.maySetRequirements(ResourcesApiController.user()) ? resources.requirements()
                .stream().filter(r -> r.id() == requirementId).findFirst().orElse(null) : null;
        if (current != null && changedMeanwhile(form, seen(values(current)))) {
            response.setStatus(409);
            prepareOverview(null, null, model, "requirement-" + requirementId, typedAgain(form, seen(values(current))));
            model.addAttribute("errorKey", "resources.error.changed-meanwhile");
            return "resources/overview";
        }
        return saveRequirement("requirement-" + requirementId, form, response, model, redirect,
                () -> resources.updateRequirement(requirementId, requirementForm(form), ResourcesApiController.user()));
    }

    private String saveRequirement(String open, Map<String, String> form, HttpServletResponse response, Model model,
            RedirectAttributes redirect, Supplier<Object> action) {
        try {
            action.get();
            redirect.addFlashAttribute("flashKey", "resources.saved");
            return "redirect:/resources#requirements";
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            Map<String, String> typed = new HashMap<>(form);
            typed.remove("_csrf");
            prepareOverview(null, null, model, open, typed);
            return "resources/overview";
        }
    }

    private static Resources.RequirementForm requirementForm(Map<String, String> form) {
        List<InvalidInput> problems = new ArrayList<>();
        Long directive = number(form.get("directiveId"), "directiveId", problems);
        AgencyKind agencyKind = ResourcesApiController.parse(AgencyKind.class, form.get("agencyKind"), "agencyKind", problems);
        RequirementKind kind = ResourcesApiController.parse(RequirementKind.class, form.get("kind"), "kind", problems);
        Long minimum = number(form.get("minimum"), "minimum", problems);
        InvalidInput.throwIfAny(problems);
        return new Resources.RequirementForm(directive, form.get("clause"), agencyKind, kind,
                minimum == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, minimum)),
                form.get("note"));
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String kind) {
        // a file is read as the year and kind it was asked for: one of this year or of every kind instead is refused
        if (year != null && year(year) != year) {
            throw new InvalidInput("year", "resources.error.export-year", String.valueOf(year));
        }
        if (kind != null && !kind.isBlank() && kind(kind) == null) {
            throw new InvalidInput("kind", "resources.error.export-kind", kind);
        }
        int chosen = year(year);
        // a table for the province's files: in Vietnamese whatever the page's language
        byte[] bytes = overviews.spreadsheet(chosen, kind(kind), ResourcesApiController.user(), Languages.VIETNAMESE);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("nguon-luc-" + chosen + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(bytes);
    }

    @GetMapping("/budget")
    String budget(@RequestParam(required = false) Integer year, Model model) {
        refuseAYearNotShown(year);
        int chosen = year(year);
        List<ResourceOverviews.AgencyBudget> lines = overviews.budget(chosen, ResourcesApiController.user());
        model.addAttribute("year", chosen);
        model.addAttribute("years", years());
        model.addAttribute("lines", lines);
        model.addAttribute("planned", lines.stream().mapToLong(ResourceOverviews.AgencyBudget::plannedVnd).sum());
        model.addAttribute("committed", lines.stream().mapToLong(ResourceOverviews.AgencyBudget::committedVnd).sum());
        model.addAttribute("spent", lines.stream().mapToLong(ResourceOverviews.AgencyBudget::spentVnd).sum());
        return "resources/budget";
    }

    @GetMapping("/contracts")
    String contracts(Model model) {
        List<PressContract> contracts = resources.contracts(null, ResourcesApiController.user());
        model.addAttribute("contracts", contracts);
        model.addAttribute("total", contracts.stream().filter(c -> c.status() != ContractStatus.CANCELLED)
                .mapToLong(PressContract::valueVnd).sum());
        return "resources/contracts";
    }

    // ---------------------------------------------------------------- one agency

    @GetMapping("/agencies/{id}")
    String agency(@PathVariable long id, Model model) {
        prepare(id, model, null, Map.of());
        return "resources/agency";
    }

    private void prepare(long id, Model model, String open, Map<String, String> form) {
        SignedInUser user = ResourcesApiController.user();
        List<Staff> staff = resources.staff(id, user);
        Agency agency = agencies.find(new AgencyId(id)).orElseThrow(() -> new NotFound("agency", id));
        LocalDate today = today();
        model.addAttribute("agency", agency);
        model.addAttribute("today", today);
        model.addAttribute("speakers", spokespersons.validOn(today).stream()
                .filter(s -> s.agencyCode().equals(agency.code()) && s.capacity() != SpeakerCapacity.AUTHORISED).toList());
        model.addAttribute("staff", staff);
        Map<Long, String> names = new HashMap<>();
        staff.forEach(s -> names.put(s.id(), s.fullName()));
        model.addAttribute("staffNames", names);
        List<Training> trainings = resources.trainings(id, user);
        model.addAttribute("trainings", trainings);
        model.addAttribute("budgetLines", resources.budgetLines(id, null, user));
        List<PressContract> contracts = resources.contracts(id, user);
        model.addAttribute("contracts", contracts);
        model.addAttribute("mayKeep", resources.mayKeep(id, user));
        model.addAttribute("open", open);
        model.addAttribute("forms", forms(staff, trainings, resources.budgetLines(id, null, user), contracts, today, open, form));
        model.addAttribute("duties", Duty.values());
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("pressAgencies", agencies.validOn(today).stream().filter(a -> a.kind() == AgencyKind.PRESS).toList());
        model.addAttribute("campaigns", campaignChoices(user));
        model.addAttribute("thisYear", today.getYear());
    }

    /** What each form on the agency's page shows: a refused one what was typed, an edit form the record. */
    private static Map<String, Map<String, String>> forms(List<Staff> staff, List<Training> trainings,
            List<BudgetLine> lines, List<PressContract> contracts, LocalDate today, String open, Map<String, String> typed) {
        Map<String, Map<String, String>> forms = new HashMap<>();
        forms.put("staff", values("fromOn", today, "duty", Duty.COMMUNICATION_OFFICER));
        forms.put("training", values("completedOn", today));
        forms.put("budget", values("year", today.getYear()));
        forms.put("contract", values("signedOn", today, "startsOn", today, "endsOn", today.withDayOfYear(today.lengthOfYear()),
                "status", ContractStatus.ACTIVE));
        staff.forEach(s -> forms.put("staff-" + s.id(), withSeen(values(s))));
        trainings.forEach(t -> forms.put("training-" + t.id(), withSeen(values(t))));
        lines.forEach(b -> forms.put("budget-" + b.id(), withSeen(values(b))));
        contracts.forEach(c -> forms.put("contract-" + c.id(), withSeen(values(c))));
        if (open != null) {
            forms.put(open, typed);
        }
        return forms;
    }

    private static Map<String, String> values(Staff s) {
        return values("fullName", s.fullName(), "position", s.position(), "duty", s.duty(), "fullTime", s.fullTime(), "phone",
                s.phone(), "email", s.email(), "fromOn", s.fromOn(), "toOn", s.toOn());
    }

    private static Map<String, String> values(Training t) {
        return values("staffId", t.staffId(), "course", t.course(), "provider", t.provider(), "completedOn", t.completedOn(),
                "hours", t.hours() == null ? null : t.hours().stripTrailingZeros().toPlainString(), "certificate",
                t.certificate());
    }

    private static Map<String, String> values(BudgetLine b) {
        return values("year", b.year(), "name", b.name(), "source", b.source(), "plannedVnd", b.plannedVnd(),
                "committedVnd", b.committedVnd(), "spentVnd", b.spentVnd(), "campaignId", b.campaignId(), "contractId",
                b.contractId());
    }

    private static Map<String, String> values(PressContract c) {
        return values("pressAgencyId", c.pressAgencyId(), "number", c.number(), "signedOn", c.signedOn(), "subject",
                c.subject(), "deliverables", c.deliverables(), "valueVnd", c.valueVnd(), "startsOn", c.startsOn(), "endsOn",
                c.endsOn(), "campaignId", c.campaignId(), "status", c.status());
    }

    private static Map<String, String> values(Requirement r) {
        return values("directiveId", r.directiveId(), "clause", r.clause(), "agencyKind", r.agencyKind(), "kind", r.kind(),
                "minimum", r.minimum(), "note", r.note());
    }

    /**
     * A short mark of what an edit form shows of a record, sent back with it so that a save from a page opened before
     * someone else's change is refused instead of writing over it.
     */
    static String seen(Map<String, String> values) {
        Map<String, String> sorted = new java.util.TreeMap<>(values);
        sorted.remove("seen");
        return SeenMark.of(sorted.toString());
    }

    private static Map<String, String> withSeen(Map<String, String> values) {
        values.put("seen", seen(values));
        return values;
    }

    private static Map<String, String> values(Object... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                values.put((String) keysAndValues[i], String.valueOf(value));
            }
        }
        return values;
    }

    private List<Campaign> campaignChoices(SignedInUser user) {
        try {
            return campaigns.list(null, user);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @PostMapping("/agencies/{id}/staff")
    String addStaff(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return save(id, "staff", form, null, response, model, redirect,
                () -> resources.addStaff(staffForm(id, form), ResourcesApiController.user()));
    }

    @PostMapping("/staff/{staffId}")
    String updateStaff(@PathVariable long staffId, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Staff current = resources.staffMember(staffId, ResourcesApiController.user());
        return save(current.agencyId(), "staff-" + staffId, form, seen(values(current)), response, model, redirect,
                () -> resources.updateStaff(staffId, staffForm(null, form), ResourcesApiController.user()));
    }

    @PostMapping("/agencies/{id}/trainings")
    String addTraining(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return save(id, "training", form, null, response, model, redirect,
                () -> resources.addTraining(trainingForm(form), ResourcesApiController.user()));
    }

    @PostMapping("/trainings/{trainingId}")
    String updateTraining(@PathVariable long trainingId, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Training current = resources.training(trainingId, ResourcesApiController.user());
        Staff staff = resources.staffMember(current.staffId(), ResourcesApiController.user());
        return save(staff.agencyId(), "training-" + trainingId, form, seen(values(current)), response, model, redirect,
                () -> resources.updateTraining(trainingId, trainingForm(form), ResourcesApiController.user()));
    }

    @PostMapping("/agencies/{id}/budget-lines")
    String addBudgetLine(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return save(id, "budget", form, null, response, model, redirect,
                () -> resources.addBudgetLine(budgetForm(id, form), ResourcesApiController.user()));
    }

    @PostMapping("/budget-lines/{lineId}")
    String updateBudgetLine(@PathVariable long lineId, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        BudgetLine current = resources.budgetLine(lineId, ResourcesApiController.user());
        return save(current.agencyId(), "budget-" + lineId, form, seen(values(current)), response, model, redirect,
                () -> resources.updateBudgetLine(lineId, budgetForm(null, form), ResourcesApiController.user()));
    }

    @PostMapping("/agencies/{id}/contracts")
    String addContract(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return save(id, "contract", form, null, response, model, redirect,
                () -> resources.addContract(contractForm(id, form), ResourcesApiController.user()));
    }

    @PostMapping("/contracts/{contractId}")
    String updateContract(@PathVariable long contractId, @RequestParam Map<String, String> form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        PressContract current = resources.contract(contractId, ResourcesApiController.user());
        return save(current.agencyId(), "contract-" + contractId, form, seen(values(current)), response, model, redirect,
                () -> resources.updateContract(contractId, contractForm(null, form), ResourcesApiController.user()));
    }

    /**
     * Saves, then back to the agency's page; a refused form comes back with its problems and what was typed (422), and
     * an edit from a page opened before someone else changed the record with what was typed and the record's new mark
     * (409).
     *
     * @param now the mark of the record as it is, null for a new one
     */
    private String save(long agencyId, String open, Map<String, String> form, String now, HttpServletResponse response,
            Model model, RedirectAttributes redirect, Supplier<Object> action) {
        if (!resources.maySee(agencyId, ResourcesApiController.user())) {
            throw new NotFound("agency", agencyId);
        }
        if (changedMeanwhile(form, now)) {
            response.setStatus(409);
            prepare(agencyId, model, open, typedAgain(form, now));
            model.addAttribute("errorKey", "resources.error.changed-meanwhile");
            return "resources/agency";
        }
        try {
            action.get();
            redirect.addFlashAttribute("flashKey", "resources.saved");
            return "redirect:/resources/agencies/" + agencyId;
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("problems", e.all());
            Map<String, String> typed = new HashMap<>(form);
            typed.remove("_csrf");
            prepare(agencyId, model, open, typed);
            return "resources/agency";
        }
    }

    /** Whether an edit form was sent from a page that showed the record otherwise than it now is. */
    private static boolean changedMeanwhile(Map<String, String> form, String now) {
        String seen = form.get("seen");
        return now != null && seen != null && !seen.isBlank() && !seen.equals(now);
    }

    /** What was typed, to show again, marked as seeing the record as it now is, so that it can be saved on purpose. */
    private static Map<String, String> typedAgain(Map<String, String> form, String now) {
        Map<String, String> typed = new HashMap<>(form);
        typed.remove("_csrf");
        typed.put("seen", now);
        return typed;
    }

    // ---------------------------------------------------------------- forms

    private static Resources.StaffForm staffForm(Long agencyId, Map<String, String> form) {
        List<InvalidInput> problems = new ArrayList<>();
        Duty duty = ResourcesApiController.parse(Duty.class, form.get("duty"), "duty", problems);
        LocalDate from = ResourcesApiController.day(form.get("fromOn"), "fromOn", problems);
        LocalDate to = ResourcesApiController.day(form.get("toOn"), "toOn", problems);
        InvalidInput.throwIfAny(problems);
        return new Resources.StaffForm(agencyId, form.get("fullName"), form.get("position"), duty,
                "true".equals(form.get("fullTime")), form.get("phone"), form.get("email"), from, to);
    }

    private static Resources.TrainingForm trainingForm(Map<String, String> form) {
        List<InvalidInput> problems = new ArrayList<>();
        Long staff = number(form.get("staffId"), "staffId", problems);
        LocalDate completed = ResourcesApiController.day(form.get("completedOn"), "completedOn", problems);
        BigDecimal hours = null;
        String typed = form.get("hours");
        if (typed != null && !typed.isBlank()) {
            try {
                hours = new BigDecimal(typed.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                problems.add(new InvalidInput("hours", "resources.error.hours"));
            }
        }
        InvalidInput.throwIfAny(problems);
        return new Resources.TrainingForm(staff, form.get("course"), form.get("provider"), completed, hours,
                form.get("certificate"));
    }

    private static Resources.BudgetForm budgetForm(Long agencyId, Map<String, String> form) {
        List<InvalidInput> problems = new ArrayList<>();
        Long year = number(form.get("year"), "year", problems);
        Long planned = amount(form.get("plannedVnd"));
        Long committed = amount(form.get("committedVnd"));
        Long spent = amount(form.get("spentVnd"));
        Long campaign = number(form.get("campaignId"), "campaignId", problems);
        Long contract = number(form.get("contractId"), "contractId", problems);
        InvalidInput.throwIfAny(problems);
        return new Resources.BudgetForm(agencyId, year == null ? null : year.intValue(), form.get("name"),
                form.get("source"), planned, committed, spent, campaign, contract);
    }

    private static Resources.ContractForm contractForm(Long agencyId, Map<String, String> form) {
        List<InvalidInput> problems = new ArrayList<>();
        Long press = number(form.get("pressAgencyId"), "pressAgencyId", problems);
        LocalDate signed = ResourcesApiController.day(form.get("signedOn"), "signedOn", problems);
        Long value = amount(form.get("valueVnd"));
        LocalDate starts = ResourcesApiController.day(form.get("startsOn"), "startsOn", problems);
        LocalDate ends = ResourcesApiController.day(form.get("endsOn"), "endsOn", problems);
        Long campaign = number(form.get("campaignId"), "campaignId", problems);
        ContractStatus status = ResourcesApiController.parse(ContractStatus.class, form.get("status"), "status", problems);
        InvalidInput.throwIfAny(problems);
        return new Resources.ContractForm(agencyId, press, form.get("number"), signed, form.get("subject"),
                form.get("deliverables"), value, starts, ends, campaign, status);
    }

    private static Long number(String text, String field, List<InvalidInput> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput(field, "resources.error.number-format", text));
            return null;
        }
    }

    /**
     * An amount as typed ("1.250.000.000"); one that cannot be read is passed on as a negative amount, which the service
     * always refuses under that field's name, so that the form's other problems (a blank name, another amount below
     * zero) are told in the same answer instead of after the first is corrected.
     */
    private static Long amount(String text) {
        try {
            return Dong.parse(text);
        } catch (NumberFormatException e) {
            return UNREADABLE_AMOUNT;
        }
    }

    private static final long UNREADABLE_AMOUNT = -1;

    private List<Integer> years() {
        int year = today().getYear();
        return List.of(year + 1, year, year - 1, year - 2, year - 3);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem resourcesNavigation() {
            return new NavigationItem("nav.resources", "/resources", 64,
                    Set.of("ADMIN", "COORDINATOR", "LEADER", "OFFICER", "SPOKESPERSON"));
        }
    }
}

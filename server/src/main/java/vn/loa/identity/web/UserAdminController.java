package vn.loa.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.identity.Users.NewUser;
import vn.loa.identity.Users.UserChanges;
import vn.loa.platform.Pager;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.shared.SearchText;

/** Administrators' screens for accounts: create, change, disable, enable, reset password. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final Users users;
    private final AgencyDirectory agencies;
    private final Clock clock;

    UserAdminController(Users users, AgencyDirectory agencies, Clock clock) {
        this.users = users;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** The fields of the account form; the password only when creating. */
    static final class UserForm {
        private String username = "";
        private String fullName = "";
        private String email = "";
        private String password = "";
        private List<Role> roles = new ArrayList<>();
        private Long agencyId;
        /** The account as the page showed it ({@link #seen}): a save from a page opened before another change is refused. */
        private String seen;

        public String getSeen() {
            return seen;
        }

        public void setSeen(String seen) {
            this.seen = seen;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<Role> getRoles() {
            return roles;
        }

        public void setRoles(List<Role> roles) {
            this.roles = roles == null ? new ArrayList<>() : roles;
        }

        public Long getAgencyId() {
            return agencyId;
        }

        public void setAgencyId(Long agencyId) {
            this.agencyId = agencyId;
        }

        Set<Role> roleSet() {
            return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
        }

        AgencyId agency() {
            return agencyId == null ? null : new AgencyId(agencyId);
        }
    }

    /** The accounts a page at a time, found by name, role, agency and status. */
    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String agency, @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model,
            HttpServletResponse response) {
        Users.UserFilter filter;
        try {
            filter = filter(q, role, agency, status);
        } catch (InvalidInput e) {
            filter = Users.UserFilter.none();
            model.addAttribute("filterProblems", e.all());
            response.setStatus(400);
        }
        Page<UserAccount> list = users.list(filter, PageRequest.lenient(page, size));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", filter.text().words());
        filters.put("role", filter.role() == null ? "" : filter.role().name());
        filters.put("agency", filter.agency() == null ? "" : Long.toString(filter.agency().value()));
        filters.put("status", filter.status());
        Map<AgencyId, Agency> byId = agencies.all().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        model.addAttribute("users", list);
        model.addAttribute("pager", Pager.of("/admin/users", filters, list));
        model.addAttribute("filters", filters);
        model.addAttribute("agencies", byId);
        model.addAttribute("agencyChoices", agencies.validOn(LocalDate.now(clock.withZone(LocalTime.ZONE))));
        model.addAttribute("roles", Role.values());
        model.addAttribute("statuses", Users.STATUSES);
        model.addAttribute("now", clock.instant());
        return "admin/users";
    }

    private static Users.UserFilter filter(String q, String role, String agency, String status) {
        List<InvalidInput> problems = new ArrayList<>();
        Role chosenRole = null;
        if (!role.isBlank()) {
            try {
                chosenRole = Role.valueOf(role.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInput("role", "users.error.role-filter"));
            }
        }
        AgencyId chosenAgency = null;
        if (!agency.isBlank()) {
            try {
                chosenAgency = new AgencyId(Long.parseLong(agency.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInput("agency", "users.error.agency-filter"));
            }
        }
        InvalidInput.throwIfAny(problems);
        return new Users.UserFilter(new SearchText(q), chosenRole, chosenAgency, status);
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("userForm", new UserForm());
        return form(model, null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("userForm") UserForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser admin = CurrentUserAdvice.signedIn().orElseThrow();
        try {
            UserAccount created = users.create(new NewUser(form.getUsername(), form.getFullName(), form.getEmail(),
                    form.getPassword(), form.roleSet(), form.agency()), true, admin.actor());
            redirect.addFlashAttribute("flashKey", "user.created");
            return "redirect:/admin/users/" + created.id();
        } catch (InvalidInput e) {
            for (InvalidInput problem : e.all()) {
                errors.rejectValue(formField(problem.field()), problem.messageKey(), problem.arguments(), problem.messageKey());
            }
            form.setPassword("");
            response.setStatus(422);
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        UserAccount user = users.find(id).orElseThrow(() -> new NotFound("user", id));
        UserForm form = new UserForm();
        form.setUsername(user.username());
        form.setFullName(user.fullName());
        form.setEmail(user.email());
        form.setRoles(new ArrayList<>(user.roles()));
        form.setAgencyId(user.agency() == null ? null : user.agency().value());
        form.setSeen(seen(user));
        model.addAttribute("userForm", form);
        return form(model, user);
    }

    /** A short mark of what the edit form changes of an account: its name, e-mail, agency and roles. */
    static String seen(UserAccount user) {
        return mark(user.fullName(), String.valueOf(user.email()),
                String.valueOf(user.agency() == null ? null : user.agency().value()),
                new java.util.TreeSet<>(user.roles()).toString());
    }

    /** A short mark of texts as an administration page shows them. */
    static String mark(String... texts) {
        return vn.loa.shared.SeenMark.of(texts);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("userForm") UserForm form, BindingResult errors, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SignedInUser admin = CurrentUserAdvice.signedIn().orElseThrow();
        UserAccount user = users.find(id).orElseThrow(() -> new NotFound("user", id));
        if (form.getSeen() != null && !form.getSeen().equals(seen(user))) {
            // another administrator changed the account after this page was opened: saving would put back what they
            // changed (a role taken away given again). What was typed stays, beside the account as it is now.
            form.setUsername(user.username());
            form.setSeen(seen(user));
            model.addAttribute("changedMeanwhile", true);
            response.setStatus(409);
            return form(model, user);
        }
        try {
            users.update(id, new UserChanges(form.getFullName(), form.getEmail(), form.roleSet(), form.agency()),
                    admin.actor());
            redirect.addFlashAttribute("flashKey", "user.saved");
            return "redirect:/admin/users/" + id;
        } catch (InvalidInput e) {
            for (InvalidInput problem : e.all()) {
                errors.rejectValue(formField(problem.field()), problem.messageKey(), problem.arguments(), problem.messageKey());
            }
            form.setUsername(user.username());
            response.setStatus(422);
            return form(model, user);
        }
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable long id, RedirectAttributes redirect) {
        SignedInUser admin = CurrentUserAdvice.signedIn().orElseThrow();
        try {
            users.disable(id, admin.actor());
            redirect.addFlashAttribute("flashKey", "user.disabled");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        users.enable(id, CurrentUserAdvice.signedIn().orElseThrow().actor());
        redirect.addFlashAttribute("flashKey", "user.enabled");
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        String temporary = users.resetPassword(id, CurrentUserAdvice.signedIn().orElseThrow().actor());
        redirect.addFlashAttribute("flashKey", "user.password-reset");
        redirect.addFlashAttribute("temporaryPassword", temporary);
        return "redirect:/admin/users/" + id;
    }

    private static String formField(String field) {
        return "agency".equals(field) ? "agencyId" : field;
    }

    private String form(Model model, UserAccount user) {
        LocalDate today = clock.instant().atZone(LocalTime.ZONE).toLocalDate();
        model.addAttribute("user", user);
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("agencyOptions", agencies.validOn(today));
        model.addAttribute("now", clock.instant());
        return "admin/user-form";
    }
}

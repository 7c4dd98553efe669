package vn.loa.audit.web;

import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.loa.audit.AuditRecord;
import vn.loa.audit.AuditTrail;
import vn.loa.platform.NavigationItem;

/** The administrators' view of the audit trail, with a check of its hash chain. */
@Controller
@RequestMapping("/admin/audit")
class AuditController {

    private static final int PAGE = 50;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long before, Model model) {
        List<AuditRecord> records = trail.newest(PAGE, before);
        model.addAttribute("records", records);
        model.addAttribute("nextBefore", records.size() == PAGE ? records.get(records.size() - 1).id() : null);
        return "admin/audit";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        model.addAttribute("verification", trail.verify());
        return list(null, model);
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem auditNavigation() {
            return new NavigationItem("nav.audit", "/admin/audit", 930, Set.of("ADMIN"));
        }
    }
}

package vn.loa.audit.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private final AuditSentences sentences;

    AuditController(AuditTrail trail, AuditSentences sentences) {
        this.trail = trail;
        this.sentences = sentences;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long before, Model model) {
        List<AuditRecord> records = trail.newest(PAGE, before);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("records", records.stream().map(record -> sentences.line(record, locale)).toList());
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

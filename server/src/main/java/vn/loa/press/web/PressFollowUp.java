package vn.loa.press.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.press.Corrections;
import vn.loa.press.Crises;
import vn.loa.press.Enquiries;
import vn.loa.press.Enquiry;
import vn.loa.press.Obligations;
import vn.loa.shared.PageRequest;

/**
 * The desk view's follow-up: open enquiries by agency with the next due time, crisis clocks, obligations coming up
 * and correction requests watched in the news, for the desk's staff.
 */
@Component
@ConditionalOnWebApplication
class PressFollowUp {

    private final Enquiries enquiries;
    private final Crises crises;
    private final Obligations obligations;
    private final Corrections corrections;
    private final Clock clock;

    PressFollowUp(Enquiries enquiries, Crises crises, Obligations obligations, Corrections corrections, Clock clock) {
        this.enquiries = enquiries;
        this.crises = crises;
        this.obligations = obligations;
        this.corrections = corrections;
        this.clock = clock;
    }

    /** An agency's open enquiries: how many, and the soonest due. */
    record AgencyLoad(String agencyCode, long open, Instant nextDue, boolean overdue) {
    }

    void addTo(Model model, SignedInUser user) {
        if (!isStaff(user)) {
            return;
        }
        Instant now = clock.instant();
        List<Enquiry> open = enquiries.list(new Enquiries.Filter(null, null, true), PageRequest.lenient(null, "200"), user)
                .items();
        Map<String, List<Enquiry>> byAgency = open.stream().collect(Collectors.groupingBy(Enquiry::agencyCode,
                LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("openByAgency", byAgency.entrySet().stream().map(e -> {
            Instant next = e.getValue().stream().map(Enquiry::dueAt).min(Comparator.naturalOrder()).orElse(now);
            return new AgencyLoad(e.getKey(), e.getValue().size(), next, next.isBefore(now));
        }).sorted(Comparator.comparing(AgencyLoad::nextDue)).toList());
        model.addAttribute("crisisClocks", crises.clocks(user));
        model.addAttribute("upcomingObligations", obligations.upcoming(user, 10));
        model.addAttribute("correctionWatches", corrections.list(user, 10));
        model.addAttribute("followUpNow", now);
    }

    static boolean isStaff(SignedInUser user) {
        return user.has(Role.ADMIN) || user.has(Role.COORDINATOR) || user.has(Role.LEADER)
                || ((user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON)) && user.agencyCode() != null);
    }

    /** Whether the user may read the media directory: journalists' phones and e-mail addresses are for officials. */
    static boolean readsMediaDirectory(SignedInUser user) {
        return !user.pressOnly();
    }

    /**
     * Whether the pages of the desk show the staff's links (crises, obligations) and the media directory's: never to a
     * journalist, who could not open them.
     */
    @ControllerAdvice(basePackageClasses = PressFollowUp.class)
    @ConditionalOnWebApplication
    static class StaffLinks {

        @ModelAttribute("pressStaff")
        boolean pressStaff() {
            return SignedInPrincipal.current().map(PressFollowUp::isStaff).orElse(false);
        }

        @ModelAttribute("readsMediaDirectory")
        boolean readsMediaDirectory() {
            return SignedInPrincipal.current().map(PressFollowUp::readsMediaDirectory).orElse(false);
        }
    }
}

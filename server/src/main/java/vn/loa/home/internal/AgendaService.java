package vn.loa.home.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import vn.loa.campaigns.Message;
import vn.loa.campaigns.Messages;
import vn.loa.home.Agenda;
import vn.loa.home.Agenda.AlertItem;
import vn.loa.home.Agenda.AnswerItem;
import vn.loa.home.Agenda.CaseItem;
import vn.loa.home.Agenda.IssueItem;
import vn.loa.home.Agenda.Listed;
import vn.loa.home.Agenda.View;
import vn.loa.home.Agendas;
import vn.loa.identity.AgencyNames;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.Alerts;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.Trends;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.CaseStatus;
import vn.loa.misinformation.Cases;
import vn.loa.press.Enquiries;
import vn.loa.press.Enquiry;
import vn.loa.publishing.Broadcasts;
import vn.loa.shared.LocalTime;
import vn.loa.transparency.InformationRequests;
import vn.loa.shared.NotFound;

/**
 * Puts a user's agenda together from the other modules' APIs, with a fixed number of queries whatever the data: the
 * emerging issues (kept by the trends for a few minutes), one read of the open alerts, one of the open cases, one of
 * the agencies' names; only for an agency's user, a look at a case that covers one of its issues but is not among its
 * open cases; what the user must do for what goes out (the commune's broadcasts, the messages to approve, the
 * translations assigned); and the press questions waiting for them (one read of the open questions).
 */
@Service
class AgendaService implements Agendas {

    /** Issues, alerts and cases of each list shown on the page. */
    static final int ISSUES = 5;
    static final int ALERTS = 5;
    static final int CASES = 8;
    /** Open alerts counted at most; more reads "more than". */
    static final int ALERTS_COUNTED = 100;
    /** Open cases read at most (overdue first, then by deadline). */
    static final int OPEN_CASES = 500;
    /** Posts a case drafted from an issue starts with (its examples first). */
    static final int DRAFT_POSTS = 20;
    /** Broadcasts, messages and translations of each list shown on the page. */
    static final int OUTREACH = 5;

    private final Trends trends;
    private final Alerts alerts;
    private final Cases cases;
    private final AgencyNames agencyNames;
    private final Clock clock;

    private final InformationRequests requests;
    private final Broadcasts broadcasts;
    private final Messages messages;
    private final Enquiries enquiries;

    AgendaService(Trends trends, Alerts alerts, Cases cases, AgencyNames agencyNames, Clock clock,
            InformationRequests requests, Broadcasts broadcasts, Messages messages, Enquiries enquiries) {
        this.enquiries = enquiries;
        this.requests = requests;
        this.broadcasts = broadcasts;
        this.messages = messages;
        this.trends = trends;
        this.alerts = alerts;
        this.cases = cases;
        this.agencyNames = agencyNames;
        this.clock = clock;
    }

    @Override
    public Agenda today(SignedInUser user, String language) {
        Objects.requireNonNull(user, "user");
        Instant now = clock.instant();
        LocalDate day = now.atZone(LocalTime.ZONE).toLocalDate();
        View view = viewOf(user);
        if (view == View.PRESS) {
            List<Cases.Published> published = cases.published(CASES);
            Map<String, String> names = agencyNames(published.stream().map(Cases.Published::agencyCode), day, language);
            List<AnswerItem> answers = published.stream().map(p -> new AnswerItem(p.slug(), p.claim(),
                    names.get(p.agencyCode()), p.publishedAt())).toList();
            return new Agenda(day, view, null, null, null, null, null, null, null, null, answers, null,
                    outreach(user, day, language), null);
        }
        List<Alerts.Alert> open = alerts.alerts(user, true, ALERTS_COUNTED + 1);
        List<Case> openCases = cases.list(new Cases.Filter(null, null, true, false), user, OPEN_CASES);
        Map<String, String> names = agencyNames(Stream.concat(open.stream().limit(ALERTS).map(Alerts.Alert::agencyCode),
                openCases.stream().map(Case::agencyCode)), day, language);
        Listed<AlertItem> alertList = new Listed<>(open.stream().limit(ALERTS).map(a -> new AlertItem(a.id(), a.kind(),
                names.get(a.agencyCode()), a.raisedAt(), a.detail())).toList(),
                Math.min(open.size(), ALERTS_COUNTED), open.size() > ALERTS_COUNTED);
        List<IssueItem> issues = issues(user, view, language, openCases);
        List<CaseItem> items = openCases.stream().map(c -> item(c, names, now)).toList();
        if (view == View.PROVINCE) {
            Due due = Due.of(items, now);
            Listed<CaseItem> toTriage = user.has(Role.COORDINATOR)
                    ? Listed.of(filter(items, c -> c.status() == CaseStatus.RECEIVED), CASES) : null;
            return new Agenda(day, view, issues, alertList, Listed.of(due.overdue(), CASES),
                    Listed.of(due.today(), CASES), toTriage, null, null, null, null, dueRequests(user, day, 0, language),
                    outreach(user, day, language), press(user, day, now, language));
        }
        Map<Long, Case> byId = openCases.stream().collect(Collectors.toMap(Case::id, c -> c));
        Listed<CaseItem> mine = null;
        Listed<CaseItem> unassigned = null;
        if (user.has(Role.OFFICER)) {
            mine = Listed.of(filter(items, c -> user.username().equals(byId.get(c.id()).owner())), CASES);
            unassigned = Listed.of(filter(items, c -> byId.get(c.id()).owner() == null), CASES);
        }
        Listed<CaseItem> toApprove = user.has(Role.SPOKESPERSON)
                ? Listed.of(filter(items, c -> c.status() == CaseStatus.AWAITING_APPROVAL), CASES) : null;
        return new Agenda(day, view, issues, alertList, null, null, null, mine, unassigned, toApprove, null,
                dueRequests(user, day, 3, language), outreach(user, day, language), press(user, day, now, language));
    }

    /**
     * The press questions waiting for the user: the answers they may approve, the questions overdue or due soon, and
     * for coordinators and administrators those of agencies where nobody may approve; one read of the open questions.
     */
    private Agenda.PressWork press(SignedInUser user, LocalDate day, Instant now, String language) {
        Enquiries.Waiting waiting = enquiries.waiting(user, CASES);
        Map<String, String> names = agencyNames(Stream.of(waiting.toApprove(), waiting.due(), waiting.withoutApprover())
                .flatMap(List::stream).map(Enquiry::agencyCode), day, language);
        java.util.function.Function<List<Enquiry>, List<Agenda.EnquiryItem>> items = list -> list.stream()
                .map(e -> new Agenda.EnquiryItem(e.id(), e.subject(), names.get(e.agencyCode()), e.dueAt(), e.overdue(now)))
                .toList();
        return new Agenda.PressWork(new Listed<>(items.apply(waiting.toApprove()), waiting.toApproveTotal(), false),
                new Listed<>(items.apply(waiting.due()), waiting.dueTotal(), false),
                new Listed<>(items.apply(waiting.withoutApprover()), waiting.withoutApproverTotal(), false));
    }

    /**
     * What the user must act on for what goes out: their commune's broadcasts to confirm, the campaign messages they may
     * approve, the translations assigned to them; three reads whatever the data.
     */
    private Agenda.Outreach outreach(SignedInUser user, LocalDate day, String language) {
        Broadcasts.Waiting waiting = broadcasts.toConfirm(user, OUTREACH);
        Listed<Agenda.BroadcastItem> toConfirm = new Listed<>(waiting.first().stream()
                .map(b -> new Agenda.BroadcastItem(b.id(), b.title(), b.kind().name(), b.language(), b.firstSlotAt(),
                        b.emergency(), b.status() == Broadcasts.BroadcastStatus.MISSED)).toList(),
                (int) Math.min(waiting.total(), Integer.MAX_VALUE), false);
        List<Message> queue = messages.approvalQueue(user);
        List<Message> firstMessages = queue.stream().limit(OUTREACH).toList();
        Map<String, String> names = agencyNames(firstMessages.stream().map(Message::agencyCode), day, language);
        Listed<Agenda.MessageItem> toApprove = new Listed<>(firstMessages.stream()
                .map(m -> new Agenda.MessageItem(m.id(), m.title(), names.get(m.agencyCode()),
                        m.emergency() == null ? null : m.emergency().name(), m.createdAt())).toList(), queue.size(), false);
        Listed<Agenda.TranslationItem> translations = Listed.of(messages.assignedTo(user).stream()
                .map(t -> new Agenda.TranslationItem(t.id(), t.kind().name(), t.language(), t.assignedAt())).toList(),
                OUTREACH);
        return new Agenda.Outreach(toConfirm, toApprove, translations);
    }

    /**
     * The open information requests the user may see that are overdue or due within {@code days} days; null for who may
     * see none (an administrator), whose page then says nothing about them rather than "none due".
     */
    private Listed<Agenda.RequestItem> dueRequests(SignedInUser user, LocalDate day, int days, String language) {
        if (!requests.readsAny(user)) {
            return null;
        }
        int counted = 100;
        List<InformationRequests.DueItem> due = requests.dueBy(day.plusDays(days), counted + 1, user);
        List<InformationRequests.DueItem> shown = due.stream().limit(CASES).toList();
        Map<String, String> names = agencyNames(shown.stream().map(InformationRequests.DueItem::agencyCode), day, language);
        return new Listed<>(shown.stream().map(r -> new Agenda.RequestItem(r.id(), r.description(), names.get(r.agencyCode()),
                r.dueDate(), r.dueDate().isBefore(day), r.notice())).toList(), Math.min(due.size(), counted), due.size() > counted);
    }

    /** Province-wide roles see the province; an agency's officer or spokesperson their agency; anyone else is press. */
    static View viewOf(SignedInUser user) {
        if (user.has(Role.ADMIN) || user.has(Role.LEADER) || user.has(Role.COORDINATOR)) {
            return View.PROVINCE;
        }
        if ((user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON)) && user.agencyCode() != null) {
            return View.AGENCY;
        }
        return View.PRESS;
    }

    /** Open cases overdue, and due before the province's midnight. */
    record Due(List<CaseItem> overdue, List<CaseItem> today) {

        static Due of(List<CaseItem> open, Instant now) {
            Instant midnight = now.atZone(LocalTime.ZONE).toLocalDate().plusDays(1).atStartOfDay(LocalTime.ZONE).toInstant();
            return new Due(filter(open, CaseItem::overdue),
                    filter(open, c -> !c.overdue() && c.deadline().isBefore(midnight)));
        }
    }

    private List<IssueItem> issues(SignedInUser user, View view, String language, List<Case> openCases) {
        List<Trends.Issue> top = trends.emerging(ListeningScope.of(user, false), language).stream().limit(ISSUES).toList();
        boolean mayOpen = user.has(Role.COORDINATOR) || (user.has(Role.OFFICER) && user.agencyCode() != null);
        Set<Long> visible = openCases.stream().map(Case::id).collect(Collectors.toSet());
        List<IssueItem> items = new ArrayList<>();
        for (Trends.Issue issue : top) {
            Trends.Coverage coverage = issue.coverage();
            boolean shown = coverage == null || view == View.PROVINCE || visible.contains(coverage.caseId())
                    || maySee(coverage.caseId(), user);
            items.add(new IssueItem(issue, shown, coverage == null && mayOpen ? draftPosts(issue) : List.of()));
        }
        return items;
    }

    /** Whether the user may open the case (an answered one is no longer among the open cases read). */
    private boolean maySee(long caseId, SignedInUser user) {
        try {
            cases.get(caseId, user);
            return true;
        } catch (NotFound e) {
            return false;
        }
    }

    /** The issue's examples first, then its newest posts. */
    static List<Long> draftPosts(Trends.Issue issue) {
        Set<Long> ids = new LinkedHashSet<>();
        issue.examples().forEach(e -> ids.add(e.id()));
        ids.addAll(issue.postIds());
        return ids.stream().limit(DRAFT_POSTS).toList();
    }

    private static CaseItem item(Case found, Map<String, String> names, Instant now) {
        return new CaseItem(found.id(), found.claim(), names.get(found.agencyCode()), found.status(), found.deadline(),
                found.overdue(now));
    }

    /** The names of the agencies with these codes on the day (a unit that has ended is named with its successor). */
    private Map<String, String> agencyNames(Stream<String> codes, LocalDate day, String language) {
        Map<String, String> names = new HashMap<>();
        codes.filter(Objects::nonNull).distinct()
                .forEach(code -> names.put(code, agencyNames.name(code, day, Locale.of(language))));
        return names;
    }

    private static <T> List<T> filter(Collection<T> items, Predicate<T> keep) {
        return items.stream().filter(keep).toList();
    }
}

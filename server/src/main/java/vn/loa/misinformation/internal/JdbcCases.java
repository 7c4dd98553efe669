package vn.loa.misinformation.internal;

import java.net.URI;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.IdentityEvent;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.listening.Alerts;
import vn.loa.listening.PostRecords;
import vn.loa.listening.PostRecords.PostRecord;
import vn.loa.listening.StoriesMerged;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.CaseAction;
import vn.loa.misinformation.CaseCategory;
import vn.loa.misinformation.CaseOpened;
import vn.loa.misinformation.CaseSource;
import vn.loa.misinformation.CaseStatus;
import vn.loa.misinformation.CaseTransitionRefused;
import vn.loa.misinformation.CaseTransitioned;
import vn.loa.misinformation.Cases;
import vn.loa.misinformation.DeadlineRules;
import vn.loa.misinformation.Severity;
import vn.loa.misinformation.Verdict;
import vn.loa.nlp.AccentFolding;
import vn.loa.nlp.Fingerprint;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/** The desk on PostgreSQL. */
@Service
class JdbcCases implements Cases {

    static final int MAX_POSTS = 200;
    /** A story's posts a case opened on it links and keeps as evidence, the first ones: as many as a case may link. */
    private static final int STORY_POSTS = MAX_POSTS;
    private static final int NOTE_MAX = 5000;
    private static final int REASON_MAX = 2000;
    private static final int EXPLANATION_MAX = 20000;

    static final String COLUMNS = """
            id, source, claim, category, severity, status, agency_code, owner, opened_at, opened_by, deadline,
            escalated_at, verdict, explanation, drafted_by, approved_by, published_at, slug, legal_basis, reason,
            closed_at, version""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeadlineRules deadlines;
    private final PostRecords postRecords;
    private final Alerts alerts;
    private final AgencyDirectory agencies;
    private final Users users;
    private final TextAnalyzer analyzer;
    private final EvidenceStore evidence;
    private final CaseNotifications notifications;
    private final AttachmentCheck attachmentCheck;
    private final ApplicationEventPublisher events;

    JdbcCases(JdbcClient jdbc, Clock clock, DeadlineRules deadlines, PostRecords postRecords, Alerts alerts,
            AgencyDirectory agencies, Users users, TextAnalyzer analyzer, EvidenceStore evidence,
            CaseNotifications notifications, AttachmentCheck attachmentCheck, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deadlines = deadlines;
        this.postRecords = postRecords;
        this.alerts = alerts;
        this.agencies = agencies;
        this.users = users;
        this.analyzer = analyzer;
        this.evidence = evidence;
        this.notifications = notifications;
        this.attachmentCheck = attachmentCheck;
        this.events = events;
    }

    /**
     * A case opened on a story follows it when an import finds it is part of an older story, in the import's
     * transaction: the case then covers the story it is part of.
     */
    @EventListener
    void on(StoriesMerged event) {
        event.into().forEach((merged, into) -> jdbc.sql("UPDATE misinformation_case SET story_id = ? WHERE story_id = ?")
                .params(into, merged).update());
    }

    /** The story a case opened on a story covers: the one its posts are in now (a story merged away is another's). */
    private static Long storyId(NewCase form, List<PostRecord> posts) {
        if (form.storyId() == null || form.alertId() != null) {
            return form.storyId();
        }
        return posts.stream().map(PostRecord::storyId).filter(java.util.Objects::nonNull).findFirst().orElse(form.storyId());
    }

    // --- intake

    @Override
    public Draft draft(Long storyId, Long alertId, List<Long> postIds, SignedInUser user) {
        if (!CaseAccess.canOpen(user)) {
            throw new AccessDeniedException("opening cases is for coordinators and officers");
        }
        List<PostRecord> posts = new ArrayList<>();
        CaseSource source = CaseSource.MANUAL;
        if (alertId != null) {
            Alerts.Alert alert = alerts.alert(alertId, user);
            posts.addAll(postRecords.byIds(alert.postIds()));
            // an issue grows after its alert without doubling (12 posts now, 9 when it was raised): the case holds its
            // posts as the alert's page counts them now, not only those of the moment it was raised
            alerts.currentIssue(alert, "vi").ifPresent(issue -> {
                Set<Long> have = posts.stream().map(PostRecord::id).collect(Collectors.toSet());
                postRecords.byIds(issue.postIds().stream().filter(id -> !have.contains(id))
                        .limit(Math.max(0, MAX_POSTS - posts.size())).toList()).forEach(posts::add);
            });
            source = CaseSource.ALERT;
        } else if (storyId != null) {
            posts.addAll(postRecords.byStory(storyId, STORY_POSTS));
            if (posts.isEmpty()) {
                throw new NotFound("story", storyId);
            }
            source = CaseSource.STORY;
        }
        if (postIds != null && !postIds.isEmpty()) {
            Set<Long> have = posts.stream().map(PostRecord::id).collect(Collectors.toSet());
            postRecords.byIds(postIds.stream().limit(MAX_POSTS).toList()).stream()
                    .filter(p -> !have.contains(p.id())).forEach(posts::add);
        }
        posts.removeIf(p -> !mayRead(p, user));
        String claim = posts.isEmpty() ? "" : suggestedClaim(posts.get(0));
        return new Draft(claim, source, posts, storyId, alertId, suggestedAgency(posts),
                storyId == null ? posts.size() : Math.max(posts.size(), postRecords.storySize(storyId)));
    }

    @Override
    @Transactional
    public Case open(NewCase form, SignedInUser user) {
        if (!CaseAccess.canOpen(user)) {
            throw new AccessDeniedException("opening cases is for coordinators and officers");
        }
        List<InvalidInput> problems = new ArrayList<>();
        String claim = claim(form.claim(), problems);
        CaseCategory category = parse(CaseCategory.class, form.category(), "category", problems);
        Severity severity = parse(Severity.class, form.severity(), "severity", problems);
        String agency = blankToNull(form.agencyCode());
        if (agency != null && !agencyExists(agency)) {
            problems.add(new InvalidInput("agencyCode", "case.error.agency", agency));
        } else if (!user.has(Role.COORDINATOR)) {
            if (agency != null && !agency.equals(user.agencyCode())) {
                problems.add(new InvalidInput("agencyCode", "case.error.own-agency"));
            }
            agency = user.agencyCode();
        }
        if (form.postIds().size() > MAX_POSTS) {
            problems.add(new InvalidInput("postIds", "case.error.too-many-posts", MAX_POSTS));
        }
        List<PostRecord> posts = new ArrayList<>();
        CaseSource source = CaseSource.MANUAL;
        if (form.alertId() != null) {
            try {
                posts.addAll(postRecords.byIds(alerts.alert(form.alertId(), user).postIds()));
                source = CaseSource.ALERT;
            } catch (NotFound e) {
                problems.add(new InvalidInput("alertId", "case.error.alert", form.alertId()));
            }
        } else if (form.storyId() != null) {
            List<PostRecord> story = postRecords.byStory(form.storyId(), STORY_POSTS);
            if (story.isEmpty()) {
                problems.add(new InvalidInput("storyId", "case.error.story", form.storyId()));
            }
            posts.addAll(story);
            source = CaseSource.STORY;
        }
        if (!form.postIds().isEmpty() && form.postIds().size() <= MAX_POSTS) {
            Set<Long> have = posts.stream().map(PostRecord::id).collect(Collectors.toSet());
            List<PostRecord> named = postRecords.byIds(form.postIds());
            Set<Long> found = named.stream().filter(p -> mayRead(p, user)).map(PostRecord::id).collect(Collectors.toSet());
            List<Long> missing = form.postIds().stream().filter(id -> id == null || !found.contains(id)).distinct().toList();
            if (!missing.isEmpty()) {
                problems.add(new InvalidInput("postIds", "case.error.posts", numbers(missing)));
            }
            named.stream().filter(p -> found.contains(p.id()) && !have.contains(p.id())).forEach(posts::add);
        }
        InvalidInput.throwIfAny(problems);
        posts.removeIf(p -> !mayRead(p, user));
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO misinformation_case (source, claim, category, severity, status, agency_code, suggested_agency,
                       opened_at, opened_by, deadline, alert_id, story_id, claim_fingerprint)
                VALUES (?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(source.name(), claim, category.name(), severity.name(), agency, suggestedAgency(posts),
                Timestamp.from(now), user.username(), Timestamp.from(deadlines.deadline(severity, now)), form.alertId(),
                storyId(form, posts), fingerprint(claim)).query(Long.class).single();
        linkPosts(id, posts, now);
        history(id, now, user.username(), "OPEN", null, CaseStatus.RECEIVED, source.name());
        events.publishEvent(new CaseOpened(id, source, category, severity, agency,
                posts.stream().map(PostRecord::id).toList(), user.actor()));
        evidence.capture(id, posts, user.actor(), now);
        if (!user.has(Role.COORDINATOR)) {
            notifications.notify(id, coordinators(), "case.notify.opened");
        }
        return load(id).orElseThrow();
    }

    /** Opens a case from a citizen's report, in the caller's transaction. */
    long openFromCitizen(String claim, Instant now) {
        Severity severity = Severity.LOW;
        long id = jdbc.sql("""
                INSERT INTO misinformation_case (source, claim, category, severity, status, opened_at, opened_by,
                       deadline, claim_fingerprint)
                VALUES ('CITIZEN', ?, 'FALSE_INFORMATION', ?, 'RECEIVED', ?, 'citizen', ?, ?) RETURNING id
                """).params(claim, severity.name(), Timestamp.from(now), Timestamp.from(deadlines.deadline(severity, now)),
                fingerprint(claim)).query(Long.class).single();
        history(id, now, "citizen", "OPEN", null, CaseStatus.RECEIVED, CaseSource.CITIZEN.name());
        events.publishEvent(new CaseOpened(id, CaseSource.CITIZEN, CaseCategory.FALSE_INFORMATION, severity, null,
                List.of(), new Actor("citizen", null)));
        notifications.notify(id, coordinators(), "case.notify.citizen-report");
        return id;
    }

    // --- reading

    @Override
    public Case get(long id, SignedInUser user) {
        Case found = load(id).orElseThrow(() -> new NotFound("case", id));
        if (!CaseAccess.canSee(found, user)) {
            throw new NotFound("case", id);
        }
        return found;
    }

    Optional<Case> load(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM misinformation_case WHERE id = ?").param(id)
                .query(JdbcCases::mapCase).optional();
    }

    @Override
    public List<Case> list(Filter filter, SignedInUser user, int limit) {
        List<Object> params = new ArrayList<>();
        String where = caseConditions(filter, user, params);
        params.add(Timestamp.from(clock.instant()));
        params.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql("SELECT " + COLUMNS + " FROM misinformation_case" + where + CASE_ORDER + " LIMIT ?").params(params)
                .query(JdbcCases::mapCase).list();
    }

    @Override
    public Page<Case> list(Filter filter, SignedInUser user, PageRequest asked) {
        List<Object> params = new ArrayList<>();
        String where = caseConditions(filter, user, params);
        long total = jdbc.sql("SELECT count(*) FROM misinformation_case" + where).params(params).query(Long.class).single();
        PageRequest page = asked.within(total);
        params.add(Timestamp.from(clock.instant()));
        params.add(page.size());
        params.add(page.offset());
        return new Page<>(jdbc.sql("SELECT " + COLUMNS + " FROM misinformation_case" + where + CASE_ORDER
                + " LIMIT ? OFFSET ?").params(params).query(JdbcCases::mapCase).list(), page, total);
    }

    /** Open and overdue cases first, then open ones, by deadline; the newest first among equals. One parameter: now. */
    private static final String CASE_ORDER = " ORDER BY (status NOT IN ('ANSWERED', 'REFUTED', 'REFERRED', 'DISMISSED')"
            + " AND deadline < ?) DESC, (status IN ('ANSWERED', 'REFUTED', 'REFERRED', 'DISMISSED')), deadline, id DESC";

    /** The WHERE clause of the cases the user may see that the filter keeps. */
    private String caseConditions(Filter filter, SignedInUser user, List<Object> params) {
        List<InvalidInput> problems = new ArrayList<>();
        StringBuilder sql = new StringBuilder(" WHERE TRUE");
        visibility(user, sql, params);
        if (filter.status() != null && !filter.status().isBlank()) {
            CaseStatus status = parse(CaseStatus.class, filter.status(), "status", problems);
            if (status != null) {
                sql.append(" AND status = ?");
                params.add(status.name());
            }
        }
        if (filter.agencyCode() != null && !filter.agencyCode().isBlank()) {
            String code = filter.agencyCode().strip();
            // an agency of the directory (one merged away too), or of a case: a code nobody has is a mistyped link
            if (agencies.all().stream().anyMatch(a -> a.code().equals(code)) || jdbc.sql(
                    "SELECT EXISTS (SELECT 1 FROM misinformation_case WHERE agency_code = ?)").param(code)
                    .query(Boolean.class).single()) {
                sql.append(" AND agency_code = ?");
                params.add(code);
            } else {
                problems.add(new InvalidInput("agency", "cases.filter.unknown-agency", code));
            }
        }
        InvalidInput.throwIfAny(problems);
        if (filter.openOnly() || filter.overdueOnly()) {
            sql.append(" AND status NOT IN ('ANSWERED', 'REFUTED', 'REFERRED', 'DISMISSED')");
        }
        if (filter.overdueOnly()) {
            sql.append(" AND deadline < ?");
            params.add(Timestamp.from(clock.instant()));
        }
        return sql.toString();
    }

    private static void visibility(SignedInUser user, StringBuilder sql, List<Object> params) {
        if (!CaseAccess.provinceWide(user)) {
            boolean agencyRole = CaseAccess.officer(user) || user.has(Role.SPOKESPERSON);
            if (agencyRole && user.agencyCode() != null) {
                sql.append(" AND agency_code = ?");
                params.add(user.agencyCode());
            } else {
                // PostgreSQL refuses a NUL character in a parameter, so "no agency" is said in SQL
                sql.append(" AND FALSE");
            }
        }
    }

    @Override
    public Set<CaseAction> actionsFor(Case found, SignedInUser user) {
        Set<CaseAction> actions = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : CaseAction.values()) {
            if (action.allowedFrom(found.status()) && CaseAccess.mayTake(action, found, user)) {
                actions.add(action);
            }
        }
        return actions;
    }

    @Override
    public List<LinkedPost> posts(Case found) {
        List<Object[]> links = jdbc.sql("""
                SELECT post_id, repeat, matched_by, similarity, linked_at FROM case_post WHERE case_id = ?
                 ORDER BY repeat, linked_at, post_id LIMIT 1000
                """).param(found.id()).query((rs, n) -> new Object[] {rs.getLong(1), rs.getBoolean(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getDouble(4), rs.getTimestamp(5).toInstant()}).list();
        Map<Long, PostRecord> posts = postRecords.byIds(links.stream().map(l -> (Long) l[0]).toList()).stream()
                .collect(Collectors.toMap(PostRecord::id, Function.identity()));
        List<LinkedPost> result = new ArrayList<>();
        for (Object[] l : links) {
            PostRecord post = posts.get((Long) l[0]);
            if (post != null) {
                result.add(new LinkedPost(found.id(), post, (Boolean) l[1], (String) l[2], (Double) l[3], (Instant) l[4]));
            }
        }
        // the posts linked at one moment (a story's, when the case was opened) in the order they were published
        result.sort(java.util.Comparator.comparing(LinkedPost::repeat).thenComparing(LinkedPost::linkedAt)
                .thenComparing(linked -> linked.post().publishedAt()).thenComparingLong(linked -> linked.post().id()));
        return result;
    }

    @Override
    @Transactional
    public int linkPosts(long id, List<Long> postIds, SignedInUser user) {
        Case found = get(id, user);
        if (!CaseAccess.canWork(found, user)) {
            throw new AccessDeniedException("posts are linked by the coordinators and the agency");
        }
        if (found.status().closed()) {
            throw new Conflict("case.error.closed");
        }
        if (postIds == null || postIds.isEmpty()) {
            throw new InvalidInput("postIds", "case.error.post-ids-required");
        }
        if (postIds.size() > MAX_POSTS) {
            throw new InvalidInput("postIds", "case.error.too-many-posts", MAX_POSTS);
        }
        List<PostRecord> named = postRecords.byIds(postIds.stream().filter(java.util.Objects::nonNull).toList()).stream()
                .filter(p -> mayRead(p, user)).toList();
        Set<Long> found2 = named.stream().map(PostRecord::id).collect(Collectors.toSet());
        List<Long> missing = postIds.stream().filter(p -> p == null || !found2.contains(p)).distinct().toList();
        if (!missing.isEmpty()) {
            throw new InvalidInput("postIds", "case.error.posts", numbers(missing));
        }
        Set<Long> already = new java.util.HashSet<>(jdbc.sql("SELECT post_id FROM case_post WHERE case_id = ?").param(id)
                .query(Long.class).list());
        List<PostRecord> fresh = named.stream().filter(p -> !already.contains(p.id())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        linkPosts(id, fresh, now);
        events.publishEvent(new CaseEvent(user.actor(), "case.posts-linked", id,
                Map.of("posts", fresh.stream().map(PostRecord::id).toList())));
        evidence.capture(id, fresh, user.actor(), now);
        return fresh.size();
    }

    @Override
    public List<HistoryEntry> history(Case found) {
        return jdbc.sql("SELECT at, actor, action, from_status, to_status, detail FROM case_history WHERE case_id = ? ORDER BY id")
                .param(found.id()).query((rs, n) -> new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    // --- transitions

    @Override
    @Transactional
    public Case act(long id, Transition transition, SignedInUser user) {
        Case found = get(id, user);
        List<InvalidInput> problems = new ArrayList<>();
        CaseAction action = parse(CaseAction.class, transition.action(), "action", problems);
        InvalidInput.throwIfAny(problems);
        if (!CaseAccess.mayTake(action, found, user)) {
            throw new AccessDeniedException("not allowed to " + action + " case " + id);
        }
        if (!action.allowedFrom(found.status())) {
            throw new CaseTransitionRefused(action, found.status());
        }
        Instant now = clock.instant();
        Actor by = user.actor();
        switch (action) {
            case TRIAGE -> {
                CaseCategory category = transition.category() == null || transition.category().isBlank()
                        ? found.category() : parse(CaseCategory.class, transition.category(), "category", problems);
                Severity severity = transition.severity() == null || transition.severity().isBlank()
                        ? found.severity() : parse(Severity.class, transition.severity(), "severity", problems);
                InvalidInput.throwIfAny(problems);
                found.triage(category, severity, deadlines.deadline(severity, found.openedAt()), by, now);
            }
            case ASSIGN -> {
                String agency = blankToNull(transition.agencyCode());
                if (agency == null) {
                    problems.add(new InvalidInput("agencyCode", "case.error.agency-required"));
                } else if (!agencyExists(agency)) {
                    problems.add(new InvalidInput("agencyCode", "case.error.agency", agency));
                }
                String owner = blankToNull(transition.owner());
                if (owner != null && agency != null && !officersOf(agency).contains(owner.toLowerCase(Locale.ROOT))) {
                    problems.add(new InvalidInput("owner", "case.error.owner", owner, agency));
                }
                InvalidInput.throwIfAny(problems);
                found.assignTo(agency, owner == null ? null : owner.toLowerCase(Locale.ROOT), by, now);
            }
            case START_VERIFICATION -> found.startVerification(by, now);
            case SUBMIT_ANSWER -> {
                Verdict verdict = parse(Verdict.class, transition.verdict(), "verdict", problems);
                String explanation = text(transition.explanation(), "explanation", "case.error.explanation", EXPLANATION_MAX, problems);
                InvalidInput.throwIfAny(problems);
                found.submitAnswer(verdict, explanation, by, now);
            }
            case APPROVE -> found.approve(slug(found), by, now);
            case RETURN -> {
                String reason = text(transition.reason(), "reason", "case.error.reason", REASON_MAX, problems);
                InvalidInput.throwIfAny(problems);
                found.returnDraft(reason, by, now);
            }
            case REFER -> {
                String legalBasis = text(transition.legalBasis(), "legalBasis", "case.error.legal-basis", LEGAL_BASIS_MAX, problems);
                InvalidInput.throwIfAny(problems);
                found.refer(legalBasis, by, now);
            }
            case DISMISS -> {
                String reason = text(transition.reason(), "reason", "case.error.reason", REASON_MAX, problems);
                InvalidInput.throwIfAny(problems);
                found.dismiss(reason, by, now);
            }
            case REOPEN -> {
                String reason = text(transition.reason(), "reason", "case.error.reason", REASON_MAX, problems);
                InvalidInput.throwIfAny(problems);
                found.reopen(reason, deadlines.deadline(found.severity(), now), by, now);
            }
        }
        save(found);
        for (CaseTransitioned event : found.events()) {
            history(id, event.at(), event.by().username(), event.action().name(), event.from(), event.to(),
                    event.details().isEmpty() ? null : new TreeMap<>(event.details()).toString());
            events.publishEvent(event);
        }
        notifyAbout(found, action);
        return load(id).orElseThrow();
    }

    private void notifyAbout(Case found, CaseAction action) {
        Set<String> to = new LinkedHashSet<>();
        String key = "case.notify." + action.name().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (action) {
            case ASSIGN -> {
                to.addAll(officersOf(found.agencyCode()));
                if (found.owner() != null) {
                    to.add(found.owner());
                }
            }
            case SUBMIT_ANSWER -> to.addAll(staffOf(found.agencyCode(), Role.SPOKESPERSON));
            case APPROVE, RETURN -> {
                if (found.owner() != null) {
                    to.add(found.owner());
                }
                if (found.draftedBy() != null) {
                    to.add(found.draftedBy());
                }
                to.addAll(coordinators());
            }
            case REFER, DISMISS, REOPEN -> {
                if (found.agencyCode() != null) {
                    to.addAll(officersOf(found.agencyCode()));
                }
                to.addAll(coordinators());
            }
            case TRIAGE, START_VERIFICATION -> {
                return;
            }
        }
        notifications.notify(found.id(), to, key);
    }

    private void save(Case c) {
        int updated = jdbc.sql("""
                UPDATE misinformation_case SET claim = ?, category = ?, severity = ?, status = ?, agency_code = ?, owner = ?,
                       deadline = ?, escalated_at = ?, verdict = ?, explanation = ?, drafted_by = ?, approved_by = ?,
                       published_at = ?, slug = ?, legal_basis = ?, reason = ?, closed_at = ?, version = version + 1
                 WHERE id = ? AND version = ?
                """).params(c.claim(), c.category().name(), c.severity().name(), c.status().name(), c.agencyCode(),
                c.owner(), Timestamp.from(c.deadline()), ts(c.escalatedAt()), c.verdict() == null ? null : c.verdict().name(),
                c.explanation(), c.draftedBy(), c.approvedBy(), ts(c.publishedAt()), c.slug(), c.legalBasis(), c.reason(),
                ts(c.closedAt()), c.id(), c.version()).update();
        if (updated != 1) {
            throw new Conflict("case.error.changed");
        }
    }

    /** A readable address for the published answer: the claim's first words without accents, and the id. */
    private String slug(Case c) {
        if (c.slug() != null) {
            return c.slug();
        }
        String folded = AccentFolding.fold(c.claim()).toLowerCase(Locale.ROOT).replace('đ', 'd');
        String words = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > 60) {
            words = words.substring(0, 60).replaceAll("-[^-]*$", "");
        }
        return (words.isEmpty() ? "ket-luan" : words) + "-" + c.id();
    }

    // --- deadlines

    @Override
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        List<Case> overdue = jdbc.sql("SELECT " + COLUMNS + """
                 FROM misinformation_case
                WHERE status NOT IN ('ANSWERED', 'REFUTED', 'REFERRED', 'DISMISSED') AND deadline < ? AND escalated_at IS NULL
                ORDER BY deadline LIMIT 500
                """).param(Timestamp.from(now)).query(JdbcCases::mapCase).list();
        for (Case c : overdue) {
            c.escalated(now);
            save(c);
            long late = Duration.between(c.deadline(), now).toMinutes();
            history(c.id(), now, "system", "ESCALATE", c.status(), c.status(), "deadline " + LocalTime.format(c.deadline()));
            events.publishEvent(new CaseEvent(Actor.SYSTEM, "case.escalated", c.id(),
                    Map.of("deadline", c.deadline().toString(), "minutesLate", late, "status", c.status().name())));
            Set<String> to = new LinkedHashSet<>(coordinators());
            if (c.owner() != null) {
                to.add(c.owner());
            }
            notifications.notify(c.id(), to, "case.notify.overdue");
        }
        return overdue.size();
    }

    // --- succession

    @Override
    @Transactional
    public int transferFromEndedAgencies() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        String[] closed = CaseStatus.CLOSED.stream().map(Enum::name).toArray(String[]::new);
        List<Case> held = jdbc.sql("SELECT " + COLUMNS + """
                 FROM misinformation_case c WHERE status <> ALL (?)
                  AND EXISTS (SELECT 1 FROM agency a WHERE a.code = c.agency_code AND a.valid_to < ?)
                ORDER BY id FOR UPDATE""").params(closed, Date.valueOf(today)).query(JdbcCases::mapCase).list();
        int passed = 0;
        for (Case c : held) {
            // a code names one unit on a day: what it holds belongs to the unit that held the code when it came in
            Optional<AgencyDirectory.Passage> passage = agencies.soleSuccessor(c.agencyCode(),
                    LocalDate.ofInstant(c.openedAt(), LocalTime.ZONE), today);
            if (passage.isPresent()) {
                passToSuccessor(c, passage.get().from(), passage.get().to());
                passed++;
            }
        }
        return passed;
    }

    /** The successor works the case to its deadline: a reorganisation gives the false information no more time. */
    private void passToSuccessor(Case c, Agency from, Agency to) {
        Instant now = clock.instant();
        String owner = c.owner() != null && officersOf(to.code()).contains(c.owner()) ? c.owner() : null;
        int updated = jdbc.sql("""
                UPDATE misinformation_case SET agency_code = ?, owner = ?, version = version + 1
                WHERE id = ? AND version = ?""").params(to.code(), owner, c.id(), c.version()).update();
        if (updated != 1) {
            throw new Conflict("case.error.changed");
        }
        // as a transition's details are kept, read back by the case page in the reader's language
        Map<String, String> details = new LinkedHashMap<>();
        details.put("agency", to.code());
        details.put("predecessor", from.code());
        details.put("lastDay", LocalTime.format(from.validTo()));
        details.put("deadline", LocalTime.format(c.deadline()));
        history(c.id(), now, Actor.SYSTEM.username(), "PASSED_TO_SUCCESSOR", c.status(), c.status(),
                "{" + details.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")) + "}");
        events.publishEvent(new CaseEvent(Actor.SYSTEM, "case.passed-to-successor", c.id(), Map.of("agency", to.code(),
                "predecessor", from.code(), "deadline", c.deadline().toString())));
        Set<String> told = new LinkedHashSet<>(officersOf(to.code()));
        if (owner != null) {
            told.add(owner);
        }
        notifications.notify(c.id(), told, "case.notify.assign");
    }

    /** A succession recorded, an import of units or an end date saved may have made a successor of the day. */
    @EventListener
    void agenciesChanged(IdentityEvent event) {
        if (event.mayHaveEndedAnAgency()) {
            transferFromEndedAgencies();
        }
    }

    // --- notes and files

    @Override
    public List<Note> notes(Case found) {
        return jdbc.sql("SELECT id, at, author, checked, checked_with, links FROM case_note WHERE case_id = ? ORDER BY id")
                .param(found.id()).query((rs, n) -> new Note(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), strings(rs.getArray(6)))).list();
    }

    @Override
    @Transactional
    public Note addNote(long id, NoteForm form, SignedInUser user) {
        Case found = get(id, user);
        if (!CaseAccess.canWork(found, user)) {
            throw new AccessDeniedException("notes are for the coordinators and the agency");
        }
        List<InvalidInput> problems = new ArrayList<>();
        String checked = text(form.checked(), "checked", "case.error.checked", NOTE_MAX, problems);
        String with = blankToNull(form.checkedWith());
        if (with != null && with.length() > 500) {
            problems.add(new InvalidInput("checkedWith", "case.error.checked-with-too-long", 500));
        }
        List<String> links = new ArrayList<>();
        if (form.links() != null) {
            for (String line : form.links().split("\\R")) {
                String link = line.strip();
                if (link.isEmpty()) {
                    continue;
                }
                if (!webAddress(link)) {
                    problems.add(new InvalidInput("links", "case.error.link", link.length() > 80 ? link.substring(0, 80) : link));
                    break;
                }
                links.add(link);
            }
            if (links.size() > 20) {
                problems.add(new InvalidInput("links", "case.error.too-many-links", 20));
            }
        }
        InvalidInput.throwIfAny(problems);
        Instant now = clock.instant();
        long noteId = jdbc.sql("""
                INSERT INTO case_note (case_id, at, author, checked, checked_with, links) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """).params(id, Timestamp.from(now), user.username(), checked, with, links.toArray(String[]::new))
                .query(Long.class).single();
        events.publishEvent(new CaseEvent(user.actor(), "case.note-added", id, Map.of("note", noteId, "links", links.size())));
        return new Note(noteId, now, user.username(), checked, with, links);
    }

    /** Whether a text is an absolute http or https address. */
    static boolean webAddress(String link) {
        if (link.length() > 1000) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @Override
    public List<Attachment> attachments(Case found) {
        return jdbc.sql("""
                SELECT id, case_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at
                  FROM case_attachment WHERE case_id = ? ORDER BY id
                """).param(found.id()).query(JdbcCases::attachment).list();
    }

    @Override
    @Transactional
    public Attachment attach(long id, String fileName, byte[] content, SignedInUser user) {
        Case found = get(id, user);
        if (!CaseAccess.canWork(found, user)) {
            throw new AccessDeniedException("files are for the coordinators and the agency");
        }
        AttachmentCheck.Accepted accepted = attachmentCheck.check(fileName, content);
        Instant now = clock.instant();
        String sha256 = sha256(content);
        long attachmentId = jdbc.sql("""
                INSERT INTO case_attachment (case_id, file_name, content_type, size, sha256, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(id, accepted.fileName(), accepted.contentType(), content.length, sha256, content, user.username(),
                Timestamp.from(now)).query(Long.class).single();
        events.publishEvent(new CaseEvent(user.actor(), "case.file-attached", id,
                Map.of("file", accepted.fileName(), "sha256", sha256, "size", content.length)));
        return new Attachment(attachmentId, id, accepted.fileName(), accepted.contentType(), content.length, sha256,
                user.username(), now);
    }

    @Override
    public Attachment attachment(long caseId, long attachmentId, SignedInUser user) {
        get(caseId, user);
        return jdbc.sql("""
                SELECT id, case_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at
                  FROM case_attachment WHERE case_id = ? AND id = ?
                """).params(caseId, attachmentId).query(JdbcCases::attachment).optional()
                .orElseThrow(() -> new NotFound("attachment", attachmentId));
    }

    @Override
    public byte[] attachmentContent(long caseId, long attachmentId, SignedInUser user) {
        get(caseId, user);
        return jdbc.sql("SELECT content FROM case_attachment WHERE case_id = ? AND id = ?").params(caseId, attachmentId)
                .query((rs, n) -> rs.getBytes(1)).optional().orElseThrow(() -> new NotFound("attachment", attachmentId));
    }

    // --- the desk

    @Override
    public PeriodFigures figures(Instant from, Instant to, SignedInUser user) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from),
                Timestamp.from(to), Timestamp.from(to), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to),
                Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to)));
        visibility(user, where, params);
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE opened_at >= ? AND opened_at < ?),
                       count(*) FILTER (WHERE closed_at >= ? AND closed_at < ?),
                       count(*) FILTER (WHERE opened_at < ? AND (closed_at IS NULL OR closed_at >= ?)),
                       count(*) FILTER (WHERE status IN ('ANSWERED', 'REFUTED') AND published_at >= ? AND published_at < ?),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - opened_at))
                           FILTER (WHERE status IN ('ANSWERED', 'REFUTED') AND published_at >= ? AND published_at < ?),
                       count(*) FILTER (WHERE status = 'REFERRED' AND closed_at >= ? AND closed_at < ?)
                FROM misinformation_case""" + where).params(params)
                .query((rs, n) -> new PeriodFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getObject(5) == null ? null : Duration.ofSeconds(Math.round(rs.getDouble(5))), rs.getLong(6)))
                .single();
    }

    @Override
    public Desk desk(SignedInUser user) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        visibility(user, where, params);
        Map<String, Map<CaseStatus, Long>> byAgency = new TreeMap<>();
        jdbc.sql("SELECT coalesce(agency_code, ''), status, count(*) FROM misinformation_case" + where
                + " AND status NOT IN ('ANSWERED', 'REFUTED', 'REFERRED', 'DISMISSED') GROUP BY 1, 2")
                .params(params).query((rs, n) -> {
                    byAgency.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(CaseStatus.class))
                            .put(CaseStatus.valueOf(rs.getString(2)), rs.getLong(3));
                    return null;
                }).list();
        List<Object> countParams = new ArrayList<>();
        countParams.add(Timestamp.from(clock.instant()));
        countParams.addAll(params);
        long[] counts = jdbc.sql("SELECT count(*), count(*) FILTER (WHERE deadline < ?) FROM misinformation_case" + where
                + " AND status NOT IN ('ANSWERED', 'REFUTED', 'REFERRED', 'DISMISSED')")
                .params(countParams).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<Object> medianParams = new ArrayList<>(params);
        medianParams.add(Timestamp.from(clock.instant().minus(90, ChronoUnit.DAYS)));
        Object[] median = jdbc.sql("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - opened_at)), count(*)
                  FROM misinformation_case""" + where + " AND status IN ('ANSWERED', 'REFUTED') AND published_at >= ?")
                .params(medianParams).query((rs, n) -> new Object[] {rs.getObject(1) == null ? null : rs.getDouble(1),
                        rs.getInt(2)}).single();
        Duration medianTime = median[0] == null ? null : Duration.ofSeconds(Math.round((Double) median[0]));
        return new Desk(byAgency, counts[0], counts[1], medianTime, (Integer) median[1], repeats(user, 50));
    }

    @Override
    public boolean worksOnDesk(SignedInUser user) {
        return CaseAccess.worksOnDesk(user);
    }

    List<Repeat> repeats(SignedInUser user, int limit) {
        StringBuilder where = new StringBuilder(" WHERE cp.repeat");
        List<Object> params = new ArrayList<>();
        if (!CaseAccess.provinceWide(user)) {
            boolean agencyRole = CaseAccess.officer(user) || user.has(Role.SPOKESPERSON);
            if (agencyRole && user.agencyCode() != null) {
                where.append(" AND c.agency_code = ?");
                params.add(user.agencyCode());
            } else {
                where.append(" AND FALSE");
            }
        }
        params.add(limit);
        List<Object[]> rows = jdbc.sql("""
                SELECT c.id, c.claim, c.published_at, cp.post_id, cp.matched_by, cp.similarity, cp.linked_at
                  FROM case_post cp JOIN misinformation_case c ON c.id = cp.case_id""" + where
                + " ORDER BY cp.linked_at DESC, cp.post_id DESC LIMIT ?").params(params)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)), rs.getLong(4),
                        rs.getString(5), rs.getObject(6) == null ? null : rs.getDouble(6), rs.getTimestamp(7).toInstant()})
                .list();
        Map<Long, PostRecord> posts = postRecords.byIds(rows.stream().map(r -> (Long) r[3]).distinct().toList()).stream()
                .collect(Collectors.toMap(PostRecord::id, Function.identity()));
        List<Repeat> repeats = new ArrayList<>();
        for (Object[] r : rows) {
            PostRecord post = posts.get((Long) r[3]);
            if (post != null && mayRead(post, user)) {
                repeats.add(new Repeat((Long) r[0], (String) r[1], (Instant) r[2], post, (String) r[4], (Double) r[5],
                        (Instant) r[6]));
            }
        }
        return repeats;
    }

    @Override
    public List<Notification> notifications(SignedInUser user, int limit) {
        return notifications.of(user.username(), limit);
    }

    @Override
    public void markRead(long caseId, SignedInUser user) {
        notifications.markRead(user.username(), caseId);
    }

    // --- the public site

    private static final String PUBLISHED = """
            SELECT c.id, c.slug, c.claim, c.category, c.verdict, c.explanation, c.agency_code, c.published_at,
                   (SELECT min(p.published_at) FROM case_post cp JOIN post p ON p.id = cp.post_id
                     WHERE cp.case_id = c.id AND NOT cp.repeat) AS first_seen,
                   ARRAY(SELECT p.url FROM case_post cp JOIN post p ON p.id = cp.post_id
                          WHERE cp.case_id = c.id AND NOT cp.repeat AND p.url IS NOT NULL
                            AND p.platform NOT IN ('HOTLINE', 'OFFICE') ORDER BY p.published_at LIMIT 10) AS appearances
              FROM misinformation_case c
             WHERE c.status IN ('REFUTED', 'ANSWERED') AND c.published_at IS NOT NULL
            """;

    @Override
    public List<Published> published(int limit) {
        return jdbc.sql(PUBLISHED + " ORDER BY c.published_at DESC, c.id DESC LIMIT ?").param(Math.max(1, Math.min(limit, 500)))
                .query(JdbcCases::published).list();
    }

    @Override
    public Optional<Published> published(String slug) {
        if (slug == null || slug.length() > 120) {
            return Optional.empty();
        }
        return jdbc.sql(PUBLISHED + " AND c.slug = ?").param(slug).query(JdbcCases::published).optional();
    }

    private static Published published(ResultSet rs, int row) throws SQLException {
        return new Published(rs.getLong("id"), rs.getString("slug"), rs.getString("claim"),
                CaseCategory.valueOf(rs.getString("category")), Verdict.valueOf(rs.getString("verdict")),
                rs.getString("explanation"), rs.getString("agency_code"), rs.getTimestamp("published_at").toInstant(),
                instant(rs.getTimestamp("first_seen")), strings(rs.getArray("appearances")));
    }

    // --- helpers

    void linkPosts(long caseId, List<PostRecord> posts, Instant now) {
        if (posts.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO case_post (case_id, post_id, linked_at) SELECT ?, unnest(?::bigint[]), ?
                ON CONFLICT DO NOTHING
                """).params(caseId, posts.stream().map(PostRecord::id).toArray(Long[]::new), Timestamp.from(now)).update();
    }

    void history(long caseId, Instant at, String actor, String action, CaseStatus from, CaseStatus to, String detail) {
        jdbc.sql("""
                INSERT INTO case_history (case_id, at, actor, action, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(caseId, Timestamp.from(at), actor, action, from == null ? null : from.name(), to.name(),
                detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000)).update();
    }

    Set<String> coordinators() {
        Set<String> to = new LinkedHashSet<>();
        for (UserAccount account : users.list()) {
            if (account.enabled() && account.roles().contains(Role.COORDINATOR)) {
                to.add(account.username());
            }
        }
        return to;
    }

    Set<String> officersOf(String agencyCode) {
        return staffOf(agencyCode, Role.OFFICER);
    }

    Set<String> staffOf(String agencyCode, Role role) {
        Set<String> to = new LinkedHashSet<>();
        if (agencyCode == null) {
            return to;
        }
        Map<Long, String> codes = new java.util.HashMap<>();
        for (UserAccount account : users.list()) {
            if (!account.enabled() || !account.roles().contains(role) || account.agency() == null) {
                continue;
            }
            String code = codes.computeIfAbsent(account.agency().value(),
                    a -> agencies.find(account.agency()).map(Agency::code).orElse(""));
            if (agencyCode.equals(code)) {
                to.add(account.username());
            }
        }
        return to;
    }

    private boolean agencyExists(String code) {
        return agencies.findByCode(code, LocalDate.now(clock.withZone(LocalTime.ZONE))).isPresent();
    }

    /** Province-wide roles read every post; others the public ones and their agency's feedback. */
    static boolean mayRead(PostRecord post, SignedInUser user) {
        return !post.restricted() || CaseAccess.provinceWide(user)
                || (user.agencyCode() != null && post.agencies().contains(user.agencyCode()));
    }

    /** The claim a post suggests: its title, or its first sentence, cut at a word. */
    static String suggestedClaim(PostRecord post) {
        return firstSentence(post.title() != null && !post.title().isBlank() ? post.title() : post.text(), 200);
    }

    /** The first sentence of a text (one of at least 20 characters), on one line, cut at a word to at most {@code max}. */
    static String firstSentence(String raw, int max) {
        String text = raw.replaceAll("\\s+", " ").strip();
        for (int i = 20; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                text = text.substring(0, i + 1);
                break;
            }
        }
        if (text.length() > max) {
            int space = text.lastIndexOf(' ', max - 1);
            text = text.substring(0, space > max / 2 ? space : max - 1) + "…";
        }
        return text;
    }

    /** The agency most of the posts are routed to; of as many, the one a post lists first (a department before a commune). */
    static String suggestedAgency(List<PostRecord> posts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PostRecord post : posts) {
            for (String agency : post.agencies()) {
                counts.merge(agency, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private String claim(String raw, List<InvalidInput> problems) {
        String claim = raw == null ? "" : raw.replaceAll("\\s+", " ").strip();
        if (claim.isEmpty()) {
            problems.add(new InvalidInput("claim", "case.error.claim-required"));
        } else if (claim.length() > CLAIM_MAX) {
            problems.add(new InvalidInput("claim", "case.error.claim-too-long", CLAIM_MAX));
        }
        return claim;
    }

    /**
     * The claim's fingerprint when the case is opened, kept with the case as a record; the desk computes it again
     * from the claim's text when it looks for repeats ({@link ClaimMatcher#profiles()}).
     */
    long fingerprint(String claim) {
        return ClaimMatcher.fingerprint(analyzer.normalize(claim));
    }

    /**
     * A required text of at most {@code max} characters, stripped. A problem is told with the messages
     * {@code messages + "-required"} and {@code messages + "-too-long"} (with the limit), which name the field as the form
     * labels it.
     */
    static String text(String raw, String field, String messages, int max, List<InvalidInput> problems) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            problems.add(new InvalidInput(field, messages + "-required"));
        } else if (text.length() > max) {
            problems.add(new InvalidInput(field, messages + "-too-long", max));
        }
        return text;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<InvalidInput> problems) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.strip())) {
                    return constant;
                }
            }
        }
        // the field named in the reader's language, as the other refusals name theirs ("Kết luận: ..."); nothing chosen
        // is asked for as the form asks, the codes are for a client that sent a wrong one
        if (value == null || value.isBlank()) {
            problems.add(new InvalidInput(field, "case.error.choose",
                    new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {"cases." + field},
                            field)));
            return null;
        }
        problems.add(new InvalidInput(field, "case.error.choice", value, choices(type, field),
                new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {"cases." + field},
                        field)));
        return null;
    }

    /**
     * The choices of a field as the form names them, in the reader's language ("Thấp, Trung bình, Cao, Nghiêm trọng"),
     * each resolved when the message is: a list with no code of its own, rendered from its names. A choice with no
     * name in the bundle is given by its code.
     */
    private static <E extends Enum<E>> org.springframework.context.MessageSourceResolvable choices(Class<E> type,
            String field) {
        E[] constants = type.getEnumConstants();
        Object[] names = Arrays.stream(constants).map(c -> new org.springframework.context.support
                .DefaultMessageSourceResolvable(new String[] {"case." + field + "." + c.name()}, c.name())).toArray();
        String list = java.util.stream.IntStream.range(0, constants.length).mapToObj(i -> "{" + i + "}")
                .collect(Collectors.joining(", "));
        return new org.springframework.context.support.DefaultMessageSourceResolvable(new String[0], names, list);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Attachment attachment(ResultSet rs, int row) throws SQLException {
        return new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }

    static Case mapCase(ResultSet rs, int row) throws SQLException {
        String verdict = rs.getString("verdict");
        return new Case(rs.getLong("id"), CaseSource.valueOf(rs.getString("source")),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("opened_by"), rs.getInt("version"),
                rs.getString("claim"), CaseCategory.valueOf(rs.getString("category")),
                Severity.valueOf(rs.getString("severity")), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("agency_code"), rs.getString("owner"), rs.getTimestamp("deadline").toInstant(),
                instant(rs.getTimestamp("escalated_at")), verdict == null ? null : Verdict.valueOf(verdict),
                rs.getString("explanation"), rs.getString("drafted_by"), rs.getString("approved_by"),
                instant(rs.getTimestamp("published_at")), rs.getString("slug"), rs.getString("legal_basis"),
                rs.getString("reason"), instant(rs.getTimestamp("closed_at")));
    }

    /** Post numbers as the pages write them ("#597, #230"); one that could not be read as "?". */
    private static String numbers(List<Long> ids) {
        return ids.stream().map(id -> id == null ? "?" : "#" + id).collect(Collectors.joining(", "));
    }
}

package vn.loa.consultation.internal;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.consultation.AnswerStatus;
import vn.loa.consultation.ConsultationAnswerEvent;
import vn.loa.consultation.CorrectionAction;
import vn.loa.consultation.ThemeGroups;
import vn.loa.consultation.Verdict;
import vn.loa.identity.SignedInUser;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Groups a consultation's published contributions with the {@link GroupingEngine} and keeps the officers'
 * corrections: a regrouping keeps a group's id (and so its answer) when most of its members stay together, then applies
 * every correction again in the order they were made.
 */
@Service
@Transactional
class JdbcThemeGroups implements ThemeGroups {

    static final int LABEL_MAX = 200;

    private final JdbcClient jdbc;
    private final ConsultationRows rows;
    private final TextAnalyzer analyzer;
    private final GroupingEngine engine;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Sentiment of a text read by the language engine, when the contribution has none stored. */
    private final Map<String, String> sentiments = new ConcurrentHashMap<>();
    private final StanceReader stance = new StanceReader(vn.loa.nlp.normalize.TextNormalizer.standard());

    JdbcThemeGroups(JdbcClient jdbc, ConsultationRows rows, TextAnalyzer analyzer, ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.analyzer = analyzer;
        this.engine = new GroupingEngine(vn.loa.nlp.normalize.TextNormalizer.standard(), analyzer.segmenter(),
                GroupingEngine.DEFAULT_THRESHOLD);
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public int ungrouped(long consultationId, SignedInUser user) {
        ConsultationRows.Consultation c = rows.visible(consultationId, user);
        return jdbc.sql("""
                SELECT count(*) FROM consultation_contribution k WHERE k.consultation_id = ? AND k.status = 'PUBLISHED'
                AND NOT k.off_topic AND NOT EXISTS (SELECT 1 FROM consultation_group_member m WHERE m.contribution_id = k.id)""")
                .param(c.id()).query(Integer.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public Summary summary(long consultationId, SignedInUser user) {
        ConsultationRows.Consultation c = rows.visible(consultationId, user);
        List<Version> versions = jdbc.sql("""
                SELECT id, version_no, file_name FROM consultation_draft_version WHERE draft_id = ? ORDER BY version_no""")
                .param(c.draftId()).query((rs, n) -> new Version(rs.getLong(1), rs.getInt(2), rs.getString(3))).list();
        java.time.LocalDate closesOn = jdbc.sql("SELECT closes_on FROM consultation WHERE id = ?").param(c.id())
                .query(java.sql.Date.class).single().toLocalDate();
        boolean open = c.status().equals("OPEN")
                && !java.time.LocalDate.ofInstant(clock.instant(), vn.loa.shared.LocalTime.ZONE).isAfter(closesOn);
        return new Summary(c.id(), c.title(), c.agencyCode(), c.status(), c.finalVersionId(),
                ConsultationAccess.mayAct(c.agencyCode(), user), ConsultationAccess.mayApprove(c.agencyCode(), user),
                versions, open ? closesOn : null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ArticleGroups> groups(long consultationId, SignedInUser user) {
        ConsultationRows.Consultation c = rows.visible(consultationId, user);
        return read(c, false);
    }

    /** The groups of a consultation per article; only groups with a published answer when {@code publishedOnly}. */
    List<ArticleGroups> read(ConsultationRows.Consultation c, boolean publishedOnly) {
        Map<String, ConsultationRows.Article> articles = rows.articles(c.versionId());
        Map<Long, Member> members = new HashMap<>();
        for (ConsultationRows.Contribution k : rows.published(c.id())) {
            members.put(k.id(), new Member(k.id(), k.reference(), k.authorName(), k.organisation(), k.body(),
                    sentimentOf(k)));
        }
        Map<Long, List<Long>> memberIds = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT m.group_id, m.contribution_id FROM consultation_group_member m
                JOIN consultation_group g ON g.id = m.group_id WHERE g.consultation_id = ? ORDER BY m.contribution_id""")
                .param(c.id()).query((rs, n) -> {
                    memberIds.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    return null;
                }).list();
        Map<Long, Answer> answers = new HashMap<>();
        jdbc.sql("""
                SELECT id, group_id, verdict, reason, status, drafted_by, submitted_by, approved_by, published_at, version
                FROM consultation_answer WHERE consultation_id = ?""").param(c.id()).query((rs, n) -> {
                    Timestamp published = rs.getTimestamp(9);
                    answers.put(rs.getLong(2), new Answer(rs.getLong(1), rs.getLong(2), Verdict.valueOf(rs.getString(3)),
                            rs.getString(4), AnswerStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                            rs.getString(8), published == null ? null : published.toInstant(), rs.getInt(10)));
                    return null;
                }).list();
        Map<String, List<Group>> byUnit = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, unit_key, label, keywords, near_duplicates, representative_id, manual
                FROM consultation_group WHERE consultation_id = ? ORDER BY id""").param(c.id()).query((rs, n) -> {
                    long id = rs.getLong(1);
                    Long representative = (Long) rs.getObject(6);
                    List<Member> list = new ArrayList<>();
                    for (long m : memberIds.getOrDefault(id, List.of())) {
                        Member member = members.get(m);
                        if (member != null) {
                            if (representative != null && m == representative) {
                                list.addFirst(member);
                            } else {
                                list.add(member);
                            }
                        }
                    }
                    Answer answer = answers.get(id);
                    if (list.isEmpty() || (publishedOnly && (answer == null || answer.status() != AnswerStatus.PUBLISHED))) {
                        return null;
                    }
                    int[] counts = new int[4];
                    for (Member member : list) {
                        switch (member.sentiment()) {
                            case "negative" -> counts[0]++;
                            case "neutral" -> counts[1]++;
                            case "positive" -> counts[2]++;
                            default -> counts[3]++;
                        }
                    }
                    Array keywords = rs.getArray(4);
                    byUnit.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Group(id, rs.getString(2),
                            UNNAMED.equals(rs.getString(3)) ? null : rs.getString(3), keywords == null ? List.of() : Arrays.asList((String[]) keywords.getArray()),
                            counts[0], counts[1], counts[2], counts[3], rs.getInt(5), rs.getBoolean(7), List.copyOf(list),
                            answer));
                    return null;
                }).list();
        List<ArticleGroups> result = new ArrayList<>();
        for (ConsultationRows.Article article : articles.values()) {
            List<Group> groups = byUnit.remove(article.unitKey());
            if (groups != null) {
                groups.sort((a, b) -> a.count() != b.count() ? b.count() - a.count() : Long.compare(a.id(), b.id()));
                result.add(new ArticleGroups(article.unitKey(), article.label(), List.copyOf(groups)));
            }
        }
        byUnit.forEach((key, groups) -> result.add(new ArticleGroups(key, key, List.copyOf(groups))));
        return result;
    }

    /**
     * A contribution's stance toward the draft ({@link StanceReader}), counted per group as "đồng tình", "không đồng
     * tình", "trung lập": read again from the text, so that a comment stored with the sentiment model's answer alone
     * (before the stance reader) is counted by what it says of the draft; its tone only when it says nothing of it.
     */
    String sentimentOf(ConsultationRows.Contribution k) {
        return stance.read(k.body(), () -> toneOf(k));
    }

    private String toneOf(ConsultationRows.Contribution k) {
        if (k.sentiment() != null && !k.sentiment().isBlank()) {
            return k.sentiment();
        }
        return sentiments.computeIfAbsent(k.body(), body -> {
            if (sentiments.size() > 20_000) {
                sentiments.clear();
            }
            return analyzer.analyzeUnsegmented(analyzer.normalize(body), LocalDate.now(clock),
                    vn.loa.nlp.analyze.Register.Hint.FEEDBACK).sentiment().labelOrUnclear();
        });
    }

    @Override
    public Regrouped regroup(long consultationId, SignedInUser user) {
        ConsultationRows.Consultation c = rows.visible(consultationId, user);
        requireAct(c, user);
        Regrouped done = regroup(c);
        events.publishEvent(new ConsultationAnswerEvent.Regrouped(user.actor(), c.id(), done.contributions(), done.groups()));
        return done;
    }

    Regrouped regroup(ConsultationRows.Consultation c) {
        jdbc.sql("SELECT id FROM consultation WHERE id = ? FOR UPDATE").param(c.id()).query(Long.class).single();
        Map<Long, String> articleOf = rows.articleOfUnit(c.versionId());
        List<ConsultationRows.Contribution> published = rows.published(c.id());
        Map<String, List<GroupingEngine.Item>> byUnit = new LinkedHashMap<>();
        for (ConsultationRows.Contribution k : published) {
            String unit = k.unitId() == null ? ConsultationRows.WHOLE_DRAFT
                    : articleOf.getOrDefault(k.unitId(), ConsultationRows.WHOLE_DRAFT);
            byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(new GroupingEngine.Item(k.id(), k.body(),
                    sentimentOf(k)));
        }
        // the groups as they were, to keep each one's id (and answer) for the new group most like it
        Map<Long, Set<Long>> old = new LinkedHashMap<>();
        Map<Long, String> oldUnit = new HashMap<>();
        jdbc.sql("SELECT id, unit_key FROM consultation_group WHERE consultation_id = ? AND NOT manual ORDER BY id")
                .param(c.id()).query((rs, n) -> {
                    old.put(rs.getLong(1), new HashSet<>());
                    oldUnit.put(rs.getLong(1), rs.getString(2));
                    return null;
                }).list();
        jdbc.sql("""
                SELECT m.group_id, m.contribution_id FROM consultation_group_member m JOIN consultation_group g
                ON g.id = m.group_id WHERE g.consultation_id = ? AND NOT g.manual""").param(c.id()).query((rs, n) -> {
                    old.get(rs.getLong(1)).add(rs.getLong(2));
                    return null;
                }).list();
        jdbc.sql("""
                DELETE FROM consultation_group_member WHERE group_id IN
                (SELECT id FROM consultation_group WHERE consultation_id = ?)""").param(c.id()).update();
        Timestamp now = Timestamp.from(clock.instant());
        Set<Long> kept = new HashSet<>();
        int groups = 0;
        for (var unit : engine.group(byUnit).entrySet()) {
            for (GroupingEngine.Group g : unit.getValue()) {
                Long reuse = null;
                int best = 0;
                for (var o : old.entrySet()) {
                    if (kept.contains(o.getKey()) || !unit.getKey().equals(oldUnit.get(o.getKey()))) {
                        continue;
                    }
                    int overlap = 0;
                    for (long m : g.members()) {
                        if (o.getValue().contains(m)) {
                            overlap++;
                        }
                    }
                    if (overlap > best) {
                        best = overlap;
                        reuse = o.getKey();
                    }
                }
                String[] keywords = g.keywords().toArray(String[]::new);
                String label = g.label().isBlank() ? UNNAMED : g.label();
                long id;
                if (reuse != null) {
                    kept.add(reuse);
                    id = reuse;
                    jdbc.sql("""
                            UPDATE consultation_group SET label = ?, keywords = ?, near_duplicates = ?, representative_id = ?,
                                updated_at = ? WHERE id = ?""")
                            .params(label, keywords, g.nearDuplicates(), g.representative(), now, id).update();
                } else {
                    id = jdbc.sql("""
                            INSERT INTO consultation_group (consultation_id, unit_key, label, keywords, near_duplicates,
                                representative_id, manual, updated_at) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?) RETURNING id""")
                            .params(c.id(), unit.getKey(), label, keywords, g.nearDuplicates(), g.representative(), now)
                            .query(Long.class).single();
                }
                for (long m : g.members()) {
                    jdbc.sql("INSERT INTO consultation_group_member (contribution_id, group_id) VALUES (?, ?)")
                            .params(m, id).update();
                }
                groups++;
            }
        }
        List<CorrectionRecord> corrections = corrections(c.id());
        for (CorrectionRecord correction : corrections) {
            apply(c, correction, now);
        }
        dropEmpty(c.id());
        recount(c.id());
        return new Regrouped(published.size(), groups, corrections.size());
    }

    /** Stores each group's sentiment counts, as its members are now. */
    private void recount(long consultationId) {
        Map<Long, String> sentiment = new HashMap<>();
        for (ConsultationRows.Contribution k : rows.published(consultationId)) {
            sentiment.put(k.id(), sentimentOf(k));
        }
        Map<Long, int[]> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT id FROM consultation_group WHERE consultation_id = ?").param(consultationId).query(Long.class)
                .list().forEach(id -> counts.put(id, new int[4]));
        jdbc.sql("""
                SELECT m.group_id, m.contribution_id FROM consultation_group_member m JOIN consultation_group g
                ON g.id = m.group_id WHERE g.consultation_id = ?""").param(consultationId).query((rs, n) -> {
                    int[] c = counts.get(rs.getLong(1));
                    switch (sentiment.getOrDefault(rs.getLong(2), "unclear")) {
                        case "negative" -> c[0]++;
                        case "neutral" -> c[1]++;
                        case "positive" -> c[2]++;
                        default -> c[3]++;
                    }
                    return null;
                }).list();
        counts.forEach((id, c) -> jdbc.sql("""
                UPDATE consultation_group SET negative = ?, neutral = ?, positive = ?, unclear = ? WHERE id = ?""")
                .params(c[0], c[1], c[2], c[3], id).update());
    }

    /** Removes the groups left without members, unless they carry an answer. */
    private void dropEmpty(long consultationId) {
        jdbc.sql("""
                DELETE FROM consultation_group g WHERE g.consultation_id = ?
                AND NOT EXISTS (SELECT 1 FROM consultation_group_member m WHERE m.group_id = g.id)
                AND NOT EXISTS (SELECT 1 FROM consultation_answer a WHERE a.group_id = g.id)""").param(consultationId)
                .update();
    }

    @Override
    public void correct(long consultationId, Correction correction, SignedInUser user) {
        ConsultationRows.Consultation c = rows.visible(consultationId, user);
        requireAct(c, user);
        List<InvalidInput> problems = new ArrayList<>();
        if (correction == null || correction.action() == null) {
            throw new InvalidInput("action", "consultation.groups.error.action");
        }
        String label = ConsultationAccess.text(correction.label());
        CorrectionAction action = correction.action();
        if (action != CorrectionAction.SPLIT && groupOf(c.id(), correction.contributionId()) == null) {
            problems.add(new InvalidInput("contributionId", "consultation.groups.error.contribution"));
        }
        if ((action == CorrectionAction.MOVE || action == CorrectionAction.MERGE)
                && groupOf(c.id(), correction.anchorId()) == null) {
            problems.add(new InvalidInput("anchorId", "consultation.groups.error.target"));
        }
        if ((action == CorrectionAction.RENAME || action == CorrectionAction.SPLIT)
                && (label == null || label.length() > LABEL_MAX)) {
            problems.add(new InvalidInput("label", "consultation.groups.error.label", LABEL_MAX));
        }
        if (action == CorrectionAction.SPLIT && (correction.contributionIds().isEmpty()
                || correction.contributionIds().stream().anyMatch(id -> groupOf(c.id(), id) == null))) {
            problems.add(new InvalidInput("contributionIds", "consultation.groups.error.contribution"));
        }
        InvalidInput.throwIfAny(problems);
        Instant now = clock.instant();
        Long[] ids = correction.contributionIds().toArray(Long[]::new);
        long id = jdbc.sql("""
                INSERT INTO consultation_group_correction (consultation_id, action, contribution_id, anchor_id,
                    contribution_ids, label, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(c.id(), action.name(), action == CorrectionAction.SPLIT ? null : correction.contributionId(),
                        action == CorrectionAction.MOVE || action == CorrectionAction.MERGE ? correction.anchorId() : null,
                        ids, label, user.username(), Timestamp.from(now)).query(Long.class).single();
        apply(c, new CorrectionRecord(id, action, correction.contributionId(), correction.anchorId(),
                correction.contributionIds(), label, user.username(), now), Timestamp.from(now));
        dropEmpty(c.id());
        recount(c.id());
        events.publishEvent(new ConsultationAnswerEvent.GroupsCorrected(user.actor(), c.id(), id, action));
    }

    private void apply(ConsultationRows.Consultation c, CorrectionRecord correction, Timestamp now) {
        switch (correction.action()) {
            case MOVE -> {
                Long from = groupOf(c.id(), correction.contributionId());
                Long to = groupOf(c.id(), correction.anchorId());
                if (from != null && to != null && !from.equals(to) && sameUnit(from, to)) {
                    jdbc.sql("UPDATE consultation_group_member SET group_id = ? WHERE contribution_id = ?")
                            .params(to, correction.contributionId()).update();
                    touch(from, now);
                    touch(to, now);
                }
            }
            case MERGE -> {
                Long from = groupOf(c.id(), correction.contributionId());
                Long to = groupOf(c.id(), correction.anchorId());
                if (from != null && to != null && !from.equals(to) && sameUnit(from, to)) {
                    jdbc.sql("UPDATE consultation_group_member SET group_id = ? WHERE group_id = ?").params(to, from).update();
                    touch(from, now);
                    touch(to, now);
                }
            }
            case RENAME -> {
                Long group = groupOf(c.id(), correction.contributionId());
                if (group != null) {
                    jdbc.sql("UPDATE consultation_group SET label = ?, updated_at = ? WHERE id = ?")
                            .params(correction.label(), now, group).update();
                }
            }
            case SPLIT -> {
                List<Long> present = correction.contributionIds().stream().filter(id -> groupOf(c.id(), id) != null)
                        .toList();
                if (present.isEmpty()) {
                    return;
                }
                String unit = jdbc.sql("SELECT unit_key FROM consultation_group WHERE id = ?")
                        .param(groupOf(c.id(), present.getFirst())).query(String.class).single();
                Long group = jdbc.sql("SELECT id FROM consultation_group WHERE consultation_id = ? AND split_by = ?")
                        .params(c.id(), correction.id()).query(Long.class).optional().orElse(null);
                if (group == null) {
                    group = jdbc.sql("""
                            INSERT INTO consultation_group (consultation_id, unit_key, label, manual, split_by,
                                representative_id, updated_at) VALUES (?, ?, ?, TRUE, ?, ?, ?) RETURNING id""")
                            .params(c.id(), unit, correction.label(), correction.id(), present.getFirst(), now)
                            .query(Long.class).single();
                }
                for (long id : present) {
                    Long from = groupOf(c.id(), id);
                    if (sameUnit(from, group)) {
                        jdbc.sql("UPDATE consultation_group_member SET group_id = ? WHERE contribution_id = ?")
                                .params(group, id).update();
                    }
                }
            }
        }
    }

    private boolean sameUnit(long a, long b) {
        return jdbc.sql("SELECT count(DISTINCT unit_key) FROM consultation_group WHERE id IN (?, ?)").params(a, b)
                .query(Integer.class).single() == 1;
    }

    private void touch(long group, Timestamp now) {
        jdbc.sql("""
                UPDATE consultation_group g SET updated_at = ?, representative_id = CASE WHEN EXISTS (SELECT 1 FROM
                    consultation_group_member m WHERE m.group_id = g.id AND m.contribution_id = g.representative_id)
                    THEN g.representative_id ELSE (SELECT min(contribution_id) FROM consultation_group_member m
                    WHERE m.group_id = g.id) END WHERE id = ?""").params(now, group).update();
    }

    /** The group that holds a contribution of the consultation, or null. */
    Long groupOf(long consultationId, Long contributionId) {
        if (contributionId == null) {
            return null;
        }
        return jdbc.sql("""
                SELECT m.group_id FROM consultation_group_member m JOIN consultation_group g ON g.id = m.group_id
                WHERE m.contribution_id = ? AND g.consultation_id = ?""").params(contributionId, consultationId)
                .query(Long.class).optional().orElse(null);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CorrectionRecord> corrections(long consultationId, SignedInUser user) {
        return corrections(rows.visible(consultationId, user).id());
    }

    private List<CorrectionRecord> corrections(long consultationId) {
        return jdbc.sql("""
                SELECT id, action, contribution_id, anchor_id, contribution_ids, label, made_by, made_at
                FROM consultation_group_correction WHERE consultation_id = ? ORDER BY id""").param(consultationId)
                .query((rs, n) -> {
                    Array ids = rs.getArray(5);
                    return new CorrectionRecord(rs.getLong(1), CorrectionAction.valueOf(rs.getString(2)),
                            (Long) rs.getObject(3), (Long) rs.getObject(4),
                            ids == null ? List.of() : Arrays.asList((Long[]) ids.getArray()), rs.getString(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant());
                }).list();
    }

    private static void requireAct(ConsultationRows.Consultation c, SignedInUser user) {
        if (!ConsultationAccess.mayAct(c.agencyCode(), user)) {
            throw new org.springframework.security.access.AccessDeniedException("not this agency's consultation");
        }
    }

    static String today(Clock clock) {
        return LocalTime.format(LocalDate.ofInstant(clock.instant(), LocalTime.ZONE));
    }

    static NotFound notFound(String what, Object id) {
        return new NotFound(what, id);
    }
}

package vn.loa.consultation.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.consultation.Consultation;
import vn.loa.consultation.ConsultationEvent;
import vn.loa.consultation.ConsultationStatus;
import vn.loa.consultation.Consultations;
import vn.loa.consultation.Drafts;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** Consultations on PostgreSQL. */
@Service
class JdbcConsultations implements Consultations {

    static final int MAX_QUESTIONS = 20;

    private final JdbcClient jdbc;
    private final JdbcDrafts drafts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcConsultations(JdbcClient jdbc, JdbcDrafts drafts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @Override
    @Transactional
    public Consultation create(NewConsultation c, SignedInUser by) {
        List<InvalidInput> problems = new ArrayList<>();
        Drafts.DraftVersion version = null;
        Drafts.Draft draft = null;
        if (c.versionId() == null) {
            problems.add(new InvalidInput("versionId", "consultation.error.version-missing"));
        } else {
            try {
                version = drafts.version(c.versionId());
                draft = drafts.get(version.draftId(), by);
            } catch (NotFound e) {
                // another agency's draft is not found for this user: one message for both, so as not to tell which
                problems.add(new InvalidInput("versionId", "consultation.error.version-not-yours"));
            }
            if (draft != null && !ConsultationAccess.mayAct(draft.agencyCode(), by)) {
                throw new AccessDeniedException("may not consult on the agency's draft");
            }
        }
        String title = ConsultationAccess.text(c.title());
        if (title == null || title.length() > 500) {
            problems.add(new InvalidInput("title", "consultation.error.title"));
        }
        String summary = ConsultationAccess.text(c.summary());
        if (summary != null && summary.length() > 5000) {
            problems.add(new InvalidInput("summary", "consultation.error.summary"));
        }
        Optional<Consultation.PeriodRule> rule = Optional.empty();
        if (c.opensOn() == null) {
            problems.add(new InvalidInput("opensOn", "consultation.error.opens-on"));
        } else if (c.closesOn() == null || c.closesOn().isBefore(c.opensOn())) {
            problems.add(new InvalidInput("closesOn", "consultation.error.closes-on"));
        } else if (c.closesOn().isBefore(today())) {
            // a period over already could never be published: said now, not when the officer tries to publish it
            problems.add(new InvalidInput("closesOn", "consultation.error.closes-before-today",
                    LocalTime.format(c.closesOn()), LocalTime.format(today())));
        } else {
            rule = periodRuleOn(c.opensOn());
            long days = java.time.temporal.ChronoUnit.DAYS.between(c.opensOn(), c.closesOn()) + 1;
            if (rule.isPresent() && days < rule.get().minDays()) {
                problems.add(new InvalidInput("closesOn", "consultation.error.period", rule.get().minDays(),
                        rule.get().source(), days));
            }
        }
        List<String> questions = clean(c.questions(), 2000);
        if (questions.size() > MAX_QUESTIONS || c.questions().stream().anyMatch(q -> q != null && q.length() > 2000)) {
            problems.add(new InvalidInput("questions", "consultation.error.questions", MAX_QUESTIONS));
        }
        InvalidInput.throwIfAny(problems);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("draft", draft.id());
        params.put("version", version.id());
        params.put("agency", draft.agencyCode());
        params.put("title", title);
        params.put("summary", summary);
        params.put("opens", Date.valueOf(c.opensOn()));
        params.put("closes", Date.valueOf(c.closesOn()));
        params.put("rule", rule.map(Consultation.PeriodRule::id).orElse(null));
        params.put("audiences", clean(c.audiences(), 200).toArray(String[]::new));
        params.put("keywords", clean(c.keywords(), 200).toArray(String[]::new));
        params.put("by", by.username());
        params.put("at", Timestamp.from(clock.instant()));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        var spec = jdbc.sql("""
                INSERT INTO consultation (draft_id, version_id, agency_code, title, summary, opens_on, closes_on,
                    period_rule_id, status, audiences, keywords, created_by, created_at)
                VALUES (:draft, :version, :agency, :title, :summary, :opens, :closes, :rule, 'DRAFT',
                    :audiences::text[], :keywords::text[], :by, :at)""");
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update(keys, "id");
        long id = keys.getKey().longValue();
        for (int i = 0; i < questions.size(); i++) {
            jdbc.sql("INSERT INTO consultation_question (consultation_id, position, text) VALUES (?, ?, ?)")
                    .params(id, i + 1, questions.get(i)).update();
        }
        events.publishEvent(new ConsultationEvent.ConsultationChanged(by.actor(), id, draft.agencyCode(), "created",
                ConsultationStatus.DRAFT));
        return get(id, by);
    }

    private static List<String> clean(List<String> values, int max) {
        return values.stream().map(ConsultationAccess::text).filter(v -> v != null && v.length() <= max).distinct()
                .toList();
    }

    @Override
    @Transactional
    public Consultation publish(long id, SignedInUser by) {
        Consultation c = get(id, by);
        if (!ConsultationAccess.mayAct(c.agencyCode(), by)) {
            throw new AccessDeniedException("may not publish the agency's consultation");
        }
        if (c.status() != ConsultationStatus.DRAFT) {
            throw notDraft(c);
        }
        if (c.closesOn().isBefore(today())) {
            throw new InvalidInput("closesOn", "consultation.error.closes-past");
        }
        // the public comments from the day it is published: published after its planned first day, it opens today,
        // and the minimum period is counted from today (the record and the synthesis report say so too)
        LocalDate opens = c.opensOn().isBefore(today()) ? today() : c.opensOn();
        Optional<Consultation.PeriodRule> rule = periodRuleOn(opens);
        long days = java.time.temporal.ChronoUnit.DAYS.between(opens, c.closesOn()) + 1;
        if (rule.isPresent() && days < rule.get().minDays()) {
            throw new InvalidInput("closesOn", "consultation.error.period-late", rule.get().minDays(), rule.get().source(),
                    days, vn.loa.shared.LocalTime.format(opens));
        }
        // two officers at once: the second update waits for the first, then finds it published and changes nothing
        int changed = jdbc.sql("""
                UPDATE consultation SET status = 'OPEN', published_at = ?, opens_on = ?, period_rule_id = ?
                WHERE id = ? AND status = 'DRAFT'""")
                .params(Timestamp.from(clock.instant()), Date.valueOf(opens), rule.map(Consultation.PeriodRule::id)
                        .orElse(null), id).update();
        if (changed == 0) {
            throw notDraft(find(id).orElseThrow());
        }
        events.publishEvent(new ConsultationEvent.ConsultationChanged(by.actor(), id, c.agencyCode(), "published",
                ConsultationStatus.OPEN));
        return get(id, by);
    }

    /** Why a consultation cannot be published: already published (by another officer, after the page was shown). */
    private static Conflict notDraft(Consultation c) {
        return c.publishedAt() == null ? new Conflict("consultation.error.not-draft")
                : new Conflict("consultation.error.published-already", LocalTime.format(c.publishedAt()));
    }

    @Override
    @Transactional
    public int closeDue() {
        List<Map.Entry<Long, String>> due = jdbc.sql("""
                SELECT id, agency_code FROM consultation WHERE status = 'OPEN' AND closes_on < ? FOR UPDATE""")
                .param(Date.valueOf(today())).query((rs, row) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        // the rows are locked as still OPEN (PostgreSQL checks the condition again on a row it waited for): an
        // adoption at the same moment is either before, and the consultation is not due, or after, and adopts it closed
        for (var c : due) {
            jdbc.sql("UPDATE consultation SET status = 'CLOSED' WHERE id = ?").param(c.getKey()).update();
            events.publishEvent(new ConsultationEvent.ConsultationChanged(Actor.SYSTEM, c.getKey(), c.getValue(),
                    "closed", ConsultationStatus.CLOSED));
        }
        return due.size();
    }

    @Override
    public Consultation get(long id, SignedInUser user) {
        Consultation c = find(id).orElseThrow(() -> new NotFound("consultation", id));
        if (!ConsultationAccess.maySee(c.agencyCode(), user)) {
            throw new NotFound("consultation", id);
        }
        return c;
    }

    Optional<Consultation> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(this::consultation).optional();
    }

    @Override
    public List<Consultation> list(SignedInUser user) {
        return jdbc.sql(SELECT + " ORDER BY c.created_at DESC, c.id DESC").query(this::consultation).list().stream()
                .filter(c -> ConsultationAccess.maySee(c.agencyCode(), user)).toList();
    }

    @Override
    public Optional<Consultation> published(long id) {
        return find(id).filter(c -> c.status() != ConsultationStatus.DRAFT);
    }

    @Override
    public List<Consultation> openOn(LocalDate day) {
        return jdbc.sql(SELECT + " WHERE c.status = 'OPEN' AND c.opens_on <= ? AND c.closes_on >= ? ORDER BY c.closes_on, c.id")
                .params(Date.valueOf(day), Date.valueOf(day)).query(this::consultation).list();
    }

    @Override
    public List<Consultation> pastOnes(int limit) {
        return jdbc.sql(SELECT + " WHERE c.status IN ('CLOSED', 'ADOPTED') ORDER BY c.closes_on DESC, c.id DESC LIMIT ?")
                .param(limit).query(this::consultation).list();
    }

    @Override
    public Optional<Consultation.PeriodRule> periodRuleOn(LocalDate day) {
        return jdbc.sql("""
                SELECT * FROM consultation_period_rule WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY valid_from DESC, id DESC LIMIT 1""").params(Date.valueOf(day), Date.valueOf(day))
                .query((rs, row) -> rule(rs, "")).optional();
    }

    private static final String SELECT = """
            SELECT c.*, r.valid_from AS r_valid_from, r.valid_to AS r_valid_to, r.min_days AS r_min_days,
                   r.source AS r_source, r.certainty AS r_certainty, r.id AS r_id
            FROM consultation c LEFT JOIN consultation_period_rule r ON r.id = c.period_rule_id""";

    private static Consultation.PeriodRule rule(ResultSet rs, String prefix) throws SQLException {
        Date to = rs.getDate(prefix + "valid_to");
        return new Consultation.PeriodRule(rs.getLong(prefix + "id"), rs.getDate(prefix + "valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate(), rs.getInt(prefix + "min_days"), rs.getString(prefix + "source"),
                "VERIFIED".equals(rs.getString(prefix + "certainty")));
    }

    private Consultation consultation(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<String> questions = jdbc.sql("SELECT text FROM consultation_question WHERE consultation_id = ? ORDER BY position")
                .param(id).query(String.class).list();
        Timestamp published = rs.getTimestamp("published_at");
        return new Consultation(id, rs.getLong("draft_id"), rs.getLong("version_id"), rs.getString("agency_code"),
                rs.getString("title"), rs.getString("summary"), rs.getDate("opens_on").toLocalDate(),
                rs.getDate("closes_on").toLocalDate(), rs.getObject("r_id") == null ? null : rule(rs, "r_"),
                ConsultationStatus.valueOf(rs.getString("status")), questions, strings(rs.getArray("audiences")),
                strings(rs.getArray("keywords")), rs.getObject("final_version_id") == null ? null
                        : rs.getLong("final_version_id"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                published == null ? null : published.toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

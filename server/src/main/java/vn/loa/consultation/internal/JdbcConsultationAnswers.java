package vn.loa.consultation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.consultation.AnswerStatus;
import vn.loa.consultation.ConsultationAnswerEvent;
import vn.loa.consultation.ConsultationAnswers;
import vn.loa.consultation.ThemeGroups;
import vn.loa.consultation.Verdict;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.platform.DisplayNames;
import vn.loa.publishing.Channel;
import vn.loa.publishing.Publication;
import vn.loa.publishing.Publishing;
import vn.loa.shared.Actor;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Answers per group with four eyes, the notices to contributors through publishing's outbox (in the transaction of the
 * publication, once per answer and contact), the adoption of the final text, and the synthesis report.
 */
@Service
@Transactional
class JdbcConsultationAnswers implements ConsultationAnswers {

    static final int REASON_MAX = 4_000;
    static final int NAME_MAX = 200;

    private final JdbcClient jdbc;
    private final ConsultationRows rows;
    private final JdbcThemeGroups groups;
    private final Publishing publishing;
    private final AgencyDirectory agencies;
    private final SynthesisReport reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DisplayNames names;
    private final MessageSource messages;
    private final String baseUrl;

    JdbcConsultationAnswers(JdbcClient jdbc, ConsultationRows rows, JdbcThemeGroups groups, Publishing publishing,
            AgencyDirectory agencies, SynthesisReport reports, ApplicationEventPublisher events, Clock clock,
            DisplayNames names, MessageSource messages, @Value("${loa.alerts.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.groups = groups;
        this.publishing = publishing;
        this.agencies = agencies;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
        this.names = names;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    private record GroupRow(long id, long consultationId, String unitKey, String label) {
    }

    /** An answer as stored; {@code lastBy} and {@code lastAt} say who took it to its status, and when. */
    private record AnswerRow(long id, long consultationId, long groupId, Verdict verdict, String reason,
            AnswerStatus status, String draftedBy, String submittedBy, int version, String lastBy, Instant lastAt) {
    }

    private GroupRow group(long groupId) {
        return jdbc.sql("SELECT id, consultation_id, unit_key, label FROM consultation_group WHERE id = ?").param(groupId)
                .query((rs, n) -> new GroupRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> new NotFound("consultation-group", groupId));
    }

    /** The answer, locked until the end of the transaction: its steps are taken one after the other. */
    private AnswerRow answer(long answerId) {
        return jdbc.sql("""
                SELECT id, consultation_id, group_id, verdict, reason, status, drafted_by, submitted_by, version,
                    CASE status WHEN 'DRAFT' THEN drafted_by WHEN 'SUBMITTED' THEN submitted_by
                        WHEN 'APPROVED' THEN approved_by ELSE published_by END,
                    CASE status WHEN 'DRAFT' THEN drafted_at WHEN 'SUBMITTED' THEN submitted_at
                        WHEN 'APPROVED' THEN approved_at ELSE published_at END
                FROM consultation_answer WHERE id = ? FOR UPDATE""").param(answerId).query((rs, n) -> new AnswerRow(
                rs.getLong(1), rs.getLong(2), rs.getLong(3), Verdict.valueOf(rs.getString(4)), rs.getString(5),
                AnswerStatus.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getInt(9),
                rs.getString(10), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant())).optional()
                .orElseThrow(() -> new NotFound("consultation-answer", answerId));
    }

    /**
     * Refuses a step taken from a page that showed another version of the answer: someone rewrote it, or moved it on,
     * since. Said with who and when; the same step taken twice (a double click, or two people) is said to be done.
     * {@code seen} null is for the steps on every answer at once, which take each answer as it is.
     */
    private void checkSeen(AnswerRow a, Integer seen, AnswerStatus to) {
        if (seen == null || a.version() == seen) {
            return;
        }
        String changed = a.status() == to ? "consultation.answers.error.already." : "consultation.answers.error.changed.";
        throw new Conflict(changed + a.status().name(), names.person(a.lastBy()), LocalTime.format(a.lastAt()));
    }

    private static int required(Integer seen) {
        if (seen == null) {
            throw new InvalidInput("version", "consultation.answers.error.version");
        }
        return seen;
    }

    private ThemeGroups.Answer view(long answerId) {
        return jdbc.sql("""
                SELECT id, group_id, verdict, reason, status, drafted_by, submitted_by, approved_by, published_at, version
                FROM consultation_answer WHERE id = ?""").param(answerId).query((rs, n) -> {
                    Timestamp published = rs.getTimestamp(9);
                    return new ThemeGroups.Answer(rs.getLong(1), rs.getLong(2), Verdict.valueOf(rs.getString(3)),
                            rs.getString(4), AnswerStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                            rs.getString(8), published == null ? null : published.toInstant(), rs.getInt(10));
                }).single();
    }

    private ConsultationRows.Consultation actable(long consultationId, SignedInUser user) {
        ConsultationRows.Consultation c = rows.visible(consultationId, user);
        if (!ConsultationAccess.mayAct(c.agencyCode(), user)) {
            throw new AccessDeniedException("not this agency's consultation");
        }
        return c;
    }

    @Override
    public ThemeGroups.Answer save(long groupId, Verdict verdict, String reason, Long templateId, SignedInUser user) {
        GroupRow g = group(groupId);
        ConsultationRows.Consultation c = actable(g.consultationId(), user);
        List<InvalidInput> problems = new ArrayList<>();
        if (verdict == null) {
            problems.add(new InvalidInput("verdict", "consultation.answers.error.verdict"));
        }
        String text = ConsultationAccess.text(reason);
        if (text == null || text.length() > REASON_MAX) {
            problems.add(new InvalidInput("reason", "consultation.answers.error.reason", REASON_MAX));
        }
        if (templateId != null && jdbc.sql("SELECT count(*) FROM consultation_answer_template WHERE id = ?")
                .param(templateId).query(Long.class).single() == 0) {
            problems.add(new InvalidInput("templateId", "consultation.answers.error.template"));
        }
        InvalidInput.throwIfAny(problems);
        Timestamp now = Timestamp.from(clock.instant());
        Long existing = jdbc.sql("SELECT id FROM consultation_answer WHERE group_id = ? FOR UPDATE").param(groupId)
                .query(Long.class).optional().orElse(null);
        long id;
        if (existing == null) {
            id = jdbc.sql("""
                    INSERT INTO consultation_answer (consultation_id, group_id, verdict, reason, template_id, status,
                        drafted_by, drafted_at) VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?) RETURNING id""")
                    .params(c.id(), groupId, verdict.name(), text, templateId, user.username(), now)
                    .query(Long.class).single();
        } else {
            AnswerRow row = answer(existing);
            if (row.status() == AnswerStatus.PUBLISHED || row.status() == AnswerStatus.APPROVED) {
                throw new Conflict("consultation.answers.error.settled");
            }
            id = existing;
            jdbc.sql("""
                    UPDATE consultation_answer SET verdict = ?, reason = ?, template_id = ?, status = 'DRAFT',
                        drafted_by = ?, drafted_at = ?, submitted_by = NULL, submitted_at = NULL, version = version + 1
                    WHERE id = ?""")
                    .params(verdict.name(), text, templateId, user.username(), now, id).update();
        }
        events.publishEvent(new ConsultationAnswerEvent.AnswerChanged(user.actor(), id, c.id(), AnswerStatus.DRAFT, verdict));
        return view(id);
    }

    @Override
    public ThemeGroups.Answer submit(long answerId, Integer seen, SignedInUser user) {
        AnswerRow a = answer(answerId);
        actable(a.consultationId(), user);
        return submit(a, required(seen), user);
    }

    private ThemeGroups.Answer submit(AnswerRow a, Integer seen, SignedInUser user) {
        ConsultationRows.Consultation c = actable(a.consultationId(), user);
        checkSeen(a, seen, AnswerStatus.SUBMITTED);
        if (a.status() != AnswerStatus.DRAFT) {
            throw new Conflict("consultation.answers.error.not-draft");
        }
        jdbc.sql("""
                UPDATE consultation_answer SET status = 'SUBMITTED', submitted_by = ?, submitted_at = ?, version = version + 1
                WHERE id = ?""")
                .params(user.username(), Timestamp.from(clock.instant()), a.id()).update();
        events.publishEvent(new ConsultationAnswerEvent.AnswerChanged(user.actor(), a.id(), c.id(), AnswerStatus.SUBMITTED,
                a.verdict()));
        return view(a.id());
    }

    @Override
    public ThemeGroups.Answer approve(long answerId, Integer seen, SignedInUser user) {
        AnswerRow a = answer(answerId);
        approver(a, user);
        return approve(a, required(seen), user);
    }

    private ConsultationRows.Consultation approver(AnswerRow a, SignedInUser user) {
        ConsultationRows.Consultation c = rows.visible(a.consultationId(), user);
        if (!ConsultationAccess.mayApprove(c.agencyCode(), user)) {
            throw new AccessDeniedException("may not approve this agency's answers");
        }
        return c;
    }

    private ThemeGroups.Answer approve(AnswerRow a, Integer seen, SignedInUser user) {
        ConsultationRows.Consultation c = approver(a, user);
        // four eyes on the text the approver read: not on one rewritten and submitted again since
        checkSeen(a, seen, AnswerStatus.APPROVED);
        if (a.status() != AnswerStatus.SUBMITTED) {
            throw new Conflict("consultation.answers.error.not-submitted");
        }
        if (user.username().equals(a.draftedBy()) || user.username().equals(a.submittedBy())) {
            throw new Conflict("consultation.answers.error.own");
        }
        jdbc.sql("""
                UPDATE consultation_answer SET status = 'APPROVED', approved_by = ?, approved_at = ?, version = version + 1
                WHERE id = ?""")
                .params(user.username(), Timestamp.from(clock.instant()), a.id()).update();
        events.publishEvent(new ConsultationAnswerEvent.AnswerChanged(user.actor(), a.id(), c.id(), AnswerStatus.APPROVED,
                a.verdict()));
        return view(a.id());
    }

    @Override
    public ThemeGroups.Answer publish(long answerId, Integer seen, SignedInUser user) {
        AnswerRow a = answer(answerId);
        actable(a.consultationId(), user);
        return publish(a, required(seen), user);
    }

    private ThemeGroups.Answer publish(AnswerRow a, Integer seen, SignedInUser user) {
        ConsultationRows.Consultation c = actable(a.consultationId(), user);
        checkSeen(a, seen, AnswerStatus.PUBLISHED);
        if (a.status() != AnswerStatus.APPROVED) {
            throw new Conflict("consultation.answers.error.not-approved");
        }
        jdbc.sql("""
                UPDATE consultation_answer SET status = 'PUBLISHED', published_by = ?, published_at = ?, version = version + 1
                WHERE id = ?""")
                .params(user.username(), Timestamp.from(clock.instant()), a.id()).update();
        events.publishEvent(new ConsultationAnswerEvent.AnswerChanged(user.actor(), a.id(), c.id(), AnswerStatus.PUBLISHED,
                a.verdict()));
        notifyAnswered(c, a.id(), user.actor());
        return view(a.id());
    }

    /**
     * Tells every contributor of the answer's group with a contact, once per answer and contact: a comment from the form
     * has one only when its code was given back; an imported row or an API contribution carries the contact the agency
     * received it from.
     */
    int notifyAnswered(ConsultationRows.Consultation c, long answerId, Actor by) {
        record Target(long contribution, String name, String contactKind, String contact, String reference) {
        }
        ThemeGroups.Answer answer = view(answerId);
        GroupRow g = group(answer.groupId());
        // what the comment was about: an article by its label, else the whole draft
        String about = rows.articles(c.versionId()).entrySet().stream()
                .filter(e -> e.getKey().equals(g.unitKey()) && !e.getKey().equals(ConsultationRows.WHOLE_DRAFT))
                .map(e -> e.getValue().label()).findFirst()
                .orElseGet(() -> notice(ConsultationRows.WHOLE_DRAFT.equals(g.unitKey()) ? "consultation.notice.whole-draft"
                        : "consultation.notice.draft"));
        List<Target> targets = jdbc.sql("""
                SELECT k.id, k.author_name, k.contact_kind, k.contact, k.reference FROM consultation_contribution k
                JOIN consultation_group_member m ON m.contribution_id = k.id
                WHERE m.group_id = ? AND (k.verified OR k.source <> 'FORM') AND k.contact IS NOT NULL
                AND k.status = 'PUBLISHED' AND NOT k.off_topic ORDER BY k.id""")
                .param(g.id()).query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).list();
        int sent = 0;
        for (Target t : targets) {
            String key = "answer:" + answerId + ":" + t.contact().strip().toLowerCase(Locale.ROOT);
            String link = baseUrl + "/public/consultations/" + c.id() + "/answers";
            String body = notice("consultation.notice.answered.body", t.name(), t.reference(), about, c.title(),
                    notice("consultation.notice.verdict." + answer.verdict().name()), answer.reason(), link);
            if (send(c, key, "ANSWERED", answerId, t.contribution(), t.contactKind(), t.contact(),
                    notice("consultation.notice.answered.subject", c.title()), body, by)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * A notice's text in Vietnamese: a contribution carries no language of its contributor, and Vietnamese is what Loa
     * sends to the public (the publication is marked {@code vi}).
     */
    private String notice(String key, Object... arguments) {
        return messages.getMessage(key, arguments, Languages.VIETNAMESE);
    }

    private boolean send(ConsultationRows.Consultation c, String key, String kind, Long answerId, long contribution,
            String contactKind, String contact, String title, String body, Actor by) {
        if (jdbc.sql("SELECT count(*) FROM consultation_notice WHERE notice_key = ?").param(key).query(Long.class)
                .single() > 0) {
            return false;
        }
        Channel channel = "PHONE".equals(contactKind) ? Channel.SMS : Channel.EMAIL;
        String text = channel == Channel.SMS && body.length() > 1_500 ? body.substring(0, 1_497) + "..." : body;
        Agency agency = agencies.findByCode(c.agencyCode(), LocalDate.ofInstant(clock.instant(), LocalTime.ZONE))
                .orElseThrow(() -> new NotFound("agency", c.agencyCode()));
        long publication = publishing.enqueue(new Publication("consultation-notice:" + key, null, null, agency.id(),
                channel, "vi", title.length() > 290 ? title.substring(0, 290) : title, text, List.of(),
                List.of(contact.strip()), List.of(), null, false), by);
        jdbc.sql("""
                INSERT INTO consultation_notice (consultation_id, kind, answer_id, contribution_id, contact, publication_id,
                    notice_key, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), kind, answerId, contribution, contact.strip(), publication, key,
                        Timestamp.from(clock.instant())).update();
        return true;
    }

    /** The verdict as the synthesis report (always Vietnamese, Decree 30/2020) words it. */
    static String verdict(Verdict verdict) {
        return switch (verdict) {
            case ACCEPTED -> "tiếp thu";
            case PARTLY_ACCEPTED -> "tiếp thu một phần";
            case NOT_ACCEPTED -> "không tiếp thu";
        };
    }

    /** After a correction moved contributions into a group whose answer is out, their contributors hear it too. */
    @org.springframework.context.event.EventListener
    void corrected(ConsultationAnswerEvent.GroupsCorrected event) {
        ConsultationRows.Consultation c = rows.find(event.consultationId());
        for (long answer : ids(c.id(), AnswerStatus.PUBLISHED)) {
            notifyAnswered(c, answer, event.by());
        }
    }

    @Override
    public int submitAll(long consultationId, SignedInUser user) {
        actable(consultationId, user);
        int done = 0;
        for (long id : ids(consultationId, AnswerStatus.DRAFT)) {
            submit(answer(id), null, user);
            done++;
        }
        return done;
    }

    @Override
    public int approveAll(long consultationId, SignedInUser user) {
        rows.visible(consultationId, user);
        int done = 0;
        for (long id : ids(consultationId, AnswerStatus.SUBMITTED)) {
            AnswerRow a = answer(id);
            if (!user.username().equals(a.draftedBy()) && !user.username().equals(a.submittedBy())) {
                approve(a, null, user);
                done++;
            }
        }
        return done;
    }

    @Override
    public int publishAll(long consultationId, SignedInUser user) {
        actable(consultationId, user);
        int done = 0;
        for (long id : ids(consultationId, AnswerStatus.APPROVED)) {
            publish(answer(id), null, user);
            done++;
        }
        return done;
    }

    private List<Long> ids(long consultationId, AnswerStatus status) {
        return jdbc.sql("SELECT id FROM consultation_answer WHERE consultation_id = ? AND status = ? ORDER BY id")
                .params(consultationId, status.name()).query(Long.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Template> templates(SignedInUser user) {
        boolean all = ConsultationAccess.seesProvinceWide(user);
        return jdbc.sql("""
                SELECT id, agency_code, name, verdict, body FROM consultation_answer_template
                WHERE ? OR agency_code = ? ORDER BY agency_code, name""").params(all, user.agencyCode())
                .query((rs, n) -> new Template(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Verdict.valueOf(rs.getString(4)), rs.getString(5))).list();
    }

    @Override
    public Template saveTemplate(String agencyCode, String name, Verdict verdict, String body, SignedInUser user) {
        String agency = ConsultationAccess.text(agencyCode) == null ? user.agencyCode() : agencyCode.strip();
        List<InvalidInput> problems = new ArrayList<>();
        if (agency == null) {
            problems.add(new InvalidInput("agencyCode", "consultation.answers.error.agency"));
        }
        String n = ConsultationAccess.text(name);
        if (n == null || n.length() > NAME_MAX) {
            problems.add(new InvalidInput("name", "consultation.answers.error.template-name", NAME_MAX));
        }
        if (verdict == null) {
            problems.add(new InvalidInput("verdict", "consultation.answers.error.verdict"));
        }
        String text = ConsultationAccess.text(body);
        if (text == null || text.length() > REASON_MAX) {
            problems.add(new InvalidInput("body", "consultation.answers.error.reason", REASON_MAX));
        }
        InvalidInput.throwIfAny(problems);
        if (!ConsultationAccess.mayAct(agency, user)) {
            throw new AccessDeniedException("not this agency's templates");
        }
        long id = jdbc.sql("""
                INSERT INTO consultation_answer_template (agency_code, name, verdict, body, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (agency_code, name) DO UPDATE SET verdict = EXCLUDED.verdict,
                    body = EXCLUDED.body RETURNING id""")
                .params(agency, n, verdict.name(), text, user.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new ConsultationAnswerEvent.TemplateSaved(user.actor(), id, agency));
        return new Template(id, agency, n, verdict, text);
    }

    @Override
    @Transactional(readOnly = true)
    public String fill(long templateId, long groupId, SignedInUser user) {
        GroupRow g = group(groupId);
        ConsultationRows.Consultation c = rows.visible(g.consultationId(), user);
        Template t = templates(user).stream().filter(x -> x.id() == templateId).findFirst()
                .orElseThrow(() -> new NotFound("consultation-template", templateId));
        return fill(t.body(), c, g);
    }

    private String fill(String body, ConsultationRows.Consultation c, GroupRow g) {
        String article = rows.articles(c.versionId()).getOrDefault(g.unitKey(),
                new ConsultationRows.Article(g.unitKey(), "dự thảo", 0)).label();
        long count = jdbc.sql("SELECT count(*) FROM consultation_group_member WHERE group_id = ?").param(g.id())
                .query(Long.class).single();
        // a group without a name is the ideas of this group, never "—" in a letter to citizens
        String theme = g.label() == null || g.label().isBlank() || g.label().equals(vn.loa.consultation.ThemeGroups.UNNAMED)
                ? "nhóm ý kiến này" : g.label();
        return body.replace("{article}", article).replace("{theme}", theme).replace("{count}", String.valueOf(count))
                .replace("{title}", c.title());
    }

    /** Fills a template's placeholders for a group, for the answers page's template picker. */
    Map<Long, Map<Long, String>> filledTemplates(long consultationId, SignedInUser user) {
        ConsultationRows.Consultation c = rows.visible(consultationId, user);
        List<Template> templates = templates(user).stream().filter(t -> t.agencyCode().equals(c.agencyCode())).toList();
        Map<Long, Map<Long, String>> result = new java.util.LinkedHashMap<>();
        for (Long groupId : jdbc.sql("SELECT id FROM consultation_group WHERE consultation_id = ?").param(c.id())
                .query(Long.class).list()) {
            GroupRow g = group(groupId);
            Map<Long, String> filled = new java.util.LinkedHashMap<>();
            templates.forEach(t -> filled.put(t.id(), fill(t.body(), c, g)));
            result.put(groupId, filled);
        }
        return result;
    }

    @Override
    public int adopt(long consultationId, long finalVersionId, SignedInUser user) {
        ConsultationRows.Consultation c = actable(consultationId, user);
        Long draft = jdbc.sql("SELECT draft_id FROM consultation_draft_version WHERE id = ?").param(finalVersionId)
                .query(Long.class).optional().orElse(null);
        if (draft == null || draft != c.draftId()) {
            throw new InvalidInput("finalVersionId", "consultation.adopt.error.version");
        }
        if (c.status().equals("DRAFT")) {
            throw new Conflict("consultation.adopt.error.status");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, LocalTime.ZONE);
        LocalDate closesOn = jdbc.sql("SELECT closes_on FROM consultation WHERE id = ?").param(c.id())
                .query(java.sql.Date.class).single().toLocalDate();
        // the people were told they may comment to the end of the last day: the text is adopted only after it
        if (c.status().equals("OPEN") && !today.isAfter(closesOn)) {
            throw new Conflict("consultation.adopt.error.still-open", LocalTime.format(closesOn));
        }
        // adopted only once, even by two officers at once: the second update waits for the first and changes nothing
        int changed = jdbc.sql("""
                UPDATE consultation SET status = 'ADOPTED', final_version_id = ?, adopted_at = ?
                WHERE id = ? AND (status = 'CLOSED' OR status = 'OPEN' AND closes_on < ?)""")
                .params(finalVersionId, Timestamp.from(now), c.id(), java.sql.Date.valueOf(today))
                .update();
        if (changed == 0) {
            Instant adoptedAt = jdbc.sql("SELECT adopted_at FROM consultation WHERE id = ?").param(c.id())
                    .query(Timestamp.class).single().toInstant();
            throw new Conflict("consultation.adopt.error.adopted", LocalTime.format(adoptedAt));
        }
        jdbc.sql("UPDATE consultation_draft_version SET final = (id = ?) WHERE draft_id = ?").params(finalVersionId, draft)
                .update();
        record Target(long contribution, String name, String contactKind, String contact) {
        }
        List<Target> targets = jdbc.sql("""
                SELECT id, author_name, contact_kind, contact FROM consultation_contribution WHERE consultation_id = ?
                AND (verified OR source <> 'FORM') AND contact IS NOT NULL AND status = 'PUBLISHED' ORDER BY id""").param(c.id())
                .query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        String link = baseUrl + "/public/consultations/" + c.id() + "/changes";
        int sent = 0;
        for (Target t : targets) {
            String key = "adopted:" + c.id() + ":" + t.contact().strip().toLowerCase(Locale.ROOT);
            String body = notice("consultation.notice.adopted.body", t.name(), c.title(), link,
                    baseUrl + "/public/consultations/" + c.id() + "/answers");
            if (send(c, key, "ADOPTED", null, t.contribution(), t.contactKind(), t.contact(),
                    notice("consultation.notice.adopted.subject", c.title()), body, user.actor())) {
                sent++;
            }
        }
        events.publishEvent(new ConsultationAnswerEvent.Adopted(user.actor(), c.id(), finalVersionId, sent));
        return sent;
    }

    @Override
    @Transactional(readOnly = true)
    public PublicAnswers publicAnswers(long consultationId) {
        ConsultationRows.Consultation c = rows.find(consultationId);
        if (c.status().equals("DRAFT")) {
            throw new NotFound("consultation", consultationId);
        }
        return new PublicAnswers(c.id(), c.title(), c.agencyCode(), c.status(), groups.read(c, true));
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] report(long consultationId, SignedInUser user) {
        ConsultationRows.Consultation c = rows.visible(consultationId, user);
        return reports.of(c, groups.read(c, false));
    }

    @Override
    @Transactional(readOnly = true)
    public byte[] publicReport(long consultationId) {
        ConsultationRows.Consultation c = rows.find(consultationId);
        List<ThemeGroups.ArticleGroups> published = groups.read(c, true);
        // the report goes public with the adopted text, as the agency's account of what it did with the comments
        if (!c.status().equals("ADOPTED") || published.isEmpty()) {
            throw new NotFound("consultation-report", consultationId);
        }
        return reports.of(c, published);
    }
}

package vn.loa.coordination.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.coordination.CoordinationEvent;
import vn.loa.coordination.Difficulties;
import vn.loa.coordination.Difficulty;
import vn.loa.coordination.Files.StoredFile;
import vn.loa.coordination.Tasks;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/** Difficulties and proposals on PostgreSQL; every step audited, the sender's people e-mailed when answered. */
@Service
class JdbcDifficulties implements Difficulties {

    static final Set<String> STATUSES = Set.of("SUBMITTED", "FORWARDED", "ANSWERED", "CLOSED");

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final JdbcDirectives directives;
    private final AgencyDirectory agencies;
    private final CoordinationFiles files;
    private final CoordinationMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcDifficulties(JdbcClient jdbc, Tasks tasks, JdbcDirectives directives, AgencyDirectory agencies,
            CoordinationFiles files, CoordinationMail mail, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.directives = directives;
        this.agencies = agencies;
        this.files = files;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    /** The status as each reader's language names it, for a message. */
    private static MessageSourceResolvable statusName(String status) {
        return new DefaultMessageSourceResolvable(new String[] {"coordination.difficulty.status." + status}, status);
    }

    @Override
    @Transactional
    public Difficulty submit(NewDifficulty d, SignedInUser by) {
        if (!CoordinationAccess.agencyStaff(by)) {
            throw new InvalidInput("agency", "coordination.error.difficulty-agency");
        }
        List<InvalidInput> problems = new ArrayList<>();
        if (d.kind() == null || !Set.of("DIFFICULTY", "PROPOSAL").contains(d.kind())) {
            problems.add(new InvalidInput("kind", "coordination.error.difficulty-kind"));
        }
        String title = CoordinationAccess.text(d.title());
        String body = CoordinationAccess.text(d.body());
        if (title == null || title.length() > 500) {
            problems.add(new InvalidInput("title", "coordination.error.difficulty-title"));
        }
        if (body == null || body.length() > JdbcTasks.TEXT_MAX) {
            problems.add(new InvalidInput("body", "coordination.error.difficulty-body"));
        }
        Long directiveId = d.directiveId();
        if (d.taskId() != null) {
            try {
                directiveId = tasks.get(d.taskId(), by).directiveId();
            } catch (NotFound e) {
                problems.add(new InvalidInput("taskId", "coordination.error.difficulty-task"));
            }
        } else if (directiveId != null) {
            try {
                directives.find(directiveId);
            } catch (NotFound e) {
                problems.add(new InvalidInput("directiveId", "coordination.error.difficulty-directive"));
            }
        }
        try {
            files.check(d.attachments());
        } catch (InvalidInput e) {
            problems.add(e);
        }
        InvalidInput.throwIfAny(problems);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO coord_difficulty (kind, agency_id, directive_id, task_id, title, body, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(d.kind(), by.agency().value(), directiveId, d.taskId(), title, body, by.username(),
                        Timestamp.from(now)).query(Long.class).single();
        files.store(null, id, d.attachments(), by.username(), now);
        events.publishEvent(new CoordinationEvent.DifficultyChanged(by.actor(), id, "submitted", by.agencyCode(), "SUBMITTED"));
        return find(id);
    }

    private static final String SELECT = """
            SELECT d.*, a.code AS agency_code, f.code AS forwarded_code FROM coord_difficulty d
            JOIN agency a ON a.id = d.agency_id LEFT JOIN agency f ON f.id = d.forwarded_to_agency_id
            """;

    private Difficulty find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(this::difficulty).optional()
                .orElseThrow(() -> new NotFound("difficulty", id));
    }

    private Difficulty difficulty(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Timestamp answeredAt = rs.getTimestamp("answered_at");
        return new Difficulty(id, rs.getString("kind"), rs.getString("agency_code"), (Long) rs.getObject("directive_id"),
                (Long) rs.getObject("task_id"), rs.getString("title"), rs.getString("body"), rs.getString("status"),
                rs.getString("forwarded_code"), rs.getString("forward_note"), rs.getString("answer"),
                rs.getString("answered_by"), answeredAt == null ? null : answeredAt.toInstant(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), files.ofDifficulty(id));
    }

    private record Owners(long agencyId, Long forwardedTo) {
    }

    private Owners owners(long id) {
        return jdbc.sql("SELECT agency_id, forwarded_to_agency_id FROM coord_difficulty WHERE id = ?").param(id)
                .query((rs, n) -> new Owners(rs.getLong(1), (Long) rs.getObject(2))).optional()
                .orElseThrow(() -> new NotFound("difficulty", id));
    }

    private boolean sender(Owners o, SignedInUser user) {
        return CoordinationAccess.agencyStaff(user) && user.agency().value() == o.agencyId();
    }

    private boolean forwardedTo(Owners o, SignedInUser user) {
        return CoordinationAccess.agencyStaff(user) && o.forwardedTo() != null && user.agency().value() == o.forwardedTo();
    }

    private Owners visible(long id, SignedInUser user) {
        Owners o = owners(id);
        if (!CoordinationAccess.seesProvince(user) && !sender(o, user) && !forwardedTo(o, user)) {
            throw new NotFound("difficulty", id);
        }
        return o;
    }

    @Override
    public Difficulty get(long id, SignedInUser user) {
        visible(id, user);
        return find(id);
    }

    @Override
    public Page<Difficulty> list(String status, PageRequest asked, SignedInUser user) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (!CoordinationAccess.seesProvince(user)) {
            if (!CoordinationAccess.agencyStaff(user)) {
                return new Page<>(List.of(), asked, 0);
            }
            where.append(" AND (d.agency_id = ? OR d.forwarded_to_agency_id = ?)");
            params.add(user.agency().value());
            params.add(user.agency().value());
        }
        if (status != null && !status.isBlank()) {
            if (!STATUSES.contains(status.strip())) {
                throw new InvalidInput("status", "coordination.error.difficulty-status");
            }
            where.append(" AND d.status = ?");
            params.add(status.strip());
        }
        long total = jdbc.sql("SELECT count(*) FROM coord_difficulty d" + where).params(params).query(Long.class).single();
        PageRequest page = asked.within(total);
        List<Object> all = new ArrayList<>(params);
        all.add(page.size());
        all.add(page.offset());
        return new Page<>(jdbc.sql(SELECT + where + " ORDER BY d.created_at DESC, d.id DESC LIMIT ? OFFSET ?").params(all)
                .query(this::difficulty).list(), page, total);
    }

    @Override
    @Transactional
    public Difficulty answer(long id, String answer, SignedInUser by) {
        Owners o = visible(id, by);
        Difficulty d = find(id);
        boolean mayAnswer = CoordinationAccess.coordinates(by) || (forwardedTo(o, by) && d.status().equals("FORWARDED"));
        if (!mayAnswer) {
            throw new NotFound("difficulty", id);
        }
        if (!d.status().equals("SUBMITTED") && !d.status().equals("FORWARDED")) {
            throw new Conflict("coordination.conflict.difficulty-status", statusName(d.status()));
        }
        String text = CoordinationAccess.text(answer);
        if (text == null || text.length() > JdbcTasks.TEXT_MAX) {
            throw new InvalidInput("answer", "coordination.error.answer");
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE coord_difficulty SET status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ? WHERE id = ?")
                .params(text, by.username(), Timestamp.from(now), id).update();
        events.publishEvent(new CoordinationEvent.DifficultyChanged(by.actor(), id, "answered", d.agencyCode(), "ANSWERED"));
        mail.send(mail.agencyPeople(o.agencyId()), "Trả lời " + (d.kind().equals("PROPOSAL") ? "kiến nghị" : "khó khăn, vướng mắc")
                + ": " + d.title(), "Kiến nghị/khó khăn \"" + d.title() + "\" gửi ngày " + LocalTime.formatDay(d.createdAt())
                + " đã được trả lời:\n\n" + text + "\n\nXem tại: " + mail.link("/coordination/difficulties/" + id) + "\n");
        return find(id);
    }

    @Override
    @Transactional
    public Difficulty forward(long id, String agencyCode, String note, SignedInUser by) {
        visible(id, by);
        if (!CoordinationAccess.coordinates(by)) {
            throw new NotFound("difficulty", id);
        }
        Difficulty d = find(id);
        if (!d.status().equals("SUBMITTED") && !d.status().equals("FORWARDED")) {
            throw new Conflict("coordination.conflict.difficulty-status", statusName(d.status()));
        }
        Agency to = agencyCode == null || agencyCode.isBlank() ? null
                : agencies.findByCode(agencyCode.strip(), today()).orElse(null);
        if (to == null) {
            throw new InvalidInput("agencyCode", "coordination.error.forward-agency");
        }
        String text = CoordinationAccess.text(note);
        if (text != null && text.length() > JdbcTasks.TEXT_MAX) {
            throw new InvalidInput("note", "coordination.error.note");
        }
        jdbc.sql("UPDATE coord_difficulty SET status = 'FORWARDED', forwarded_to_agency_id = ?, forward_note = ? WHERE id = ?")
                .params(to.id().value(), text, id).update();
        events.publishEvent(new CoordinationEvent.DifficultyChanged(by.actor(), id, "forwarded", to.code(), "FORWARDED"));
        mail.send(mail.agencyPeople(to.id().value()), "Đề nghị trả lời kiến nghị/khó khăn: " + d.title(),
                "Sở phụ trách thông tin và truyền thông chuyển kiến nghị/khó khăn \"" + d.title() + "\" của " + d.agencyCode()
                        + " để đơn vị trả lời." + (text == null ? "" : "\n\n" + text) + "\n\nTrả lời tại: "
                        + mail.link("/coordination/difficulties/" + id) + "\n");
        return find(id);
    }

    @Override
    @Transactional
    public Difficulty close(long id, SignedInUser by) {
        Owners o = visible(id, by);
        if (!CoordinationAccess.coordinates(by) && !sender(o, by)) {
            throw new NotFound("difficulty", id);
        }
        Difficulty d = find(id);
        if (!d.status().equals("ANSWERED")) {
            throw new Conflict("coordination.conflict.difficulty-status", statusName(d.status()));
        }
        jdbc.sql("UPDATE coord_difficulty SET status = 'CLOSED' WHERE id = ?").param(id).update();
        events.publishEvent(new CoordinationEvent.DifficultyChanged(by.actor(), id, "closed", d.agencyCode(), "CLOSED"));
        return find(id);
    }

    @Override
    public StoredFile attachment(long attachmentId, SignedInUser user) {
        CoordinationFiles.Owned owned = files.find(attachmentId);
        if (owned.difficultyId() == null) {
            throw new NotFound("attachment", attachmentId);
        }
        visible(owned.difficultyId(), user);
        return owned.file();
    }
}

package vn.loa.listening.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.listening.Alerts;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostsImported;
import vn.loa.listening.Trends;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/**
 * Alert rules, evaluated after every import (in the background, so imports are not slowed) and
 * every five minutes. An alert is raised at most once per rule and hour; it is sent by e-mail
 * when an SMTP server is configured ({@code spring.mail.host}), and the outcome of sending is kept.
 */
@Service
class JdbcAlerts implements Alerts {

    private static final Log log = LogFactory.getLog(JdbcAlerts.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Trends trends;
    private final Users users;
    private final AgencyDirectory agencies;
    private final ObjectProvider<JavaMailSender> mail;
    private final AlertSettings settings;
    private final ApplicationEventPublisher events;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "loa-alerts");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    JdbcAlerts(JdbcClient jdbc, Clock clock, Trends trends, Users users, AgencyDirectory agencies,
            ObjectProvider<JavaMailSender> mail, AlertSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trends = trends;
        this.users = users;
        this.agencies = agencies;
        this.mail = mail;
        this.settings = settings;
        this.events = events;
    }

    /** After an import, rules are evaluated in the background; imports arriving meanwhile are folded into one run. */
    @EventListener
    void on(PostsImported event) {
        if (event.stored() > 0 && pending.compareAndSet(false, true)) {
            background.submit(() -> {
                pending.set(false);
                try {
                    evaluate();
                } catch (RuntimeException e) {
                    log.warn("Evaluating alert rules failed; the next import or the schedule tries again", e);
                }
            });
        }
    }

    // --- rules

    @Override
    public List<Rule> rules(SignedInUser user) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (!provinceWide(user)) {
            where = " WHERE agency_code = ?";
            params.add(user.agencyCode() == null ? "-" : user.agencyCode());
        }
        return jdbc.sql("SELECT * FROM alert_rule" + where + " ORDER BY enabled DESC, agency_code NULLS FIRST, id")
                .params(params).query((rs, row) -> rule(rs)).list();
    }

    private static Rule rule(ResultSet rs) throws SQLException {
        return new Rule(rs.getLong("id"), rs.getString("agency_code"), rs.getString("kind"), rs.getDouble("threshold"),
                rs.getString("keyword"), rs.getString("email"), rs.getBoolean("enabled"), rs.getString("created_by"));
    }

    @Override
    public Rule addRule(RuleForm form, SignedInUser user) {
        if (user.has(Role.PRESS) || (!provinceWide(user) && user.agencyCode() == null)) {
            throw new org.springframework.security.access.AccessDeniedException("alert rules are for officers and coordinators");
        }
        List<InvalidInput> problems = new ArrayList<>();
        String agency = form.agencyCode() == null || form.agencyCode().isBlank() ? null : form.agencyCode().strip();
        if (!provinceWide(user)) {
            if (agency == null || !agency.equals(user.agencyCode())) {
                problems.add(new InvalidInput("agencyCode", "alerts.error.agency-own"));
            }
        } else if (agency != null && agencies.findByCode(agency, LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).isEmpty()) {
            problems.add(new InvalidInput("agencyCode", "alerts.error.agency"));
        }
        if (form.kind() == null || !KINDS.contains(form.kind())) {
            problems.add(new InvalidInput("kind", "alerts.error.kind"));
        }
        double threshold = 0;
        try {
            threshold = form.threshold() == null || form.threshold().isBlank() ? defaultThreshold(form.kind())
                    : Double.parseDouble(form.threshold().strip().replace(',', '.'));
            if (!(threshold > 0 && threshold <= 100_000)) {
                problems.add(new InvalidInput("threshold", "alerts.error.threshold"));
            }
        } catch (NumberFormatException e) {
            problems.add(new InvalidInput("threshold", "alerts.error.threshold"));
        }
        String keyword = form.keyword() == null ? "" : form.keyword().strip();
        if ("KEYWORD".equals(form.kind()) && (keyword.length() < 2 || keyword.length() > 200)) {
            problems.add(new InvalidInput("keyword", "alerts.error.keyword"));
        }
        String email = form.email() == null ? "" : form.email().strip();
        if (!email.isEmpty()) {
            try {
                InternetAddress[] addresses = InternetAddress.parse(email, true);
                if (addresses.length == 0 || addresses.length > 20 || email.length() > 320) {
                    problems.add(new InvalidInput("email", "alerts.error.email"));
                }
            } catch (AddressException e) {
                problems.add(new InvalidInput("email", "alerts.error.email"));
            }
        }
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("""
                INSERT INTO alert_rule (agency_code, kind, threshold, keyword, email, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(agency, form.kind(), threshold, keyword.isEmpty() ? null : keyword, email.isEmpty() ? null : email,
                user.username(), Timestamp.from(clock.instant())).query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", form.kind());
        details.put("agency", agency);
        details.put("threshold", threshold);
        events.publishEvent(new AlertEvent(user.actor(), "alert-rule.added", "alert-rule", id, details));
        return jdbc.sql("SELECT * FROM alert_rule WHERE id = ?").param(id).query((rs, row) -> rule(rs)).single();
    }

    static double defaultThreshold(String kind) {
        return switch (kind == null ? "" : kind) {
            case "NEGATIVE_VOLUME" -> 20;
            case "BURST" -> 4;
            case "TOXIC_STORY" -> 5;
            default -> 1;
        };
    }

    @Override
    public void disableRule(long id, SignedInUser user) {
        Rule rule = jdbc.sql("SELECT * FROM alert_rule WHERE id = ?").param(id).query((rs, row) -> rule(rs)).optional()
                .orElseThrow(() -> new NotFound("alert rule", id));
        if (!provinceWide(user) && (user.agencyCode() == null || !user.agencyCode().equals(rule.agencyCode()))) {
            throw new NotFound("alert rule", id);
        }
        jdbc.sql("UPDATE alert_rule SET enabled = FALSE WHERE id = ?").param(id).update();
        events.publishEvent(new AlertEvent(user.actor(), "alert-rule.disabled", "alert-rule", id, Map.of()));
    }

    // --- alerts

    private static final String ALERTS = """
            SELECT a.*, r.kind, r.threshold FROM alert a JOIN alert_rule r ON r.id = a.rule_id
            """;

    @Override
    public List<Alert> alerts(SignedInUser user, boolean openOnly, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (!provinceWide(user)) {
            where.append(" AND a.agency_code = ?");
            params.add(user.has(Role.PRESS) || user.agencyCode() == null ? "-" : user.agencyCode());
        }
        if (openOnly) {
            where.append(" AND a.acknowledged_at IS NULL");
        }
        params.add(limit);
        return jdbc.sql(ALERTS + where + " ORDER BY a.raised_at DESC, a.id DESC LIMIT ?").params(params)
                .query((rs, row) -> alert(rs)).list();
    }

    @Override
    public Alert alert(long id, SignedInUser user) {
        Alert alert = jdbc.sql(ALERTS + " WHERE a.id = ?").param(id).query((rs, row) -> alert(rs)).optional()
                .orElseThrow(() -> new NotFound("alert", id));
        if (!provinceWide(user) && (user.has(Role.PRESS) || user.agencyCode() == null
                || !user.agencyCode().equals(alert.agencyCode()))) {
            throw new NotFound("alert", id);
        }
        return alert;
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        Array ids = rs.getArray("post_ids");
        List<Long> postIds = Arrays.stream((Long[]) ids.getArray()).toList();
        return new Alert(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("kind"), rs.getString("agency_code"),
                rs.getDouble("threshold"), rs.getTimestamp("raised_at").toInstant(), rs.getDouble("observed"),
                rs.getString("detail"), postIds, instant(rs, "emailed_at"), rs.getString("email_error"),
                rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    @Override
    public List<AlertPost> posts(Alert alert) {
        return jdbc.sql("""
                SELECT id, published_at, platform, sentiment, text, url FROM post WHERE id = ANY(?) ORDER BY published_at DESC
                """).param(alert.postIds().toArray(Long[]::new))
                .query((rs, row) -> new AlertPost(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    @Override
    public void acknowledge(long id, SignedInUser user) {
        Alert alert = alert(id, user);
        if (alert.acknowledgedAt() != null) {
            return;
        }
        jdbc.sql("UPDATE alert SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL")
                .params(user.username(), Timestamp.from(clock.instant()), id).update();
        events.publishEvent(new AlertEvent(user.actor(), "alert.acknowledged", "alert", id, Map.of("kind", alert.kind())));
    }

    // --- evaluation

    @Override
    public synchronized List<Alert> evaluate() {
        Instant now = clock.instant();
        Instant hour = ZonedDateTime.ofInstant(now, LocalTime.ZONE).truncatedTo(ChronoUnit.HOURS).toInstant();
        List<Rule> rules = jdbc.sql("SELECT * FROM alert_rule WHERE enabled ORDER BY id").query((rs, row) -> rule(rs)).list();
        List<Alert> raised = new ArrayList<>();
        for (Rule rule : rules) {
            Finding finding = switch (rule.kind()) {
                case "NEGATIVE_VOLUME" -> negativeVolume(rule, now);
                case "BURST" -> burst(rule, now);
                case "KEYWORD" -> keyword(rule, now);
                case "TOXIC_STORY" -> toxicStory(rule, now);
                default -> null;
            };
            if (finding == null) {
                continue;
            }
            Long id = jdbc.sql("""
                    INSERT INTO alert (rule_id, agency_code, window_start, raised_at, observed, detail, post_ids)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rule_id, window_start) DO NOTHING RETURNING id
                    """).params(rule.id(), rule.agencyCode(), Timestamp.from(hour), Timestamp.from(now), finding.observed(),
                    finding.detail() == null ? null : finding.detail().length() > 500 ? finding.detail().substring(0, 500)
                            : finding.detail(),
                    finding.postIds().toArray(Long[]::new)).query(Long.class).optional().orElse(null);
            if (id == null) {
                continue;
            }
            Alert alert = jdbc.sql(ALERTS + " WHERE a.id = ?").param(id).query((rs, row) -> alert(rs)).single();
            send(alert, rule);
            raised.add(alert);
        }
        return raised;
    }

    private record Finding(double observed, String detail, List<Long> postIds) {
    }

    private String agencyFilter(Rule rule, List<Object> params) {
        if (rule.agencyCode() == null) {
            return "";
        }
        params.add(rule.agencyCode());
        return " AND agencies @> ARRAY[?]::text[]";
    }

    private Finding negativeVolume(Rule rule, Instant now) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now.minus(Duration.ofHours(1))), Timestamp.from(now)));
        String filter = agencyFilter(rule, params);
        List<Long> ids = jdbc.sql("SELECT id FROM post WHERE sentiment = 'negative' AND published_at >= ? AND published_at <= ?"
                + filter + " ORDER BY published_at DESC").params(params).query(Long.class).list();
        return ids.size() > rule.threshold() ? new Finding(ids.size(), null, ids.subList(0, Math.min(100, ids.size()))) : null;
    }

    private Finding keyword(Rule rule, Instant now) {
        String pattern = "%" + rule.keyword().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now.minus(Duration.ofHours(1))), Timestamp.from(now),
                pattern, pattern));
        String filter = agencyFilter(rule, params);
        List<Long> ids = jdbc.sql("SELECT id FROM post WHERE published_at >= ? AND published_at <= ? "
                + "AND (lower(normalized_text) LIKE ? OR lower(text) LIKE ?)" + filter + " ORDER BY published_at DESC")
                .params(params).query(Long.class).list();
        return ids.size() >= rule.threshold() ? new Finding(ids.size(), rule.keyword(), ids.subList(0, Math.min(100, ids.size())))
                : null;
    }

    private Finding toxicStory(Rule rule, Instant now) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now.minus(Duration.ofHours(6))), Timestamp.from(now)));
        String filter = agencyFilter(rule, params);
        params.add(rule.threshold());
        List<long[]> stories = jdbc.sql("SELECT story_id, count(*) FROM post WHERE story_id IS NOT NULL AND published_at >= ? "
                + "AND published_at <= ?" + filter + " GROUP BY story_id HAVING count(*) FILTER (WHERE toxicity <> 'CLEAN') > 0 "
                + "AND count(*) >= ? ORDER BY count(*) DESC LIMIT 1").params(params)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        if (stories.isEmpty()) {
            return null;
        }
        List<Long> ids = jdbc.sql("SELECT id FROM post WHERE story_id = ? ORDER BY published_at DESC LIMIT 100")
                .param(stories.get(0)[0]).query(Long.class).list();
        String first = jdbc.sql("SELECT left(text, 200) FROM post WHERE story_id = ? ORDER BY published_at LIMIT 1")
                .param(stories.get(0)[0]).query(String.class).single();
        return new Finding(stories.get(0)[1], first, ids);
    }

    private Finding burst(Rule rule, Instant now) {
        ListeningScope province = new ListeningScope(null, true);
        double burst;
        String detail;
        if (rule.agencyCode() != null) {
            burst = trends.series(province, "agency", rule.agencyCode(), "vi").burst();
            detail = rule.agencyCode();
        } else {
            List<Trends.Issue> issues = trends.emerging(province, "vi");
            if (issues.isEmpty()) {
                return null;
            }
            Trends.Issue top = issues.get(0);
            burst = top.burst();
            detail = top.name() != null ? top.name() : top.value();
        }
        if (burst < rule.threshold()) {
            return null;
        }
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now.minus(Duration.ofHours(24))), Timestamp.from(now)));
        String filter = agencyFilter(rule, params);
        List<Long> ids = jdbc.sql("SELECT id FROM post WHERE published_at >= ? AND published_at <= ?" + filter
                + " ORDER BY (sentiment = 'negative') DESC, published_at DESC LIMIT 100").params(params).query(Long.class).list();
        return new Finding(burst, detail, ids);
    }

    // --- e-mail

    private void send(Alert alert, Rule rule) {
        Set<String> to = recipients(rule);
        String error = null;
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            error = "no SMTP server is configured (spring.mail.host)";
        } else if (to.isEmpty()) {
            error = "nobody to send it to";
        } else {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(settings.mailFrom());
                message.setTo(to.toArray(String[]::new));
                message.setSubject("[Loa] Cảnh báo: " + describe(alert));
                message.setText(describe(alert) + "\n\nLúc " + LocalTime.format(alert.raisedAt()) + " (giờ Việt Nam). "
                        + alert.postIds().size() + " bài viết liên quan.\nXem và xác nhận: " + settings.baseUrl()
                        + "/alerts/" + alert.id() + "\n\n-- Loa, hệ thống lắng nghe và truyền thông chính sách");
                sender.send(message);
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.warn("Could not e-mail alert " + alert.id() + ": " + error);
            }
        }
        jdbc.sql("UPDATE alert SET emailed_at = ?, email_error = ? WHERE id = ?")
                .params(error == null ? Timestamp.from(clock.instant()) : null, error == null ? null
                        : error.length() > 1000 ? error.substring(0, 1000) : error, alert.id()).update();
    }

    /** The alert in one Vietnamese sentence (e-mail subjects are not localised per recipient). */
    static String describe(Alert alert) {
        String where = alert.agencyCode() == null ? "toàn tỉnh" : alert.agencyCode();
        return switch (alert.kind()) {
            case "NEGATIVE_VOLUME" -> String.format(Locale.ROOT, "%d bài tiêu cực trong một giờ về %s (ngưỡng %d)",
                    (long) alert.observed(), where, (long) alert.threshold());
            case "BURST" -> String.format(Locale.ROOT, "bùng phát %.1f lần độ lệch chuẩn: %s (ngưỡng %.1f)", alert.observed(),
                    alert.detail(), alert.threshold());
            case "KEYWORD" -> String.format(Locale.ROOT, "từ khóa \"%s\" xuất hiện trong %d bài trong một giờ (%s)",
                    alert.detail(), (long) alert.observed(), where);
            default -> String.format(Locale.ROOT, "câu chuyện độc hại lan truyền: %d bài trong 6 giờ (%s)",
                    (long) alert.observed(), where);
        };
    }

    private Set<String> recipients(Rule rule) {
        Set<String> to = new LinkedHashSet<>();
        if (rule.email() != null && !rule.email().isBlank()) {
            for (String address : rule.email().split(",")) {
                if (!address.isBlank()) {
                    to.add(address.strip());
                }
            }
            return to;
        }
        AgencyId agency = rule.agencyCode() == null ? null : agencies.findByCode(rule.agencyCode(),
                LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).map(a -> a.id()).orElse(null);
        for (UserAccount user : users.list()) {
            if (!user.enabled() || user.email() == null || user.email().isBlank()) {
                continue;
            }
            boolean match = rule.agencyCode() == null ? user.roles().contains(Role.COORDINATOR)
                    : agency != null && agency.equals(user.agency())
                            && (user.roles().contains(Role.OFFICER) || user.roles().contains(Role.SPOKESPERSON));
            if (match) {
                to.add(user.email());
            }
        }
        return to;
    }

    @Override
    public int sendDigest() {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), LocalTime.ZONE);
        if (now.getHour() < settings.digestHour()) {
            return 0;
        }
        return digest(now.toLocalDate());
    }

    /** Sends the digest of the last 24 hours as the digest of a day, unless that day's was sent already. */
    int digest(LocalDate today) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        if (jdbc.sql("INSERT INTO digest_sent (day, sent_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(today, Timestamp.from(clock.instant())).update() == 0) {
            return 0;
        }
        Instant since = clock.instant().minus(Duration.ofDays(1));
        List<Alert> alerts = jdbc.sql(ALERTS + " WHERE a.raised_at >= ? ORDER BY a.raised_at DESC LIMIT 50")
                .param(Timestamp.from(since)).query((rs, row) -> alert(rs)).list();
        List<Trends.Issue> issues = trends.emerging(new ListeningScope(null, true), "vi");
        StringBuilder text = new StringBuilder("Tóm tắt dư luận 24 giờ qua, ngày " + LocalTime.format(today) + "\n\n");
        text.append("Vấn đề đang nổi lên:\n");
        if (issues.isEmpty()) {
            text.append("- Không có vấn đề nào tăng bất thường.\n");
        }
        for (Trends.Issue issue : issues.stream().limit(5).toList()) {
            text.append(String.format(Locale.ROOT, "- %s: %d bài (dự kiến %.0f), %.0f%% tiêu cực\n",
                    issue.name() != null ? issue.name() : issue.value(), issue.observed(), issue.expected(),
                    issue.negativeShare() * 100));
        }
        text.append("\nCảnh báo (").append(alerts.size()).append("):\n");
        for (Alert alert : alerts) {
            text.append("- ").append(describe(alert)).append(alert.acknowledgedAt() == null ? " (chưa xác nhận)" : "")
                    .append('\n');
        }
        text.append("\nXem chi tiết: ").append(settings.baseUrl()).append("/listening\n");
        int sent = 0;
        for (UserAccount user : users.list()) {
            if (user.enabled() && user.roles().contains(Role.LEADER) && user.email() != null && !user.email().isBlank()) {
                try {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(settings.mailFrom());
                    message.setTo(user.email());
                    message.setSubject("[Loa] Tóm tắt dư luận ngày " + LocalTime.format(today));
                    message.setText(text.toString());
                    sender.send(message);
                    sent++;
                } catch (RuntimeException e) {
                    log.warn("Could not send the digest to " + user.username() + ": " + e.getMessage());
                }
            }
        }
        return sent;
    }

    static boolean provinceWide(SignedInUser user) {
        return user.has(Role.ADMIN) || user.has(Role.COORDINATOR) || user.has(Role.LEADER);
    }
}

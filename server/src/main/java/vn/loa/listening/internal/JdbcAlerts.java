package vn.loa.listening.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.listening.Alerts;
import vn.loa.listening.IssueSentences;
import vn.loa.listening.ListeningScope;
import vn.loa.listening.PostLabels;
import vn.loa.listening.PostsImported;
import vn.loa.listening.Trends;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * Alert rules, evaluated after every import (in the background, so imports are not slowed) and every five minutes.
 *
 * <p>A burst rule raises one alert per emerging issue of its scope that stands out enough; an issue it reported in
 * the last 24 hours (the latest of its alerts holding at least a third of the same posts) is reported again only
 * once it has grown by the rule's factor, at once, saying so. The other kinds fire at most once per clock hour, and
 * again within the hour only when their count has grown by the factor. Each alert keeps what it was about (title and
 * sentence in Vietnamese, as e-mailed, and in English; the agency that answers; its posts, three examples first); it
 * is sent by e-mail when an SMTP server is configured ({@code spring.mail.host}), and the outcome of sending is kept.
 */
@Service
class JdbcAlerts implements Alerts {

    private static final Log log = LogFactory.getLog(JdbcAlerts.class);

    /** The posts kept with an alert, its examples first. */
    static final int MAX_POSTS = 100;
    static final int EXAMPLES = 3;
    /** The characters of a post an e-mail quotes. */
    static final int QUOTE = 200;
    /** The first key of the advisory locks of alert rules ("LoaA"). */
    private static final int RULE_LOCK = 0x4C6F6141;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Trends trends;
    private final IssueSentences sentences;
    private final MessageSource messages;
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

    JdbcAlerts(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, Trends trends, IssueSentences sentences,
            MessageSource messages, Users users, AgencyDirectory agencies, ObjectProvider<JavaMailSender> mail,
            AlertSettings settings, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.trends = trends;
        this.sentences = sentences;
        this.messages = messages;
        this.users = users;
        this.agencies = agencies;
        this.mail = mail;
        this.settings = settings;
        this.events = events;
    }

    /**
     * On shutdown (a command-line import ends, the server stops) the run under way or waiting finishes before the
     * database is closed under it, within a minute; none is started after.
     */
    @jakarta.annotation.PreDestroy
    void finishBackgroundRun() throws InterruptedException {
        background.shutdown();
        if (!background.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
            log.warn("Evaluating alert rules did not finish within a minute of shutdown; the schedule evaluates them again");
            background.shutdownNow();
        }
    }

    /** After an import, rules are evaluated in the background; imports arriving meanwhile are folded into one run. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PostsImported event) {
        if (event.stored() > 0 && !background.isShutdown() && pending.compareAndSet(false, true)) {
            try {
                background.submit(() -> {
                    pending.set(false);
                    try {
                        evaluate();
                    } catch (RuntimeException e) {
                        log.warn("Evaluating alert rules failed; the next import or the schedule tries again", e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shutting down: the schedule evaluates the rules after the next start
                pending.set(false);
            }
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
                rs.getString("keyword"), rs.getString("email"), rs.getBoolean("enabled"), rs.getString("created_by"),
                rs.getDouble("refire_factor"));
    }

    @Override
    @Transactional
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
        } else if (agency != null && agencies.findByCode(agency, today()).isEmpty()) {
            problems.add(new InvalidInput("agencyCode", "alerts.error.agency"));
        }
        if (form.kind() == null || !KINDS.contains(form.kind())) {
            problems.add(new InvalidInput("kind", "alerts.error.kind"));
        }
        Settings checked = settings(form.kind(), form.threshold(), form.keyword(), form.email(), form.refireFactor(),
                problems);
        Double threshold = checked.threshold();
        Double factor = checked.refireFactor();
        String keyword = checked.keyword();
        String email = checked.email();
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("""
                INSERT INTO alert_rule (agency_code, kind, threshold, keyword, email, created_by, created_at, refire_factor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(agency, form.kind(), threshold, keyword.isEmpty() ? null : keyword, email.isEmpty() ? null : email,
                user.username(), Timestamp.from(clock.instant()), factor).query(Long.class).single();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", form.kind());
        if (agency != null) {
            details.put("agency", agency);
        }
        details.put("threshold", threshold);
        details.put("refireFactor", factor);
        events.publishEvent(new AlertEvent(user.actor(), "alert-rule.added", "alert-rule", id, details));
        return jdbc.sql("SELECT * FROM alert_rule WHERE id = ?").param(id).query((rs, row) -> rule(rs)).single();
    }

    /** A rule's settings as checked: the defaults for blank numbers, texts stripped (empty when not given). */
    private record Settings(Double threshold, Double refireFactor, String keyword, String email) {
    }

    /** Checks the settings a new rule and an edit share, adding a problem per wrong field. */
    private static Settings settings(String kind, String thresholdText, String keywordText, String emailText,
            String factorText, List<InvalidInput> problems) {
        Double threshold = number(thresholdText, defaultThreshold(kind));
        if (threshold == null || !(threshold > 0 && threshold <= 100_000)) {
            problems.add(new InvalidInput("threshold", "alerts.error.threshold"));
        }
        Double factor = number(factorText, DEFAULT_REFIRE_FACTOR);
        if (factor == null || !(factor >= MIN_REFIRE_FACTOR && factor <= MAX_REFIRE_FACTOR)) {
            problems.add(new InvalidInput("refireFactor", "alerts.error.refire-factor"));
        }
        String keyword = keywordText == null ? "" : keywordText.strip();
        if ("KEYWORD".equals(kind) && (keyword.length() < 2 || keyword.length() > 200)) {
            problems.add(new InvalidInput("keyword", "alerts.error.keyword"));
        }
        String email = emailText == null ? "" : emailText.strip();
        if (!email.isEmpty() && !addresses(email)) {
            problems.add(new InvalidInput("email", "alerts.error.email"));
        }
        return new Settings(threshold, factor, keyword, email);
    }

    /** One address as the rule's recipients take it: a name, an @ and a domain with a dot, nothing around it. */
    private static final java.util.regex.Pattern ADDRESS =
            java.util.regex.Pattern.compile("[^@\\s<>(),;:\"\\[\\]]{1,64}@[^@\\s<>(),;:\"\\[\\]]+\\.[^@\\s<>(),;:\"\\[\\].]+");

    /**
     * Whether a rule's recipients are 1 to 20 addresses separated by commas, each one an address a mail server can
     * deliver to: "notanemail" and "ai@" parse as addresses to Jakarta Mail, but no alert would ever reach them.
     */
    static boolean addresses(String email) {
        if (email.length() > 320) {
            return false;
        }
        String[] parts = email.split(",", -1);
        if (parts.length > 20) {
            return false;
        }
        for (String part : parts) {
            if (!ADDRESS.matcher(part.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Rule rule(long id, SignedInUser user) {
        Rule rule = jdbc.sql("SELECT * FROM alert_rule WHERE id = ?").param(id).query((rs, row) -> rule(rs)).optional()
                .orElseThrow(() -> new NotFound("alert rule", id));
        if (!provinceWide(user) && (user.agencyCode() == null || !user.agencyCode().equals(rule.agencyCode()))) {
            throw new NotFound("alert rule", id);
        }
        return rule;
    }

    /** A rule the user may change: a journalist's account only reads its agency's rules. */
    private Rule editable(long id, SignedInUser user) {
        Rule rule = rule(id, user);
        if (user.has(Role.PRESS)) {
            throw new AccessDeniedException("alert rules are for officers and coordinators");
        }
        return rule;
    }

    @Override
    @Transactional
    public Rule changeRule(long id, RuleChanges changes, SignedInUser user) {
        Rule rule = editable(id, user);
        List<InvalidInput> problems = new ArrayList<>();
        Settings checked = settings(rule.kind(), changes.threshold(), changes.keyword(), changes.email(),
                changes.refireFactor(), problems);
        InvalidInput.throwIfAny(problems);
        jdbc.sql("UPDATE alert_rule SET threshold = ?, keyword = ?, email = ?, refire_factor = ? WHERE id = ?")
                .params(checked.threshold(), checked.keyword().isEmpty() ? null : checked.keyword(),
                        checked.email().isEmpty() ? null : checked.email(), checked.refireFactor(), id)
                .update();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", rule.kind());
        if (rule.agencyCode() != null) {
            details.put("agency", rule.agencyCode());
        }
        details.put("threshold", checked.threshold());
        details.put("refireFactor", checked.refireFactor());
        events.publishEvent(new AlertEvent(user.actor(), "alert-rule.changed", "alert-rule", id, details));
        return jdbc.sql("SELECT * FROM alert_rule WHERE id = ?").param(id).query((rs, row) -> rule(rs)).single();
    }

    /** A number as a form gives it ("1,5" or "1.5"); the default when blank; null when it is not a number. */
    private static Double number(String text, double otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The threshold of a rule when none is given. A burst's is how far an issue stands above normal (standard
     * deviations of a count of the expected size): 8 is about eight posts of words that were never seen in half an
     * hour, or forty where twenty were usual in a day, well above what quiet days reach (see docs/flows/alerts.md).
     */
    static double defaultThreshold(String kind) {
        return switch (kind == null ? "" : kind) {
            case "NEGATIVE_VOLUME" -> 20;
            case "BURST" -> 8;
            case "TOXIC_STORY" -> 5;
            default -> 1;
        };
    }

    @Override
    @Transactional
    public void disableRule(long id, SignedInUser user) {
        editable(id, user);
        jdbc.sql("UPDATE alert_rule SET enabled = FALSE WHERE id = ?").param(id).update();
        events.publishEvent(new AlertEvent(user.actor(), "alert-rule.disabled", "alert-rule", id, Map.of()));
    }

    @Override
    @Transactional
    public void enableRule(long id, SignedInUser user) {
        if (editable(id, user).enabled()) {
            return;
        }
        jdbc.sql("UPDATE alert_rule SET enabled = TRUE WHERE id = ?").param(id).update();
        events.publishEvent(new AlertEvent(user.actor(), "alert-rule.enabled", "alert-rule", id, Map.of()));
    }

    // --- alerts

    private static final String ALERTS = """
            SELECT a.*, r.kind, COALESCE(a.threshold, r.threshold) AS raised_threshold, g.posts AS grew_from_posts, g.raised_at AS grew_from_at
            FROM alert a JOIN alert_rule r ON r.id = a.rule_id LEFT JOIN alert g ON g.id = a.grew_from
            """;

    @Override
    public List<Alert> alerts(SignedInUser user, boolean openOnly, int limit) {
        List<Object> params = new ArrayList<>();
        String where = alertConditions(user, new AlertFilter(openOnly, null), params);
        params.add(limit);
        return jdbc.sql(ALERTS + where + " ORDER BY a.raised_at DESC, a.id DESC LIMIT ?").params(params)
                .query((rs, row) -> alert(rs)).list();
    }

    @Override
    public Page<Alert> alerts(SignedInUser user, AlertFilter filter, PageRequest asked) {
        List<Object> params = new ArrayList<>();
        String where = alertConditions(user, filter, params);
        long total = jdbc.sql("SELECT count(*) FROM alert a JOIN alert_rule r ON r.id = a.rule_id" + where).params(params)
                .query(Long.class).single();
        PageRequest page = asked.within(total);
        params.add(page.size());
        params.add(page.offset());
        return new Page<>(jdbc.sql(ALERTS + where + " ORDER BY a.raised_at DESC, a.id DESC LIMIT ? OFFSET ?").params(params)
                .query((rs, row) -> alert(rs)).list(), page, total);
    }

    @Override
    public List<Alert> raised(String kind, Instant from, Instant to, SignedInUser user, int limit) {
        List<Object> params = new ArrayList<>();
        String where = alertConditions(user, new AlertFilter(false, kind), params) + " AND a.raised_at >= ? AND a.raised_at < ?";
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(to));
        params.add(limit);
        return jdbc.sql(ALERTS + where + " ORDER BY a.posts DESC NULLS LAST, a.raised_at, a.id LIMIT ?").params(params)
                .query((rs, row) -> alert(rs)).list();
    }

    /**
     * The WHERE clause of the alerts the user may see that the filter keeps ({@code a} the alert, {@code r} its rule):
     * province-wide roles every alert; an agency's people those of their agency's rules, those their agency is to
     * answer, and those about posts routed to their agency (a rule of the province finds their issue too); the press
     * none.
     */
    private String alertConditions(SignedInUser user, AlertFilter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        if (!provinceWide(user)) {
            if (user.has(Role.PRESS) || user.agencyCode() == null) {
                where.append(" AND FALSE");
            } else {
                where.append(" AND (a.agency_code = ? OR a.about_agency = ? OR EXISTS (SELECT 1 FROM post p "
                        + "WHERE p.id = ANY(a.post_ids) AND p.agencies @> ARRAY[?]::text[]))");
                params.addAll(List.of(user.agencyCode(), user.agencyCode(), user.agencyCode()));
            }
        }
        if (filter.openOnly()) {
            where.append(" AND a.acknowledged_at IS NULL");
        }
        if (!filter.kind().isEmpty()) {
            where.append(" AND r.kind = ?");
            params.add(filter.kind());
        }
        return where.toString();
    }

    @Override
    public Alert alert(long id, SignedInUser user) {
        List<Object> params = new ArrayList<>();
        String where = alertConditions(user, new AlertFilter(false, null), params) + " AND a.id = ?";
        params.add(id);
        return jdbc.sql(ALERTS + where).params(params).query((rs, row) -> alert(rs)).optional()
                .orElseThrow(() -> new NotFound("alert", id));
    }

    @Override
    public boolean mayAcknowledge(Alert alert, SignedInUser user) {
        return provinceWide(user) || (!user.has(Role.PRESS) && user.agencyCode() != null
                && (user.agencyCode().equals(alert.agencyCode()) || user.agencyCode().equals(alert.aboutAgency())));
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        Array ids = rs.getArray("post_ids");
        List<Long> postIds = Arrays.stream((Long[]) ids.getArray()).toList();
        return new Alert(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("kind"), rs.getString("agency_code"),
                rs.getDouble("raised_threshold"), rs.getTimestamp("raised_at").toInstant(), rs.getDouble("observed"),
                rs.getString("detail"), postIds, instant(rs, "emailed_at"), rs.getString("email_error"),
                rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"), rs.getLong("posts"), rs.getString("title"),
                rs.getString("sentence"), rs.getString("title_en"), rs.getString("sentence_en"),
                rs.getString("about_agency"), rs.getString("dimension"), rs.getString("dimension_value"),
                rs.getObject("grew_from", Long.class), rs.getObject("grew_from_posts", Long.class),
                instant(rs, "grew_from_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    @Override
    public List<AlertPost> posts(Alert alert, SignedInUser user) {
        return posts(alert, VisiblePosts.to(user));
    }

    /** The posts behind an alert that a condition keeps, its examples first. */
    private List<AlertPost> posts(Alert alert, VisiblePosts visible) {
        return jdbc.sql("SELECT p.id, p.published_at, p.platform, p.sentiment, p.text, p.url "
                + "FROM unnest(?::bigint[]) WITH ORDINALITY AS k(id, i) JOIN post p ON p.id = k.id "
                + "JOIN post_source s ON s.id = p.source_id WHERE " + visible.condition() + " ORDER BY k.i")
                .params(visible.after(alert.postIds().toArray(Long[]::new)))
                .query((rs, row) -> new AlertPost(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    @Override
    public List<Long> mainStories(Alert alert) {
        if (alert.postIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT story_id FROM post WHERE id = ANY(?) AND story_id IS NOT NULL GROUP BY story_id"
                + " HAVING count(*) * 3 >= ? ORDER BY count(*) DESC, story_id")
                .params(alert.postIds().toArray(Long[]::new), alert.postIds().size()).query(Long.class).list();
    }

    @Override
    public Optional<Trends.Issue> currentIssue(Alert alert, String language) {
        if (!"BURST".equals(alert.kind()) || alert.postIds().isEmpty()
                || alert.raisedAt().isBefore(clock.instant().minus(Duration.ofHours(24)))) {
            return Optional.empty();
        }
        return trends.emerging(new ListeningScope(alert.agencyCode(), true), language).stream()
                .filter(issue -> holdsAThird(issue.postIds(), alert.postIds())).findFirst();
    }

    /** Whether {@code posts} hold at least a third of {@code alerted}. */
    static boolean holdsAThird(List<Long> posts, List<Long> alerted) {
        Set<Long> held = new HashSet<>(posts);
        long common = alerted.stream().filter(held::contains).count();
        return !alerted.isEmpty() && common * 3 >= alerted.size();
    }

    @Override
    @Transactional
    public void acknowledge(long id, SignedInUser user) {
        Alert alert = alert(id, user);
        if (!mayAcknowledge(alert, user)) {
            throw new AccessDeniedException("an alert is acknowledged by its rule's agency, the agency that answers it, "
                    + "or the province");
        }
        if (alert.acknowledgedAt() != null) {
            return;
        }
        jdbc.sql("UPDATE alert SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL")
                .params(user.username(), Timestamp.from(clock.instant()), id).update();
        events.publishEvent(new AlertEvent(user.actor(), "alert.acknowledged", "alert", id, Map.of("kind", alert.kind())));
    }

    // --- evaluation

    /**
     * What a rule found.
     *
     * @param observed the figure compared with the threshold
     * @param posts the posts it counts (what a re-fire is compared with)
     * @param postIds its posts to keep, examples first
     * @param issue the emerging issue (bursts only), in Vietnamese
     * @param aboutAgency the agency that answers for it
     */
    private record Finding(double observed, long posts, String detail, List<Long> postIds, Trends.Issue issue,
            String aboutAgency, String dimension, String dimensionValue) {
    }

    /** An earlier alert of a rule, as a re-fire is decided on it. */
    private record Earlier(long id, long posts, Instant windowStart, Instant raisedAt) {
    }

    /** What to do with a finding: nothing, raise it, or raise it as grown from an earlier alert. */
    private record Decision(boolean raise, Earlier grewFrom) {
    }

    private record Texts(String title, String sentence) {
    }

    @Override
    public synchronized List<Alert> evaluate() {
        Instant now = clock.instant();
        List<Rule> rules = jdbc.sql("SELECT * FROM alert_rule WHERE enabled ORDER BY id").query((rs, row) -> rule(rs)).list();
        List<Alert> raised = new ArrayList<>();
        for (Rule rule : rules) {
            List<Finding> findings = switch (rule.kind()) {
                case "NEGATIVE_VOLUME" -> negativeVolume(rule, now);
                case "BURST" -> bursts(rule);
                case "KEYWORD" -> keyword(rule, now);
                case "TOXIC_STORY" -> toxicStory(rule, now);
                default -> List.of();
            };
            for (Finding finding : findings) {
                // decided once to spare the texts of what is not raised, again under the rule's lock to insert
                if (decide(rule, finding, now).raise()) {
                    Alert alert = raise(rule, finding, now, texts(rule, finding, Languages.VIETNAMESE), english(rule, finding));
                    if (alert != null) {
                        send(alert, rule, finding);
                        raised.add(alert);
                    }
                }
            }
        }
        return raised;
    }

    /**
     * Whether a finding is raised. A burst's issue that one of the rule's alerts of the last 24 hours reported is
     * raised again only when its posts have reached the rule's factor times that alert's; another kind is raised
     * once per clock hour, and again within it on the same growth, but never when every post it counts was in one of
     * the rule's alerts of the last hour (the turn of the hour alone is no news).
     */
    private Decision decide(Rule rule, Finding finding, Instant now) {
        Earlier earlier;
        boolean burst = "BURST".equals(rule.kind());
        if (burst) {
            earlier = jdbc.sql("""
                    SELECT a.id, a.posts, a.window_start, a.raised_at FROM alert a
                    WHERE a.rule_id = ? AND a.raised_at > ? AND a.raised_at <= ? AND cardinality(a.post_ids) > 0
                      AND 3 * (SELECT count(*) FROM unnest(a.post_ids) AS p(id) WHERE p.id = ANY(?)) >= cardinality(a.post_ids)
                    ORDER BY a.raised_at DESC, a.id DESC LIMIT 1""")
                    .params(rule.id(), Timestamp.from(now.minus(Duration.ofHours(24))), Timestamp.from(now),
                            finding.issue().postIds().toArray(Long[]::new))
                    .query((rs, row) -> earlier(rs)).optional().orElse(null);
        } else {
            // the hour counted runs back from now, across the clock hour: at the turn of the hour the posts of the last
            // alert are still in it, and an alert that holds nothing new would tell the same people the same thing again
            boolean nothingNew = !finding.postIds().isEmpty() && jdbc.sql("""
                    SELECT NOT EXISTS (SELECT 1 FROM unnest(?::bigint[]) AS f(id) WHERE NOT EXISTS (
                        SELECT 1 FROM alert a WHERE a.rule_id = ? AND a.raised_at > ? AND a.raised_at <= ?
                                                AND f.id = ANY(a.post_ids)))""")
                    .params(finding.postIds().toArray(Long[]::new), rule.id(),
                            Timestamp.from(now.minus(Duration.ofHours(1))), Timestamp.from(now))
                    .query(Boolean.class).single();
            if (nothingNew) {
                return new Decision(false, null);
            }
            earlier = jdbc.sql("""
                    SELECT a.id, a.posts, a.window_start, a.raised_at FROM alert a
                    WHERE a.rule_id = ? AND a.window_start = ? AND a.raised_at <= ?
                    ORDER BY a.raised_at DESC, a.id DESC LIMIT 1""")
                    .params(rule.id(), Timestamp.from(hour(now)), Timestamp.from(now))
                    .query((rs, row) -> earlier(rs)).optional().orElse(null);
        }
        if (earlier == null) {
            return new Decision(true, null);
        }
        boolean grown = finding.posts() >= rule.refireFactor() * earlier.posts();
        return new Decision(grown, grown ? earlier : null);
    }

    private static Earlier earlier(ResultSet rs) throws SQLException {
        return new Earlier(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
    }

    private static Instant hour(Instant now) {
        return ZonedDateTime.ofInstant(now, LocalTime.ZONE).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    /**
     * Raises an alert unless, decided again under the rule's lock (several servers may evaluate at once), it is not
     * to be raised; returns it, or null.
     */
    private Alert raise(Rule rule, Finding finding, Instant now, Texts vi, Texts en) {
        Long id = transactions.execute(status -> {
            jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?, ?)) AS locked").params(RULE_LOCK, (int) rule.id())
                    .query(Integer.class).single();
            Decision decision = decide(rule, finding, now);
            if (!decision.raise()) {
                return null;
            }
            return jdbc.sql("""
                    INSERT INTO alert (rule_id, agency_code, window_start, raised_at, observed, detail, post_ids, posts,
                                       title, sentence, title_en, sentence_en, about_agency, dimension, dimension_value,
                                       grew_from, threshold)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """).params(rule.id(), rule.agencyCode(), Timestamp.from(hour(now)), Timestamp.from(now),
                    finding.observed(), cut(finding.detail(), 500), finding.postIds().toArray(Long[]::new), finding.posts(),
                    cut(vi.title(), 300), vi.sentence(), cut(en.title(), 300), en.sentence(), finding.aboutAgency(),
                    finding.dimension(), cut(finding.dimensionValue(), 200),
                    decision.grewFrom() == null ? null : decision.grewFrom().id(), rule.threshold())
                    .query(Long.class).single();
        });
        return id == null ? null : jdbc.sql(ALERTS + " WHERE a.id = ?").param(id).query((rs, row) -> alert(rs)).single();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private String agencyFilter(Rule rule, List<Object> params) {
        if (rule.agencyCode() == null) {
            return "";
        }
        params.add(rule.agencyCode());
        return " AND agencies @> ARRAY[?]::text[]";
    }

    /**
     * Citizens' negative comments of the last hour: their opinion, not the tone of the news (a morning of accident
     * reports is not public anger).
     */
    private List<Finding> negativeVolume(Rule rule, Instant now) {
        List<Object> params = new ArrayList<>(List.of(PostLabels.COMMENT, Timestamp.from(now.minus(Duration.ofHours(1))),
                Timestamp.from(now)));
        String filter = agencyFilter(rule, params);
        List<Long> ids = jdbc.sql("SELECT id FROM post WHERE sentiment = 'negative' AND register = ? AND published_at >= ? "
                + "AND published_at <= ?" + filter + " ORDER BY published_at DESC, id DESC").params(params)
                .query(Long.class).list();
        if (ids.size() <= rule.threshold()) {
            return List.of();
        }
        return List.of(new Finding(ids.size(), ids.size(), null, examplesFirst(ids), null, rule.agencyCode(),
                rule.agencyCode() == null ? null : "agency", rule.agencyCode()));
    }

    private List<Finding> keyword(Rule rule, Instant now) {
        String pattern = "%" + rule.keyword().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now.minus(Duration.ofHours(1))), Timestamp.from(now),
                pattern, pattern));
        String filter = agencyFilter(rule, params);
        List<Long> ids = jdbc.sql("SELECT id FROM post WHERE published_at >= ? AND published_at <= ? "
                + "AND (lower(normalized_text) LIKE ? OR lower(text) LIKE ?)" + filter + " ORDER BY published_at DESC, id DESC")
                .params(params).query(Long.class).list();
        if (ids.size() < rule.threshold()) {
            return List.of();
        }
        return List.of(new Finding(ids.size(), ids.size(), rule.keyword(), examplesFirst(ids), null, rule.agencyCode(),
                "keyword", rule.keyword()));
    }

    private List<Finding> toxicStory(Rule rule, Instant now) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now.minus(Duration.ofHours(6))), Timestamp.from(now)));
        String filter = agencyFilter(rule, params);
        params.add(rule.threshold());
        List<long[]> stories = jdbc.sql("SELECT story_id, count(*) FROM post WHERE story_id IS NOT NULL AND published_at >= ? "
                + "AND published_at <= ?" + filter + " GROUP BY story_id HAVING count(*) FILTER (WHERE toxicity <> 'CLEAN') > 0 "
                + "AND count(*) >= ? ORDER BY count(*) DESC LIMIT 1").params(params)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        if (stories.isEmpty()) {
            return List.of();
        }
        // its toxic posts first, then the newest
        List<Long> ids = jdbc.sql("SELECT id FROM post WHERE story_id = ? ORDER BY (toxicity <> 'CLEAN') DESC, "
                + "published_at DESC, id DESC").param(stories.get(0)[0]).query(Long.class).list();
        String first = jdbc.sql("SELECT left(text, 200) FROM post WHERE story_id = ? ORDER BY published_at, id LIMIT 1")
                .param(stories.get(0)[0]).query(String.class).optional().orElse(null);
        if (first == null || ids.isEmpty()) {
            return List.of(); // merged into another story meanwhile: the next evaluation counts that one
        }
        return List.of(new Finding(stories.get(0)[1], stories.get(0)[1], first, examplesFirst(ids), null, rule.agencyCode(),
                rule.agencyCode() == null ? null : "agency", rule.agencyCode()));
    }

    /** Every emerging issue of the rule's scope that stands out at least as far as its threshold. */
    private List<Finding> bursts(Rule rule) {
        List<Finding> findings = new ArrayList<>();
        for (Trends.Issue issue : trends.emergingNow(new ListeningScope(rule.agencyCode(), true), "vi")) {
            if (issue.burst() < rule.threshold() || issue.postIds().isEmpty()) {
                continue;
            }
            Set<Long> ids = new LinkedHashSet<>();
            issue.examples().forEach(example -> ids.add(example.id()));
            for (long id : issue.postIds()) {
                if (ids.size() >= MAX_POSTS) {
                    break;
                }
                ids.add(id);
            }
            findings.add(new Finding(issue.burst(), issue.observed(), issue.title().isEmpty() ? null : issue.title(),
                    List.copyOf(ids), issue, issue.agency() != null ? issue.agency().code() : rule.agencyCode(),
                    issue.dimension(), issue.value()));
        }
        return findings;
    }

    /**
     * Up to {@value #MAX_POSTS} of the posts (given newest first), the three examples first: the newest of different
     * stories and texts, so that three shares of one post are not three examples.
     */
    private List<Long> examplesFirst(List<Long> ids) {
        List<Long> candidates = ids.subList(0, Math.min(ids.size(), MAX_POSTS));
        Map<Long, String[]> keys = new HashMap<>();
        jdbc.sql("SELECT id, coalesce(story_id, -id), md5(text) FROM post WHERE id = ANY(?)")
                .param(candidates.toArray(Long[]::new))
                .query(rs -> {
                    keys.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        List<Long> examples = new ArrayList<>();
        Set<String> stories = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (boolean sameStoryAllowed : new boolean[] {false, true}) {
            for (Long id : candidates) {
                String[] key = keys.get(id);
                if (examples.size() < EXAMPLES && key != null && !examples.contains(id) && !texts.contains(key[1])
                        && (sameStoryAllowed || !stories.contains(key[0]))) {
                    examples.add(id);
                    stories.add(key[0]);
                    texts.add(key[1]);
                }
            }
        }
        List<Long> ordered = new ArrayList<>(examples);
        candidates.stream().filter(id -> !examples.contains(id)).forEach(ordered::add);
        return ordered;
    }

    // --- what an alert says

    /** Its title and sentence in a language: the issue's for a burst, a sentence of its kind otherwise. */
    private Texts texts(Rule rule, Finding finding, Locale locale) {
        if (finding.issue() != null) {
            return new Texts(sentences.title(finding.issue(), locale), sentences.sentence(finding.issue(), locale));
        }
        String where = agencyName(finding.aboutAgency(), locale);
        String kind = rule.kind();
        String title = switch (kind) {
            case "KEYWORD" -> message("alerts.title.KEYWORD", locale, finding.detail());
            case "TOXIC_STORY" -> message("alerts.title.TOXIC_STORY", locale, where);
            default -> message("alerts.title.NEGATIVE_VOLUME", locale, where);
        };
        String sentence = switch (kind) {
            case "KEYWORD" -> message("alerts.sentence.KEYWORD", locale, finding.detail(), finding.posts(), where,
                    rule.threshold());
            case "TOXIC_STORY" -> message("alerts.sentence.TOXIC_STORY", locale, finding.posts(), where, rule.threshold(),
                    finding.detail());
            default -> message("alerts.sentence.NEGATIVE_VOLUME", locale, finding.posts(), where, rule.threshold());
        };
        return new Texts(title, sentence);
    }

    /** The English texts: for a burst, from the issue as computed in English (its agency's English name). */
    private Texts english(Rule rule, Finding finding) {
        if (finding.issue() == null) {
            return texts(rule, finding, Locale.ENGLISH);
        }
        Trends.Issue issue = trends.emergingNow(new ListeningScope(rule.agencyCode(), true), "en").stream()
                .filter(i -> i.key().equals(finding.issue().key())).findFirst().orElse(finding.issue());
        return new Texts(sentences.title(issue, Locale.ENGLISH), sentences.sentence(issue, Locale.ENGLISH));
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** An agency's name in a language, or the province's when none. */
    private String agencyName(String code, Locale locale) {
        if (code == null) {
            return message("alerts.province.lower", locale);
        }
        return agencies.findByCode(code, today()).map(a -> a.name(locale.getLanguage())).orElse(code);
    }

    /** The agency that answers, by its name in a language; when none does, saying so (not naming the province, a scope). */
    private String answeringAgency(String code, Locale locale) {
        return code == null ? message("alerts.agency.none", locale) : agencyName(code, locale);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    /** A time of day, with its date when it is not today's. */
    private String when(Instant at) {
        ZonedDateTime local = at.atZone(LocalTime.ZONE);
        return local.toLocalDate().equals(today()) ? TIME.format(local) : DAY_TIME.format(local);
    }

    // --- e-mail

    private void send(Alert alert, Rule rule, Finding finding) {
        Set<String> to = recipients(rule);
        String error = null;
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            error = Alerts.NO_MAIL_SERVER;
        } else if (to.isEmpty()) {
            error = Alerts.NO_RECIPIENT;
        } else {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(settings.mailFrom());
                message.setTo(to.toArray(String[]::new));
                message.setSubject(subject(alert, finding));
                message.setText(body(alert, rule));
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

    /** "[Loa] «quá tải, thiếu thuốc»: 14 bài trong 30 phút qua", or how much it grew since its earlier alert. */
    private String subject(Alert alert, Finding finding) {
        String title = cut(alert.title(), 90);
        if (alert.growth() != null) {
            return "[Loa] " + message("alerts.mail.subject.grew", Languages.VIETNAMESE, title, alert.posts(),
                    alert.growth(Languages.VIETNAMESE), when(alert.grewFromAt()));
        }
        Trends.Issue issue = finding.issue();
        long posts = issue != null ? issue.recent() : alert.posts();
        String window = issue != null ? message("issue.window." + issue.windowMinutes(), Languages.VIETNAMESE)
                : message("TOXIC_STORY".equals(alert.kind()) ? "alerts.window.360" : "alerts.window.60", Languages.VIETNAMESE);
        return "[Loa] " + message("alerts.mail.subject", Languages.VIETNAMESE, title, posts, window);
    }

    /** The sentence, how much it grew, three example posts, the agency, the rule and the link, in plain text. */
    private String body(Alert alert, Rule rule) {
        StringBuilder text = new StringBuilder(alert.sentence()).append('\n');
        if (alert.growth() != null) {
            text.append(message("alerts.mail.grew", Languages.VIETNAMESE, alert.growth(Languages.VIETNAMESE),
                    when(alert.grewFromAt()), alert.grewFromPosts(), alert.posts())).append('\n');
        }
        // to the rule's own recipients: its agency's officers, or the province's coordinators, who read all of them
        List<AlertPost> examples = posts(alert, VisiblePosts.ALL).stream().limit(EXAMPLES).toList();
        if (!examples.isEmpty()) {
            text.append('\n').append(message("alerts.mail.examples", Languages.VIETNAMESE)).append('\n');
            int n = 1;
            for (AlertPost post : examples) {
                String quote = post.text().strip().replaceAll("\\s+", " ");
                quote = quote.length() > QUOTE ? quote.substring(0, QUOTE) + "…" : quote;
                text.append(n++).append(". ").append(DAY_TIME.format(post.publishedAt().atZone(LocalTime.ZONE)))
                        .append(", ").append(messages.getMessage("platform." + post.platform(), null, post.platform(),
                                Languages.VIETNAMESE))
                        .append(": «").append(quote).append("»\n");
            }
        }
        text.append('\n').append(message("alerts.mail.agency", Languages.VIETNAMESE, answeringAgency(alert.aboutAgency(), Languages.VIETNAMESE)))
                .append('\n');
        text.append(message("alerts.mail.rule", Languages.VIETNAMESE, message("alerts.kind." + rule.kind(), Languages.VIETNAMESE),
                agencyName(rule.agencyCode(), Languages.VIETNAMESE))).append('\n');
        text.append(message("alerts.mail.link", Languages.VIETNAMESE, settings.baseUrl() + "/alerts/" + alert.id())).append("\n\n");
        text.append(message("alerts.mail.signature", Languages.VIETNAMESE)).append('\n');
        return text.toString();
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
        AgencyId agency = rule.agencyCode() == null ? null
                : agencies.findByCode(rule.agencyCode(), today()).map(a -> a.id()).orElse(null);
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

    // --- the daily digest

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
        String text = digestText(today);
        int sent = 0;
        for (UserAccount user : users.list()) {
            if (user.enabled() && user.roles().contains(Role.LEADER) && user.email() != null && !user.email().isBlank()) {
                try {
                    SimpleMailMessage message = new SimpleMailMessage();
                    message.setFrom(settings.mailFrom());
                    message.setTo(user.email());
                    message.setSubject("[Loa] " + message("alerts.digest.subject", Languages.VIETNAMESE, LocalTime.format(today)));
                    message.setText(text);
                    sender.send(message);
                    sent++;
                } catch (RuntimeException e) {
                    log.warn("Could not send the digest to " + user.username() + ": " + e.getMessage());
                }
            }
        }
        return sent;
    }

    @Override
    public Digest digest(SignedInUser reader, Locale language) {
        if (!Alerts.readsDigest(reader)) {
            throw new AccessDeniedException("the daily digest is the province's: for leaders, coordinators, administrators");
        }
        LocalDate today = today();
        Instant sentAt = jdbc.sql("SELECT sent_at FROM digest_sent WHERE day = ?").param(today)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        return new Digest(digestText(today, Languages.of(language)), sentAt, mail.getIfAvailable() != null,
                settings.digestHour());
    }

    /** The digest of a day as e-mailed, in Vietnamese. */
    String digestText(LocalDate today) {
        return digestText(today, Languages.VIETNAMESE);
    }

    /** The issues of the day in sentences (the first five), then the day's alerts grouped by what they were about. */
    String digestText(LocalDate today, Locale language) {
        StringBuilder text = new StringBuilder(message("alerts.digest.heading", language, LocalTime.format(today)))
                .append("\n\n");
        text.append(message("alerts.digest.issues", language)).append('\n');
        List<Trends.Issue> issues = trends.emergingNow(new ListeningScope(null, true), language.getLanguage());
        if (issues.isEmpty()) {
            text.append("- ").append(message("alerts.digest.issues.none", language)).append('\n');
        }
        for (Trends.Issue issue : issues.stream().limit(5).toList()) {
            text.append("- ").append(sentences.sentence(issue, language)).append('\n');
        }
        Instant now = clock.instant();
        List<Alert> alerts = jdbc.sql(ALERTS + " WHERE a.raised_at >= ? AND a.raised_at <= ? ORDER BY a.raised_at DESC, a.id DESC "
                        + "LIMIT 1000").params(Timestamp.from(now.minus(Duration.ofDays(1))), Timestamp.from(now))
                .query((rs, row) -> alert(rs)).list();
        List<List<Alert>> groups = groups(alerts);
        text.append('\n').append(message("alerts.digest.alerts", language, alerts.size(), groups.size())).append('\n');
        for (List<Alert> group : groups.stream().limit(15).toList()) {
            Alert latest = group.get(0);
            long open = group.stream().filter(a -> a.acknowledgedAt() == null).count();
            // the posts of the group's last alert, as many as it was raised with: the issue's sentence above says how
            // many it has now (12 in the last hour), which may be more without its having grown enough to be told again
            long then = latest.posts();
            String title = latest.title(language.getLanguage()) != null ? latest.title(language.getLanguage())
                    : message("alerts.kind." + latest.kind(), language)
                            + (latest.detail() == null ? "" : ": " + cut(latest.detail(), 80));
            // the agency that answers, after the title unless the title names it already ("Ý kiến tiêu cực về Sở Y tế")
            String agency = answeringAgency(latest.aboutAgency(), language);
            String heading = latest.aboutAgency() != null && title.contains(agency) ? title : title + " (" + agency + ")";
            text.append("- ").append(message("alerts.digest.group", language, heading, agency, group.size(),
                    when(latest.raisedAt()), then, open, settings.baseUrl() + "/alerts/" + latest.id())).append('\n');
        }
        if (groups.size() > 15) {
            text.append("- ").append(message("alerts.digest.more", language, groups.size() - 15)).append('\n');
        }
        text.append('\n').append(message("alerts.mail.link", language, settings.baseUrl() + "/alerts")).append('\n');
        return text.toString();
    }

    /**
     * Alerts (newest first) grouped by what they were about: a burst's alert with those it grew from, any other
     * alert with the other alerts of its rule; the group with the newest alert first.
     */
    static List<List<Alert>> groups(List<Alert> alerts) {
        Map<Long, Alert> byId = new HashMap<>();
        alerts.forEach(a -> byId.put(a.id(), a));
        Map<String, List<Alert>> groups = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            String key;
            if ("BURST".equals(alert.kind())) {
                Alert first = alert;
                while (first.grewFrom() != null && byId.containsKey(first.grewFrom())) {
                    first = byId.get(first.grewFrom());
                }
                key = "issue " + (first.grewFrom() != null ? first.grewFrom() : first.id());
            } else {
                key = "rule " + alert.ruleId();
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(alert);
        }
        List<List<Alert>> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparing((List<Alert> g) -> g.get(0).raisedAt()).reversed());
        return ordered;
    }

    static boolean provinceWide(SignedInUser user) {
        return ListeningScope.provinceWide(user);
    }
}

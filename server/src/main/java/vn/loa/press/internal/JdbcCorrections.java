package vn.loa.press.internal;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.calendar.PeriodUnit;
import vn.loa.calendar.WorkingDays;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.FeedSources;
import vn.loa.listening.PostRecords.PostRecord;
import vn.loa.listening.PostRecords;
import vn.loa.listening.PostsImported;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.press.CorrectionStatus;
import vn.loa.press.Corrections;
import vn.loa.press.MediaDirectory;
import vn.loa.press.PressFollowUpEvent;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;

/**
 * Correction requests watched in the news on PostgreSQL. A request is due within {@code loa.press.correction-days}
 * working days of its publication (an internal rule: Loa could not verify a legal limit for the press agency).
 */
@Service
class JdbcCorrections implements Corrections {

    private static final Logger log = LoggerFactory.getLogger(JdbcCorrections.class);
    private static final int CHUNK = 2_000;

    private final JdbcClient jdbc;
    private final PostRecords posts;
    private final FeedSources sources;
    private final MediaDirectory media;
    private final TextAnalyzer analyzer;
    private final WorkingDays calendar;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int correctionDays;

    JdbcCorrections(JdbcClient jdbc, PostRecords posts, FeedSources sources, MediaDirectory media, TextAnalyzer analyzer,
            WorkingDays calendar, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
            @Value("${loa.press.correction-days:5}") int correctionDays) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.sources = sources;
        this.media = media;
        this.analyzer = analyzer;
        this.calendar = calendar;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.correctionDays = correctionDays;
    }

    /** A correction request was published: watch the news from the posts stored after now. */
    void watch(long statementId) {
        jdbc.sql("SELECT agency_code, outlet_id, body, published_at FROM press_statement WHERE id = ? AND outlet_id IS NOT NULL")
                .param(statementId).query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()}).optional().ifPresent(row -> {
                    LocalDate published = LocalDate.ofInstant((Instant) row[3], LocalTime.ZONE);
                    LocalDate due = calendar.add(published, correctionDays, PeriodUnit.WORKING_DAYS, (String) row[0]).date();
                    jdbc.sql("""
                            INSERT INTO press_correction_watch (statement_id, outlet_id, key_text, due_on, status, checked_upto)
                            VALUES (?, ?, ?, ?, 'WATCHING', ?) ON CONFLICT (statement_id) DO NOTHING""")
                            .params(statementId, row[1], row[2], due, posts.lastId()).update();
                });
    }

    @Override
    public Optional<Watch> watchOf(long statementId, SignedInUser user) {
        return query(" WHERE w.statement_id = ?", List.of(statementId), 1).stream()
                .filter(w -> PressAccess.maySee(w.agencyCode(), user)).findFirst();
    }

    @Override
    public List<Watch> list(SignedInUser user, int limit) {
        if (PressAccess.seesProvinceWide(user)) {
            return query(" WHERE true", List.of(), limit);
        }
        if (!PressAccess.staffOf(user.agencyCode(), user)) {
            return List.of();
        }
        return query(" WHERE s.agency_code = ?", List.of(user.agencyCode()), limit);
    }

    private List<Watch> query(String where, List<Object> params, int limit) {
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        return jdbc.sql("""
                SELECT w.*, s.agency_code, s.title FROM press_correction_watch w JOIN press_statement s ON s.id = w.statement_id"""
                + where + " ORDER BY CASE w.status WHEN 'WATCHING' THEN 0 ELSE 1 END, w.due_on, w.statement_id DESC LIMIT ?")
                .params(all).query((rs, n) -> {
                    long post = rs.getLong("post_id");
                    boolean noPost = rs.wasNull();
                    return new Watch(rs.getLong("statement_id"), rs.getString("agency_code"), rs.getString("title"),
                            rs.getLong("outlet_id"), rs.getDate("due_on").toLocalDate(),
                            CorrectionStatus.valueOf(rs.getString("status")), noPost ? null : post, rs.getString("post_url"),
                            JdbcCrises.instant(rs, "found_at"));
                }).list();
    }

    /** What one watch looks for. */
    private record Watched(long statementId, String agencyCode, long outletId, Set<Long> pairs, long checkedUpto) {
    }

    @Override
    public synchronized int check() {
        List<Watched> watched = jdbc.sql("""
                SELECT w.statement_id, s.agency_code, w.outlet_id, w.key_text, w.checked_upto
                FROM press_correction_watch w JOIN press_statement s ON s.id = w.statement_id WHERE w.status = 'WATCHING'""")
                .query((rs, n) -> new Watched(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        CorrectionText.pairs(analyzer.normalize(rs.getString(4)).normalized()), rs.getLong(5)))
                .list();
        int found = 0;
        if (!watched.isEmpty()) {
            Map<Long, Set<String>> outletSources = outletSources(watched);
            long from = watched.stream().mapToLong(Watched::checkedUpto).min().orElse(0);
            long last = posts.lastId();
            List<Watched> open = new ArrayList<>(watched);
            while (from < last && !open.isEmpty()) {
                List<PostRecord> batch = posts.after(from, CHUNK);
                if (batch.isEmpty()) {
                    break;
                }
                for (PostRecord post : batch) {
                    if (!"NEWS".equalsIgnoreCase(post.platform())) {
                        continue;
                    }
                    Set<Long> pairs = null;
                    for (Watched w : List.copyOf(open)) {
                        Set<String> own = outletSources.get(w.outletId());
                        if (post.id() <= w.checkedUpto() || (!own.isEmpty() && !own.contains(post.source()))) {
                            continue;
                        }
                        if (pairs == null) {
                            String text = (post.title() == null ? "" : post.title() + "\n")
                                    + (post.normalizedText() != null ? post.normalizedText() : post.text());
                            pairs = CorrectionText.pairs(analyzer.normalize(text).normalized());
                        }
                        if (CorrectionText.carries(w.pairs(), pairs)) {
                            found(w, post);
                            open.remove(w);
                            found++;
                        }
                    }
                }
                from = batch.getLast().id();
            }
            long upto = last;
            jdbc.sql("UPDATE press_correction_watch SET checked_upto = greatest(checked_upto, ?) WHERE status = 'WATCHING'")
                    .param(upto).update();
        }
        overdue();
        return found;
    }

    private void found(Watched w, PostRecord post) {
        transactions.executeWithoutResult(status -> {
            int rows = jdbc.sql("""
                    UPDATE press_correction_watch SET status = 'FOUND', post_id = ?, post_url = ?, found_at = ?
                    WHERE statement_id = ? AND status = 'WATCHING'""")
                    .params(post.id(), post.url(), Timestamp.from(clock.instant()), w.statementId()).update();
            if (rows == 1) {
                events.publishEvent(new PressFollowUpEvent.CorrectionChecked(Actor.SYSTEM, w.statementId(), w.agencyCode(),
                        CorrectionStatus.FOUND, post.id()));
            }
        });
    }

    private void overdue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
        transactions.executeWithoutResult(status -> jdbc.sql("""
                UPDATE press_correction_watch w SET status = 'OVERDUE' FROM press_statement s
                WHERE s.id = w.statement_id AND w.status = 'WATCHING' AND w.due_on < ?
                RETURNING w.statement_id, s.agency_code""").param(today)
                .query((rs, n) -> new PressFollowUpEvent.CorrectionChecked(Actor.SYSTEM, rs.getLong(1), rs.getString(2),
                        CorrectionStatus.OVERDUE, null)).list().forEach(events::publishEvent));
    }

    /** The codes of the sources whose name is the outlet's; empty when none is, and any news counts. */
    private Map<Long, Set<String>> outletSources(List<Watched> watched) {
        List<FeedSources.Source> all = sources.all();
        Map<Long, Set<String>> byOutlet = new HashMap<>();
        for (long outletId : watched.stream().map(Watched::outletId).collect(Collectors.toSet())) {
            String outlet = fold(media.outlet(outletId).name());
            byOutlet.put(outletId, all.stream()
                    .filter(s -> outlet.equals(fold(s.name())) || outlet.equals(fold(s.code())))
                    .map(FeedSources.Source::code).collect(Collectors.toSet()));
        }
        return byOutlet;
    }

    private static String fold(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd')
                .replace('Đ', 'D');
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void imported(PostsImported event) {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Could not check correction requests after import {}: {}", event.importId(), e.getMessage());
        }
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 180_000)
    void scheduled() {
        check();
    }
}

package vn.loa.transparency.internal;

import java.net.URI;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.transparency.DisclosureCatalogue;
import vn.loa.transparency.DisclosureCategory;
import vn.loa.transparency.TransparencyEvent;

/** The disclosure catalogue on PostgreSQL. */
@Service
class JdbcDisclosureCatalogue implements DisclosureCatalogue {

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcDisclosureCatalogue(JdbcClient jdbc, AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @Override
    public List<Item> items(SignedInUser user) {
        boolean all = user.has(Role.COORDINATOR) || user.has(Role.LEADER);
        if (!all && !(user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON))) {
            return List.of();
        }
        String where = all ? "" : " WHERE agency_code = ?";
        LocalDate today = today();
        return jdbc.sql("SELECT * FROM disclosure_item" + where + " ORDER BY due_on, id LIMIT 1000")
                .params(all ? List.of() : List.of(user.agencyCode())).query((rs, n) -> item(rs, today)).list().stream()
                .sorted((a, b) -> Boolean.compare(b.overdue(), a.overdue())).toList();
    }

    @Override
    @Transactional
    public Item add(NewItem item, SignedInUser user) {
        List<InvalidInput> problems = new ArrayList<>();
        String agency = item.agencyCode() == null ? null : item.agencyCode().strip();
        if (agency == null || agencies.findByCode(agency, today()).isEmpty()) {
            problems.add(new InvalidInput("agencyCode", "transparency.error.agency"));
        } else if (!mayKeep(user, agency)) {
            problems.add(new InvalidInput("agencyCode", "transparency.error.agency-not-yours"));
        }
        String title = item.title() == null ? "" : item.title().strip();
        if (title.length() < 3 || title.length() > 500) {
            problems.add(new InvalidInput("title", "disclosure.error.title"));
        }
        if (item.category() == null) {
            problems.add(new InvalidInput("category", "disclosure.error.category"));
        }
        if (item.dueOn() == null) {
            problems.add(new InvalidInput("dueOn", "disclosure.error.due-on"));
        }
        if (item.reviewOn() != null && item.dueOn() != null && item.reviewOn().isBefore(item.dueOn())) {
            problems.add(new InvalidInput("reviewOn", "disclosure.error.review-on"));
        }
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("""
                INSERT INTO disclosure_item (agency_code, title, category, due_on, review_on, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(agency, title, item.category().name(), Date.valueOf(item.dueOn()),
                        item.reviewOn() == null ? null : Date.valueOf(item.reviewOn()), user.username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new TransparencyEvent.DisclosureItemChanged(user.actor(), id, agency, "disclosure-item.added", title));
        return find(id);
    }

    @Override
    @Transactional
    public Item published(long id, Publication p, SignedInUser user) {
        Item item = find(id);
        if (!mayKeep(user, item.agencyCode())) {
            throw new NotFound("disclosure item", id);
        }
        List<InvalidInput> problems = new ArrayList<>();
        if (p.publishedOn() == null || p.publishedOn().isAfter(today())) {
            problems.add(new InvalidInput("publishedOn", "disclosure.error.published-on"));
        }
        String place = p.place() == null ? "" : p.place().strip();
        if (place.isEmpty() || place.length() > 300) {
            problems.add(new InvalidInput("place", "disclosure.error.place"));
        }
        String url = p.url() == null || p.url().isBlank() ? null : p.url().strip();
        if (url != null && !webAddress(url)) {
            problems.add(new InvalidInput("url", "disclosure.error.url"));
        }
        if (p.reviewOn() != null && p.publishedOn() != null && p.reviewOn().isBefore(p.publishedOn())) {
            problems.add(new InvalidInput("reviewOn", "disclosure.error.review-on"));
        }
        InvalidInput.throwIfAny(problems);
        jdbc.sql("""
                UPDATE disclosure_item SET published_on = ?, place = ?, url = ?, review_on = ?, updated_by = ?, updated_at = ?
                WHERE id = ?""").params(Date.valueOf(p.publishedOn()), place, url,
                        p.reviewOn() == null ? null : Date.valueOf(p.reviewOn()), user.username(), Timestamp.from(clock.instant()), id)
                .update();
        events.publishEvent(new TransparencyEvent.DisclosureItemChanged(user.actor(), id, item.agencyCode(),
                "disclosure-item.published", item.title()));
        return find(id);
    }

    @Override
    public List<Item> publicItems() {
        LocalDate today = today();
        return jdbc.sql("SELECT * FROM disclosure_item WHERE published_on IS NOT NULL ORDER BY published_on DESC, id DESC LIMIT 500")
                .query((rs, n) -> item(rs, today)).list();
    }

    private static boolean webAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null
                    && url.length() <= 1000;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean mayKeep(SignedInUser user, String agencyCode) {
        return user.has(Role.COORDINATOR) || (user.has(Role.OFFICER) || user.has(Role.SPOKESPERSON))
                && agencyCode.equals(user.agencyCode());
    }

    private Item find(long id) {
        LocalDate today = today();
        return jdbc.sql("SELECT * FROM disclosure_item WHERE id = ?").param(id).query((rs, n) -> item(rs, today)).optional()
                .orElseThrow(() -> new NotFound("disclosure item", id));
    }

    private static Item item(ResultSet rs, LocalDate today) throws SQLException {
        Date published = rs.getDate("published_on");
        Date review = rs.getDate("review_on");
        LocalDate due = rs.getDate("due_on").toLocalDate();
        boolean overdue = published == null ? due.isBefore(today) : review != null && review.toLocalDate().isBefore(today);
        return new Item(rs.getLong("id"), rs.getString("agency_code"), rs.getString("title"),
                DisclosureCategory.valueOf(rs.getString("category")), due, published == null ? null : published.toLocalDate(),
                rs.getString("place"), rs.getString("url"), review == null ? null : review.toLocalDate(), overdue);
    }
}

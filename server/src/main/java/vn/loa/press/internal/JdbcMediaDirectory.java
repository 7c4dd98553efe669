package vn.loa.press.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.UserAccount;
import vn.loa.identity.Users;
import vn.loa.press.ContactPreference;
import vn.loa.press.MediaDirectory;
import vn.loa.press.OutletKind;
import vn.loa.press.PressEvent;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** The media directory on PostgreSQL. */
@Service
class JdbcMediaDirectory implements MediaDirectory {

    private static final String JOURNALIST = """
            SELECT j.*, o.name AS outlet_name FROM press_journalist j JOIN press_outlet o ON o.id = j.outlet_id
            """;

    private final JdbcClient jdbc;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcMediaDirectory(JdbcClient jdbc, Users users, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<Outlet> outlets(LocalDate day) {
        return jdbc.sql("SELECT * FROM press_outlet WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY name")
                .params(Date.valueOf(day), Date.valueOf(day)).query(JdbcMediaDirectory::outlet).list();
    }

    @Override
    public Outlet outlet(long id) {
        return jdbc.sql("SELECT * FROM press_outlet WHERE id = ?").param(id).query(JdbcMediaDirectory::outlet).optional()
                .orElseThrow(() -> new NotFound("outlet", id));
    }

    @Override
    public List<Journalist> journalists(Long outletId, LocalDate day) {
        return jdbc.sql(JOURNALIST + """
                 WHERE (?::bigint IS NULL OR j.outlet_id = ?) AND j.valid_from <= ? AND (j.valid_to IS NULL OR j.valid_to >= ?)
                ORDER BY o.name, j.full_name""").params(outletId, outletId, Date.valueOf(day), Date.valueOf(day))
                .query(JdbcMediaDirectory::journalist).list();
    }

    @Override
    public Optional<Journalist> journalistOf(String username, LocalDate day) {
        return jdbc.sql(JOURNALIST + """
                 WHERE j.username = lower(?) AND j.valid_from <= ? AND (j.valid_to IS NULL OR j.valid_to >= ?)
                ORDER BY j.id DESC LIMIT 1""").params(username, Date.valueOf(day), Date.valueOf(day))
                .query(JdbcMediaDirectory::journalist).optional();
    }

    @Override
    @Transactional
    public Outlet addOutlet(Outlet o, SignedInUser by) {
        keeper(by);
        List<InvalidInput> problems = new ArrayList<>();
        String name = PressAccess.text(o.name());
        if (name == null || name.length() > 200) {
            problems.add(new InvalidInput("name", "press.error.name"));
        }
        if (o.kind() == null) {
            problems.add(new InvalidInput("kind", "press.error.outlet-kind"));
        }
        String email = PressAccess.text(o.newsroomEmail());
        if (email != null && !JdbcSpokespersons.EMAIL.matcher(email).matches()) {
            problems.add(new InvalidInput("newsroomEmail", "press.error.email"));
        }
        dates(o.validFrom(), o.validTo(), problems);
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("""
                INSERT INTO press_outlet (name, kind, agency_code, newsroom_email, valid_from, valid_to, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(name, o.kind().name(), PressAccess.text(o.agencyCode()), email, Date.valueOf(o.validFrom()),
                        o.validTo() == null ? null : Date.valueOf(o.validTo()), by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new PressEvent.MediaDirectoryChanged(by.actor(), "press-outlet.added", "press-outlet", id, name));
        return outlet(id);
    }

    @Override
    @Transactional
    public Journalist addJournalist(Journalist j, SignedInUser by) {
        keeper(by);
        List<InvalidInput> problems = new ArrayList<>();
        if (j.outletId() == null || jdbc.sql("SELECT count(*) FROM press_outlet WHERE id = ?").param(j.outletId())
                .query(Long.class).single() == 0) {
            problems.add(new InvalidInput("outletId", "press.error.outlet"));
        }
        String name = PressAccess.text(j.fullName());
        if (name == null || name.length() > 200) {
            problems.add(new InvalidInput("fullName", "press.error.name"));
        }
        String username = PressAccess.text(j.username());
        if (username != null) {
            Optional<UserAccount> account = users.findByUsername(username);
            if (account.isEmpty() || !account.get().roles().contains(Role.PRESS)) {
                problems.add(new InvalidInput("username", "press.error.press-account"));
            }
        }
        String email = PressAccess.text(j.email());
        if (email != null && !JdbcSpokespersons.EMAIL.matcher(email).matches()) {
            problems.add(new InvalidInput("email", "press.error.email"));
        }
        if (j.contactPreference() == null) {
            problems.add(new InvalidInput("contactPreference", "press.error.contact-preference"));
        } else if (j.contactPreference() == ContactPreference.EMAIL && email == null) {
            problems.add(new InvalidInput("email", "press.error.email"));
        } else if (j.contactPreference() == ContactPreference.LOA && username == null) {
            problems.add(new InvalidInput("username", "press.error.press-account"));
        }
        dates(j.validFrom(), j.validTo(), problems);
        InvalidInput.throwIfAny(problems);
        Set<String> beats = new LinkedHashSet<>();
        j.beats().stream().map(PressAccess::text).filter(b -> b != null && b.length() <= 100).forEach(beats::add);
        long id = jdbc.sql("""
                INSERT INTO press_journalist (outlet_id, full_name, username, email, phone, beats, contact_preference,
                    receives_releases, valid_from, valid_to, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(j.outletId(), name, username == null ? null : username.toLowerCase(Locale.ROOT), email,
                        PressAccess.text(j.phone()), beats.toArray(String[]::new), j.contactPreference().name(),
                        j.receivesReleases(), Date.valueOf(j.validFrom()), j.validTo() == null ? null : Date.valueOf(j.validTo()),
                        by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        events.publishEvent(new PressEvent.MediaDirectoryChanged(by.actor(), "journalist.added", "journalist", id, name));
        return journalist(id);
    }

    @Override
    @Transactional
    public Journalist endJournalist(long id, LocalDate lastDay, SignedInUser by) {
        keeper(by);
        Journalist j = journalist(id);
        if (j.validTo() != null) {
            throw new Conflict("press.error.ended", LocalTime.format(j.validTo()));
        }
        if (lastDay == null || lastDay.isBefore(j.validFrom())) {
            throw new InvalidInput("validTo", "press.error.valid-to");
        }
        jdbc.sql("UPDATE press_journalist SET valid_to = ? WHERE id = ?").params(Date.valueOf(lastDay), id).update();
        events.publishEvent(new PressEvent.MediaDirectoryChanged(by.actor(), "journalist.ended", "journalist", id, j.fullName()));
        return journalist(id);
    }

    @Override
    public List<String> addressList(LocalDate day) {
        Set<String> addresses = new LinkedHashSet<>();
        journalists(null, day).stream().filter(Journalist::receivesReleases).map(Journalist::email)
                .filter(e -> e != null && !e.isBlank()).forEach(addresses::add);
        outlets(day).stream().map(Outlet::newsroomEmail).filter(e -> e != null && !e.isBlank()).forEach(addresses::add);
        return List.copyOf(addresses);
    }

    private Journalist journalist(long id) {
        return jdbc.sql(JOURNALIST + " WHERE j.id = ?").param(id).query(JdbcMediaDirectory::journalist).optional()
                .orElseThrow(() -> new NotFound("journalist", id));
    }

    private static void keeper(SignedInUser by) {
        if (!PressAccess.actsProvinceWide(by)) {
            throw new AccessDeniedException("only coordinators keep the media directory");
        }
    }

    private static void dates(LocalDate from, LocalDate to, List<InvalidInput> problems) {
        if (from == null) {
            problems.add(new InvalidInput("validFrom", "press.error.valid-from"));
        } else if (to != null && to.isBefore(from)) {
            problems.add(new InvalidInput("validTo", "press.error.valid-to"));
        }
    }

    private static Outlet outlet(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new Outlet(rs.getLong("id"), rs.getString("name"), OutletKind.valueOf(rs.getString("kind")),
                rs.getString("agency_code"), rs.getString("newsroom_email"), rs.getDate("valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate());
    }

    private static Journalist journalist(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("valid_to");
        Array beats = rs.getArray("beats");
        return new Journalist(rs.getLong("id"), rs.getLong("outlet_id"), rs.getString("outlet_name"), rs.getString("full_name"),
                rs.getString("username"), rs.getString("email"), rs.getString("phone"),
                Arrays.stream((Object[]) beats.getArray()).map(String::valueOf).toList(),
                ContactPreference.valueOf(rs.getString("contact_preference")), rs.getBoolean("receives_releases"),
                rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate());
    }
}

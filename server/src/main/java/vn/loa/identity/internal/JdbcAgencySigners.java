package vn.loa.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencySigners;
import vn.loa.identity.IdentityEvent;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInUser;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/** The agencies' signers, in {@code agency_signer} (V76); each change is audited as a change of the agency. */
@Service("agencySigners")
class JdbcAgencySigners implements AgencySigners {

    /** Academic and honorary titles, which Decree 30/2020 keeps out of the signer's name ("TS.", "PGS.TS.", "ThS."). */
    private static final Pattern ACADEMIC = Pattern.compile("(?iu)^(GS|PGS|TS|TSKH|ThS|NGND|NGƯT|NSND|NSƯT)\\b\\.?.*");

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcAgencySigners(JdbcClient jdbc, AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<Signer> of(AgencyId agency) {
        return jdbc.sql("""
                SELECT id, agency_id, full_name, title, by_default FROM agency_signer WHERE agency_id = ?
                ORDER BY by_default DESC, id""").param(agency.value())
                .query((rs, n) -> new Signer(rs.getLong(1), new AgencyId(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .list();
    }

    @Override
    public Optional<Signer> byDefault(AgencyId agency) {
        return of(agency).stream().filter(Signer::byDefault).findFirst();
    }

    @Override
    public Optional<Signer> chosen(AgencyId agency, Long signerId) {
        if (agency == null) {
            return Optional.empty();
        }
        if (signerId == null) {
            return byDefault(agency);
        }
        return Optional.of(of(agency).stream().filter(s -> s.id() == signerId).findFirst()
                .orElseThrow(() -> new InvalidInput("signerId", "signer.error.unknown")));
    }

    @Override
    public boolean mayManage(SignedInUser user, AgencyId agency) {
        return user != null && !user.apiClient() && (user.has(Role.ADMIN)
                || (user.has(Role.SPOKESPERSON) && agency != null && agency.equals(user.agency())));
    }

    @Override
    @Transactional
    public Signer add(AgencyId agency, String typedName, String typedTitle, boolean byDefault, SignedInUser by) {
        return record(managed(agency, by), typedName, typedTitle, byDefault, by.actor());
    }

    /** Records a signer for the unit, as {@link #add} does, for whoever is allowed to (the demo's seed). */
    Signer record(Agency unit, String typedName, String typedTitle, boolean byDefault, Actor by) {
        AgencyId agency = unit.id();
        String fullName = clean(typedName);
        String title = clean(typedTitle);
        List<InvalidInput> problems = new ArrayList<>();
        if (fullName == null) {
            problems.add(new InvalidInput("fullName", "signer.error.name-blank"));
        } else if (fullName.length() > NAME_MAX) {
            problems.add(new InvalidInput("fullName", "signer.error.name-long", NAME_MAX));
        } else if (ACADEMIC.matcher(fullName).matches()) {
            problems.add(new InvalidInput("fullName", "signer.error.name-academic"));
        }
        if (title == null) {
            problems.add(new InvalidInput("title", "signer.error.title-blank"));
        } else if (title.length() > TITLE_MAX) {
            problems.add(new InvalidInput("title", "signer.error.title-long", TITLE_MAX));
        }
        InvalidInput.throwIfAny(problems);
        boolean first = of(agency).isEmpty();
        if (byDefault && !first) {
            jdbc.sql("UPDATE agency_signer SET by_default = false WHERE agency_id = ? AND by_default").param(agency.value())
                    .update();
        }
        long id = jdbc.sql("""
                INSERT INTO agency_signer (agency_id, full_name, title, by_default, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(agency.value(), fullName, title, byDefault || first, by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        audit(by, unit, "signerAdded", fullName + ", " + title + (byDefault || first ? " (mặc định)" : ""));
        return new Signer(id, agency, fullName, title, byDefault || first);
    }

    @Override
    @Transactional
    public void makeDefault(AgencyId agency, long signerId, SignedInUser by) {
        Agency unit = managed(agency, by);
        Signer signer = own(agency, signerId);
        if (signer.byDefault()) {
            return;
        }
        jdbc.sql("UPDATE agency_signer SET by_default = false WHERE agency_id = ? AND by_default").param(agency.value())
                .update();
        jdbc.sql("UPDATE agency_signer SET by_default = true, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(by.username(), Timestamp.from(clock.instant()), signerId).update();
        audit(by.actor(), unit, "signerByDefault", signer.fullName() + ", " + signer.title());
    }

    @Override
    @Transactional
    public void remove(AgencyId agency, long signerId, SignedInUser by) {
        Agency unit = managed(agency, by);
        Signer signer = own(agency, signerId);
        jdbc.sql("DELETE FROM agency_signer WHERE id = ?").param(signerId).update();
        if (signer.byDefault()) {
            // an agency with signers always has one that signs unless someone else is chosen
            jdbc.sql("""
                    UPDATE agency_signer SET by_default = true WHERE id = (SELECT min(id) FROM agency_signer WHERE agency_id = ?)""")
                    .param(agency.value()).update();
        }
        audit(by.actor(), unit, "signerRemoved", signer.fullName() + ", " + signer.title());
    }

    private Agency managed(AgencyId agency, SignedInUser by) {
        Agency unit = agencies.find(agency).orElseThrow(() -> new NotFound("agency", agency.value()));
        if (!mayManage(by, agency)) {
            throw new AccessDeniedException(by == null ? "not signed in"
                    : by.username() + " may not change the signers of agency " + unit.code());
        }
        return unit;
    }

    private Signer own(AgencyId agency, long signerId) {
        return of(agency).stream().filter(s -> s.id() == signerId).findFirst()
                .orElseThrow(() -> new NotFound("signer", signerId));
    }

    private void audit(Actor by, Agency unit, String change, String what) {
        events.publishEvent(new IdentityEvent.AgencyUpdated(by, unit.id().value(), unit.code(),
                Map.of(change, Objects.requireNonNull(what))));
    }

    /** Trimmed, with runs of white space made one space; blank is null. */
    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().replaceAll("\\s+", " ");
    }
}

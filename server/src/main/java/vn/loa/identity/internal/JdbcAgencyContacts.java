package vn.loa.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyContacts;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyOnDay;
import vn.loa.identity.IdentityEvent;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** The agencies' contacts for citizens, one row per unit in {@code agency_contact} (V66). */
@Service("agencyContacts")
class JdbcAgencyContacts implements AgencyContacts {

    /** Digits, spaces and the signs numbers are written with; several numbers may be separated by commas or semicolons. */
    private static final Pattern PHONE = Pattern.compile("[0-9+][0-9 .()\\-+,;/]*[0-9)]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s.<>\"]+(\\.[^@\\s.<>\"]+)+");

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcAgencyContacts(JdbcClient jdbc, AgencyDirectory agencies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<Contact> of(AgencyId agency) {
        return jdbc.sql("SELECT address, phone, email, hours FROM agency_contact WHERE agency_id = ?").param(agency.value())
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().filter(contact -> !contact.isEmpty());
    }

    @Override
    public Optional<Contact> forCode(String code) {
        List<Agency> responsible = agencies.resolve(code, LocalDate.now(clock.withZone(LocalTime.ZONE)))
                .map(AgencyOnDay::responsible).orElse(List.of());
        return responsible.size() == 1 ? of(responsible.get(0).id()) : Optional.empty();
    }

    @Override
    public Reach reach(String code) {
        if (code == null) {
            return null;
        }
        List<Agency> responsible = agencies.resolve(code, LocalDate.now(clock.withZone(LocalTime.ZONE)))
                .map(AgencyOnDay::responsible).orElse(List.of());
        if (responsible.size() != 1) {
            return null;
        }
        Agency unit = responsible.get(0);
        // up the tree (a ward, then the province): a few steps at most, and never round a loop
        for (int step = 0; unit != null && step < 5; step++) {
            Optional<Contact> contact = of(unit.id());
            if (contact.isPresent()) {
                return new Reach(contact.get(), unit.code(), step == 0);
            }
            unit = unit.parent() == null ? null : agencies.find(unit.parent()).orElse(null);
        }
        return null;
    }

    @Override
    @Transactional
    public Contact save(AgencyId agency, Contact typed, Actor by) {
        Agency unit = agencies.find(agency).orElseThrow(() -> new NotFound("agency", agency.value()));
        Contact contact = new Contact(clean(typed.address()), clean(typed.phone()), clean(typed.email()),
                clean(typed.hours()));
        List<InvalidInput> problems = new ArrayList<>();
        if (contact.address() != null && contact.address().length() > ADDRESS_MAX) {
            problems.add(new InvalidInput("address", "agency.contact.error.address", ADDRESS_MAX));
        }
        if (contact.phone() != null && (contact.phone().length() > PHONE_MAX || !PHONE.matcher(contact.phone()).matches())) {
            problems.add(new InvalidInput("phone", "agency.contact.error.phone", PHONE_MAX));
        }
        if (contact.email() != null && (contact.email().length() > EMAIL_MAX || !EMAIL.matcher(contact.email()).matches())) {
            problems.add(new InvalidInput("email", "agency.contact.error.email"));
        }
        if (contact.hours() != null && contact.hours().length() > HOURS_MAX) {
            problems.add(new InvalidInput("hours", "agency.contact.error.hours", HOURS_MAX));
        }
        InvalidInput.throwIfAny(problems);
        Contact before = of(agency).orElse(new Contact(null, null, null, null));
        Map<String, String> changes = new LinkedHashMap<>();
        diff(changes, "contactAddress", before.address(), contact.address());
        diff(changes, "contactPhone", before.phone(), contact.phone());
        diff(changes, "contactEmail", before.email(), contact.email());
        diff(changes, "contactHours", before.hours(), contact.hours());
        if (changes.isEmpty()) {
            return contact;
        }
        jdbc.sql("""
                INSERT INTO agency_contact (agency_id, address, phone, email, hours, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (agency_id) DO UPDATE SET address = excluded.address, phone = excluded.phone,
                    email = excluded.email, hours = excluded.hours, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at""")
                .params(agency.value(), contact.address(), contact.phone(), contact.email(), contact.hours(),
                        by.username(), Timestamp.from(clock.instant()))
                .update();
        events.publishEvent(new IdentityEvent.AgencyUpdated(by, agency.value(), unit.code(), changes));
        return contact;
    }

    private static void diff(Map<String, String> changes, String key, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.put(key, before + " -> " + after);
        }
    }

    /** Trimmed, with runs of white space (a pasted line break) made one space; blank is null. */
    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().replaceAll("\\s+", " ");
    }
}

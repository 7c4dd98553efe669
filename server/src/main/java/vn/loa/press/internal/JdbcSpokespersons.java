package vn.loa.press.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.Agency;
import vn.loa.identity.AgencyDirectory;
import vn.loa.identity.AgencyKind;
import vn.loa.identity.IssuingBody;
import vn.loa.identity.SignedInUser;
import vn.loa.identity.Users;
import vn.loa.identity.AgencySigners;
import vn.loa.platform.OfficialLetter;
import vn.loa.platform.ProvinceSettings;
import vn.loa.press.PressEvent;
import vn.loa.press.SpeakerCapacity;
import vn.loa.press.Spokesperson;
import vn.loa.press.Spokespersons;
import vn.loa.shared.Conflict;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;

/** The spokesperson registry on PostgreSQL. */
@Service
class JdbcSpokespersons implements Spokespersons {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern PHONE = Pattern.compile("[0-9+(][0-9 .()+-]{6,22}[0-9]");

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProvinceSettings province;
    private final String managementAgency;

    private final AgencySigners signers;

    JdbcSpokespersons(JdbcClient jdbc, AgencyDirectory agencies, Users users, ApplicationEventPublisher events, Clock clock,
            ProvinceSettings province, vn.loa.press.PressSettings settings, AgencySigners signers) {
        this.signers = signers;
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.province = province;
        this.managementAgency = settings.managementAgency();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), LocalTime.ZONE);
    }

    @Override
    public List<Spokesperson> validOn(LocalDate day) {
        return jdbc.sql("""
                SELECT * FROM press_spokesperson WHERE withdrawn_at IS NULL AND valid_from <= ?
                  AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY agency_code, CASE capacity WHEN 'HEAD' THEN 0 WHEN 'SPOKESPERSON' THEN 1 ELSE 2 END, full_name""")
                .params(Date.valueOf(day), Date.valueOf(day)).query(JdbcSpokespersons::row).list();
    }

    @Override
    public List<Spokesperson> history(String agencyCode) {
        if (agencyCode == null) {
            return jdbc.sql("SELECT * FROM press_spokesperson ORDER BY agency_code, valid_from DESC, id DESC")
                    .query(JdbcSpokespersons::row).list();
        }
        return jdbc.sql("SELECT * FROM press_spokesperson WHERE agency_code = ? ORDER BY valid_from DESC, id DESC")
                .param(agencyCode).query(JdbcSpokespersons::row).list();
    }

    @Override
    public Spokesperson get(long id) {
        return jdbc.sql("SELECT * FROM press_spokesperson WHERE id = ?").param(id).query(JdbcSpokespersons::row).optional()
                .orElseThrow(() -> new NotFound("spokesperson", id));
    }

    @Override
    public List<Change> changes(long id) {
        return jdbc.sql("SELECT action, actor, occurred_at, note FROM press_spokesperson_change WHERE spokesperson_id = ? ORDER BY id")
                .param(id).query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4))).list();
    }

    @Override
    public boolean mayKeep(String agencyCode, SignedInUser user) {
        return PressAccess.mayAct(agencyCode, user);
    }

    @Override
    @Transactional
    public Spokesperson appoint(Appointment a, SignedInUser by) {
        List<InvalidInput> problems = new ArrayList<>();
        String agencyCode = PressAccess.text(a.agencyCode());
        if (agencyCode == null || agencies.findByCode(agencyCode, today()).isEmpty()) {
            problems.add(new InvalidInput("agencyCode", "press.error.agency"));
        } else if (!mayKeep(agencyCode, by)) {
            throw new AccessDeniedException("not the agency's staff");
        }
        if (a.capacity() == null) {
            problems.add(new InvalidInput("capacity", "press.error.capacity"));
        }
        String matter = PressAccess.text(a.matter());
        if (a.capacity() == SpeakerCapacity.AUTHORISED && matter == null) {
            problems.add(new InvalidInput("matter", "press.error.matter"));
        }
        String name = PressAccess.text(a.fullName());
        if (name == null || name.length() > 200) {
            problems.add(new InvalidInput("fullName", "press.error.name"));
        }
        String title = PressAccess.text(a.title());
        if (title == null || title.length() > 200) {
            problems.add(new InvalidInput("title", "press.error.title"));
        }
        String phone = PressAccess.text(a.phone());
        if (phone == null || !PHONE.matcher(phone).matches()) {
            problems.add(new InvalidInput("phone", "press.error.phone"));
        }
        String email = PressAccess.text(a.email());
        if (email == null || email.length() > 200 || !EMAIL.matcher(email).matches()) {
            problems.add(new InvalidInput("email", "press.error.email"));
        }
        String username = PressAccess.text(a.username());
        if (username != null && users.findByUsername(username).isEmpty()) {
            problems.add(new InvalidInput("username", "press.error.username"));
        }
        if (a.validFrom() == null) {
            problems.add(new InvalidInput("validFrom", "press.error.valid-from"));
        } else if (a.validTo() != null && a.validTo().isBefore(a.validFrom())) {
            problems.add(new InvalidInput("validTo", "press.error.valid-to"));
        }
        InvalidInput.throwIfAny(problems);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                INSERT INTO press_spokesperson (agency_code, capacity, matter, full_name, title, phone, email, username,
                    valid_from, valid_to, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(agencyCode, a.capacity().name(), a.capacity() == SpeakerCapacity.AUTHORISED ? matter : null, name,
                        title, phone, email, username == null ? null : username.toLowerCase(Locale.ROOT),
                        Date.valueOf(a.validFrom()), a.validTo() == null ? null : Date.valueOf(a.validTo()), by.username(),
                        Timestamp.from(now))
                .query(Long.class).single();
        change(id, "APPOINTED", by, null);
        events.publishEvent(new PressEvent.SpokespersonAppointed(by.actor(), id, agencyCode, a.capacity(), a.validFrom()));
        return get(id);
    }

    @Override
    @Transactional
    public Spokesperson end(long id, LocalDate lastDay, String note, SignedInUser by) {
        Spokesperson row = keep(id, by);
        if (row.withdrawnAt() != null) {
            throw new Conflict("press.error.withdrawn");
        }
        if (lastDay == null) {
            throw new InvalidInput("validTo", "press.error.valid-to-missing");
        }
        if (lastDay.isBefore(row.validFrom())) {
            throw new InvalidInput("validTo", "press.error.valid-to");
        }
        if (row.validTo() != null && !row.validTo().isAfter(lastDay)) {
            throw new Conflict("press.error.ended", LocalTime.format(row.validTo()));
        }
        jdbc.sql("UPDATE press_spokesperson SET valid_to = ? WHERE id = ?").params(Date.valueOf(lastDay), id).update();
        change(id, "ENDED", by, PressAccess.text(note) == null ? LocalTime.format(lastDay)
                : LocalTime.format(lastDay) + ": " + PressAccess.text(note));
        events.publishEvent(new PressEvent.SpokespersonEnded(by.actor(), id, row.agencyCode(), lastDay));
        return get(id);
    }

    @Override
    @Transactional
    public Spokesperson withdraw(long id, String reason, SignedInUser by) {
        Spokesperson row = keep(id, by);
        if (row.withdrawnAt() != null) {
            throw new Conflict("press.error.withdrawn");
        }
        String why = PressAccess.text(reason);
        if (why == null || why.length() > 1000) {
            throw new InvalidInput("reason", "press.error.reason");
        }
        jdbc.sql("UPDATE press_spokesperson SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), by.username(), why, id).update();
        change(id, "WITHDRAWN", by, why);
        events.publishEvent(new PressEvent.SpokespersonWithdrawn(by.actor(), id, row.agencyCode(), why));
        return get(id);
    }

    private Spokesperson keep(long id, SignedInUser by) {
        Spokesperson row = get(id);
        if (!mayKeep(row.agencyCode(), by)) {
            if (PressAccess.maySee(row.agencyCode(), by)) {
                throw new AccessDeniedException("may not keep the agency's registry");
            }
            throw new NotFound("spokesperson", id);
        }
        return row;
    }

    private void change(long id, String action, SignedInUser by, String note) {
        jdbc.sql("INSERT INTO press_spokesperson_change (spokesperson_id, action, actor, occurred_at, note) VALUES (?, ?, ?, ?, ?)")
                .params(id, action, by.username(), Timestamp.from(clock.instant()), note).update();
    }

    @Override
    public List<String> agenciesWithoutSpokesperson(LocalDate day) {
        List<String> covered = validOn(day).stream().filter(s -> s.capacity() != SpeakerCapacity.AUTHORISED)
                .map(Spokesperson::agencyCode).distinct().toList();
        return agencies.validOn(day).stream()
                .filter(a -> a.kind() == AgencyKind.PROVINCE || a.kind() == AgencyKind.DEPARTMENT)
                .map(Agency::code).filter(code -> !covered.contains(code)).toList();
    }

    @Override
    public Notice notice(String agencyCode, SignedInUser by) {
        LocalDate today = today();
        Agency agency = agencies.findByCode(agencyCode, today).orElseThrow(() -> new NotFound("agency", agencyCode));
        List<Spokesperson> valid = validOn(today).stream().filter(s -> s.agencyCode().equals(agencyCode)).toList();
        if (valid.isEmpty()) {
            throw new NotFound("spokesperson", agencyCode);
        }
        String parent = agency.parent() == null || IssuingBody.standsAlone(agency) ? null
                : agencies.find(agency.parent()).map(Agency::nameVi).orElse(null);
        String recipient = agencies.findByCode(managementAgency, today).map(Agency::nameVi).orElse(managementAgency);
        IssuingBody issuer = IssuingBody.of(agency);
        String name = IssuingBody.name(agency);
        OfficialLetter letter = new OfficialLetter(parent, name, issuer.symbol("TB"), IssuingBody.place(agency, province.name()),
                today)
                .title("Thông báo", "Về việc người phát ngôn và cung cấp thông tin cho báo chí")
                .addressee(recipient)
                .body("Căn cứ Nghị định số 09/2017/NĐ-CP ngày 09 tháng 02 năm 2017 của Chính phủ quy định chi tiết việc phát"
                        + " ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà nước, " + name
                        + " thông báo người phát ngôn và người được giao phát ngôn, cung cấp thông tin cho báo chí như sau:");
        int n = 1;
        for (Spokesperson s : valid) {
            String role = switch (s.capacity()) {
                case HEAD -> "người đứng đầu cơ quan, trực tiếp phát ngôn";
                case SPOKESPERSON -> "người phát ngôn";
                case AUTHORISED -> "người được ủy quyền phát ngôn về " + s.matter();
            };
            letter.body(n++ + ". " + s.fullName() + ", " + s.title() + ": " + role + "; điện thoại: " + s.phone()
                    + "; thư điện tử: " + s.email() + "; từ ngày " + LocalTime.format(s.validFrom())
                    + (s.validTo() == null ? "" : " đến hết ngày " + LocalTime.format(s.validTo())) + ".");
        }
        letter.body("Thông tin về người phát ngôn được đăng trên Cổng thông tin điện tử của tỉnh. " + name
                + " đề nghị " + recipient + " thông báo đến các cơ quan báo chí biết, liên hệ.");
        // signed by the body's office, not by whoever heads the list of speakers ("Giám đốc", not "Giám đốc Sở Y tế")
        // no issue step: the notice is made when downloaded, signed by the agency's default signer as it stands then
        AgencySigners.Signer signer = signers.byDefault(agency.id()).orElse(null);
        letter.close(List.of("Như trên", "Các cơ quan báo chí"),
                signer == null ? issuer.signatory() : issuer.signedBy(signer.title()), signer == null ? null : signer.fullName());
        return new Notice("thong-bao-nguoi-phat-ngon-" + agency.code() + ".docx", letter.bytes());
    }

    static Spokesperson row(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("valid_to");
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Spokesperson(rs.getLong("id"), rs.getString("agency_code"), SpeakerCapacity.valueOf(rs.getString("capacity")),
                rs.getString("matter"), rs.getString("full_name"), rs.getString("title"), rs.getString("phone"),
                rs.getString("email"), rs.getString("username"), rs.getDate("valid_from").toLocalDate(),
                to == null ? null : to.toLocalDate(), withdrawn == null ? null : withdrawn.toInstant(),
                rs.getString("withdrawal_reason"), rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant());
    }
}

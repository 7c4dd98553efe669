package vn.loa.identity;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.IdentityEvent.PasswordChanged;
import vn.loa.identity.IdentityEvent.PasswordReset;
import vn.loa.identity.IdentityEvent.SignInFailed;
import vn.loa.identity.IdentityEvent.UserCreated;
import vn.loa.identity.IdentityEvent.UserDisabled;
import vn.loa.identity.IdentityEvent.UserEnabled;
import vn.loa.identity.IdentityEvent.UserLockedOut;
import vn.loa.identity.IdentityEvent.UserSignedIn;
import vn.loa.identity.IdentityEvent.UserUpdated;
import vn.loa.identity.internal.DemoAccount;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.LocalTime;
import vn.loa.shared.NotFound;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;
import vn.loa.shared.SearchText;

/**
 * User accounts: creation, changes by administrators, passwords, and the lock-out after repeated
 * failed sign-ins.
 */
@Service
public class Users {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final String TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final AgencyDirectory agencies;
    private final IdentitySettings settings;
    private final PasswordRules passwordRules;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Users(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, AgencyDirectory agencies,
            IdentitySettings settings, PasswordRules passwordRules, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.agencies = agencies;
        this.settings = settings;
        this.passwordRules = passwordRules;
        this.clock = clock;
    }

    /**
     * What an administrator enters for a new account.
     *
     * @param username the sign-in name (lower-cased)
     * @param fullName the person's name
     * @param email the person's e-mail address
     * @param password the initial password, 8 to 128 characters and not easy to guess (see {@link PasswordRules})
     * @param roles at least one role
     * @param agency the agency, required for OFFICER, SPOKESPERSON and PRESS
     */
    public record NewUser(String username, String fullName, String email, String password, Set<Role> roles,
            AgencyId agency) {
    }

    /**
     * The changes an administrator may make to an account.
     *
     * @param fullName the person's name
     * @param email the e-mail address
     * @param roles at least one role
     * @param agency the agency, may be null for province-wide roles
     */
    public record UserChanges(String fullName, String email, Set<Role> roles, AgencyId agency) {
    }

    /** Every account, by user name. */
    public List<UserAccount> list() {
        return jdbc.sql(SELECT + " GROUP BY u.id ORDER BY u.username").query(Users::account).list();
    }

    /** What an account may be, as the user list filters them: active, locked (after failed sign-ins), disabled. */
    public static final List<String> STATUSES = List.of("active", "locked", "disabled");

    /**
     * Which accounts the user list shows.
     *
     * @param text words of the user name, full name or e-mail address; empty for any
     * @param role a role the account has; null for any
     * @param agency the account's agency; null for any
     * @param status one of {@link #STATUSES}; blank for any
     */
    public record UserFilter(SearchText text, Role role, AgencyId agency, String status) {

        public UserFilter {
            text = text == null ? new SearchText("") : text;
            status = status == null ? "" : status.strip();
            if (!status.isEmpty() && !STATUSES.contains(status)) {
                throw new InvalidInput("status", "users.error.status");
            }
        }

        /** Every account. */
        public static UserFilter none() {
            return new UserFilter(null, null, null, null);
        }
    }

    /** A page of the accounts the filter keeps, by user name. */
    public Page<UserAccount> list(UserFilter filter, PageRequest asked) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> params = new java.util.ArrayList<>();
        if (!filter.text().isEmpty()) {
            where.append(" AND (").append(SearchText.contains("u.username")).append(" OR ")
                    .append(SearchText.contains("u.full_name")).append(" OR ").append(SearchText.contains("u.email"))
                    .append(')');
            params.addAll(List.of(filter.text().pattern(), filter.text().pattern(), filter.text().pattern()));
        }
        if (filter.role() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = ?)");
            params.add(filter.role().name());
        }
        if (filter.agency() != null) {
            where.append(" AND u.agency_id = ?");
            params.add(filter.agency().value());
        }
        switch (filter.status()) {
            case "active" -> {
                where.append(" AND u.enabled AND (u.locked_until IS NULL OR u.locked_until <= ?)");
                params.add(Timestamp.from(clock.instant()));
            }
            case "locked" -> {
                where.append(" AND u.enabled AND u.locked_until > ?");
                params.add(Timestamp.from(clock.instant()));
            }
            case "disabled" -> where.append(" AND NOT u.enabled");
            default -> {
            }
        }
        long total = jdbc.sql("SELECT count(*) FROM app_user u" + where).params(params).query(Long.class).single();
        PageRequest page = asked.within(total);
        params.add(page.size());
        params.add(page.offset());
        return new Page<>(jdbc.sql("""
                SELECT u.id, u.username, u.full_name, u.email, u.agency_id, u.enabled, u.locked_until, u.created_at,
                       u.last_sign_in_at, u.password_temporary,
                       ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id) AS roles
                FROM app_user u""" + where + " ORDER BY lower(u.username) LIMIT ? OFFSET ?").params(params)
                .query(Users::account).list(), page, total);
    }

    /** The account with that id. */
    public Optional<UserAccount> find(long id) {
        return jdbc.sql(SELECT + " WHERE u.id = ? GROUP BY u.id").param(id).query(Users::account).optional();
    }

    /** The account with that user name, ignoring case. */
    public Optional<UserAccount> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE lower(u.username) = lower(?) GROUP BY u.id").param(username)
                .query(Users::account).optional();
    }

    /** The stored password hash of an account, for sign-in only. */
    public Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = ?").param(id).query(String.class).optional();
    }

    /**
     * Creates an account whose password its owner chose (the first administrator on the command line); refuses a
     * taken user name, an invalid e-mail address or a weak password.
     */
    @Transactional
    public UserAccount create(NewUser user, Actor by) {
        return create(user, false, false, by);
    }

    /**
     * Creates one of the demo's accounts with the demo's password, {@value DemoAccount#PASSWORD}: printed on the
     * sign-in page, it is the one password not checked for strength, and one no person may choose.
     *
     * @throws IllegalArgumentException if the password is not the demo's
     */
    @Transactional
    public UserAccount createDemoAccount(NewUser user) {
        if (!DemoAccount.PASSWORD.equals(user.password())) {
            throw new IllegalArgumentException("a demo account's password is the demo's");
        }
        return create(user, false, true, Actor.SYSTEM);
    }

    /**
     * Creates an account; refuses a taken user name, an invalid e-mail address or a weak password.
     *
     * @param temporaryPassword whether the password is the administrator's choice, which its owner must replace
     *     before doing anything else
     */
    @Transactional
    public UserAccount create(NewUser user, boolean temporaryPassword, Actor by) {
        return create(user, temporaryPassword, false, by);
    }

    private UserAccount create(NewUser user, boolean temporaryPassword, boolean demo, Actor by) {
        String username = user.username() == null ? "" : user.username().trim().toLowerCase(Locale.ROOT);
        List<InvalidInput> problems = new java.util.ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new InvalidInput("username", "user.error.username"));
        } else if (findByUsername(username).isPresent()) {
            problems.add(new InvalidInput("username", "user.error.username-taken"));
        }
        problems.addAll(profileProblems(user.fullName(), user.email()));
        emailTaken(user.email(), null).ifPresent(problems::add);
        if (!demo) {
            passwordProblem(user.password(), username, "password").ifPresent(problems::add);
        }
        String agencyCode = null;
        try {
            agencyCode = checkRolesAndAgency(user.roles(), user.agency());
        } catch (InvalidInput e) {
            problems.add(e);
        }
        InvalidInput.throwIfAny(problems);
        long id = jdbc.sql("""
                INSERT INTO app_user (username, full_name, email, password_hash, agency_id, created_at, password_temporary)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(username, user.fullName().trim(), user.email().trim(), passwords.encode(user.password()),
                user.agency() == null ? null : user.agency().value(), Timestamp.from(clock.instant()),
                temporaryPassword)
                .query(Long.class).single();
        saveRoles(id, user.roles());
        events.publishEvent(new UserCreated(by, id, username, user.roles(), agencyCode));
        return find(id).orElseThrow();
    }

    /** Changes an account's name, e-mail address, roles and agency. */
    @Transactional
    public UserAccount update(long id, UserChanges changes, Actor by) {
        UserAccount before = find(id).orElseThrow(() -> new NotFound("user", id));
        List<InvalidInput> problems = new java.util.ArrayList<>(profileProblems(changes.fullName(), changes.email()));
        emailTaken(changes.email(), id).ifPresent(problems::add);
        try {
            checkRolesAndAgency(changes.roles(), changes.agency());
        } catch (InvalidInput e) {
            problems.add(e);
        }
        InvalidInput.throwIfAny(problems);
        if (before.username().equals(by.username()) && before.roles().contains(Role.ADMIN)
                && !changes.roles().contains(Role.ADMIN)) {
            throw new InvalidInput("roles", "user.error.own-admin-role");
        }
        Map<String, String> diff = new LinkedHashMap<>();
        if (!before.fullName().equals(changes.fullName().trim())) {
            diff.put("fullName", before.fullName() + " -> " + changes.fullName().trim());
        }
        if (!before.email().equals(changes.email().trim())) {
            diff.put("email", before.email() + " -> " + changes.email().trim());
        }
        if (!before.roles().equals(changes.roles())) {
            diff.put("roles", new TreeSet<>(before.roles()) + " -> " + new TreeSet<>(changes.roles()));
        }
        if (!Objects.equals(before.agency(), changes.agency())) {
            diff.put("agency", agencyCode(before.agency()) + " -> " + agencyCode(changes.agency()));
        }
        if (diff.isEmpty()) {
            return before;
        }
        jdbc.sql("UPDATE app_user SET full_name = ?, email = ?, agency_id = ? WHERE id = ?")
                .params(changes.fullName().trim(), changes.email().trim(),
                        changes.agency() == null ? null : changes.agency().value(), id)
                .update();
        jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(id).update();
        saveRoles(id, changes.roles());
        events.publishEvent(new UserUpdated(by, id, before.username(), diff));
        return find(id).orElseThrow();
    }

    /** Disables an account: it can no longer sign in. An administrator cannot disable their own. */
    @Transactional
    public void disable(long id, Actor by) {
        UserAccount user = find(id).orElseThrow(() -> new NotFound("user", id));
        if (user.username().equals(by.username())) {
            throw new InvalidInput("enabled", "user.error.disable-self");
        }
        if (user.enabled()) {
            jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE id = ?").param(id).update();
            events.publishEvent(new UserDisabled(by, id, user.username()));
        }
    }

    /** Enables an account again and clears any lock-out. */
    @Transactional
    public void enable(long id, Actor by) {
        UserAccount user = find(id).orElseThrow(() -> new NotFound("user", id));
        jdbc.sql("UPDATE app_user SET enabled = TRUE, failed_attempts = 0, locked_until = NULL WHERE id = ?")
                .param(id).update();
        events.publishEvent(new UserEnabled(by, id, user.username()));
    }

    /**
     * Sets a new random temporary password, clears any lock-out and returns the password (shown once); its
     * owner must replace it before doing anything else.
     */
    @Transactional
    public String resetPassword(long id, Actor by) {
        UserAccount user = find(id).orElseThrow(() -> new NotFound("user", id));
        String temporary;
        do {
            StringBuilder drawn = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                drawn.append(TEMPORARY_ALPHABET.charAt(random.nextInt(TEMPORARY_ALPHABET.length())));
            }
            temporary = drawn.toString();
        } while (passwordRules.weakness(temporary, user.username()).isPresent());
        jdbc.sql("""
                UPDATE app_user SET password_hash = ?, password_temporary = true, failed_attempts = 0, locked_until = NULL
                WHERE id = ?""")
                .params(passwords.encode(temporary), id).update();
        events.publishEvent(new PasswordReset(by, id, user.username()));
        return temporary;
    }

    /** Changes one's own password after checking the current one. */
    @Transactional
    public void changePassword(long id, String current, String replacement, Actor by) {
        UserAccount user = find(id).orElseThrow(() -> new NotFound("user", id));
        String hash = passwordHash(id).orElseThrow(() -> new NotFound("user", id));
        if (current == null || !passwords.matches(current, hash)) {
            throw new InvalidInput("currentPassword", "account.error.current-password");
        }
        passwordProblem(replacement, user.username(), "newPassword").ifPresent(problem -> {
            throw problem;
        });
        if (passwords.matches(replacement, hash)) {
            throw new InvalidInput("newPassword", "account.error.same-password");
        }
        jdbc.sql("UPDATE app_user SET password_hash = ?, password_temporary = false WHERE id = ?")
                .params(passwords.encode(replacement), id).update();
        events.publishEvent(new PasswordChanged(by, id));
    }

    /** Records a successful sign-in: clears the failure count. */
    @Transactional
    public void recordSignIn(String username, String remoteAddress) {
        findByUsername(username).ifPresent(user -> {
            jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), user.id()).update();
            events.publishEvent(new UserSignedIn(new Actor(user.username(), agencyCode(user.agency())), user.id(),
                    remoteAddress));
        });
    }

    /**
     * Records a failed sign-in and locks the account after the configured number of wrong passwords in a row. The
     * audit trail says what happened, for administrators: an unknown name, a wrong password (to an active, a locked or
     * a disabled account), or the right password to a locked or disabled account. Only a wrong password to an active
     * account counts towards a lock-out: failures while locked do not make the lock longer.
     *
     * @param attempted the user name as typed, may be null
     * @param reason {@code bad-credentials} (a wrong password or an unknown name), or {@code locked} or
     *     {@code disabled}: the right password to an account in that state
     * @return true if this failure locked the account
     */
    @Transactional
    public boolean recordFailedSignIn(String attempted, String reason, String remoteAddress) {
        String shown = attempted == null ? "" : attempted.strip();
        shown = shown.length() > 64 ? shown.substring(0, 64) : shown;
        switch (reason) {
            case "bad-credentials" -> {
            }
            case "locked", "disabled" -> {
                events.publishEvent(new SignInFailed(shown, "right-password-" + reason, remoteAddress));
                return false;
            }
            default -> throw new IllegalArgumentException("unknown sign-in failure " + reason);
        }
        Optional<Row> row = jdbc.sql("""
                SELECT id, username, failed_attempts, locked_until, enabled FROM app_user
                WHERE lower(username) = lower(?) FOR UPDATE
                """).param(shown).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getBoolean(5))).optional();
        if (row.isEmpty()) {
            events.publishEvent(new SignInFailed(shown, "unknown-user", remoteAddress));
            return false;
        }
        Instant now = clock.instant();
        if (!row.get().enabled()) {
            events.publishEvent(new SignInFailed(shown, "wrong-password-disabled", remoteAddress));
            return false;
        }
        if (row.get().lockedUntil() != null && row.get().lockedUntil().isAfter(now)) {
            events.publishEvent(new SignInFailed(shown, "wrong-password-locked", remoteAddress));
            return false;
        }
        events.publishEvent(new SignInFailed(shown, "wrong-password", remoteAddress));
        boolean lockExpired = row.get().lockedUntil() != null;
        int failures = (lockExpired ? 0 : row.get().failedAttempts()) + 1;
        Instant lockedUntil = failures >= settings.maxFailedSignIns() ? now.plus(settings.lockout()) : null;
        jdbc.sql("UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE id = ?")
                .params(failures, lockedUntil == null ? null : Timestamp.from(lockedUntil), row.get().id()).update();
        if (lockedUntil != null) {
            events.publishEvent(new UserLockedOut(row.get().id(), row.get().username(), failures,
                    LocalTime.format(lockedUntil)));
            return true;
        }
        return false;
    }

    private record Row(long id, String username, int failedAttempts, Instant lockedUntil, boolean enabled) {
    }

    /**
     * An e-mail address is one person's, whatever its case: two accounts with one address could not be told apart in
     * the audit trail, nor could a password reset reach the right one.
     */
    private java.util.Optional<InvalidInput> emailTaken(String email, Long exceptId) {
        if (email == null || email.isBlank()) {
            return java.util.Optional.empty();
        }
        boolean taken = jdbc.sql("SELECT count(*) FROM app_user WHERE lower(email) = lower(?) AND id <> ?")
                .params(email.trim(), exceptId == null ? -1L : exceptId).query(Long.class).single() > 0;
        return taken ? java.util.Optional.of(new InvalidInput("email", "user.error.email-taken")) : java.util.Optional.empty();
    }

    private static List<InvalidInput> profileProblems(String fullName, String email) {
        List<InvalidInput> problems = new java.util.ArrayList<>();
        if (fullName == null || fullName.isBlank() || fullName.length() > 200) {
            problems.add(new InvalidInput("fullName", "user.error.full-name"));
        }
        if (email == null || email.length() > 254 || !EMAIL.matcher(email.trim()).matches()) {
            problems.add(new InvalidInput("email", "user.error.email"));
        }
        return problems;
    }

    private Optional<InvalidInput> passwordProblem(String password, String username, String field) {
        return passwordRules.weakness(password, username).map(key -> key.equals("user.error.password")
                ? new InvalidInput(field, key, PasswordRules.MIN_LENGTH, PasswordRules.MAX_LENGTH)
                : new InvalidInput(field, key));
    }

    private String checkRolesAndAgency(Set<Role> roles, AgencyId agency) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInput("roles", "user.error.roles");
        }
        if (roles.contains(Role.PRESS) && roles.size() > 1) {
            // a journalist asks the agencies questions; one account cannot be both the one who asks and one who answers
            throw new InvalidInput("roles", "user.error.press-alone");
        }
        if (agency == null) {
            if (roles.stream().anyMatch(Role.AGENCY_SCOPED::contains)) {
                throw new InvalidInput("agency", "user.error.agency-required");
            }
            return null;
        }
        Agency found = agencies.find(agency).orElseThrow(() -> new InvalidInput("agency", "agency.error.unknown"));
        if (found.validTo() != null && found.validTo().isBefore(clock.instant().atZone(LocalTime.ZONE).toLocalDate())) {
            throw new InvalidInput("agency", "user.error.agency-ended");
        }
        if (roles.contains(Role.PRESS) && found.kind() != AgencyKind.PRESS) {
            throw new InvalidInput("agency", "user.error.press-agency");
        }
        return found.code();
    }

    private String agencyCode(AgencyId id) {
        return id == null ? null : agencies.find(id).map(Agency::code).orElse(null);
    }

    private void saveRoles(long id, Set<Role> roles) {
        for (Role role : EnumSet.copyOf(roles)) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
        }
    }

    private static final String SELECT = """
            SELECT u.id, u.username, u.full_name, u.email, u.agency_id, u.enabled, u.locked_until, u.created_at,
                   u.last_sign_in_at, u.password_temporary, array_remove(array_agg(r.role), NULL) AS roles
            FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id
            """;

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        long agency = rs.getLong("agency_id");
        boolean noAgency = rs.wasNull();
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        Timestamp locked = rs.getTimestamp("locked_until");
        Timestamp signIn = rs.getTimestamp("last_sign_in_at");
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                rs.getString("email"), noAgency ? null : new AgencyId(agency), roles, rs.getBoolean("enabled"),
                locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant(),
                signIn == null ? null : signIn.toInstant(), rs.getBoolean("password_temporary"));
    }
}

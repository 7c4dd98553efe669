package vn.loa.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.IdentityEvent.ApiTokenIssued;
import vn.loa.identity.IdentityEvent.ApiTokenRevoked;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/**
 * API tokens for machine clients: {@code loa_PREFIX_SECRET}, accepted as {@code Authorization: Bearer}.
 */
@Service
public class ApiTokens {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.agencies = agencies;
        this.clock = clock;
    }

    /**
     * A newly issued token; {@code secret} is the whole token, shown to the administrator once.
     *
     * @param token the stored token
     * @param secret the full token text
     */
    public record IssuedToken(ApiToken token, String secret) {
    }

    /** How long a token lasts when no last day is chosen. */
    public static final java.time.Period DEFAULT_LIFE = java.time.Period.ofYears(1);
    /** The longest a token may last. */
    public static final java.time.Period LONGEST_LIFE = java.time.Period.ofYears(2);

    /** Issues a token for an agency, accepted for {@link #DEFAULT_LIFE}. */
    @Transactional
    public IssuedToken issue(String name, AgencyId agency, Actor by) {
        return issue(name, agency, null, false, by);
    }

    /** Issues a token that may read and write, accepted up to {@code expiresOn}; see the full form below. */
    @Transactional
    public IssuedToken issue(String name, AgencyId agency, java.time.LocalDate expiresOn, Actor by) {
        return issue(name, agency, expiresOn, false, by);
    }

    /** Issues a token for every part of the API; see the full form below. */
    @Transactional
    public IssuedToken issue(String name, AgencyId agency, java.time.LocalDate expiresOn, boolean readOnly, Actor by) {
        return issue(name, agency, expiresOn, readOnly, Set.of(), by);
    }

    /**
     * Issues a token for an agency, accepted up to {@code expiresOn} included (null: {@link #DEFAULT_LIFE} from today),
     * that may only read when {@code readOnly}, and call only the parts of the API in {@code areas} (empty: every part).
     *
     * @throws InvalidInput naming {@code expiresOn} when the day is before tomorrow or past {@link #LONGEST_LIFE}
     */
    @Transactional
    public IssuedToken issue(String name, AgencyId agency, java.time.LocalDate expiresOn, boolean readOnly,
            Set<ApiArea> areas, Actor by) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), vn.loa.shared.LocalTime.ZONE);
        java.time.LocalDate lastDay = expiresOn == null ? today.plus(DEFAULT_LIFE) : expiresOn;
        if (!lastDay.isAfter(today)) {
            throw new InvalidInput("expiresOn", "token.error.expires-past");
        }
        if (lastDay.isAfter(today.plus(LONGEST_LIFE))) {
            throw new InvalidInput("expiresOn", "token.error.expires-too-far");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInput("name", "token.error.name");
        }
        if (agency == null) {
            throw new InvalidInput("agency", "user.error.agency-required");
        }
        Agency found = agencies.find(agency).orElseThrow(() -> new InvalidInput("agency", "agency.error.unknown"));
        byte[] prefixBytes = new byte[5];
        random.nextBytes(prefixBytes);
        String prefix = HexFormat.of().formatHex(prefixBytes);
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = "loa_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        long id = jdbc.sql("""
                INSERT INTO api_token (name, token_prefix, token_hash, agency_id, created_at, expires_on, read_only, areas)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(name.trim(), prefix, sha256(secret), agency.value(), Timestamp.from(clock.instant()),
                        java.sql.Date.valueOf(lastDay), readOnly, areas == null || areas.isEmpty() ? null
                                : areas.stream().sorted().map(ApiArea::code).toArray(String[]::new))
                .query(Long.class).single();
        events.publishEvent(new ApiTokenIssued(by, id, name.trim(), found.code(), readOnly, areas == null || areas.isEmpty()
                ? "all" : areas.stream().sorted().map(ApiArea::code).collect(java.util.stream.Collectors.joining(","))));
        return new IssuedToken(find(id).orElseThrow(), secret);
    }

    /** Revokes a token: it is refused from now on. */
    @Transactional
    public void revoke(long id, Actor by) {
        ApiToken token = find(id).orElseThrow(() -> new NotFound("api token", id));
        if (token.active()) {
            jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ?").params(Timestamp.from(clock.instant()), id).update();
            events.publishEvent(new ApiTokenRevoked(by, id, token.name()));
        }
    }

    /** Every token, newest first. */
    public List<ApiToken> list() {
        return jdbc.sql("SELECT * FROM api_token ORDER BY id DESC").query(ApiTokens::token).list();
    }

    /** The token with that id. */
    public Optional<ApiToken> find(long id) {
        return jdbc.sql("SELECT * FROM api_token WHERE id = ?").param(id).query(ApiTokens::token).optional();
    }

    /**
     * A machine client a token stands for.
     *
     * @param user the client as a signed-in user of its agency
     * @param readOnly whether its token may only read
     * @param areas the parts of the API its token may call; empty for every part
     */
    public record Client(SignedInUser user, boolean readOnly, Set<ApiArea> areas) {

        /** Whether its token may call an address of the API (its path without the context path). */
        public boolean mayCall(String path) {
            return ApiArea.allows(areas, path);
        }
    }

    /** Returns the client behind a presented token if it is known, matches, is not revoked and has not expired. */
    @Transactional
    public Optional<Client> authenticate(String presented) {
        if (presented == null || !presented.startsWith("loa_") || presented.length() > 200) {
            return Optional.empty();
        }
        String[] parts = presented.split("_", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<Stored> stored = jdbc.sql("""
                SELECT t.id, t.name, t.token_hash, t.agency_id, a.code, t.read_only, t.areas FROM api_token t JOIN agency a ON a.id = t.agency_id
                WHERE t.token_prefix = ? AND t.revoked_at IS NULL AND (t.expires_on IS NULL OR t.expires_on >= ?)
                """).params(parts[1], java.sql.Date.valueOf(java.time.LocalDate.ofInstant(clock.instant(),
                        vn.loa.shared.LocalTime.ZONE))).query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getString(5), rs.getBoolean(6), areas(rs.getArray(7)))).optional();
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().hash().getBytes(StandardCharsets.US_ASCII),
                sha256(presented).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), stored.get().id()).update();
        return Optional.of(new Client(new SignedInUser(null, "token:" + stored.get().name(), stored.get().name(),
                new AgencyId(stored.get().agencyId()), stored.get().agencyCode(), Set.of()), stored.get().readOnly(),
                stored.get().areas()));
    }

    private record Stored(long id, String name, String hash, long agencyId, String agencyCode, boolean readOnly,
            Set<ApiArea> areas) {
    }

    /** The areas stored for a token; empty for every area (NULL). */
    private static Set<ApiArea> areas(java.sql.Array stored) throws SQLException {
        if (stored == null) {
            return Set.of();
        }
        Object[] codes = (Object[]) stored.getArray();
        java.util.EnumSet<ApiArea> areas = java.util.EnumSet.noneOf(ApiArea.class);
        for (Object code : codes) {
            // a code this version does not know: the token is refused rather than allowed every part
            areas.add(ApiArea.ofCode((String) code).orElseThrow(() -> new IllegalStateException(
                    "api token area " + code + " is unknown to this version")));
        }
        return areas;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        java.sql.Date expires = rs.getDate("expires_on");
        return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                new AgencyId(rs.getLong("agency_id")), rs.getTimestamp("created_at").toInstant(),
                used == null ? null : used.toInstant(), revoked == null ? null : revoked.toInstant(),
                expires == null ? null : expires.toLocalDate(), rs.getBoolean("read_only"), areas(rs.getArray("areas")));
    }
}

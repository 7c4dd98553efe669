package vn.loa.misinformation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.SignedInUser;
import vn.loa.misinformation.CitizenReports;
import vn.loa.platform.HourlyThrottle;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;

/**
 * Citizens' reports, guarded without any outside service: a token signed by Loa when the form is shown
 * (a report must come back with it within two hours, so that nothing posts reports without loading the form), good
 * for one report (its hash is stored when it opens a case), a field hidden from people that robots fill in, and limits
 * per network address and for everyone per hour. A refused report stores nothing.
 */
@Service
class JdbcCitizenReports implements CitizenReports {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JdbcCases cases;
    private final MisinformationSettings settings;
    private final ApplicationEventPublisher events;
    private final byte[] secret = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final HourlyThrottle throttle;

    JdbcCitizenReports(JdbcClient jdbc, Clock clock, JdbcCases cases, MisinformationSettings settings,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.settings = settings;
        this.events = events;
        this.throttle = new HourlyThrottle(settings.reportsPerAddress(), settings.reportsPerHour());
        random.nextBytes(secret);
    }

    /** A token: when it was issued, a random part (forms shown in the same millisecond differ), and Loa's signature. */
    @Override
    public String issueToken() {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String issued = clock.millis() + "." + HexFormat.of().formatHex(nonce);
        return issued + "." + sign(issued);
    }

    @Override
    @Transactional
    public long submit(Report report, String clientAddress) {
        checkToken(report);
        // taken first, so that a form sent again is told so whatever it holds; undone with the rest if the report is refused
        String token = claim(report.token());
        if (report.website() != null && !report.website().isBlank()) {
            throw new InvalidInput("website", "report.error.robot");
        }
        List<InvalidInput> problems = new ArrayList<>();
        String description = report.description() == null ? "" : report.description().strip();
        if (description.length() < 10) {
            problems.add(new InvalidInput("description", "report.error.description-short", 10));
        } else if (description.length() > DESCRIPTION_MAX) {
            problems.add(new InvalidInput("description", "report.error.description-long", DESCRIPTION_MAX,
                    description.length()));
        }
        String link = JdbcCases.blankToNull(report.link());
        if (link != null && (link.length() > LINK_MAX || !JdbcCases.webAddress(link))) {
            problems.add(new InvalidInput("link", "report.error.link", LINK_MAX));
        }
        String contact = JdbcCases.blankToNull(report.contact());
        if (contact != null && contact.length() > CONTACT_MAX) {
            problems.add(new InvalidInput("contact", "report.error.contact", CONTACT_MAX));
        }
        if (description.indexOf('\u0000') >= 0 || (contact != null && contact.indexOf('\u0000') >= 0)) {
            problems.add(new InvalidInput("description", "report.error.characters"));
        }
        InvalidInput.throwIfAny(problems);
        Instant now = clock.instant();
        try {
            throttle.admit(clientAddress == null ? "" : clientAddress, now);
        } catch (HourlyThrottle.Refused e) {
            throw new CitizenReports.ReportsThrottled(e.retryAfterSeconds());
        }
        long caseId = cases.openFromCitizen(claimOf(description), now);
        long reportId = jdbc.sql("""
                INSERT INTO citizen_report (case_id, link, description, contact, received_at) VALUES (?, ?, ?, ?, ?)
                RETURNING id
                """).params(caseId, link, description, contact, Timestamp.from(now)).query(Long.class).single();
        jdbc.sql("UPDATE citizen_report_token SET case_id = ? WHERE token_hash = ?").params(caseId, token).update();
        events.publishEvent(new CaseEvent(new Actor("citizen", null), "case.citizen-report", caseId,
                Map.of("report", reportId, "address", hashed(clientAddress))));
        return caseId;
    }

    @Override
    public List<Received> received(long caseId, SignedInUser user) {
        cases.get(caseId, user);
        return jdbc.sql("""
                SELECT id, case_id, link, description, contact, received_at FROM citizen_report WHERE case_id = ? ORDER BY id
                """).param(caseId).query((rs, n) -> new Received(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    /**
     * Marks the token used, by its hash, or refuses the report when it was used before: the insert
     * waits for a report with the same token still being stored, and then finds it. Rows of tokens
     * too old to be accepted anyway are deleted. Gives the token's hash.
     */
    private String claim(String token) {
        String hash = sha256(token);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM citizen_report_token WHERE used_at < ?").param(Timestamp.from(now.minus(TOKEN_LIFETIME)))
                .update();
        int claimed = jdbc.sql("""
                INSERT INTO citizen_report_token (token_hash, used_at) VALUES (?, ?) ON CONFLICT (token_hash) DO NOTHING
                """).params(hash, Timestamp.from(now)).update();
        if (claimed == 0) {
            long reference = jdbc.sql("SELECT case_id FROM citizen_report_token WHERE token_hash = ?").param(hash)
                    .query(Long.class).single();
            throw new ReportAlreadySent(reference);
        }
        return hash;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkToken(Report report) {
        String token = report.token() == null ? "" : report.token();
        int dot = token.lastIndexOf('.');
        if (dot <= 0 || !MessageDigest.isEqual(sign(token.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidInput("token", "report.error.token");
        }
        long issued;
        try {
            issued = Long.parseLong(token.substring(0, token.indexOf('.')));
        } catch (NumberFormatException e) {
            throw new InvalidInput("token", "report.error.token");
        }
        long age = clock.millis() - issued;
        if (age < 0 || age > TOKEN_LIFETIME.toMillis()) {
            throw new InvalidInput("token", "report.error.token");
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address is kept in the audit trail only as a salted hash: enough to see a flood, not to find a person. */
    private String hashed(String address) {
        return sign("address:" + address).substring(0, 16);
    }

    /** The claim of a report: its first sentence, at most 300 characters. */
    static String claimOf(String description) {
        return JdbcCases.firstSentence(description, 300);
    }
}

package vn.loa.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.IdentityEvent.CommuneProfileUpdated;
import vn.loa.identity.IdentityEvent.CommuneProfilesImported;
import vn.loa.shared.Actor;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/**
 * What a campaign's audience needs to know of each commune valid on a day: the former districts it was made from, the
 * ethnic minorities living there, whether it is remote, and where its hexagon sits on the schematic tile map. Seeded
 * from the data Loa ships (marked unverified) and corrected by administrators, every change audited.
 */
@Service
public class CommuneProfiles {

    /** An ethnic minority a commune's messages may need a version for. */
    public enum Minority {
        /** the Chăm, language code {@code cjm} */
        CHAM("cjm"),
        /** the Raglai, language code {@code roc} */
        RAGLAI("roc");

        private final String language;

        Minority(String language) {
            this.language = language;
        }

        /** The ISO 639-3 code of the group's language. */
        public String language() {
            return language;
        }
    }

    /**
     * A commune as a campaign sees it.
     *
     * @param code its official code
     * @param nameVi its name
     * @param formerDistricts the districts (abolished in 2025) it was made from
     * @param minorities the ethnic minorities recorded for it
     * @param remote whether it is remote (mountain communes, islands)
     * @param tileLat the latitude of its hexagon's centre on the tile map (near, not at, its real place)
     * @param tileLon the longitude of its hexagon's centre
     * @param source where the seeded flags come from; null once an administrator has set them
     * @param updatedAt when an administrator last set them, or null
     */
    public record CommuneProfile(String code, String nameVi, String nameEn, List<String> formerDistricts,
            Set<Minority> minorities, boolean remote, Double tileLat, Double tileLon, String source, Instant updatedAt) {

        public CommuneProfile {
            formerDistricts = List.copyOf(formerDistricts);
            minorities = minorities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(minorities));
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommuneProfiles(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Every commune valid on the day, with its profile (empty flags where none is recorded), by code. */
    public List<CommuneProfile> onDay(LocalDate day) {
        return jdbc.sql("""
                SELECT a.code, a.name_vi, a.name_en, p.former_districts, p.minority_groups, p.remote, p.tile_lat,
                       p.tile_lon, p.source, p.updated_at
                  FROM agency a LEFT JOIN commune_profile p ON p.agency_id = a.id
                 WHERE a.kind = 'COMMUNE' AND a.valid_from <= ? AND (a.valid_to IS NULL OR a.valid_to >= ?)
                 ORDER BY a.code
                """).params(Date.valueOf(day), Date.valueOf(day)).query(CommuneProfiles::profile).list();
    }

    /** One commune valid on the day. */
    public Optional<CommuneProfile> find(String code, LocalDate day) {
        return onDay(day).stream().filter(profile -> profile.code().equals(code)).findFirst();
    }

    /**
     * Records a commune's flags.
     *
     * @throws NotFound when no commune with the code is valid on the day
     */
    @Transactional
    public CommuneProfile update(String code, LocalDate day, Set<Minority> minorities, boolean remote, Actor by) {
        CommuneProfile before = find(code, day).orElseThrow(() -> new NotFound("commune", code));
        long agency = jdbc.sql("""
                SELECT id FROM agency WHERE code = ? AND kind = 'COMMUNE' AND valid_from <= ?
                   AND (valid_to IS NULL OR valid_to >= ?)
                """).params(code, Date.valueOf(day), Date.valueOf(day)).query(Long.class).single();
        String groups = groups(minorities);
        Map<String, String> changes = new LinkedHashMap<>();
        if (!groups(before.minorities()).equals(groups)) {
            changes.put("minorities", groups(before.minorities()) + " -> " + groups);
        }
        if (before.remote() != remote) {
            changes.put("remote", before.remote() + " -> " + remote);
        }
        if (changes.isEmpty()) {
            return before;
        }
        jdbc.sql("""
                INSERT INTO commune_profile (agency_id, minority_groups, remote, source, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (agency_id) DO UPDATE SET minority_groups = excluded.minority_groups,
                    remote = excluded.remote, source = NULL, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """).params(agency, groups, remote, null, Timestamp.from(clock.instant()),
                by.username()).update();
        events.publishEvent(new CommuneProfileUpdated(by, agency, code, changes));
        return find(code, day).orElseThrow();
    }

    /** Whether any profile is recorded. */
    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM commune_profile)").query(Boolean.class).single();
    }

    /**
     * Imports profiles (CSV with a header: code, valid_from, former_districts, minority_groups, remote, tile_lat,
     * tile_lon, source) for communes recorded with that code and start; rows of communes not recorded are skipped and
     * counted. A profile already recorded is left alone, so an import can be repeated.
     *
     * @return how many profiles were recorded
     * @throws InvalidInput naming {@code file}, with the line, for a row that cannot be read
     */
    @Transactional
    public int importCsv(String fileName, InputStream in, Actor by) {
        int recorded = 0;
        String text;
        try {
            text = vn.loa.shared.Utf8Text.decode(in.readAllBytes());
        } catch (vn.loa.shared.Utf8Text.NotUtf8 e) {
            throw new InvalidInput("file", "commune.import.not-utf8", e.line());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(text))) {
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                LocalDate from;
                Set<Minority> minorities;
                try {
                    from = LocalDate.parse(row.get("valid_from").strip());
                    minorities = minorities(row.get("minority_groups"));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    throw new InvalidInput("file", "commune.import.bad-row", line);
                }
                String remote = row.get("remote").strip();
                if (!remote.equals("true") && !remote.equals("false")) {
                    throw new InvalidInput("file", "commune.import.bad-row", line);
                }
                recorded += jdbc.sql("""
                        INSERT INTO commune_profile (agency_id, former_districts, minority_groups, remote, tile_lat,
                                                     tile_lon, source)
                        SELECT id, ?, ?, ?, ?, ?, ? FROM agency WHERE code = ? AND valid_from = ? AND kind = 'COMMUNE'
                        ON CONFLICT (agency_id) DO NOTHING
                        """).params(row.get("former_districts").strip(), groups(minorities), Boolean.parseBoolean(remote),
                        decimal(row.get("tile_lat"), line), decimal(row.get("tile_lon"), line), row.get("source").strip(),
                        row.get("code").strip(), Date.valueOf(from)).update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInput("file", "commune.import.bad-header");
        }
        events.publishEvent(new CommuneProfilesImported(by, fileName, recorded));
        return recorded;
    }

    private static BigDecimal decimal(String value, long line) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("file", "commune.import.bad-row", line);
        }
    }

    private static Set<Minority> minorities(String groups) {
        Set<Minority> minorities = EnumSet.noneOf(Minority.class);
        if (groups != null) {
            Arrays.stream(groups.trim().split("\\s+")).filter(g -> !g.isEmpty()).map(Minority::valueOf)
                    .forEach(minorities::add);
        }
        return minorities;
    }

    private static String groups(Set<Minority> minorities) {
        return String.join(" ", new TreeSet<>(minorities.stream().map(Minority::name).toList()));
    }

    private static CommuneProfile profile(ResultSet rs, int row) throws SQLException {
        String districts = rs.getString("former_districts");
        BigDecimal lat = rs.getBigDecimal("tile_lat");
        BigDecimal lon = rs.getBigDecimal("tile_lon");
        return new CommuneProfile(rs.getString("code"), rs.getString("name_vi"), rs.getString("name_en"),
                districts == null || districts.isBlank() ? List.of() : Arrays.stream(districts.split(";")).map(String::strip).toList(),
                minorities(rs.getString("minority_groups")), rs.getBoolean("remote"), lat == null ? null : lat.doubleValue(),
                lon == null ? null : lon.doubleValue(), rs.getString("source"),
                rs.getTimestamp("updated_at") == null ? null : rs.getTimestamp("updated_at").toInstant());
    }
}

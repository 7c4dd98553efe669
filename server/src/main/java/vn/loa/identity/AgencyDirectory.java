package vn.loa.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.identity.IdentityEvent.AgenciesImported;
import vn.loa.identity.IdentityEvent.AgencyCreated;
import vn.loa.identity.IdentityEvent.AgencySucceeded;
import vn.loa.identity.IdentityEvent.AgencyUpdated;
import vn.loa.shared.Actor;
import vn.loa.shared.AgencyId;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.NotFound;

/**
 * The effective-dated tree of agencies: look-ups as of a day, edits by administrators, successions
 * after a reorganisation, and imports from CSV data files.
 */
@Service
public class AgencyDirectory {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final List<OpenWork> openWork;

    AgencyDirectory(JdbcClient jdbc, ApplicationEventPublisher events, List<OpenWork> openWork) {
        this.jdbc = jdbc;
        this.events = events;
        this.openWork = List.copyOf(openWork);
    }

    /** What an administrator enters for a new unit or a change to one. */
    public record AgencyForm(String code, AgencyKind kind, AgencyId parent, String nameVi, String nameEn,
            LocalDate validFrom, LocalDate validTo, String source) {
    }

    /** Returns the agency with that id. */
    public Optional<Agency> find(AgencyId id) {
        return jdbc.sql("SELECT * FROM agency WHERE id = ?").param(id.value()).query(AgencyDirectory::agency).optional();
    }

    /** Returns the unit with that code valid on the given day. */
    public Optional<Agency> findByCode(String code, LocalDate on) {
        return jdbc.sql("""
                SELECT * FROM agency WHERE code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                """).params(code, Date.valueOf(on), Date.valueOf(on)).query(AgencyDirectory::agency).optional();
    }

    /**
     * Returns what a code stands for on a day: the unit with that code valid on the day; else the last unit with
     * that code that ended before it, with the units valid on the day that took over from it (through later
     * successions too); else the first unit with that code, which starts later. Empty for a code never recorded.
     */
    public Optional<AgencyOnDay> resolve(String code, LocalDate on) {
        Optional<Agency> valid = findByCode(code, on);
        if (valid.isPresent()) {
            return Optional.of(new AgencyOnDay(valid.get(), on, List.of()));
        }
        Optional<Agency> ended = jdbc.sql("""
                SELECT * FROM agency WHERE code = ? AND valid_to < ? ORDER BY valid_to DESC, id DESC LIMIT 1
                """).params(code, Date.valueOf(on)).query(AgencyDirectory::agency).optional();
        if (ended.isPresent()) {
            return Optional.of(new AgencyOnDay(ended.get(), on, successorsValidOn(ended.get(), on)));
        }
        return jdbc.sql("SELECT * FROM agency WHERE code = ? ORDER BY valid_from, id LIMIT 1").param(code)
                .query(AgencyDirectory::agency).optional().map(later -> new AgencyOnDay(later, on, List.of()));
    }

    /**
     * Where work held under an ended unit's code passes: from the unit that held {@code code} on {@code heldOn} (a code
     * names one unit on a day), ended before {@code today}, to the one unit valid today that took over from it under
     * another code. Empty when that unit has not ended, when several took over (a split is not guessed at) or none, and
     * when its successor keeps its code (its officers hold the work already). No argument may be null.
     */
    public Optional<Passage> soleSuccessor(String code, LocalDate heldOn, LocalDate today) {
        Optional<Agency> holder = resolve(code, heldOn).map(AgencyOnDay::named)
                .filter(a -> a.validTo() != null && a.validTo().isBefore(today));
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        List<Agency> successors = successorsValidOn(holder.get(), today);
        return successors.size() == 1 && !successors.getFirst().code().equals(code)
                ? Optional.of(new Passage(holder.get(), successors.getFirst())) : Optional.empty();
    }

    /** An ended unit and the one unit that takes over its work ({@link #soleSuccessor}). */
    public record Passage(Agency from, Agency to) {
    }

    /**
     * Returns the units valid on the given day that took over from the given one, through later successions too;
     * empty while nothing took over from it. The agency and the day must not be null.
     */
    public List<Agency> successorsValidOn(Agency ended, LocalDate on) {
        List<Agency> found = new ArrayList<>();
        Set<AgencyId> seen = new HashSet<>(List.of(ended.id()));
        ArrayDeque<AgencyId> next = new ArrayDeque<>(List.of(ended.id()));
        while (!next.isEmpty()) {
            for (AgencySuccession succession : successorsOf(next.poll())) {
                if (seen.add(succession.successor())) {
                    Agency successor = find(succession.successor()).orElseThrow();
                    if (successor.validOn(on)) {
                        found.add(successor);
                    } else if (successor.validTo() != null && successor.validTo().isBefore(on)) {
                        next.add(successor.id());
                    }
                }
            }
        }
        return found;
    }

    /** Returns every unit valid on the given day, ordered by kind and name. */
    public List<Agency> validOn(LocalDate on) {
        return jdbc.sql("""
                SELECT * FROM agency WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)
                ORDER BY CASE kind WHEN 'PROVINCE' THEN 0 WHEN 'DEPARTMENT' THEN 1 WHEN 'PRESS' THEN 2
                    WHEN 'POLICE' THEN 3 WHEN 'BORDER_GUARD' THEN 4 WHEN 'MASS_ORGANISATION' THEN 5
                    WHEN 'DISTRICT' THEN 6 WHEN 'COMMUNE' THEN 7 ELSE 8 END, code
                """).params(Date.valueOf(on), Date.valueOf(on)).query(AgencyDirectory::agency).list();
    }

    /** Returns every unit ever recorded. */
    public List<Agency> all() {
        return jdbc.sql("SELECT * FROM agency ORDER BY valid_from, code").query(AgencyDirectory::agency).list();
    }

    /** Returns the units that took over from the given one. */
    public List<AgencySuccession> successorsOf(AgencyId id) {
        return jdbc.sql("SELECT * FROM agency_succession WHERE predecessor_id = ? ORDER BY successor_id")
                .param(id.value()).query(AgencyDirectory::succession).list();
    }

    /** Returns the units the given one took over from. */
    public List<AgencySuccession> predecessorsOf(AgencyId id) {
        return jdbc.sql("SELECT * FROM agency_succession WHERE successor_id = ? ORDER BY predecessor_id")
                .param(id.value()).query(AgencyDirectory::succession).list();
    }

    /** Whether any agency is recorded yet. */
    public boolean isEmpty() {
        return jdbc.sql("SELECT count(*) FROM agency").query(Long.class).single() == 0;
    }

    /** Creates a unit; the code must not be in use by another unit valid at the same time. */
    @Transactional
    public Agency create(AgencyForm form, Actor by) {
        validate(form, null);
        long id = jdbc.sql("""
                INSERT INTO agency (code, kind, parent_id, name_vi, name_en, valid_from, valid_to, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(form.code().trim(), form.kind().name(), form.parent() == null ? null : form.parent().value(),
                form.nameVi().trim(), blankToNull(form.nameEn()), Date.valueOf(form.validFrom()),
                form.validTo() == null ? null : Date.valueOf(form.validTo()), blankToNull(form.source()))
                .query(Long.class).single();
        events.publishEvent(new AgencyCreated(by, id, form.code().trim(), form.nameVi().trim(), form.validFrom()));
        return find(new AgencyId(id)).orElseThrow();
    }

    /**
     * Changes a unit's data. A unit is not ended (an end date set, or moved earlier) while it holds open work with a
     * deadline that nobody would take over ({@link OpenWork}): refused on {@code validTo}, one problem per kind.
     */
    @Transactional
    public Agency update(AgencyId id, AgencyForm form, Actor by) {
        Agency before = find(id).orElseThrow(() -> new NotFound("agency", id.value()));
        validate(form, id);
        if (form.validTo() != null && (before.validTo() == null || form.validTo().isBefore(before.validTo()))) {
            refuseEndingWithOpenWork(before, form.validTo(), "validTo", "agency.error.open-work",
                    successorsOf(id).size());
        }
        Map<String, String> changes = new LinkedHashMap<>();
        diff(changes, "code", before.code(), form.code().trim());
        diff(changes, "kind", before.kind().name(), form.kind().name());
        diff(changes, "parent", before.parent() == null ? null : String.valueOf(before.parent().value()),
                form.parent() == null ? null : String.valueOf(form.parent().value()));
        diff(changes, "nameVi", before.nameVi(), form.nameVi().trim());
        diff(changes, "nameEn", before.nameEn(), blankToNull(form.nameEn()));
        diff(changes, "validFrom", String.valueOf(before.validFrom()), String.valueOf(form.validFrom()));
        diff(changes, "validTo", Objects.toString(before.validTo(), null), Objects.toString(form.validTo(), null));
        if (changes.isEmpty()) {
            return before;
        }
        jdbc.sql("""
                UPDATE agency SET code = ?, kind = ?, parent_id = ?, name_vi = ?, name_en = ?, valid_from = ?,
                       valid_to = ?, source = ? WHERE id = ?
                """).params(form.code().trim(), form.kind().name(), form.parent() == null ? null : form.parent().value(),
                form.nameVi().trim(), blankToNull(form.nameEn()), Date.valueOf(form.validFrom()),
                form.validTo() == null ? null : Date.valueOf(form.validTo()), blankToNull(form.source()), id.value())
                .update();
        events.publishEvent(new AgencyUpdated(by, id.value(), form.code().trim(), changes));
        return find(id).orElseThrow();
    }

    /**
     * Records that {@code successor} took over from {@code predecessor} on {@code effectiveOn}. A
     * predecessor with no end date ends the day before, unless it holds open work that the successor does not take
     * over on its own: refused on {@code successor}, one problem per kind. A second successor of an ended unit (a
     * split) is refused the same way while the unit still holds open work that would have passed to the first.
     */
    @Transactional
    public void recordSuccession(AgencyId predecessor, AgencyId successor, LocalDate effectiveOn, String note, Actor by) {
        Agency old = find(predecessor).orElseThrow(() -> new InvalidInput("predecessor", "agency.error.unknown"));
        Agency next = find(successor).orElseThrow(() -> new InvalidInput("successor", "agency.error.unknown"));
        if (old.id().equals(next.id())) {
            throw new InvalidInput("successor", "agency.error.self-succession");
        }
        if (!effectiveOn.isAfter(old.validFrom())) {
            throw new InvalidInput("effectiveOn", "agency.error.succession-before-start");
        }
        Set<AgencyId> successors = new HashSet<>(successorsOf(old.id()).stream().map(AgencySuccession::successor)
                .toList());
        boolean newSuccessor = successors.add(next.id());
        if (old.validTo() == null) {
            refuseEndingWithOpenWork(old, effectiveOn.minusDays(1), "successor", "agency.error.open-work",
                    successors.size());
        } else if (newSuccessor && successors.size() > 1) {
            // a second successor of a unit already ended splits it: what it still holds does not pass to either
            refuseEndingWithOpenWork(old, old.validTo(), "successor", "agency.error.open-work", successors.size());
        }
        jdbc.sql("""
                INSERT INTO agency_succession (predecessor_id, successor_id, effective_on, note) VALUES (?, ?, ?, ?)
                ON CONFLICT (predecessor_id, successor_id) DO UPDATE SET effective_on = excluded.effective_on,
                    note = excluded.note
                """).params(old.id().value(), next.id().value(), Date.valueOf(effectiveOn), blankToNull(note)).update();
        if (old.validTo() == null) {
            jdbc.sql("UPDATE agency SET valid_to = ? WHERE id = ?")
                    .params(Date.valueOf(effectiveOn.minusDays(1)), old.id().value()).update();
        }
        events.publishEvent(new AgencySucceeded(by, old.id().value(), next.id().value(), effectiveOn));
    }

    /**
     * Imports units (CSV: code, kind, parent_code, name_vi, name_en, valid_from, valid_to, source; may be null)
     * and optionally successions (CSV: old_code, old_valid_from, new_code, new_valid_from, note, source).
     * A unit already recorded with the same code and start is left alone, so an import can be repeated.
     * The whole file is refused, naming the line, if any line is wrong.
     */
    @Transactional
    public ImportSummary importCsv(String name, InputStream units, InputStream successions, Actor by) {
        List<Row> unitRows = units == null ? List.of() : readCsv(units, 8, name);
        int created = 0;
        Map<String, Long> justCreated = new HashMap<>();
        for (Row unit : unitRows) {
            String[] row = unit.fields();
            int line = unit.line();
            LocalDate from = date(row[5], line, "valid_from");
            LocalDate to = row[6].isBlank() ? null : date(row[6], line, "valid_to");
            AgencyKind kind;
            try {
                kind = AgencyKind.valueOf(row[1].trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("file", "agency.import.bad-kind", line, row[1]);
            }
            if (outlivesDistricts(kind, to)) {
                throw new InvalidInput("file", "agency.import.district-abolished", line, row[0].trim());
            }
            Optional<Long> existing = jdbc.sql("SELECT id FROM agency WHERE code = ? AND valid_from = ?")
                    .params(row[0].trim(), Date.valueOf(from)).query(Long.class).optional();
            if (existing.isPresent()) {
                continue;
            }
            AgencyId parent = null;
            if (!row[2].isBlank()) {
                parent = findByCode(row[2].trim(), from).map(Agency::id)
                        .orElseThrow(() -> new InvalidInput("file", "agency.import.unknown-parent", line, row[2]));
            }
            long id = jdbc.sql("""
                    INSERT INTO agency (code, kind, parent_id, name_vi, name_en, valid_from, valid_to, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """).params(row[0].trim(), kind.name(), parent == null ? null : parent.value(), row[3].trim(),
                    blankToNull(row[4]), Date.valueOf(from), to == null ? null : Date.valueOf(to), blankToNull(row[7]))
                    .query(Long.class).single();
            justCreated.put(row[0].trim() + "@" + from, id);
            created++;
        }
        int successionCount = 0;
        if (successions != null) {
            for (Row succession : readCsv(successions, 6, name)) {
                String[] row = succession.fields();
                int line = succession.line();
                long oldId = idOf(row[0], date(row[1], line, "old_valid_from"), line);
                LocalDate effective = date(row[3], line, "new_valid_from");
                long newId = idOf(row[2], effective, line);
                Agency ending = find(new AgencyId(oldId)).orElseThrow();
                Set<AgencyId> successors = new HashSet<>(successorsOf(ending.id()).stream()
                        .map(AgencySuccession::successor).toList());
                boolean newSuccessor = successors.add(new AgencyId(newId));
                if (ending.validTo() == null || newSuccessor && successors.size() > 1) {
                    // the rows of a split come one by one: the second finds the unit ended by the first
                    refuseEndingWithOpenWork(ending, ending.validTo() == null ? effective.minusDays(1) : ending.validTo(),
                            "file", "agency.import.open-work", successors.size(), line, ending.code());
                }
                jdbc.sql("""
                        INSERT INTO agency_succession (predecessor_id, successor_id, effective_on, note)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """).params(oldId, newId, Date.valueOf(effective), blankToNull(row[4])).update();
                jdbc.sql("UPDATE agency SET valid_to = ? WHERE id = ? AND valid_to IS NULL")
                        .params(Date.valueOf(effective.minusDays(1)), oldId).update();
                successionCount++;
            }
        }
        events.publishEvent(new AgenciesImported(by, name, created, successionCount));
        return new ImportSummary(unitRows.size(), created, successionCount);
    }

    /**
     * What an import did.
     *
     * @param read the unit rows read
     * @param created the units created (the others were already there)
     * @param successions the succession rows applied
     */
    public record ImportSummary(int read, int created, int successions) {
    }

    private long idOf(String code, LocalDate from, int line) {
        return jdbc.sql("SELECT id FROM agency WHERE code = ? AND valid_from = ?").params(code.trim(), Date.valueOf(from))
                .query(Long.class).optional()
                .orElseThrow(() -> new InvalidInput("file", "agency.import.unknown-unit", line, code + "@" + from));
    }

    /**
     * Whether a unit of this kind would be a district-level unit on or after 01/07/2025, when the district level was
     * abolished nationwide with the 2025 reorganisation: a district is recorded only as history, with a last day of
     * validity by 30/06/2025. Every way a unit is created or changed (the form, the CSV import) asks this one question.
     */
    private static boolean outlivesDistricts(AgencyKind kind, LocalDate validTo) {
        return kind == AgencyKind.DISTRICT && (validTo == null || validTo.isAfter(AgencyKind.LAST_DAY_OF_DISTRICTS));
    }

    private void validate(AgencyForm form, AgencyId self) {
        if (form.code() == null || !form.code().trim().matches("[A-Za-z0-9._-]{1,32}")) {
            throw new InvalidInput("code", "agency.error.code");
        }
        if (form.nameVi() == null || form.nameVi().isBlank() || form.nameVi().length() > 300) {
            throw new InvalidInput("nameVi", "agency.error.name");
        }
        if (form.kind() == null) {
            throw new InvalidInput("kind", "agency.error.kind");
        }
        if (form.validFrom() == null) {
            throw new InvalidInput("validFrom", "agency.error.valid-from");
        }
        if (form.validTo() != null && form.validTo().isBefore(form.validFrom())) {
            throw new InvalidInput("validTo", "agency.error.valid-to");
        }
        if (outlivesDistricts(form.kind(), form.validTo())) {
            throw new InvalidInput("kind", "agency.error.district-abolished");
        }
        if (form.parent() != null) {
            if (form.parent().equals(self)) {
                throw new InvalidInput("parent", "agency.error.parent-self");
            }
            Agency parent = find(form.parent()).orElseThrow(() -> new InvalidInput("parent", "agency.error.unknown"));
            // a unit sits under a parent that exists for all its life: not under Ninh Thuận's committee in 2026
            boolean fromTheStart = parent.validOn(form.validFrom());
            boolean toTheEnd = parent.validTo() == null
                    || form.validTo() != null && !parent.validTo().isBefore(form.validTo());
            if (!fromTheStart || !toTheEnd) {
                throw new InvalidInput("parent", "agency.error.parent-period");
            }
        }
        LocalDate end = form.validTo() == null ? LocalDate.of(9999, 12, 31) : form.validTo();
        long overlapping = jdbc.sql("""
                SELECT count(*) FROM agency WHERE code = ? AND id <> ? AND valid_from <= ?
                  AND (valid_to IS NULL OR valid_to >= ?)
                """).params(form.code().trim(), self == null ? -1 : self.value(), Date.valueOf(end),
                Date.valueOf(form.validFrom())).query(Long.class).single();
        if (overlapping > 0) {
            throw new InvalidInput("code", "agency.error.code-taken");
        }
    }

    /**
     * Refuses to end the agency on {@code lastDay} while it holds open work: the first problem says why
     * ({@code messageKey}), one more per kind says how many are open and where to transfer them.
     */
    private void refuseEndingWithOpenWork(Agency agency, LocalDate lastDay, String field, String messageKey,
            int successors, Object... arguments) {
        List<InvalidInput> problems = new ArrayList<>();
        for (OpenWork work : openWork) {
            OpenWork.Count open = work.of(agency, lastDay, successors);
            if (open.count() > 0) {
                problems.add(new InvalidInput(field, open.messageKey(), open.count()));
            }
        }
        if (!problems.isEmpty()) {
            problems.addFirst(new InvalidInput(field, messageKey, arguments));
            InvalidInput.throwIfAny(problems);
        }
    }

    private static LocalDate date(String text, int line, String column) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("file", "agency.import.bad-date", line, column, text);
        }
    }

    /** A data row of an import file and the line it ends on (its only line, unless a quoted field breaks). */
    private record Row(int line, String[] fields) {
    }

    /** RFC 4180; text after a closing quote is kept, as spreadsheets do. */
    private static final CSVFormat AGENCY_CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true)
            .setTrailingData(true).get();

    /**
     * Reads a CSV file with a header row (quoted fields may hold commas, doubled quotes and line breaks);
     * blank lines are skipped.
     */
    private static List<Row> readCsv(InputStream in, int columns, String name) {
        List<Row> rows = new ArrayList<>();
        String text;
        try {
            text = vn.loa.shared.Utf8Text.decode(in.readAllBytes());
        } catch (vn.loa.shared.Utf8Text.NotUtf8 e) {
            throw new InvalidInput("file", "agency.import.not-utf8", name, e.line());
        } catch (IOException e) {
            throw new InvalidInput("file", "agency.import.unreadable", name);
        }
        try (CSVParser parser = CSVParser.parse(new java.io.StringReader(text), AGENCY_CSV)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new InvalidInput("file", "agency.import.empty", name);
            }
            CSVRecord header = records.next();
            if (header.size() == 1 && header.get(0).contains(";")) {
                // Excel in a Vietnamese locale saves "CSV" with semicolons
                throw new InvalidInput("file", "agency.import.semicolons", name);
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = (int) parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (record.size() != columns) {
                    throw new InvalidInput("file", "agency.import.bad-columns", line, columns, record.size());
                }
                rows.add(new Row(line, record.values()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInput("file", "agency.import.unreadable", name);
        }
        return rows;
    }

    private static void diff(Map<String, String> changes, String key, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.put(key, before + " -> " + after);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Agency agency(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        boolean noParent = rs.wasNull();
        Date to = rs.getDate("valid_to");
        return new Agency(new AgencyId(rs.getLong("id")), rs.getString("code"), AgencyKind.valueOf(rs.getString("kind")),
                noParent ? null : new AgencyId(parent), rs.getString("name_vi"),
                rs.getString("name_en"), rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate(),
                rs.getString("source"));
    }

    private static AgencySuccession succession(ResultSet rs, int row) throws SQLException {
        return new AgencySuccession(new AgencyId(rs.getLong("predecessor_id")), new AgencyId(rs.getLong("successor_id")),
                rs.getDate("effective_on").toLocalDate(), rs.getString("note"));
    }
}

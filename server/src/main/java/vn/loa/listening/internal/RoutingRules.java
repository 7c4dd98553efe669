package vn.loa.listening.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.loa.identity.AgencyDirectory;
import vn.loa.listening.AgencyRouting;
import vn.loa.listening.PostLabels;
import vn.loa.nlp.AccentFolding;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.shared.Actor;
import vn.loa.shared.LocalTime;
import vn.loa.shared.InvalidInput;

/**
 * Editable routing rules: a post whose text contains a keyword ("bệnh viện", "BHYT"), whose topic
 * is one given, or whose policy domain is one given (health, education, ...), is routed to an agency,
 * in addition to the agencies it names; a news report or an official statement only when it is about the province
 * ({@link #rulesApply}). A keyword
 * written with diacritics matches only with them; one of two syllables or more also matches a text
 * typed without diacritics. Rules apply to posts that arrive after they are made, and to the stored posts when an
 * administrator re-routes them ({@code bin/loa reanalyze --reroute}).
 */
@Component
class RoutingRules implements AgencyRouting {

    static final List<String> KINDS = List.of("KEYWORD", "TOPIC", "DOMAIN");

    /**
     * A rule ready to match: a topic, a policy domain, or a keyword (as typed and without diacritics)
     * with its patterns, which run only where a plain search finds the keyword (most posts have none).
     */
    private record Compiled(String agencyCode, String topic, String domain, String keyword, Pattern exact,
            String foldedKeyword, Pattern folded) {

        boolean matches(String lower, String foldedText) {
            return (lower.contains(keyword) && exact.matcher(lower).find())
                    || (folded != null && foldedText.contains(foldedKeyword) && folded.matcher(foldedText).find());
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    /** The places' gazetteer: which units took over from a unit that no longer exists. */
    private final Gazetteer places;
    /** The province's own units, read from the agency directory when first needed. */
    private volatile LocalUnits localUnits;
    private volatile List<Compiled> compiled;

    RoutingRules(JdbcClient jdbc, Clock clock, AgencyDirectory agencies, ApplicationEventPublisher events,
            TextAnalyzer analyzer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.agencies = agencies;
        this.events = events;
        this.places = analyzer.places();
    }

    @Override
    public List<Rule> all() {
        return jdbc.sql("SELECT id, agency_code, kind, value, created_by FROM routing_rule ORDER BY agency_code, kind, value")
                .query((rs, row) -> new Rule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    @Override
    @Transactional
    public void add(String agencyCode, String kind, String value, Actor by) {
        String clean = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        List<InvalidInput> problems = new ArrayList<>();
        if (agencyCode == null || agencyCode.isBlank()
                || agencies.findByCode(agencyCode.strip(), LocalDate.ofInstant(clock.instant(), LocalTime.ZONE)).isEmpty()) {
            problems.add(new InvalidInput("agency", "listening.rules.agency-required"));
        }
        if (!KINDS.contains(kind)) {
            problems.add(new InvalidInput("kind", "listening.rules.kind-invalid"));
        }
        if (clean.isEmpty() || clean.length() > 200) {
            problems.add(new InvalidInput("value", "listening.rules.value-invalid"));
        } else if ("DOMAIN".equals(kind) && !PostLabels.DOMAINS.contains(clean)) {
            problems.add(new InvalidInput("value", "listening.rules.domain-invalid"));
        }
        InvalidInput.throwIfAny(problems);
        Optional<Long> id = jdbc.sql("""
                INSERT INTO routing_rule (agency_code, kind, value, created_by, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING RETURNING id
                """).params(agencyCode.strip(), kind, clean, by.username(), Timestamp.from(clock.instant()))
                .query(Long.class).optional();
        forgetCompiledRules();
        id.ifPresent(added -> events.publishEvent(
                new RoutingRuleChanged(by, "added", new Rule(added, agencyCode.strip(), kind, clean, by.username()))));
    }

    @Override
    @Transactional
    public void remove(long id, Actor by) {
        Optional<Rule> rule = all().stream().filter(r -> r.id() == id).findFirst();
        if (rule.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM routing_rule WHERE id = ?").param(id).update();
        forgetCompiledRules();
        events.publishEvent(new RoutingRuleChanged(by, "removed", rule.get()));
    }

    /** The rules are compiled again once the change is committed (a compilation before would read the old ones). */
    private void forgetCompiledRules() {
        compiled = null;
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                compiled = null;
            }
        });
    }

    /**
     * What routing reads of a post besides its text: how it is written and where it came from.
     *
     * @param register its register ({@code news}, {@code official} or {@code comment})
     * @param feedback whether it came by the province's hotline or to an office
     * @param localSource whether its source is the province's own ({@code post_source.local}: its newspaper and
     *     broadcaster, their pages, its agencies' sites, its residents' groups)
     * @param sourceAgency the code of the agency whose source it came in on, if any: feedback is routed to it
     */
    record Provenance(String register, boolean feedback, boolean localSource, String sourceAgency) {

        Provenance(String register, boolean feedback, boolean localSource) {
            this(register, feedback, localSource, null);
        }
    }

    /**
     * The agencies a post is routed to: those it names, the routing rules' (by its normalised text, its topic and
     * its policy domain) when they apply to it ({@link #rulesApply}), then the communes whose places it names
     * ({@link #routeByPlace}); none when it is about another province and names nothing of this one
     * ({@link #aboutElsewhere}), as "Công an tỉnh Bình Dương bắt…" or "Sở Y tế Hà Nội" is not this province's police or
     * health department to answer, unless it came as feedback by the province's hotline or to an office. The importer
     * stores a new post's routing from here, and the re-analysis a stored post's.
     *
     * @param day the post's day (in Vietnam): a unit it names that no longer exists then routes to those that took over
     */
    String[] agencies(NamesInText names, String normalizedText, String topic, String domain, LocalDate day,
            Provenance from) {
        if (!from.feedback() && aboutElsewhere(names.places())) {
            return new String[0];
        }
        Set<String> agencies = new TreeSet<>(List.of(names.agencies()));
        if (from.feedback() && from.sourceAgency() != null) {
            // a call to a department's hotline, or a citizen at its office, is the department's to answer
            agencies.add(from.sourceAgency());
        }
        if (rulesApply(names, from)) {
            agencies.addAll(route(normalizedText, topic, domain));
        }
        // the communes last: where a post is about a hospital in a ward, the department answers it, the ward sees it
        Set<String> ordered = new java.util.LinkedHashSet<>(agencies);
        ordered.addAll(routeByPlace(names.places(), day));
        return ordered.toArray(String[]::new);
    }

    /**
     * Whether the routing rules route a post: a citizen's comment and feedback always (the province's residents write
     * on its channels, and what names another province only is routed nowhere already); a news report or an official
     * statement only when it is about the province: its source is the province's own, its places make it so
     * ({@link #aboutTheProvince}), or it names one of the province's agencies. A study of a hospital in California or a
     * transit strike in New York, on a national news site, is health or transport news, not the province's Department
     * of Health's or of Construction's to answer.
     */
    boolean rulesApply(NamesInText names, Provenance from) {
        boolean news = from.register() != null && PostLabels.NEWS_REGISTERS.contains(from.register());
        return from.feedback() || !news || from.localSource() || names.agencies().length > 0
                || aboutTheProvince(names.places());
    }

    /** The agencies the rules route a post to, by its text, its topic and its policy domain. */
    Set<String> route(String normalizedText, String topic, String domain) {
        List<Compiled> rules = compiled;
        if (rules == null) {
            rules = all().stream().map(RoutingRules::compile).toList();
            compiled = rules;
        }
        Set<String> agencies = new TreeSet<>();
        String lower = null;
        String folded = null;
        for (Compiled rule : rules) {
            if (rule.topic() != null || rule.domain() != null) {
                if (rule.topic() != null ? rule.topic().equals(topic) : rule.domain().equals(domain)) {
                    agencies.add(rule.agencyCode());
                }
                continue;
            }
            if (lower == null) {
                lower = normalizedText.toLowerCase(Locale.ROOT);
                folded = AccentFolding.fold(lower);
            }
            if (rule.matches(lower, folded)) {
                agencies.add(rule.agencyCode());
            }
        }
        return agencies;
    }

    /**
     * How the code routes, besides the editable rules and the province's units, named so that a change of it changes
     * the version and the re-analysis page offers to route the stored posts again: change the text whenever the way
     * of routing changes.
     */
    private static final String LOGIC = "agencies named, then the rules, then the communes of the places named (06/12/2026); "
            + "a post about another province and nothing of this one routed nowhere unless it came as feedback (06/12/2026); "
            + "news and official statements routed by the rules only when about the province, from a local source or "
            + "naming one of its agencies (06/12/2026); a unit ended on the post's day routes to its successors (06/12/2026)";

    /**
     * The version of the routing: a short hash of how the code routes ({@link #LOGIC}), the rules and the province's
     * units that places route to. A re-routing run keeps it, and is resumed only while it is the same.
     */
    String version() {
        StringBuilder routing = new StringBuilder(LOGIC).append('\n');
        for (Rule rule : all()) {
            routing.append(rule.agencyCode()).append('\t').append(rule.kind()).append('\t').append(rule.value()).append('\n');
        }
        LocalUnits local = localUnits();
        new TreeSet<>(local.agencyByPlace().keySet()).forEach(place -> routing.append(place).append('\n'));
        new TreeSet<>(local.provinces()).forEach(province -> routing.append(province).append('\n'));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(routing.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The province's own units as the gazetteer names their places: each commune, ward or (before July 2025)
     * district by place id ("22786@2025-07-01") with its agency code, and the codes of all of them and of the
     * province itself (56, and Ninh Thuận's 58).
     */
    private record LocalUnits(java.util.Map<String, vn.loa.identity.Agency> agencyByPlace, Set<String> provinces,
            Set<String> units) {

        static String code(String place) {
            int at = place.indexOf('@');
            return at < 0 ? place : place.substring(0, at);
        }

        /** A place of another province: the gazetteer's places outside this one are provinces, two-digit codes. */
        boolean elsewhere(String place) {
            String code = code(place);
            return code.length() <= 2 && !provinces.contains(code);
        }
    }

    private LocalUnits localUnits() {
        LocalUnits local = localUnits;
        if (local == null) {
            java.util.Map<String, vn.loa.identity.Agency> byPlace = new java.util.HashMap<>();
            Set<String> provinces = new java.util.HashSet<>();
            Set<String> units = new java.util.HashSet<>();
            for (vn.loa.identity.Agency a : agencies.all()) {
                switch (a.kind()) {
                    case COMMUNE, DISTRICT -> {
                        byPlace.put(a.code() + "@" + a.validFrom(), a);
                        units.add(a.code());
                    }
                    case PROVINCE -> provinces.add(a.code());
                    default -> {
                    }
                }
            }
            local = new LocalUnits(java.util.Map.copyOf(byPlace), Set.copyOf(provinces), Set.copyOf(units));
            localUnits = local;
        }
        return local;
    }

    /**
     * The local governments a post is routed to by the places it names: a commune or ward (or, before July 2025, a
     * district) whose People's Committee is an agency of the same code and start of validity as the place in the
     * gazetteer ("22786@2025-07-01" is Xã Bác Ái Tây, agency 22786), so that a commune's officers see what is said
     * about their commune; none when the post also names another province, whose place of the same name it more
     * likely means ("Thuận Nam" in "Hàm Thuận Nam, Bình Thuận" is not the commune). A unit that no longer exists on
     * the post's day (a district after June 2025) is not asked to answer: the post goes to the units that took over
     * from it that the post names, or, when it names none of them, to all of them ("UBND huyện Thuận Nam hứa mãi",
     * written in December 2026, goes to the four communes of the former district; with "xã Phước Hà" in it, to that
     * commune only).
     */
    Set<String> routeByPlace(String[] placeIds, LocalDate day) {
        Set<String> routed = new TreeSet<>();
        if (placeIds == null || placeIds.length == 0) {
            return routed;
        }
        LocalUnits local = localUnits();
        Set<String> named = new java.util.HashSet<>(java.util.Arrays.asList(placeIds));
        for (String place : placeIds) {
            if (local.elsewhere(place)) {
                return Set.of();
            }
            vn.loa.identity.Agency agency = local.agencyByPlace().get(place);
            if (agency == null) {
                continue;
            }
            if (agency.validOn(day)) {
                routed.add(agency.code());
                continue;
            }
            List<String> successors = places.entry(place).map(Gazetteer.Entry::successors).orElse(List.of());
            if (successors.stream().noneMatch(named::contains)) {
                for (String successor : successors) {
                    vn.loa.identity.Agency taking = local.agencyByPlace().get(successor);
                    if (taking != null && taking.validOn(day)) {
                        routed.add(taking.code());
                    }
                }
            }
        }
        return routed;
    }

    /**
     * Whether the places a post names make it about the province: it names the province, or one of its communes or
     * former districts and no other province (by the same rule as {@link #routeByPlace}).
     */
    boolean aboutTheProvince(String[] placeIds) {
        LocalUnits local = localUnits();
        boolean unit = false;
        boolean elsewhere = false;
        for (String place : placeIds) {
            String code = LocalUnits.code(place);
            if (local.provinces().contains(code)) {
                return true;
            }
            elsewhere |= local.elsewhere(place);
            unit |= local.units().contains(code);
        }
        return unit && !elsewhere;
    }

    /** Whether the places a post names are of another province, and none of them of this one. */
    boolean aboutElsewhere(String[] placeIds) {
        if (placeIds == null || placeIds.length == 0 || aboutTheProvince(placeIds)) {
            return false;
        }
        LocalUnits local = localUnits();
        for (String place : placeIds) {
            if (local.elsewhere(place)) {
                return true;
            }
        }
        return false;
    }

    /** A unit added or changed is read again at the next post. */
    @org.springframework.context.event.EventListener({vn.loa.identity.IdentityEvent.AgencyCreated.class,
            vn.loa.identity.IdentityEvent.AgencyUpdated.class})
    void agenciesChanged() {
        localUnits = null;
    }

    private static Compiled compile(Rule rule) {
        if ("TOPIC".equals(rule.kind())) {
            return new Compiled(rule.agencyCode(), rule.value(), null, null, null, null, null);
        }
        if ("DOMAIN".equals(rule.kind())) {
            return new Compiled(rule.agencyCode(), null, rule.value(), null, null, null, null);
        }
        String keyword = rule.value().toLowerCase(Locale.ROOT);
        Pattern exact = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])");
        boolean severalSyllables = keyword.indexOf(' ') > 0;
        String foldedKeyword = AccentFolding.fold(keyword);
        Pattern folded = severalSyllables || foldedKeyword.equals(keyword)
                ? Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(foldedKeyword) + "(?![\\p{L}\\p{N}])")
                : null;
        return new Compiled(rule.agencyCode(), null, null, keyword, exact, foldedKeyword, folded);
    }
}
